// Resident population of the province-level divisions in 2020, and the complaint rates that
// divide by it. The table is generated from the census CSVs (see population.generated.ts for
// the source and how to regenerate it).
//
// The 31 mainland divisions are 7th national census counts (census: true). Hong Kong, Macao
// and Taiwan carry end-2020 figures quoted in communiqué No. 2, which are not census counts
// (census: false): per-capita rankings of the 31 leave them out, so perMillion returns null for
// them unless asked otherwise.
//
// Rates are returned unrounded; the display rounds them (e.g. to one or two decimals).
import { POPULATION_ROWS } from './population.generated.js';

export interface ProvincePopulation {
  /** Six-digit province code (GB/T 2260), e.g. 440000. */
  code: string;
  /** Resident population. */
  population: number;
  /** False for Hong Kong, Macao and Taiwan, whose figures are not census counts. */
  census: boolean;
}

/** The 34 province-level divisions, sorted by code: 31 census counts and HK, MO, TW. */
export const PROVINCE_POPULATION_2020: readonly ProvincePopulation[] = Object.freeze(
  POPULATION_ROWS.map((row) =>
    Object.freeze({ code: row.code, population: row.population, census: row.census }),
  ),
);

const BY_CODE: ReadonlyMap<string, ProvincePopulation> = new Map(
  PROVINCE_POPULATION_2020.map((p) => [p.code, p]),
);

/** The population of a province by its six-digit code; undefined for any other code. */
export function provincePopulation(code: string): ProvincePopulation | undefined {
  return BY_CODE.get(code);
}

function checkCount(count: number): void {
  if (!Number.isFinite(count) || count < 0) {
    throw new RangeError(`complaint count must be a finite number >= 0, not ${count}`);
  }
}

/**
 * Complaints per million residents, or null when the population is unknown or not a census
 * count (HK, MO, TW) unless includeNonCensus. Unrounded: the display rounds.
 * Throws a RangeError for a negative or non-finite count.
 */
export function perMillion(
  count: number,
  provinceCode: string,
  options?: { includeNonCensus?: boolean },
): number | null {
  checkCount(count);
  const entry = BY_CODE.get(provinceCode);
  if (!entry) return null;
  if (!entry.census && !options?.includeNonCensus) return null;
  return (count / entry.population) * 1_000_000;
}

/**
 * Complaints per 10,000 active borrowers, or null when borrowers unknown or 0 (or any other
 * value that is not a positive finite number). Unrounded: the display rounds.
 * Throws a RangeError for a negative or non-finite count.
 */
export function perTenThousandBorrowers(
  count: number,
  activeBorrowers: number | null | undefined,
): number | null {
  checkCount(count);
  if (activeBorrowers == null || !Number.isFinite(activeBorrowers) || activeBorrowers <= 0) {
    return null;
  }
  return (count / activeBorrowers) * 10_000;
}
