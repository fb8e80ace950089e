// Routes: the overview at /, the analysis pages (trends, institutions, regions, complaints),
// sign-in at /login, complaint intake and file imports (for administrators and operators),
// and the admin pages, each page's code loaded when it is first opened. Everything but
// /login needs a session.
import { lazy, useEffect } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../features/auth/components/NotFound';
import { RequireRole } from '../features/auth/components/RequireRole';
import { RequireSession } from '../features/auth/components/RequireSession';
import { DATA_ENTRY_ROLES } from '../features/auth/utils/roles';
import { AppShell, BareFrame } from './AppShell';
import { localeOf } from './i18n';
import { I18nProvider } from './I18nProvider';
import { Page } from './PageBoundary';
import { useLangState } from './useLangState';

const OverviewPage = lazy(() => import('../features/overview/components/OverviewPage'));
const TrendsPage = lazy(() => import('../features/trends/components/TrendsPage'));
const InstitutionsPage = lazy(() => import('../features/institutions/components/InstitutionsPage'));
const InstitutionPage = lazy(() => import('../features/institutions/components/InstitutionPage'));
const RegionsPage = lazy(() => import('../features/regions/components/RegionsPage'));
const ComplaintsPage = lazy(() => import('../features/complaints/components/ComplaintsPage'));
const ComplaintPage = lazy(() => import('../features/complaints/components/ComplaintPage'));
const LoginPage = lazy(() => import('../features/auth/components/LoginPage'));
const UsersPage = lazy(() => import('../features/users/components/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/components/AuditPage'));
const ImportsPage = lazy(() => import('../features/imports/components/ImportsPage'));
const IntakePage = lazy(() => import('../features/intake/components/IntakePage'));

export function App() {
  const { lang, urlLang, setLang } = useLangState();

  useEffect(() => {
    document.documentElement.lang = localeOf(lang);
  }, [lang]);

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
