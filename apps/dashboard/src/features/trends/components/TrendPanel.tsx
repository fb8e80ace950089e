// The trend panel: runs the query and shows the chart, or its loading, empty or error
// state in the same space. Lazy-loaded (it pulls in Recharts).
import { useId, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { assignColors, OTHER_KEY, TrendChart } from '@cw/charts';
import { useI18n } from '../../../app/I18nProvider';
import { COMPLAINT_TREND } from '../graphql/complaintTrend';
import { csvFileName, trendToCsv } from '../utils/csv';
import { toTrendSeries } from '../utils/toTrendSeries';
import { ChartSkeleton, TrendPanelFrame, trendTitle, type TrendView } from './TrendPanelFrame';
import { TrendTable } from './TrendTable';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function TrendPanel({ view }: { view: TrendView }) {
  const i18n = useI18n();
  const { t, lang, formatNumber } = i18n;
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const { filter, interval, groupBy, top } = view;

  const { data, loading, error, refetch } = useQuery(COMPLAINT_TREND, {
    variables: { filter, interval, groupBy, top: groupBy ? top : null },
  });

  const model = useMemo(
    () => (data ? toTrendSeries(data.complaintTrend, { interval, groupBy, lang }) : null),
    [data, interval, groupBy, lang],
  );
  const series = useMemo(
    () => (model ? assignColors(model.series, groupBy ? { otherKey: OTHER_KEY } : {}) : []),
    [model, groupBy],
  );

  const title = trendTitle(i18n, view);

  if (error && !loading) {
    return (
      <TrendPanelFrame view={view} state="error" total="—">
        <div className="panel-message" role="alert">
          <p className="panel-message-title">{t('errorTitle')}</p>
          <p className="panel-message-hint">{t('errorHint')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              refetch().catch(() => {
                // the error state shows again
              });
            }}
          >
            {t('retry')}
          </button>
        </div>
      </TrendPanelFrame>
    );
  }

  if (!model || loading) {
    return (
      <TrendPanelFrame view={view} state="loading">
        <ChartSkeleton />
      </TrendPanelFrame>
    );
  }

  const total = (
    <>
      <span className="headline-label">{t('totalLabel')}</span>{' '}
      <strong className="headline-number">{formatNumber(model.total)}</strong>{' '}
      <span className="headline-unit">{t('totalUnit')}</span>
    </>
  );

  if (model.isEmpty) {
    return (
      <TrendPanelFrame view={view} state="empty" total={total}>
        <div className="panel-message" role="status">
          <p className="panel-message-title">{t('emptyTitle')}</p>
          <p className="panel-message-hint">{t('emptyHint')}</p>
        </div>
      </TrendPanelFrame>
    );
  }

  const onDownload = () =>
    download(
      csvFileName({ interval, from: filter.from, to: filter.to, groupBy }),
      trendToCsv(
        { rows: model.rows, series },
        { periodStart: t('tablePeriodStart'), period: t('tablePeriod') },
      ),
    );

  return (
    <TrendPanelFrame
      view={view}
      state="ready"
      total={total}
      actions={
        <>
          <button
            type="button"
            className="button"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t('hideTable') : t('showTable')}
          </button>
          <button type="button" className="button" onClick={onDownload} data-testid="download-csv">
            {t('downloadCsv')}
          </button>
        </>
      }
      footer={
        showTable && (
          <TrendTable
            id={tableId}
            caption={t('tableCaption', { title })}
            rows={model.rows}
            series={series}
          />
        )
      }
    >
      <TrendChart
        rows={model.rows}
        series={series}
        title={title}
        description={t('yAxis')}
        xAxisLabel={t(`xAxis.${interval}`)}
        yAxisLabel={t('yAxis')}
        unit={t('unit')}
        formatNumber={formatNumber}
        height={400}
      />
    </TrendPanelFrame>
  );
}
