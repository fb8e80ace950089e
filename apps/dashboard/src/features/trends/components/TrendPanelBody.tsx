// The trend panel: runs the query and shows the chart, or its loading, empty or error
// state in the same space. The chart itself is the caller's (TrendPanel: Recharts, with
// stacked areas and legend clicks; LiteTrendPanel: plain SVG for first visits).
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { assignColors, OTHER_KEY, type TrendRow, type TrendSeriesSpec } from '@cw/charts';
import { useI18n } from '../../../app/I18nProvider';
import { COMPLAINT_COMPARISON } from '../../analysis/graphql/complaintComparison';
import { formatDate } from '../utils/format';
import { COMPLAINT_TREND } from '../graphql/complaintTrend';
import { withComparison } from '../utils/compare';
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

export interface ChartInput {
  rows: TrendRow[];
  series: TrendSeriesSpec[];
  title: string;
  description: string;
  xAxisLabel: string;
  yAxisLabel: string;
  unit: string;
  formatNumber: (n: number) => string;
  height: number;
}

export function TrendPanelBody({
  view,
  chart,
}: {
  view: TrendView;
  chart: (input: ChartInput) => ReactNode;
}) {
  const i18n = useI18n();
  const { t, lang, formatNumber } = i18n;
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const { filter, interval, groupBy, top } = view;
  const compare = groupBy ? null : (view.compare ?? null);

  const { data, loading, error, refetch } = useQuery(COMPLAINT_TREND, {
    variables: { filter, interval, groupBy, top: groupBy ? top : null },
  });
  // The comparison period is the API's own (complaintComparison), so that the line and the
  // headline figures agree on what "previous period" and "a year earlier" mean.
  const periods = useQuery(COMPLAINT_COMPARISON, { variables: { filter }, skip: !compare });
  const other = compare ? periods.data?.complaintComparison[compare] : undefined;
  const previous = useQuery(COMPLAINT_TREND, {
    variables: {
      filter: { ...filter, from: other?.from, to: other?.to },
      interval,
      groupBy: null,
      top: null,
    },
    skip: !other,
  });

  const model = useMemo(() => {
    if (!data) return null;
    const current = toTrendSeries(data.complaintTrend, { interval, groupBy, lang });
    if (!compare) return current;
    if (!other || !previous.data) return null;
    const before = toTrendSeries(previous.data.complaintTrend, { interval, groupBy: null, lang });
    const label = t(`compareSeries.${compare}`, {
      from: formatDate(other.from, lang),
      to: formatDate(other.to, lang),
    });
    return withComparison(current, before, label);
  }, [data, interval, groupBy, lang, compare, other, previous.data, t]);
  const series = useMemo(
    () =>
      model
        ? assignColors(model.series, groupBy ? { otherKey: OTHER_KEY } : {}).map((s) =>
            s.key === 'COMPARE' ? { ...s, color: '#6B6B6B', dash: '6 4', overlay: true } : s,
          )
        : [],
    [model, groupBy],
  );

  const title = trendTitle(i18n, view);

  const failed =
    (error && !loading) ||
    (periods.error && !periods.loading) ||
    (previous.error && !previous.loading);
  if (failed) {
    return (
      <TrendPanelFrame view={view} state="error" total="—">
        <div className="panel-message" role="alert">
          <p className="panel-message-title">{t('errorTitle')}</p>
          <p className="panel-message-hint">{t('errorHint')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              // A failed refetch shows the error state again.
              refetch().catch(() => undefined);
              if (periods.error) periods.refetch().catch(() => undefined);
              if (previous.error) previous.refetch().catch(() => undefined);
            }}
          >
            {t('retry')}
          </button>
        </div>
      </TrendPanelFrame>
    );
  }

  if (!model || loading || periods.loading || previous.loading) {
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
      {chart({
        rows: model.rows,
        series,
        title,
        description: t('yAxis'),
        xAxisLabel: t(`xAxis.${interval}`),
        yAxisLabel: t('yAxis'),
        unit: t('unit'),
        formatNumber,
        height: 400,
      })}
    </TrendPanelFrame>
  );
}
