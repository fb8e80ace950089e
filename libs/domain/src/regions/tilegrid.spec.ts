import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from './index.js';
import { provinceTiles } from './tilegrid.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const jsonPath = path.resolve(repoRoot, '../shared/data/china-province-tilegrid.json');
const scriptPath = path.resolve(repoRoot, 'libs/domain/scripts/generate-tilegrid.mjs');
const regionsPath = path.resolve(here, 'regions.generated.ts');

type Generate = (json: string, regions: string) => string;
const loadGenerator = async (): Promise<Generate> =>
  ((await import(pathToFileURL(scriptPath).href)) as { generateTilegridSource: Generate })
    .generateTilegridSource;

describe('tilegrid.generated.ts', () => {
  // The JSON lives outside the repo; where it is missing the drift check is skipped, not passed.
  it.runIf(existsSync(jsonPath))(
    'is what the generator writes from the shared JSON (edit the script or the JSON, not the table)',
    async () => {
      const generate = await loadGenerator();
      const committed = readFileSync(path.resolve(here, 'tilegrid.generated.ts'), 'utf8');
      expect(committed).toBe(
        generate(readFileSync(jsonPath, 'utf8'), readFileSync(regionsPath, 'utf8')),
      );
    },
  );

  it('has one tile for each of the 34 provinces, no two in one cell, in both layouts', () => {
    for (const layout of ['grid1', 'grid2'] as const) {
      const tiles = provinceTiles(layout);
      expect(tiles.map((t) => t.code).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
      expect(new Set(tiles.map((t) => `${t.row},${t.col}`)).size).toBe(34);
    }
  });

  it('labels tiles with the ISO 3166-2 letters in English', () => {
    const gd = provinceTiles().find((t) => t.code === '440000')!;
    expect([gd.abbr, gd.isoLetters]).toEqual(['粤', 'GD']);
  });

  it('puts Guangdong south of Beijing and Xinjiang west of Shanghai', () => {
    const at = (code: string) => provinceTiles().find((t) => t.code === code)!;
    expect(at('440000').row).toBeGreaterThan(at('110000').row);
    expect(at('650000').col).toBeLessThan(at('310000').col);
  });

  it('refuses a layout with a wrong name, a missing province or a shared cell', async () => {
    const generate = await loadGenerator();
    const regions = readFileSync(regionsPath, 'utf8');
    const good = provinceTiles('grid1').map((t, i) => ({
      code: t.code,
      name_zh: PROVINCES.find((p) => p.code === t.code)!.nameZh,
      abbr: t.abbr,
      iso3166_2: `CN-${t.isoLetters}`,
      grid1: { row: t.row, col: t.col },
      grid2: { row: 1 + Math.floor(i / 7), col: 1 + (i % 7) },
    }));
    expect(() => generate(JSON.stringify(good), regions)).not.toThrow();
    const renamed = good.map((g, i) => (i === 0 ? { ...g, name_zh: '北平' } : g));
    expect(() => generate(JSON.stringify(renamed), regions)).toThrow(/not 北平/);
    expect(() => generate(JSON.stringify(good.slice(1)), regions)).toThrow(/no tile for/);
    const shared = good.map((g, i) => (i === 1 ? { ...g, grid1: good[0]!.grid1 } : g));
    expect(() => generate(JSON.stringify(shared), regions)).toThrow(/taken twice/);
  });
});
