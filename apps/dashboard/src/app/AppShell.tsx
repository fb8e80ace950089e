// The signed-in frame: header with the user and sign-out, the navigation, the demo-data
// banner, and the page.
import type { ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { UserMenu } from '../features/auth/components/UserMenu';
import { useSession } from '../features/auth/hooks/useSession';
import { canEnterData } from '../features/auth/utils/roles';
import { DatasetSummary, SyntheticBanner } from '../features/trends/components/DatasetStatus';
import { parseUrlState, sharedQuery } from '../features/trends/utils/urlState';
import { AppHeader } from './AppHeader';
import { useI18n } from './I18nProvider';

/** The analysis pages: their links carry the filter, so moving between them keeps it. */
const ANALYSIS_PAGES = [
  { path: '/', key: 'nav.overview', testId: 'nav-overview' },
  { path: '/trends', key: 'nav.trends', testId: 'nav-trends' },
  { path: '/institutions', key: 'nav.institutions', testId: 'nav-institutions' },
  { path: '/regions', key: 'nav.regions', testId: 'nav-regions' },
  { path: '/complaints', key: 'nav.complaints', testId: 'nav-complaints' },
  { path: '/spikes', key: 'nav.spikes', testId: 'nav-spikes' },
  { path: '/reports', key: 'nav.reports', testId: 'nav-reports' },
] as const;

const isAnalysisPath = (pathname: string) =>
  ANALYSIS_PAGES.some(
    (p) => p.path === pathname || (p.path !== '/' && pathname.startsWith(`${p.path}/`)),
  );

function MainNav() {
  const { t, href } = useI18n();
  const user = useSession();
  const { pathname, search } = useLocation();
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'nav-link is-active' : 'nav-link';
  const analysis = isAnalysisPath(pathname);
  // On an analysis page the filter goes along; elsewhere only the language.
  const shared = analysis ? sharedQuery(parseUrlState(search)) : '';
  return (
    <div className="app-nav-inner">
      <nav className="app-nav" aria-label={t('navLabel')}>
        {ANALYSIS_PAGES.map((p) => (
          <NavLink
            key={p.path}
            to={shared ? `${p.path}?${shared}` : href(p.path)}
            end={p.path === '/'}
            className={linkClass}
            data-testid={p.testId}
          >
            {t(p.key)}
          </NavLink>
        ))}
        {canEnterData(user.role) && (
          <>
            <NavLink to={href('/intake')} className={linkClass} data-testid="nav-intake">
              {t('nav.intake')}
            </NavLink>
            <NavLink to={href('/imports')} className={linkClass} data-testid="nav-imports">
              {t('nav.imports')}
            </NavLink>
          </>
        )}
        {user.role === 'ADMIN' && (
          <>
            <NavLink to={href('/admin/users')} className={linkClass} data-testid="nav-users">
              {t('nav.users')}
            </NavLink>
            <NavLink to={href('/admin/audit')} className={linkClass} data-testid="nav-audit">
              {t('nav.audit')}
            </NavLink>
          </>
        )}
      </nav>
      {analysis && <DatasetSummary />}
    </div>
  );
}

/** The header alone, for what shows before there is a user (sign-in, the session check). */
export function BareFrame({ children, nav = true }: { children: ReactNode; nav?: boolean }) {
  return (
    <div className="app">
      <AppHeader below={nav && <div className="app-nav-inner" aria-hidden="true" />} />
      <main className="app-main">{children}</main>
    </div>
  );
}

export function AppShell() {
  return (
    <div className="app">
      <AppHeader below={<MainNav />}>
        <UserMenu />
      </AppHeader>
      <SyntheticBanner />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
