// A props-only line chart in plain SVG, for pages where the chart must draw at once on a
// first visit without the weight of Recharts (the overview, an institution's page): lines,
// a y axis with round ticks, period labels, a dot per point with its value as a tooltip.
import { useLayoutEffect, useRef, useState } from 'react';
import type { TrendRow } from './TrendChart';
import type { ColoredSeries } from './palette';

export interface LineChartLiteProps {
  rows: readonly TrendRow[];
  series: readonly ColoredSeries[];
  title: string;
  xAxisLabel: string;
  yAxisLabel: string;
  unit: string;
  formatNumber?: (n: number) => string;
  height?: number;
  /** Fixed width (tests, print); otherwise the container's width. */
  width?: number;
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

const M = { top: 12, right: 44, bottom: 44, left: 72 };

export function LineChartLite({
  rows,
  series,
  title,
  xAxisLabel,
  yAxisLabel,
  unit,
  formatNumber = String,
  height = 360,
  width: fixedWidth,
}: LineChartLiteProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (fixedWidth || !el) return;
    setMeasured(el.clientWidth);
    const ro = new ResizeObserver(() => setMeasured(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [fixedWidth]);
  const width = fixedWidth ?? measured;

  const max = Math.max(0, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const plotW = Math.max(width - M.left - M.right, 1);
  const plotH = height - M.top - M.bottom;
  const x = (i: number) =>
    M.left + (rows.length <= 1 ? plotW / 2 : (i / (rows.length - 1)) * plotW);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(rows.length / Math.max(1, Math.floor(plotW / 70))));

  return (
    <div ref={ref} className="line-chart-lite" style={{ width: '100%', height }}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title}>
          <title>{title}</title>
          {ticks.map((tv) => (
            <g key={tv}>
              <line x1={M.left} x2={M.left + plotW} y1={y(tv)} y2={y(tv)} stroke="#E3E6EA" />
              <text
                x={M.left - 8}
                y={y(tv)}
                textAnchor="end"
                dominantBaseline="central"
                fontSize={12}
                fill="#3D4451"
              >
                {formatNumber(tv)}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={M.left + plotW} y1={y(0)} y2={y(0)} stroke="#9AA1AC" />
          {rows.map((r, i) =>
            i % labelEvery === 0 ? (
              <text
                key={r.period}
                x={x(i)}
                y={M.top + plotH + 16}
                textAnchor="middle"
                fontSize={12}
                fill="#3D4451"
              >
                {r.label}
              </text>
            ) : null,
          )}
          <text
            x={M.left + plotW / 2}
            y={height - 6}
            textAnchor="middle"
            fontSize={12}
            fill="#3D4451"
          >
            {xAxisLabel}
          </text>
          <text
            transform={`translate(14 ${M.top + plotH / 2}) rotate(-90)`}
            textAnchor="middle"
            fontSize={12}
            fill="#3D4451"
          >
            {yAxisLabel}
          </text>
          {series.map((s) => (
            <g key={s.key} className="lite-series">
              <path
                d={rows
                  .map((r, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(r.values[s.key] ?? 0)}`)
                  .join('')}
                fill="none"
                stroke={s.color}
                strokeWidth={2.25}
                strokeDasharray={s.dash}
              />
              {rows.length <= 60 &&
                rows.map((r, i) => (
                  <circle
                    key={r.period}
                    cx={x(i)}
                    cy={y(r.values[s.key] ?? 0)}
                    r={3}
                    fill={s.color}
                  >
                    <title>{`${r.label} · ${s.label}: ${formatNumber(r.values[s.key] ?? 0)} ${unit}`}</title>
                  </circle>
                ))}
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
