// Past imports, newest first, a page at a time: what was imported, by whom, and how it went.
import { SOURCE } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { PageSkeleton } from '../../../app/PageBoundary';
import { formatDateTime } from '../../trends/utils/format';
import type { ImportHistory as History } from '../hooks/useImportHistory';
import { formatLabel, OUTCOME_COUNTERS, runDuration, statusLabel } from '../utils/importProgress';
import { rejectedCsvUrl } from '../utils/uploadRequest';

export function ImportHistory({ history }: { history: History }) {
  const { t, lang, formatNumber } = useI18n();
  const { runs, error, loadingFirst, loadingMore, moreFailed, hasMore, loadMore, refresh } =
    history;
  const sourceLabel = (s: string) => (SOURCE.is(s) ? SOURCE.labels[s][lang] : s);

  return (
    <section
      className="panel"
      aria-labelledby="import-history-title"
      data-testid="import-history"
      data-state={runs && !loadingFirst ? 'ready' : error ? 'error' : 'loading'}
      aria-busy={loadingFirst || loadingMore}
    >
      <h3 id="import-history-title" className="form-title">
        {t('historyHeading')}
      </h3>
      {runs && !loadingFirst ? (
        runs.length === 0 ? (
          <div className="panel-message panel-message-inline">
            <p className="panel-message-title">{t('historyEmpty')}</p>
          </div>
        ) : (
          <>
            <div className="table-wrap history-table-wrap">
              <table className="data-table history-table">
                <thead>
                  <tr>
                    <th scope="col">{t('col.started')}</th>
                    <th scope="col">{t('col.file')}</th>
                    <th scope="col">{t('col.status')}</th>
                    <th scope="col" className="num">
                      {t('counter.read')}
                    </th>
                    {OUTCOME_COUNTERS.map((key) => (
                      <th key={key} scope="col" className="num">
                        {t(`counter.${key}`)}
                      </th>
                    ))}
                    <th scope="col">{t('col.submittedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((run) => {
                    const file = run.filename || t('noFilename');
                    const duration = runDuration(run.startedAt, run.finishedAt, lang);
                    return (
                      <tr
                        key={run.id}
                        data-testid="import-history-row"
                        data-id={run.id}
                        data-status={run.status}
                      >
                        <td>
                          <time dateTime={run.startedAt}>
                            {formatDateTime(run.startedAt, lang, false)}
                          </time>
                        </td>
                        <td className="cell-file">
                          <span className="cell-file-name" title={file}>
                            {file}
                          </span>
                          <span className="cell-file-meta">
                            {formatLabel(run.format, lang)} · {sourceLabel(run.source)}
                          </span>
                        </td>
                        <td className="cell-status">
                          <span className={`run-status run-status-${run.status.toLowerCase()}`}>
                            {statusLabel(run.status, lang)}
                          </span>
                          {duration && (
                            <span className="cell-duration">
                              <span className="visually-hidden">{t('col.duration')}: </span>
                              {duration}
                            </span>
                          )}
                        </td>
                        <td className="num">{formatNumber(run.read)}</td>
                        {OUTCOME_COUNTERS.map((key) => (
                          <td key={key} className="num" data-counter={key}>
                            {key === 'rejected' && run.rejected > 0 ? (
                              <a
                                href={rejectedCsvUrl(run.id)}
                                download
                                aria-label={t('downloadRejectedOf', { file })}
                                title={t('downloadRejected')}
                              >
                                {formatNumber(run.rejected)}
                              </a>
                            ) : (
                              formatNumber(run[key])
                            )}
                          </td>
                        ))}
                        <td>{run.submittedBy ?? '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className="table-foot">
              <p className="panel-sub">{t('historyShown', { n: formatNumber(runs.length) })}</p>
              {moreFailed && (
                <p className="field-error" role="alert">
                  {t('historyLoadFailed')}
                </p>
              )}
              {hasMore && (
                <button
                  type="button"
                  className="button"
                  data-testid="import-history-more"
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
        <div className="panel-message" role="alert">
          <p className="panel-message-title">{t('historyLoadFailed')}</p>
          <button type="button" className="button button-primary" onClick={refresh}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <PageSkeleton />
      )}
    </section>
  );
}
