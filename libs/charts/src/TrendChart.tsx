// A props-only line chart of counts over time: no data fetching, no app state, no i18n.
// The caller gives it rows (one per period), the series to draw and every visible word.
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ColoredSeries } from './palette';

/** A series to draw; `overlay` ones (e.g. the previous period) are dashed lines, never stacked. */
export type TrendSeriesSpec = ColoredSeries & { overlay?: boolean };

/** One period on the x axis: its start date, its display label and a count per series key. */
export interface TrendRow {
  period: string;
  label: string;
  values: Readonly<Record<string, number>>;
}

export interface TrendChartProps {
  rows: readonly TrendRow[];
  series: readonly TrendSeriesSpec[];
  /** Lines, or areas stacked on each other (overlay series stay lines). */
  variant?: 'line' | 'area';
  /** Called with a series key when its legend entry is clicked (cross-filtering). */
  onSeriesClick?: (key: string) => void;
  /** Accessible name of the chart (the visible heading is the caller's). */
  title: string;
  /** Longer accessible description, e.g. what the numbers count. */
  description?: string;
  xAxisLabel: string;
  /** Y axis label including its unit, e.g. "投诉件数（件）". */
  yAxisLabel: string;
  /** Unit written after each value in the tooltip, e.g. "件" or "complaints". */
  unit: string;
  formatNumber?: (n: number) => string;
  height?: number;
  /** Animate lines on draw (off by default: calmer, and tests see the final paths at once). */
  animate?: boolean;
}

const defaultFormat = (n: number) => String(n);

export function TrendChart({
  rows,
  series,
  title,
  description,
  xAxisLabel,
  yAxisLabel,
  unit,
  formatNumber = defaultFormat,
  height = 360,
  animate = false,
  variant = 'line',
  onSeriesClick,
}: TrendChartProps) {
  const keyOf = new Map(series.map((s) => [s.label, s.key]));
  const showDots = rows.length <= 36;
  const labelOf = new Map(series.map((s) => [s.key, s.label]));
  // Legend in the caller's order (largest first), not Recharts' alphabetical default.
  const orderOf = new Map(series.map((s, i) => [s.label, i]));
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height, maxHeight: height }}
      data={rows as TrendRow[]}
      margin={{ top: 8, right: 24, bottom: 28, left: 16 }}
      title={title}
      desc={description}
    >
      <CartesianGrid stroke="#E3E6EA" vertical={false} />
      <XAxis
        dataKey="label"
        tick={{ fill: '#3D4451', fontSize: 12 }}
        tickLine={false}
        axisLine={{ stroke: '#9AA1AC' }}
        minTickGap={16}
        label={{
          value: xAxisLabel,
          position: 'insideBottom',
          offset: -18,
          fill: '#3D4451',
          fontSize: 12,
        }}
      />
      <YAxis
        allowDecimals={false}
        width={72}
        tick={{ fill: '#3D4451', fontSize: 12 }}
        tickLine={false}
        axisLine={false}
        tickFormatter={(v: number) => formatNumber(v)}
        label={{
          value: yAxisLabel,
          angle: -90,
          position: 'insideLeft',
          offset: 0,
          style: { textAnchor: 'middle' },
          fill: '#3D4451',
          fontSize: 12,
        }}
      />
      <Tooltip
        formatter={(value, name) => [
          `${typeof value === 'number' ? formatNumber(value) : String(value)} ${unit}`,
          name,
        ]}
        itemSorter={(item) => -(typeof item.value === 'number' ? item.value : 0)}
        contentStyle={{ borderRadius: 6, borderColor: '#C5CAD3', fontSize: 13 }}
      />
      {series.length > 1 && (
        <Legend
          verticalAlign="top"
          align="left"
          itemSorter={(item) => orderOf.get(item.value ?? '') ?? series.length}
          // Dark text whatever the line colour: a yellow label on white is unreadable.
          formatter={(value: string) => <span className="trend-legend-label">{value}</span>}
          wrapperStyle={{
            fontSize: 13,
            paddingBottom: 8,
            cursor: onSeriesClick ? 'pointer' : undefined,
          }}
          onClick={(entry) => {
            const key = keyOf.get(String(entry.value ?? ''));
            if (key !== undefined) onSeriesClick?.(key);
          }}
        />
      )}
      {series.map((s) =>
        variant === 'area' && !s.overlay ? (
          <Area
            key={s.key}
            type="monotone"
            name={labelOf.get(s.key) ?? s.key}
            dataKey={(row: TrendRow) => row.values[s.key] ?? 0}
            stackId="stack"
            stroke={s.color}
            fill={s.color}
            fillOpacity={0.55}
            strokeWidth={1.5}
            isAnimationActive={animate}
          />
        ) : (
          <Line
            key={s.key}
            type="monotone"
            name={labelOf.get(s.key) ?? s.key}
            dataKey={(row: TrendRow) => row.values[s.key] ?? 0}
            stroke={s.color}
            strokeWidth={2.25}
            strokeDasharray={s.dash}
            dot={showDots ? { r: 2.5, strokeWidth: 1.5 } : false}
            activeDot={{ r: 5 }}
            isAnimationActive={animate}
          />
        ),
      )}
    </ComposedChart>
  );
}
