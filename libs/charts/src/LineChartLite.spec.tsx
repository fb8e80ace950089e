import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { LineChartLite, niceTicks } from './LineChartLite';

describe('LineChartLite', () => {
  it('picks round ticks from zero past the largest value', () => {
    expect(niceTicks(87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('draws one path a series and a dot per point with its value as a tooltip', () => {
    const html = renderToStaticMarkup(
      <LineChartLite
        width={600}
        rows={[
          { period: '2026-01-01', label: 'Jan', values: { ALL: 10 } },
          { period: '2026-02-01', label: 'Feb', values: { ALL: 30 } },
        ]}
        series={[{ key: 'ALL', label: 'Complaints', color: '#0072B2' }]}
        title="Complaints per month"
        xAxisLabel="Month"
        yAxisLabel="Complaints (count)"
        unit="complaints"
      />,
    );
    expect(html.match(/<path/g)).toHaveLength(1);
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).toContain('Feb · Complaints: 30 complaints');
    expect(html).toContain('aria-label="Complaints per month"');
  });
});
