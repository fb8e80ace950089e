// Reports: the quarterly report for the filter bar's date range (the last whole quarter
// unless the link names another range) in PDF, XLSX or a zip of CSV files, with a preview
// of its tables; the filtered complaints as CSV or XLSX (large exports run in the
// background); and the list of one's background exports.
import { useEffect, useState } from 'react';
import type { Lang } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { FilterBar } from '../../trends/components/FilterBar';
import { useFilters } from '../../trends/hooks/useFilters';
import { presetRange } from '../../trends/utils/datePresets';
import { useComplaintExport } from '../hooks/useComplaintExport';
import { useExportJobs } from '../hooks/useExportJobs';
import {
  EXPORT_FORMATS,
  REPORT_FORMATS,
  reportLink,
  type ExportFormat,
} from '../utils/downloadLinks';
import { ExportJobsList } from './ExportJobsList';
import { ReportPreview } from './ReportPreview';

export default function ReportsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle('reportsTitle');
  const filters = useFilters();
  const { state, filter, update, today } = filters;
  const hasRange = Boolean(state.filter.from && state.filter.to);

  // A report covers a whole quarter unless asked otherwise: without a range in the link,
  // the page sets the last whole quarter (replacing the entry, so Back leaves the page).
  useEffect(() => {
    if (!hasRange)
      update(
        (s) => ({ ...s, filter: { ...s.filter, ...presetRange('lastQuarter', today) } }),
        'replace',
      );
  }, [hasRange, update, today]);

  const [reportLang, setReportLang] = useState<Lang>(lang);
  const [exportFormat, setExportFormat] = useState<ExportFormat>('csv');
  const jobs = useExportJobs();
  const exporter = useComplaintExport(() => void jobs.refetch());

  return (
    <>
      <header className="page-head">
        <h2 className="page-title">{t('reportsTitle')}</h2>
        <p className="page-sub">{t('reportsIntro')}</p>
      </header>
      <FilterBar filters={filters} />
      {hasRange && (
        <>
          <section className="panel" aria-labelledby="report-download-title">
            <h3 id="report-download-title" className="form-title">
              {t('reportDownloadHeading')}
            </h3>
            <div className="report-controls">
              <label className="field">
                <span className="field-label">{t('reportLanguage')}</span>
                <select
                  value={reportLang}
                  onChange={(e) => setReportLang(e.target.value as Lang)}
                  data-testid="report-lang"
                >
                  <option value="zh">中文</option>
                  <option value="en">English</option>
                </select>
              </label>
              <div className="panel-actions" role="group" aria-label={t('reportDownloadHeading')}>
                {REPORT_FORMATS.map((format) => (
                  <a
                    key={format}
                    className={`button ${format === 'pdf' ? 'button-primary' : ''}`}
                    href={reportLink(filter, format, reportLang)}
                    download
                    data-testid={`report-download-${format}`}
                  >
                    {t(`reportFormat.${format}`)}
                  </a>
                ))}
              </div>
            </div>
            <p className="panel-note">{t('reportDownloadNote')}</p>
          </section>
          <ReportPreview filter={filter} reportLang={reportLang} />
        </>
      )}
      <section className="panel" aria-labelledby="complaints-export-title">
        <h3 id="complaints-export-title" className="form-title">
          {t('complaintsExportHeading')}
        </h3>
        <p className="panel-note">{t('complaintsExportNote')}</p>
        <div className="report-controls">
          <label className="field">
            <span className="field-label">{t('exportFormat')}</span>
            <select
              value={exportFormat}
              onChange={(e) => setExportFormat(e.target.value as ExportFormat)}
              data-testid="export-format"
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-primary"
            disabled={exporter.state.phase === 'working'}
            onClick={() => void exporter.start(filter, exportFormat, lang)}
            data-testid="export-complaints"
          >
            {exporter.state.phase === 'working' ? t('exporting') : t('exportComplaints')}
          </button>
        </div>
        <div aria-live="polite" data-testid="export-status">
          {exporter.state.phase === 'saved' && (
            <p className="panel-note">{t('exportSaved', { file: exporter.state.fileName })}</p>
          )}
          {exporter.state.phase === 'queued' && <p className="panel-note">{t('exportQueued')}</p>}
          {exporter.state.phase === 'failed' && (
            <p className="form-error" role="alert">
              {exporter.state.message ?? t('exportFailed')}
            </p>
          )}
        </div>
      </section>
      <ExportJobsList jobs={jobs} />
    </>
  );
}
