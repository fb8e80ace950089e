import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../../app/i18n';
import type { RankingRowData } from '../graphql/ranking';
import {
  provinceMapTable,
  provinceMapTiles,
  rankingBars,
  rankingTable,
  sharesTable,
  spikesTable,
} from './figureModels';

const t = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('en', key, params);
const fmt = (n: number) => n.toLocaleString('en-US');

const rows: RankingRowData[] = [
  { key: '440000', label: '广东', count: 1200, previousCount: 1000, change: 0.2, rate: 9.52 },
  { key: '110000', label: '北京', count: 300, previousCount: 0, change: null, rate: 13.7 },
];

describe('figure models', () => {
  it('turns a ranking into bars with the change as a note, and a table of the same rows', () => {
    expect(rankingBars(rows, 'en', fmt, 'complaints')).toEqual([
      { key: '440000', label: '广东', value: 1200, valueText: '1,200 complaints', note: '+20.0%' },
      { key: '110000', label: '北京', value: 300, valueText: '300 complaints', note: undefined },
    ]);
    const table = rankingTable(rows, t, 'Province', 'PER_MILLION_RESIDENTS');
    expect(table.headers).toHaveLength(5);
    expect(table.rows).toEqual([
      ['广东', 1200, 1000, 20, 9.52],
      ['北京', 300, 0, '', 13.7],
    ]);
  });

  it('draws all 34 provinces, those without complaints as zero, by count or by rate', () => {
    const byCount = provinceMapTiles(rows, 'count', 'en', fmt, t);
    expect(byCount).toHaveLength(34);
    const gd = byCount.find((x) => x.code === '440000')!;
    expect([gd.value, gd.label, gd.valueText, gd.short]).toEqual([
      1200,
      'Guangdong',
      '1,200 complaints',
      'GD',
    ]);
    expect(byCount.find((x) => x.code === '650000')!.value).toBe(0);
    const byRate = provinceMapTiles(rows, 'rate', 'zh', fmt, t);
    expect(byRate.find((x) => x.code === '110000')!.value).toBe(13.7);
    expect(byRate.find((x) => x.code === '110000')!.short).toBe('京');
    expect(byRate.find((x) => x.code === '650000')!.value).toBeNull();
  });

  it('lists the provinces with complaints in the map table, largest first', () => {
    expect(provinceMapTable(rows, t, 'en').rows).toEqual([
      ['Guangdong', 1200, 9.52],
      ['Beijing', 300, 13.7],
    ]);
  });

  it('writes shares and spikes as tables', () => {
    expect(
      sharesTable([{ key: 'THREAT', label: 'Threats', count: 50, share: 0.4567 }], t, 'Category')
        .rows,
    ).toEqual([['Threats', 50, 45.7]]);
    expect(
      spikesTable(
        [
          {
            institution: { id: '1', name: '甲银行' },
            provinceCode: '330000',
            period: '2026-03-02',
            count: 40,
            baseline: 6.123,
            score: 12.5,
          },
        ],
        t,
        'en',
      ).rows,
    ).toEqual([['甲银行', 'Zhejiang', '2026-03-02', 40, 6.12, 12.5]]);
  });
});
