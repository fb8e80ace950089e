// The tile-grid map of China: one square a province-level division, placed roughly where it
// lies. A tile map draws no boundaries, so it needs no official map review (a geographic map
// is drawn only from a boundary file a deployment supplies). The layout is generated from
// ../shared/data/china-province-tilegrid.json; see scripts/generate-tilegrid.mjs.
import { PROVINCE_TILE_ROWS, type ProvinceTileRow, type TileCell } from './tilegrid.generated.js';

export type { ProvinceTileRow, TileCell };

export type TileLayout = 'grid1' | 'grid2';

export interface ProvinceTile {
  code: string;
  abbr: string;
  /** The ISO 3166-2 subdivision letters, e.g. GD: the tile's label in English. */
  isoLetters: string;
  row: number;
  col: number;
}

/** Every province's tile in a layout: grid1 (11 x 10, sparse) or grid2 (9 x 7, compact). */
export function provinceTiles(layout: TileLayout = 'grid1'): readonly ProvinceTile[] {
  return PROVINCE_TILE_ROWS.map((r) => ({
    code: r.code,
    abbr: r.abbr,
    isoLetters: r.iso.slice(3),
    ...r[layout],
  }));
}
