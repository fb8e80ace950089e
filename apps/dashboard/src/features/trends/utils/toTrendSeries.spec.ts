import { describe, expect, it } from 'vitest';
import { toTrendSeries } from './toTrendSeries';

const point = (period: string, count: number) => ({ period, count });

describe('toTrendSeries', () => {
  it('maps an ungrouped trend to one row per period', () => {
    const model = toTrendSeries(
      {
        total: 7,
        series: [
          {
            key: 'ALL',
            label: '全部',
            total: 7,
            points: [point('2026-01-01', 3), point('2026-02-01', 0), point('2026-03-01', 4)],
          },
        ],
      },
      { interval: 'MONTH', groupBy: null, lang: 'zh' },
    );
    expect(model.total).toBe(7);
    expect(model.series).toEqual([{ key: 'ALL', label: '投诉件数', total: 7 }]);
    expect(model.rows).toEqual([
      { period: '2026-01-01', label: '2026年1月', values: { ALL: 3 } },
      { period: '2026-02-01', label: '2026年2月', values: { ALL: 0 } },
      { period: '2026-03-01', label: '2026年3月', values: { ALL: 4 } },
    ]);
    expect(model.multiValued).toBe(false);
    expect(model.isEmpty).toBe(false);
  });

  it('labels vocabulary codes in the chosen language, largest first and Other last', () => {
    const model = toTrendSeries(
      {
        total: 10,
        series: [
          { key: 'OTHER', label: '其他', total: 9, points: [point('2026-01-01', 9)] },
          { key: 'INSULT', label: '辱骂侮辱', total: 2, points: [point('2026-01-01', 2)] },
          { key: 'THREAT', label: '威胁恐吓', total: 5, points: [point('2026-01-01', 5)] },
        ],
      },
      { interval: 'QUARTER', groupBy: 'CATEGORY', lang: 'en' },
    );
    expect(model.series.map((s) => [s.key, s.label])).toEqual([
      ['THREAT', 'Threats and intimidation'],
      ['INSULT', 'Insults and abuse'],
      ['OTHER', 'Other'],
    ]);
    expect(model.rows[0]!.label).toBe('2026 Q1');
    expect(model.multiValued).toBe(true);
    expect(model.hasOther).toBe(true);
  });

  it('labels provinces from the region list', () => {
    const model = toTrendSeries(
      {
        total: 1,
        series: [{ key: '440000', label: '广东省', total: 1, points: [point('2026-03-02', 1)] }],
      },
      { interval: 'WEEK', groupBy: 'PROVINCE', lang: 'en' },
    );
    expect(model.series[0]!.label).toMatch(/Guangdong/);
    expect(model.rows[0]!.label).toBe('Week of 2026-03-02');
  });

  it("keeps the server's label for institutions", () => {
    const model = toTrendSeries(
      {
        total: 1,
        series: [{ key: '42', label: '示例银行', total: 1, points: [point('2026-01-01', 1)] }],
      },
      { interval: 'YEAR', groupBy: 'INSTITUTION', lang: 'en' },
    );
    expect(model.series[0]!.label).toBe('示例银行');
  });

  it('fills periods a series lacks with 0 and sorts periods', () => {
    const model = toTrendSeries(
      {
        total: 3,
        series: [
          { key: 'SMS', label: '短信', total: 2, points: [point('2026-02-01', 2)] },
          { key: 'EMAIL', label: '电子邮件', total: 1, points: [point('2026-01-01', 1)] },
        ],
      },
      { interval: 'MONTH', groupBy: 'CHANNEL', lang: 'zh' },
    );
    expect(model.rows.map((r) => [r.period, r.values])).toEqual([
      ['2026-01-01', { SMS: 0, EMAIL: 1 }],
      ['2026-02-01', { SMS: 2, EMAIL: 0 }],
    ]);
    expect(model.series.map((s) => s.label)).toEqual(['短信', '电子邮件']);
  });

  it('flags an empty result', () => {
    const empty = toTrendSeries(
      { total: 0, series: [{ key: 'ALL', label: '', total: 0, points: [point('2026-01-01', 0)] }] },
      { interval: 'MONTH', groupBy: null, lang: 'zh' },
    );
    expect(empty.isEmpty).toBe(true);
    expect(
      toTrendSeries({ total: 0, series: [] }, { interval: 'DAY', groupBy: null, lang: 'en' }).rows,
    ).toEqual([]);
  });
});
