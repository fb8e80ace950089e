// Audit log (ADMIN): who did what and when, in the order the API gives, loaded a page
// at a time; filtered by action (kept in the URL); the whole log as CSV from the API.
import { useId, useState, type FormEvent } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { hasErrorCode } from '../../../app/errors';
import { useI18n } from '../../../app/I18nProvider';
import { PageSkeleton } from '../../../app/PageBoundary';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { NoPermission } from '../../auth/components/NoPermission';
import { formatDateTime } from '../../trends/utils/format';
import { AUDIT_ACTIONS, AUDIT_LOG } from '../graphql/auditLog';
import { detailsText } from '../utils/details';

const PAGE_SIZE = 50;
const AUDIT_EXPORT_URL = '/api/audit/export.csv';

export default function AuditPage() {
  const { t, lang, formatNumber } = useI18n();
  useDocumentTitle('auditTitle');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const action = params.get('action')?.trim() || null;

  // The box shows the URL's filter, and follows it when Back changes it.
  const [draft, setDraft] = useState(action ?? '');
  const [shownAction, setShownAction] = useState(action);
  if (action !== shownAction) {
    setShownAction(action);
    setDraft(action ?? '');
  }

  const { data, error, fetchMore, networkStatus, refetch } = useQuery(AUDIT_LOG, {
    variables: { first: PAGE_SIZE, action },
    notifyOnNetworkStatusChange: true,
  });
  const [moreFailed, setMoreFailed] = useState(false);

  if (error && hasErrorCode(error, 'FORBIDDEN')) return <NoPermission />;

  const applyFilter = (value: string | null) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set('action', value);
      else next.delete('action');
      return next;
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Actions are upper-case codes and match exactly: "login_failed" means LOGIN_FAILED.
    applyFilter(draft.trim().toUpperCase() || null);
  };

  const log = data?.auditLog;
  const loadingFirst =
    networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  const loadMore = () => {
    if (!log?.pageInfo.endCursor) return;
    setMoreFailed(false);
    fetchMore({ variables: { after: log.pageInfo.endCursor } }).catch(() => setMoreFailed(true));
  };

  return (
    <>
      <header className="page-head">
        <h2 className="page-title">{t('auditTitle')}</h2>
        <a className="button" href={AUDIT_EXPORT_URL} download data-testid="audit-export">
          {t('exportCsv')}
        </a>
      </header>
      <section
        className="panel"
        aria-label={t('auditTitle')}
        data-testid="audit-log"
        data-state={log && !loadingFirst ? 'ready' : error ? 'error' : 'loading'}
        data-filter={action ?? ''}
        aria-busy={loadingFirst || loadingMore}
      >
        <form className="audit-filter" role="search" onSubmit={onSubmit}>
          <label className="field-label" htmlFor={`${id}-action`}>
            {t('auditFilter')}
          </label>
          <input
            id={`${id}-action`}
            className="text-input"
            data-testid="audit-filter"
            type="search"
            autoComplete="off"
            spellCheck={false}
            list={`${id}-actions`}
            placeholder={t('auditFilterPlaceholder')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <datalist id={`${id}-actions`}>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <button type="submit" className="button button-primary" data-testid="audit-filter-submit">
            {t('applyFilter')}
          </button>
          {action && (
            <button type="button" className="button button-quiet" onClick={() => applyFilter(null)}>
              {t('clearFilter')}
            </button>
          )}
        </form>

        {log && !loadingFirst ? (
          log.edges.length === 0 ? (
            <div className="panel-message page-message">
              <p className="panel-message-title">{t('auditEmpty')}</p>
            </div>
          ) : (
            <>
              <div className="table-wrap audit-table-wrap">
                <table className="data-table audit-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('col.time')}</th>
                      <th scope="col">{t('col.actor')}</th>
                      <th scope="col">{t('col.action')}</th>
                      <th scope="col">{t('col.target')}</th>
                      <th scope="col">{t('col.ip')}</th>
                      <th scope="col">{t('col.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {log.edges.map(({ node }) => {
                      const details = detailsText(node.details);
                      return (
                        <tr key={node.id} data-testid="audit-row" data-action={node.action}>
                          <td>
                            <time dateTime={node.at}>{formatDateTime(node.at, lang)}</time>
                          </td>
                          <td>{node.actorEmail ?? '—'}</td>
                          <td>
                            <code className="code">{node.action}</code>
                          </td>
                          <td className="cell-wrap">{node.target ?? '—'}</td>
                          <td className="cell-mono">{node.ip ?? '—'}</td>
                          <td className="cell-details" title={node.details ?? undefined}>
                            {details || '—'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div className="table-foot">
                <p className="panel-sub" data-testid="audit-count">
                  {t('auditShown', {
                    shown: formatNumber(log.edges.length),
                    total: formatNumber(log.totalCount),
                  })}
                </p>
                {moreFailed && (
                  <p className="field-error" role="alert">
                    {t('auditLoadFailed')}
                  </p>
                )}
                {log.pageInfo.hasNextPage && (
                  <button
                    type="button"
                    className="button"
                    data-testid="audit-load-more"
                    disabled={loadingMore}
                    onClick={loadMore}
                  >
                    {loadingMore ? t('loading') : t('loadMore')}
                  </button>
                )}
              </div>
            </>
          )
        ) : error ? (
          <div className="panel-message page-message" role="alert">
            <p className="panel-message-title">{t('auditLoadFailed')}</p>
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
        ) : (
          <PageSkeleton />
        )}
      </section>
    </>
  );
}
