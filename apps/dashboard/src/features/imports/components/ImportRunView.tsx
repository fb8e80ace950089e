// A run as it goes: live counters while the server works, then the outcome with the first
// rejected rows and a link to all of them.
import { useI18n } from '../../../app/I18nProvider';
import type { RunView } from '../hooks/useImportRun';
import {
  isFinalStatus,
  outcomeCounts,
  runDuration,
  statusLabel,
  summaryTitle,
  uploadPercent,
  uploadProgressText,
} from '../utils/importProgress';
import { rejectedCsvUrl } from '../utils/uploadRequest';

/** The upload's progress bar (bytes sent). */
export function UploadProgress({
  loaded,
  total,
  onCancel,
}: {
  loaded: number;
  total: number;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const percent = uploadPercent(loaded, total);
  return (
    <div className="import-progress" data-testid="import-progress" data-phase="uploading">
      <div className="import-progress-head">
        <p className="import-progress-title">{t('uploading')}</p>
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          {t('cancelUpload')}
        </button>
      </div>
      <progress
        className="progress"
        max={100}
        value={percent}
        aria-label={t('uploading')}
        aria-valuetext={uploadProgressText(loaded, total, lang)}
      />
      <p className="panel-sub" role="status">
        {uploadProgressText(loaded, total, lang)}
      </p>
    </div>
  );
}

function Counters({ run, testId }: { run: RunView; testId?: string }) {
  const { t, formatNumber } = useI18n();
  return (
    <dl className="counters" data-testid={testId}>
      <div className="counter counter-read" data-counter="read" data-value={run.read}>
        <dt>{t('counter.read')}</dt>
        <dd>{formatNumber(run.read)}</dd>
      </div>
      {outcomeCounts(run).map(({ key, value }) => (
        <div
          key={key}
          className={`counter counter-${key}${value > 0 ? ' is-nonzero' : ''}`}
          data-counter={key}
          data-value={value}
        >
          <dt>{t(`counter.${key}`)}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ImportRunView({ run, filename }: { run: RunView; filename: string }) {
  const { t, lang, formatNumber } = useI18n();

  if (!isFinalStatus(run.status) && !run.notFound) {
    return (
      <div className="import-progress" data-testid="import-progress" data-phase="processing">
        <p className="import-progress-title">{t('processing')}</p>
        <progress className="progress" aria-label={t('processing')} />
        <p className="panel-sub" role="status">
          {t('processingRead', { read: formatNumber(run.read) })}
        </p>
        <Counters run={run} />
        {run.pollFailed && <p className="field-hint">{t('pollFailed')}</p>}
      </div>
    );
  }

  if (run.notFound) {
    return (
      <p className="form-error" role="alert">
        {t('runNotFound')}
      </p>
    );
  }

  const duration = run.startedAt ? runDuration(run.startedAt, run.finishedAt, lang) : null;
  const shown = run.errors.length;

  return (
    <section
      className={`import-summary import-summary-${run.status.toLowerCase()}`}
      data-testid="import-summary"
      data-status={run.status}
      data-run-id={run.id}
      aria-labelledby={`import-summary-${run.id}`}
    >
      <div className="import-summary-head">
        <h3 id={`import-summary-${run.id}`} className="import-summary-title" role="status">
          {summaryTitle(run.status, lang)}
        </h3>
        <span className={`run-status run-status-${run.status.toLowerCase()}`}>
          {statusLabel(run.status, lang)}
        </span>
      </div>
      <p className="panel-sub">
        {t('summaryMeta', { file: filename || t('noFilename'), read: formatNumber(run.read) })}
        {duration && ` · ${duration}`}
      </p>
      <Counters run={run} testId="import-counters" />
      {run.status === 'ABANDONED' && <p className="panel-note">{t('summaryAbandoned')}</p>}
      {run.error && (
        <p className="form-error" role="alert" data-testid="import-file-error">
          {t('fileFailed', { error: run.error })}
        </p>
      )}
      {run.rejected > 0 && (
        <div className="rejected">
          <div className="rejected-head">
            <h4 className="rejected-title">{t('rejectedHeading')}</h4>
            <a
              className="button button-small"
              href={rejectedCsvUrl(run.id)}
              download
              data-testid="import-rejected-link"
            >
              {t('downloadRejected')}
            </a>
          </div>
          {shown > 0 && (
            <>
              <p className="panel-sub">
                {t('rejectedShown', {
                  shown: formatNumber(shown),
                  total: formatNumber(run.rejected),
                })}
              </p>
              <div className="table-wrap rejected-table-wrap">
                <table className="data-table rejected-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('col.rowNumber')}
                      </th>
                      <th scope="col">{t('col.field')}</th>
                      <th scope="col">{t('col.value')}</th>
                      <th scope="col">{t('col.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {run.errors.map((e, i) => (
                      <tr key={`${e.rowNumber}-${e.field}-${i}`} data-testid="import-rejected-row">
                        <td className="num">{e.rowNumber}</td>
                        <td>
                          <code className="code">{e.field}</code>
                        </td>
                        <td className="cell-wrap cell-value">{e.value || '—'}</td>
                        <td className="cell-wrap">{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
