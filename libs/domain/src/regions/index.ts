// GB/T 2260 regions: the 34 province-level divisions and the prefecture-level cities, with
// parsers that turn what import files hold (codes, Chinese or English names) into codes.
//
// The table is generated (see regions.generated.ts for its source and how to regenerate it).
// The four municipalities are provinces and also have one city, <province>0100 (110100 北京市),
// which stands for the whole municipality. Hong Kong, Macao and Taiwan have no cities.
import { REGION_ROWS, type RegionRow } from './regions.generated.js';

export * from './us-states.js';
export * from './tilegrid.js';

export type RegionLevel = 'PROVINCE' | 'CITY';

export interface Region {
  code: string;
  level: RegionLevel;
  /** Full official name, e.g. 广西壮族自治区, 杭州市, 延边朝鲜族自治州. */
  nameZh: string;
  /** Name without suffix, e.g. 广西, 杭州, 延边. */
  shortZh: string;
  /** English name without suffix, e.g. Guangxi, Hangzhou, Yanbian. */
  nameEn: string;
  /** The province's code; a province's own code for provinces. */
  provinceCode: string;
}

const MUNICIPALITIES: ReadonlySet<string> = new Set(['110000', '120000', '310000', '500000']);

function toRegion([code, nameZh, shortZh, nameEn]: RegionRow): Region {
  return Object.freeze({
    code,
    level: code.endsWith('0000') ? 'PROVINCE' : 'CITY',
    nameZh,
    shortZh,
    nameEn,
    provinceCode: `${code.slice(0, 2)}0000`,
  });
}

const ALL: readonly Region[] = REGION_ROWS.map(toRegion);
const BY_CODE: ReadonlyMap<string, Region> = new Map(ALL.map((r) => [r.code, r]));

/** The 34 province-level divisions, sorted by code. */
export const PROVINCES: readonly Region[] = Object.freeze(
  ALL.filter((r) => r.level === 'PROVINCE'),
);

/** The prefecture-level cities (and one city for each municipality), sorted by code. */
export const CITIES: readonly Region[] = Object.freeze(ALL.filter((r) => r.level === 'CITY'));

const CITIES_BY_PROVINCE: ReadonlyMap<string, readonly Region[]> = new Map(
  PROVINCES.map((p) => [p.code, Object.freeze(CITIES.filter((c) => c.provinceCode === p.code))]),
);
const NO_CITIES: readonly Region[] = Object.freeze([]);

export function regionByCode(code: string): Region | undefined {
  return BY_CODE.get(code);
}

/** Display name: zh gives a province's short name (浙江) and a city's full name (杭州市). */
export function regionName(code: string, lang: 'zh' | 'en'): string {
  const region = BY_CODE.get(code);
  if (!region) return code;
  if (lang === 'en') return region.nameEn;
  return region.level === 'PROVINCE' ? region.shortZh : region.nameZh;
}

/** The cities of a province, sorted by code; empty for an unknown code. */
export function citiesOf(provinceCode: string): readonly Region[] {
  return CITIES_BY_PROVINCE.get(provinceCode) ?? NO_CITIES;
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface ResolvedCode {
  province: string;
  city: string | null;
  /** The code itself is a row of the table. */
  exact: boolean;
}

/**
 * Resolves a six-digit code to its province and city. The province must be in the table; a
 * county-level code (330106) resolves to its city when that city is in the table (330100) and
 * to the province alone otherwise (429004 仙桃, under 省直辖县级行政区划). County codes are not
 * checked against a county list: old codes (on ID cards, in older registries) still say which
 * city they belong to.
 */
function resolveCode(code: string): ResolvedCode | null {
  const province = `${code.slice(0, 2)}0000`;
  if (!BY_CODE.has(province)) return null;
  if (code === province) return { province, city: null, exact: true };
  if (code.slice(2, 4) === '00') return null; // XX00ZZ is no code
  const city = MUNICIPALITIES.has(province) ? `${code.slice(0, 2)}0100` : `${code.slice(0, 4)}00`;
  const known = BY_CODE.has(city);
  return { province, city: known ? city : null, exact: known && city === code };
}

/** Traditional forms of the characters in province-level names, and their simplified forms. */
const TRADITIONAL = '廣東臺灣陝遼寧龍雲貴蘇慶門肅內壯維爾區別';
const SIMPLIFIED = '广东台湾陕辽宁龙云贵苏庆门肃内壮维尔区别';
const TRADITIONAL_RE = new RegExp(`[${TRADITIONAL}]`, 'g');

/** English suffixes tried off when a name is not found as it is. */
const EN_SUFFIXES = [
  'specialadministrativeregion',
  'autonomousregion',
  'autonomousprefecture',
  'municipality',
  'prefecture',
  'province',
  'region',
  'league',
  'city',
  'sar',
];

/**
 * Lookup key: NFKC (full-width forms), traditional to simplified for province names, accents
 * off (Lüliang), lower case, and only letters and digits kept (spaces, hyphens, apostrophes).
 */
function lookupKey(input: string): string {
  return input
    .normalize('NFKC')
    .replace(TRADITIONAL_RE, (c) => SIMPLIFIED[TRADITIONAL.indexOf(c)] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

type NameIndex = Map<string, string[]>;

function addKey(index: NameIndex, name: string, code: string): void {
  const key = lookupKey(name);
  if (!key) return;
  const codes = index.get(key);
  if (!codes) index.set(key, [code]);
  else if (!codes.includes(code)) codes.push(code);
}

interface NameIndexes {
  provinces: NameIndex;
  cities: NameIndex;
  /** Chinese province names, longest first, for "浙江省杭州市". */
  provincePrefixes: { key: string; code: string }[];
}

let indexes: NameIndexes | undefined;

function nameIndexes(): NameIndexes {
  if (indexes) return indexes;
  const provinces: NameIndex = new Map();
  const cities: NameIndex = new Map();
  for (const [code, nameZh, shortZh, nameEn, aliases = []] of REGION_ROWS) {
    const isProvince = code.endsWith('0000');
    const index = isProvince ? provinces : cities;
    for (const name of [nameZh, shortZh, nameEn, ...aliases]) addKey(index, name, code);
    // Common short forms: 广西自治区, 延边州.
    if (isProvince && nameZh.endsWith('自治区')) addKey(index, `${shortZh}自治区`, code);
    if (!isProvince && nameZh.endsWith('自治州')) addKey(index, `${shortZh}州`, code);
  }
  const provincePrefixes = PROVINCES.flatMap((p) =>
    [p.nameZh, p.shortZh].map((name) => ({ key: lookupKey(name), code: p.code })),
  ).sort((a, b) => b.key.length - a.key.length);
  indexes = { provinces, cities, provincePrefixes };
  return indexes;
}

const CODE_RE = /^\d{6}$/;
const ASCII_RE = /^[a-z0-9]+$/;

/** Codes a name stands for: as written, then (English only) without a suffix such as "City". */
function lookup(index: NameIndex, key: string): readonly string[] {
  const found = index.get(key);
  if (found || !ASCII_RE.test(key)) return found ?? [];
  for (const suffix of EN_SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) {
      const codes = lookup(index, key.slice(0, -suffix.length));
      if (codes.length) return codes;
    }
  }
  return [];
}

function only(codes: readonly string[], provinceCode?: string): string | null {
  const matching = provinceCode
    ? codes.filter((c) => c.startsWith(provinceCode.slice(0, 2)))
    : codes;
  return matching.length === 1 ? (matching[0] ?? null) : null;
}

/** NFKC and trimmed; null for what cannot be a region. */
function clean(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = input.normalize('NFKC').trim();
  return text ? text : null;
}

function parseProvinceName(text: string): string | null {
  return only(lookup(nameIndexes().provinces, lookupKey(text)));
}

function parseCityName(text: string, provinceCode?: string): string | null {
  const { cities, provincePrefixes } = nameIndexes();
  const key = lookupKey(text);
  const direct = lookup(cities, key);
  if (direct.length) return only(direct, provinceCode);
  // "浙江省杭州市", "浙江杭州": a province name, then the city's.
  for (const prefix of provincePrefixes) {
    if (key.length > prefix.key.length && key.startsWith(prefix.key)) {
      if (provinceCode && provinceCode !== prefix.code) continue;
      const city = only(lookup(cities, key.slice(prefix.key.length)), prefix.code);
      if (city) return city;
    }
  }
  return null;
}

/**
 * The code of a province-level division named by `input`: a code of it or of anything in it
 * (330106 -> 330000), its Chinese name with or without suffix (浙江, 浙江省, traditional 廣東),
 * or its English name in any case (Zhejiang, inner mongolia, Tibet). Null when unknown.
 */
export function parseProvince(input: string): string | null {
  const text = clean(input);
  if (!text) return null;
  if (CODE_RE.test(text)) return resolveCode(text)?.province ?? null;
  return parseProvinceName(text);
}

/**
 * The code of a city named by `input`: its code or a county code in it (330106 -> 330100), its
 * Chinese name with or without suffix (杭州, 杭州市, 延边, 延边朝鲜族自治州, 浙江省杭州市), or its
 * English name (Hangzhou). A municipality's name or code gives its city (北京, 110000 ->
 * 110100). With `provinceCode`, only cities of that province match, which also settles names
 * two cities share (Suzhou, Taizhou, Fuzhou, Yichun, Yulin); without it such names give null.
 */
export function parseCity(input: string, provinceCode?: string): string | null {
  const text = clean(input);
  if (!text) return null;
  const province = provinceCode || undefined; // '' from an empty column means none
  if (province !== undefined && BY_CODE.get(province)?.level !== 'PROVINCE') return null;
  if (CODE_RE.test(text)) {
    const resolved = resolveCode(text);
    if (!resolved) return null;
    const city =
      resolved.city ?? (MUNICIPALITIES.has(resolved.province) ? `${text.slice(0, 2)}0100` : null);
    return city && (!province || resolved.province === province) ? city : null;
  }
  return parseCityName(text, province);
}

/**
 * A province or a city: for a code, the most precise row it names (330000, 330100; 330106 ->
 * 330100); for a name, the province first (吉林 is the province, 吉林市 the city).
 */
export function parseRegion(input: string): string | null {
  const text = clean(input);
  if (!text) return null;
  if (CODE_RE.test(text)) {
    const resolved = resolveCode(text);
    return resolved ? (resolved.exact ? text : (resolved.city ?? resolved.province)) : null;
  }
  return parseProvinceName(text) ?? parseCityName(text);
}
