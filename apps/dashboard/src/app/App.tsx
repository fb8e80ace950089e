// Routes: the overview at /, the analysis pages (trends, institutions, regions, complaints),
// sign-in at /login, complaint intake and file imports (for administrators and operators),
// and the admin pages. The overview, where visits start, comes with the first script; every
// other page's code is loaded when it is first opened. Everything but /login needs a session.
import { lazy, useEffect, useRef } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../features/auth/components/NotFound';
import OverviewPage from '../features/overview/components/OverviewPage';
import { prefetchOverview } from '../features/overview/prefetchOverview';
import { RequireRole } from '../features/auth/components/RequireRole';
import { RequireSession } from '../features/auth/components/RequireSession';
import { DATA_ENTRY_ROLES } from '../features/auth/utils/roles';
import { AppShell, BareFrame } from './AppShell';
import { localeOf } from './i18n';
import { I18nProvider } from './I18nProvider';
import { lazyPage } from './lazyPage';
import { Page } from './PageBoundary';
import { useLangState } from './useLangState';

// The other analysis pages, by path. The page a visit opens on starts loading at once,
// beside the session check, rather than after it, and renders as soon as the check answers.
// The overview is not among them: it is part of the first script. Loaded on its own, its
// sixteen small files went out after the first script's, queued with the session check on
// the browser's six connections, and, when they arrived after the check, React held the
// page behind its skeleton for another 0.3 s.
const LAZY_ANALYSIS_PAGES = {
  trends: lazyPage(() => import('../features/trends/components/TrendsPage')),
  institutions: lazyPage(() => import('../features/institutions/components/InstitutionsPage')),
  institution: lazyPage(() => import('../features/institutions/components/InstitutionPage')),
  regions: lazyPage(() => import('../features/regions/components/RegionsPage')),
  complaints: lazyPage(() => import('../features/complaints/components/ComplaintsPage')),
  complaint: lazyPage(() => import('../features/complaints/components/ComplaintPage')),
  spikes: lazyPage(() => import('../features/spikes/components/SpikesPage')),
};

/** Which analysis page a path opens, if any. */
export function analysisPageOf(
  pathname: string,
): 'overview' | keyof typeof LAZY_ANALYSIS_PAGES | null {
  if (pathname === '/' || pathname === '') return 'overview';
  const m = /^\/(trends|institutions|regions|complaints|spikes)(\/[^/]+)?\/?$/.exec(pathname);
  if (!m) return null;
  if (m[2])
    return m[1] === 'institutions' ? 'institution' : m[1] === 'complaints' ? 'complaint' : null;
  return m[1] as 'trends' | 'institutions' | 'regions' | 'complaints' | 'spikes';
}

if (typeof window !== 'undefined') {
  const first = analysisPageOf(window.location.pathname);
  if (first && first !== 'overview') LAZY_ANALYSIS_PAGES[first].preload();
}

const {
  trends: TrendsPage,
  institutions: InstitutionsPage,
  institution: InstitutionPage,
  regions: RegionsPage,
  complaints: ComplaintsPage,
  complaint: ComplaintPage,
  spikes: SpikesPage,
} = LAZY_ANALYSIS_PAGES;
const LoginPage = lazy(() => import('../features/auth/components/LoginPage'));
const UsersPage = lazy(() => import('../features/users/components/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/components/AuditPage'));
const ImportsPage = lazy(() => import('../features/imports/components/ImportsPage'));
const IntakePage = lazy(() => import('../features/intake/components/IntakePage'));
const ReportsPage = lazy(() => import('../features/reports/components/ReportsPage'));

export function App() {
  const { lang, urlLang, setLang } = useLangState();
  const client = useApolloClient();
  const started = useRef(false);

  useEffect(() => {
    document.documentElement.lang = localeOf(lang);
  }, [lang]);

  // A visit that opens on the overview asks for its figures now, beside the session check
  // (which this same commit sends), not once the check has answered. Only the first page.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const { pathname, search } = window.location;
    if (analysisPageOf(pathname) === 'overview') prefetchOverview(client, search, lang);
  }, [client, lang]);

  return (
    <I18nProvider lang={lang} urlLang={urlLang} setLang={setLang}>
      <Routes>
        <Route
          path="/login"
          element={
            <Page frame={(content) => <BareFrame nav={false}>{content}</BareFrame>}>
              <LoginPage />
            </Page>
          }
        />
        <Route
          element={
            <RequireSession>
              <AppShell />
            </RequireSession>
          }
        >
          <Route
            index
            element={
              <Page>
                <OverviewPage />
              </Page>
            }
          />
          <Route
            path="trends"
            element={
              <Page>
                <TrendsPage />
              </Page>
            }
          />
          <Route
            path="institutions"
            element={
              <Page>
                <InstitutionsPage />
              </Page>
            }
          />
          <Route
            path="institutions/:id"
            element={
              <Page>
                <InstitutionPage />
              </Page>
            }
          />
          <Route
            path="regions"
            element={
              <Page>
                <RegionsPage />
              </Page>
            }
          />
          <Route
            path="complaints"
            element={
              <Page>
                <ComplaintsPage />
              </Page>
            }
          />
          <Route
            path="complaints/:id"
            element={
              <Page>
                <ComplaintPage />
              </Page>
            }
          />
          <Route
            path="spikes"
            element={
              <Page>
                <SpikesPage />
              </Page>
            }
          />
          <Route
            path="reports"
            element={
              <Page>
                <ReportsPage />
              </Page>
            }
          />
          <Route
            path="intake"
            element={
              <RequireRole role={DATA_ENTRY_ROLES}>
                <Page>
                  <IntakePage />
                </Page>
              </RequireRole>
            }
          />
          <Route
            path="imports"
            element={
              <RequireRole role={DATA_ENTRY_ROLES}>
                <Page>
                  <ImportsPage />
                </Page>
              </RequireRole>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequireRole role="ADMIN">
                <Page>
                  <UsersPage />
                </Page>
              </RequireRole>
            }
          />
          <Route
            path="admin/audit"
            element={
              <RequireRole role="ADMIN">
                <Page>
                  <AuditPage />
                </Page>
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </I18nProvider>
  );
}
