// The caller's background exports: what, when, progress while running, and the file once
// done (until it expires). Polled while any is still running.
import { useI18n } from '../../../app/I18nProvider';
import { formatDateTime } from '../../trends/utils/format';
import type { useExportJobs } from '../hooks/useExportJobs';
import { fileSize, percent } from '../utils/exportJobs';

export function ExportJobsList({ jobs: view }: { jobs: ReturnType<typeof useExportJobs> }) {
  const { t, lang, formatNumber } = useI18n();
  const { jobs, error, loading, refetch } = view;
  return (
    <section className="panel" aria-labelledby="export-jobs-title" data-testid="export-jobs">
      <h3 id="export-jobs-title" className="form-title">
        {t('exportJobsHeading')}
      </h3>
      <p className="panel-note">{t('exportJobsNote')}</p>
      {loading && (
        <div className="skeleton" style={{ height: 80 }} role="status" aria-label={t('loading')} />
      )}
      {error && !jobs && (
        <div className="panel-message" role="alert">
          <p className="panel-message-title">{t('errorTitle')}</p>
          <button type="button" className="button button-primary" onClick={() => void refetch()}>
            {t('retry')}
          </button>
        </div>
      )}
      {jobs && jobs.length === 0 && <p className="muted">{t('exportJobsEmpty')}</p>}
      {jobs && jobs.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('col.requested')}</th>
                <th scope="col">{t('col.exportKind')}</th>
                <th scope="col">{t('col.status')}</th>
                <th scope="col" className="num">
                  {t('col.rows')}
                </th>
                <th scope="col">{t('col.file')}</th>
                <th scope="col">{t('col.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} data-testid="export-job" data-status={job.status}>
                  <td className="nowrap">{formatDateTime(job.createdAt, lang, false)}</td>
                  <td>
                    {t(job.kind === 'COMPLAINTS' ? 'exportKindComplaints' : 'exportKindReport')} ·{' '}
                    {job.format}
                  </td>
                  <td>
                    {job.status === 'RUNNING' || job.status === 'QUEUED' ? (
                      <span className="nowrap">
                        {t(`exportStatus.${job.status}`)}{' '}
                        <progress max={100} value={percent(job)} aria-label={t('exportProgress')}>
                          {percent(job)}%
                        </progress>{' '}
                        {percent(job)}%
                      </span>
                    ) : (
                      <span title={job.error ?? undefined}>
                        {t(`exportStatus.${job.status as 'DONE' | 'FAILED' | 'EXPIRED'}`)}
                        {job.error ? `: ${job.error}` : ''}
                      </span>
                    )}
                  </td>
                  <td className="num">
                    {job.rowsTotal === null ? '' : formatNumber(job.rowsTotal)}
                  </td>
                  <td>
                    {job.downloadUrl ? (
                      <a href={job.downloadUrl} download data-testid="export-job-download">
                        {job.fileName} ({fileSize(job.fileBytes)})
                      </a>
                    ) : (
                      ''
                    )}
                  </td>
                  <td className="nowrap">
                    {job.expiresAt ? formatDateTime(job.expiresAt, lang, false) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
