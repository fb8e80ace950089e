import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TrendChart, type TrendRow } from './TrendChart';
import { assignColors } from './palette';

const rows: TrendRow[] = [
  { period: '2026-01-01', label: 'Jan 2026', values: { A: 3, B: 1 } },
  { period: '2026-02-01', label: 'Feb 2026', values: { A: 5 } },
];
const series = assignColors([
  { key: 'A', label: 'Alpha' },
  { key: 'B', label: 'Beta' },
]);

describe('TrendChart', () => {
  it('renders from props alone, with no provider or data source (server-side: an empty frame)', () => {
    const html = renderToStaticMarkup(
      <TrendChart
        rows={rows}
        series={series}
        title="Complaints per month"
        xAxisLabel="Month"
        yAxisLabel="Complaints (count)"
        unit="complaints"
      />,
    );
    expect(html).toContain('recharts-wrapper');
  });

  it('reserves the height it is given, so the page does not jump when lines draw', () => {
    const html = renderToStaticMarkup(
      <TrendChart
        rows={rows}
        series={series}
        title="t"
        xAxisLabel="x"
        yAxisLabel="y"
        unit="u"
        height={400}
      />,
    );
    expect(html).toMatch(/height:\s*400px/);
  });
});
