// The report as the files hold it: identity (period, scope, filter, as-of), then each
// section's table with its cells as the PDF prints them, and the method. Loading, error
// (with a retry) and empty states keep the panel's place.
import { useQuery } from '@apollo/client/react';
import type { ComplaintFilter, Lang } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { langVar } from '../../analysis/graphql/ranking';
import { formatDateTime } from '../../trends/utils/format';
import { QUARTERLY_REPORT } from '../graphql/quarterlyReport';

const NUMERIC = ['int', 'percent', 'decimal'];

export function ReportPreview({
  filter,
  reportLang,
}: {
  filter: ComplaintFilter;
  reportLang: Lang;
}) {
  const { t, lang } = useI18n();
  const { data, error, loading, refetch } = useQuery(QUARTERLY_REPORT, {
    variables: { filter, lang: langVar(reportLang) },
  });
  const report = data?.quarterlyReport;
  const state = loading ? 'loading' : error ? 'error' : 'ready';

  return (
    <section
      className="panel report-preview"
      aria-labelledby="report-preview-title"
      data-testid="report-preview"
      data-state={state}
      aria-busy={loading}
    >
      <h3 id="report-preview-title" className="form-title">
        {t('reportPreview')}
      </h3>
      {state === 'loading' && (
        <div className="chart-skeleton" role="status" style={{ minHeight: 420 }}>
          <span className="visually-hidden">{t('loading')}</span>
          <div className="skeleton" style={{ height: 400 }} aria-hidden="true" />
        </div>
      )}
      {state === 'error' && (
        <div className="panel-message" role="alert">
          <p className="panel-message-title">{t('errorTitle')}</p>
          <p className="panel-message-hint">{error?.message}</p>
          <button type="button" className="button button-primary" onClick={() => void refetch()}>
            {t('retry')}
          </button>
        </div>
      )}
      {state === 'ready' && report && (
        <article className="report-document" lang={reportLang === 'zh' ? 'zh-CN' : 'en'}>
          <dl className="facts report-facts">
            <dt>{t('reportPeriod')}</dt>
            <dd data-testid="report-period">
              {report.periodLabel} ({report.from} – {report.to})
            </dd>
            <dt>{t('reportScope')}</dt>
            <dd>{report.scopeLabel}</dd>
            <dt>{t('reportFilter')}</dt>
            <dd>
              {report.filterLines.length ? report.filterLines.join('; ') : t('reportNoFilter')}
            </dd>
            <dt>{t('reportAsOf')}</dt>
            <dd>{formatDateTime(report.dataAsOf, lang, false)}</dd>
          </dl>
          {report.tables.map((table) => (
            <section
              key={table.id}
              className="report-section"
              data-testid={`report-table-${table.id}`}
            >
              <h4 className="section-title">{table.section}</h4>
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      {table.columns.map((c) => (
                        <th
                          key={c.key}
                          scope="col"
                          className={NUMERIC.includes(c.kind) ? 'num' : undefined}
                        >
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.length === 0 ? (
                      <tr>
                        <td colSpan={table.columns.length} className="muted">
                          {t('reportNoRows')}
                        </td>
                      </tr>
                    ) : (
                      table.rows.map((row, i) => (
                        <tr key={i}>
                          {row.map((cell, j) => (
                            <td
                              key={j}
                              className={
                                NUMERIC.includes(table.columns[j]!.kind) ? 'num' : undefined
                              }
                            >
                              {cell}
                            </td>
                          ))}
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </div>
              {table.note && <p className="panel-note">{table.note}</p>}
            </section>
          ))}
          {/* The method goes on under the last section (method and sources), as in the PDF. */}
          <section className="report-section" aria-label={t('reportMethod')}>
            {report.method.map((line) => (
              <p key={line} className="panel-note">
                {line}
              </p>
            ))}
          </section>
        </article>
      )}
    </section>
  );
}
