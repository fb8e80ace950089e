// The gate in front of every page but sign-in: asks the API who is signed in (once; later
// pages read the answer from the cache), shows a neutral frame meanwhile, and sends a
// visitor without a session to /login?next=<here>.
import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Navigate, useLocation } from 'react-router-dom';
import { BareFrame } from '../../../app/AppShell';
import { useI18n } from '../../../app/I18nProvider';
import { PageSkeleton } from '../../../app/PageBoundary';
import { ME } from '../graphql/me';
import { SessionContext } from '../hooks/useSession';
import { loginPath } from '../utils/redirect';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t, urlLang } = useI18n();
  const location = useLocation();
  const { data, error, refetch } = useQuery(ME);

  if (data?.me) return <SessionContext value={data.me}>{children}</SessionContext>;

  if (data && data.me === null) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}`, urlLang)} replace />;
  }

  if (error) {
    return (
      <BareFrame>
        <div className="panel">
          <div className="panel-message page-message" role="alert" data-testid="session-error">
            <p className="panel-message-title">{t('sessionError')}</p>
            <p className="panel-message-hint">{t('sessionErrorHint')}</p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                refetch().catch(() => {
                  // the error shows again
                });
              }}
            >
              {t('retry')}
            </button>
          </div>
        </div>
      </BareFrame>
    );
  }

  return (
    <BareFrame>
      <PageSkeleton label={t('sessionChecking')} />
    </BareFrame>
  );
}
