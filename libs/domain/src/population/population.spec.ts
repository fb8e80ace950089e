import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../regions/index.js';
import {
  PROVINCE_POPULATION_2020,
  perMillion,
  perTenThousandBorrowers,
  provincePopulation,
} from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const dataDir = path.resolve(repoRoot, '../shared/data');
const scriptPath = path.resolve(repoRoot, 'libs/domain/scripts/generate-population.mjs');

type GenerateSource = (mainlandCsv: string, hkMoTwCsv: string, regionsSource: string) => string;

async function loadGenerator(): Promise<GenerateSource> {
  const script = (await import(pathToFileURL(scriptPath).href)) as {
    generatePopulationSource: GenerateSource;
  };
  return script.generatePopulationSource;
}

const read = (file: string): string => readFileSync(file, 'utf8');
const mainlandCsvPath = path.join(dataDir, 'province-population-2020.csv');
const hkMoTwCsvPath = path.join(dataDir, 'province-population-2020-hk-mo-tw.csv');
const regionsPath = path.resolve(here, '../regions/regions.generated.ts');
const HK_MO_TW = ['710000', '810000', '820000'];

describe('population.generated.ts', () => {
  // The CSVs live outside the repo (../shared/data); where they are missing the drift check
  // cannot run and is reported as skipped rather than passed.
  it.runIf(existsSync(mainlandCsvPath))(
    'is what the generator writes from the CSVs (edit the script or the CSVs, not the table)',
    async () => {
      const generate = await loadGenerator();
      const committed = read(path.resolve(here, 'population.generated.ts'));
      expect(committed).toBe(
        generate(read(mainlandCsvPath), read(hkMoTwCsvPath), read(regionsPath)),
      );
    },
  );

  it('rejects CSVs that break the rules', async () => {
    const generate = await loadGenerator();
    const regions = read(regionsPath);
    const mainland = [
      'code,name_zh,name_en,population',
      ...PROVINCE_POPULATION_2020.filter((p) => p.census).map(
        (p) => `${p.code},${PROVINCES.find((r) => r.code === p.code)!.nameZh},x,${p.population}`,
      ),
    ].join('\n');
    const hkMoTw = [
      'code,name_zh,name_en,population,reference_date,note',
      '810000,香港特别行政区,Hong Kong SAR,7474200,2020-12-31,"a note, with a comma"',
      '820000,澳门特别行政区,Macao SAR,683218,2020-12-31,""',
      '710000,台湾省,Taiwan,23561236,2020-12-31,x',
    ].join('\r\n');
    expect(generate(mainland, hkMoTw, regions)).toContain("code: '820000'");

    const broken = (from: string, to: string) => () =>
      generate(mainland.replace(from, to), hkMoTw, regions);
    expect(broken('440000,广东省,x,126012510', '440000,广东省,x,126012511')).toThrow(/add up/);
    expect(broken('440000,广东省,x,126012510', '440000,广东省,x,-1')).toThrow(/positive/);
    expect(broken('440000,广东省,x,126012510', '440000,广东省,x,1.5')).toThrow(/positive/);
    expect(broken('440000,广东省', '440100,广东省')).toThrow(/province code/);
    expect(broken('440000,广东省', '440000,广西壮族自治区')).toThrow(/region table/);
    expect(broken('440000,广东省,x,126012510\n', '')).toThrow(/30 rows, not 31/);
    expect(broken('code,', 'kode,')).toThrow(/header/);
    expect(() => generate(mainland, hkMoTw.replace(/\r\n710000.*$/, ''), regions)).toThrow(
      /2 rows, not 3/,
    );
  });
});

describe('PROVINCE_POPULATION_2020', () => {
  it('covers the 34 province-level divisions of the region table, sorted by code', () => {
    const codes = PROVINCE_POPULATION_2020.map((p) => p.code);
    expect(codes).toEqual(PROVINCES.map((p) => p.code));
  });

  it('has 31 census counts that add up to the published total, 1,409,778,724', () => {
    const census = PROVINCE_POPULATION_2020.filter((p) => p.census);
    expect(census).toHaveLength(31);
    expect(census.reduce((sum, p) => sum + p.population, 0)).toBe(1_409_778_724);
    for (const p of PROVINCE_POPULATION_2020) expect(Number.isSafeInteger(p.population)).toBe(true);
  });

  it('has Guangdong as the largest and Xizang as the smallest census count', () => {
    const census = PROVINCE_POPULATION_2020.filter((p) => p.census);
    const sorted = [...census].sort((a, b) => b.population - a.population);
    expect(sorted[0]).toEqual({ code: '440000', population: 126_012_510, census: true });
    expect(sorted[1]!.code).toBe('370000'); // Shandong
    expect(sorted.at(-1)).toEqual({ code: '540000', population: 3_648_100, census: true });
  });

  it('flags Hong Kong, Macao and Taiwan as not census counts', () => {
    expect(PROVINCE_POPULATION_2020.filter((p) => !p.census).map((p) => p.code)).toEqual(HK_MO_TW);
    expect(provincePopulation('810000')).toEqual({
      code: '810000',
      population: 7_474_200,
      census: false,
    });
    expect(provincePopulation('820000')?.population).toBe(683_218);
    expect(provincePopulation('710000')?.population).toBe(23_561_236);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(PROVINCE_POPULATION_2020)).toBe(true);
    expect(Object.isFrozen(PROVINCE_POPULATION_2020[0])).toBe(true);
  });

  it('looks provinces up by their exact six-digit code only', () => {
    expect(provincePopulation('110000')?.population).toBe(21_893_095);
    expect(provincePopulation('110100')).toBeUndefined();
    expect(provincePopulation('11')).toBeUndefined();
    expect(provincePopulation('')).toBeUndefined();
  });
});

describe('perMillion', () => {
  it('divides by the census population, unrounded', () => {
    // 126 / 126,012,510 * 1,000,000 = 1 - 12,510 / 126,012,510 = 0.99990072...
    expect(perMillion(126, '440000')).toBeCloseTo(0.9999007241, 10);
    // 36,481 / 3,648,100 * 1,000,000 = 10,000 exactly.
    expect(perMillion(36_481, '540000')).toBe(10_000);
    expect(perMillion(21_893_095, '110000')).toBe(1_000_000);
    expect(perMillion(0, '330000')).toBe(0);
  });

  it('is null for HK, MO and TW unless non-census figures are asked for', () => {
    for (const code of HK_MO_TW) {
      expect(perMillion(10, code)).toBeNull();
      expect(perMillion(10, code, { includeNonCensus: false })).toBeNull();
    }
    // 1 / 683,218 * 1,000,000 = 1.46366...
    expect(perMillion(1, '820000', { includeNonCensus: true })).toBeCloseTo(1.4636616717, 10);
    expect(perMillion(74_742, '810000', { includeNonCensus: true })).toBe(10_000);
  });

  it('is null when the population is unknown', () => {
    expect(perMillion(5, '330100')).toBeNull(); // a city, not a province
    expect(perMillion(5, '990000')).toBeNull();
    expect(perMillion(5, '', { includeNonCensus: true })).toBeNull();
  });

  it('rejects a negative or non-finite count', () => {
    expect(() => perMillion(-1, '440000')).toThrow(RangeError);
    expect(() => perMillion(Number.NaN, '440000')).toThrow(RangeError);
  });
});

describe('perTenThousandBorrowers', () => {
  it('divides by the active borrowers, unrounded', () => {
    expect(perTenThousandBorrowers(25, 50_000)).toBe(5);
    // 3 / 7 * 10,000 = 4,285.714285...
    expect(perTenThousandBorrowers(3, 7)).toBeCloseTo(4285.7142857, 6);
    expect(perTenThousandBorrowers(0, 1_000)).toBe(0);
  });

  it('is null when the borrowers are unknown or 0', () => {
    expect(perTenThousandBorrowers(3, null)).toBeNull();
    expect(perTenThousandBorrowers(3, undefined)).toBeNull();
    expect(perTenThousandBorrowers(3, 0)).toBeNull();
    expect(perTenThousandBorrowers(3, -10)).toBeNull();
    expect(perTenThousandBorrowers(3, Number.NaN)).toBeNull();
  });

  it('rejects a negative or non-finite count', () => {
    expect(() => perTenThousandBorrowers(-1, 100)).toThrow(RangeError);
    expect(() => perTenThousandBorrowers(Number.POSITIVE_INFINITY, 100)).toThrow(RangeError);
  });
});
