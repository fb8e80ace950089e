// Pure mappers from query results to what the figures draw (bars, tiles) and their tables.
import type { BarRow, MapTile } from '@cw/charts';
import { provinceTiles, regionName, type Lang } from '@cw/domain';
import type { Translate } from '../../../app/i18n';
import type { RankingRowData } from '../graphql/ranking';
import type { SharesData } from '../graphql/shares';
import type { SpikeData } from '../graphql/spikes';
import { formatChange, formatRate, formatShare } from './figures';
import { decimalCell, percentCell, type FigureTable } from './table';

export type Fmt = (n: number) => string;

/** Ranking rows as bars: count, and the change against the previous period as a note. */
export function rankingBars(
  rows: readonly RankingRowData[],
  lang: Lang,
  fmt: Fmt,
  unit: string,
): BarRow[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    value: r.count,
    valueText: `${fmt(r.count)} ${unit}`,
    note: r.change === null ? undefined : formatChange(r.change, lang),
  }));
}

export function rankingTable(
  rows: readonly RankingRowData[],
  t: Translate,
  nameHeader: string,
  rateUnit: string | null,
): FigureTable {
  const rateHeader =
    rateUnit === 'PER_10K_BORROWERS' ? t('col.ratePer10k') : t('col.ratePerMillion');
  return {
    headers: [nameHeader, t('col.count'), t('col.previousCount'), t('col.changePct'), rateHeader],
    rows: rows.map((r) => [
      r.label,
      r.count,
      r.previousCount,
      percentCell(r.change),
      decimalCell(r.rate),
    ]),
  };
}

export function shareBars(
  rows: SharesData['shares']['rows'],
  lang: Lang,
  fmt: Fmt,
  unit: string,
): BarRow[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    value: r.count,
    valueText: `${fmt(r.count)} ${unit}`,
    note: formatShare(r.share, lang),
  }));
}

export function sharesTable(
  rows: SharesData['shares']['rows'],
  t: Translate,
  nameHeader: string,
): FigureTable {
  return {
    headers: [nameHeader, t('col.count'), t('col.sharePct')],
    rows: rows.map((r) => [r.label, r.count, percentCell(r.share)]),
  };
}

export type MapMetricKind = 'count' | 'rate';

/**
 * One tile for each of the 34 provinces, coloured by its count or its rate per million
 * residents; a province the ranking does not list has no complaints (count 0, no rate).
 */
export function provinceMapTiles(
  rows: readonly RankingRowData[],
  metric: MapMetricKind,
  lang: Lang,
  fmt: Fmt,
  t: Translate,
): MapTile[] {
  const byCode = new Map(rows.map((r) => [r.key, r]));
  return provinceTiles('grid1').map((tile) => {
    const row = byCode.get(tile.code);
    const count = row?.count ?? 0;
    const value = metric === 'count' ? count : (row?.rate ?? null);
    const valueText =
      metric === 'count'
        ? `${fmt(count)} ${t('unit')}`
        : value === null
          ? t('noRate')
          : `${formatRate(value, lang)} ${t('perMillionUnit')}`;
    return {
      code: tile.code,
      row: tile.row,
      col: tile.col,
      short: lang === 'zh' ? tile.abbr : tile.isoLetters,
      label: regionName(tile.code, lang),
      value,
      valueText,
    };
  });
}

export function provinceMapTable(
  rows: readonly RankingRowData[],
  t: Translate,
  lang: Lang,
): FigureTable {
  const byCode = new Map(rows.map((r) => [r.key, r]));
  return {
    headers: [t('province'), t('col.count'), t('col.ratePerMillion')],
    rows: provinceTiles('grid1')
      .map((tile) => byCode.get(tile.code) ?? null)
      .filter((r): r is RankingRowData => r !== null)
      .sort((a, b) => b.count - a.count)
      .map((r) => [regionName(r.key, lang), r.count, decimalCell(r.rate)]),
  };
}

export function spikesTable(spikes: readonly SpikeData[], t: Translate, lang: Lang): FigureTable {
  return {
    headers: [
      t('col.institution'),
      t('province'),
      t('col.week'),
      t('col.count'),
      t('col.baseline'),
      t('col.score'),
    ],
    rows: spikes.map((s) => [
      s.institution.name,
      regionName(s.provinceCode, lang),
      s.period,
      s.count,
      decimalCell(s.baseline),
      decimalCell(s.score),
    ]),
  };
}
