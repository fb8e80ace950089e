// The canonical import format (docs/import-format.md), shared by its CSV, XLSX and JSONL
// readers: which header names each column goes by, and how one row's cells become a
// ParsedComplaint or the list of what is wrong with it.
import {
  CATEGORY,
  CHANNEL,
  CITIES,
  PROVINCES,
  EVIDENCE,
  PRODUCT,
  SOURCE,
  STATUS,
  citiesOf,
  parseCity,
  parseProvince,
  parseUsState,
  regionByCode,
  shanghaiDate,
  type Category,
  type Channel,
  type Evidence,
  type Label,
  type Product,
  type Source,
  type Status,
} from '@cw/domain';
import {
  CANONICAL_FIELDS,
  FileError,
  REQUIRED_FIELDS,
  type CanonicalField,
  type ParsedComplaint,
  type ParsedRow,
  type RowError,
} from '../ingest-row.js';
import {
  charLength,
  matchKey,
  parseAmount,
  parseDays,
  parseInstant,
  type Result,
} from './values.js';

/** The canonical columns plus two optional ones the record has room for. */
export type RowField = CanonicalField | 'incident_at' | 'evidence';
export const ROW_FIELDS: readonly RowField[] = [...CANONICAL_FIELDS, 'incident_at', 'evidence'];

/** Other names of each column (Chinese headers, camelCase and ParsedComplaint names). */
export const HEADER_ALIASES: Readonly<Record<RowField, readonly string[]>> = {
  external_id: ['外部编号', '投诉编号'],
  received_at: ['受理时间', '接收时间', '投诉时间'],
  institution: ['机构', '金融机构', '被投诉机构'],
  collection_agency: ['催收机构', '催收公司', 'agency'],
  product: ['产品', '产品类型'],
  province: ['省份', '省', 'province_code'],
  city: ['城市', '市', 'city_code'],
  channels: ['催收方式', '渠道'],
  categories: ['投诉类别', '类别', 'categories_declared'],
  narrative: ['投诉内容', '内容', '描述'],
  amount_owed: ['欠款金额', '金额'],
  overdue_days: ['逾期天数'],
  status: ['状态', '处理状态'],
  institution_response: ['机构答复', '答复'],
  responded_at: ['答复时间'],
  source: ['来源'],
  incident_at: ['发生时间', '催收时间'],
  evidence: ['证据'],
};

/** Text limits in characters. */
export const TEXT_LIMITS: Readonly<Partial<Record<RowField, number>>> = {
  external_id: 200,
  institution: 200,
  collection_agency: 200,
  narrative: 20_000,
  institution_response: 20_000,
};

/** Header key: like matchKey, after dropping a trailing note in brackets and a "*" mark. */
function headerKey(header: string): string {
  const text = header
    .normalize('NFKC')
    .trim()
    .replace(/\*+/g, '')
    .replace(/\s*\([^()]*\)\s*$/, '');
  return matchKey(text);
}

const FIELD_BY_HEADER: ReadonlyMap<string, RowField> = (() => {
  const index = new Map<string, RowField>();
  for (const field of ROW_FIELDS) {
    for (const name of [field, ...HEADER_ALIASES[field]]) {
      const key = headerKey(name);
      const other = index.get(key);
      if (other && other !== field) throw new Error(`header ${name} names ${other} and ${field}`);
      index.set(key, field);
    }
  }
  return index;
})();

/** The field a header (or a JSON key) names, or null. */
export function fieldForHeader(header: string): RowField | null {
  return FIELD_BY_HEADER.get(headerKey(header)) ?? null;
}

/** Where each field is in a row: column index for CSV/XLSX. */
export type ColumnMap = ReadonlyMap<RowField, number>;

const DELIMITERS: readonly { char: string; name: string }[] = [
  { char: '\t', name: 'tab' },
  { char: ';', name: 'semicolon' },
  { char: '；', name: 'semicolon' },
  { char: '|', name: 'pipe' },
  { char: ',', name: 'comma' },
];

/** What a cell holds, as a header or a value. */
export type Cell =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly unknown[]
  | { readonly [key: string]: unknown };

export function cellToText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  if (Array.isArray(cell)) return cell.map((c) => cellToText(c as Cell)).join(';');
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

/**
 * Maps a header row to fields. Throws FileError for a file split on the wrong delimiter, for
 * two columns naming one field and for missing required columns (naming them). Unknown
 * columns are ignored and reported once through `onWarning`.
 */
export function mapColumns(
  headers: readonly Cell[],
  onWarning?: (message: string) => void,
): ColumnMap {
  const texts = headers.map((h) => cellToText(h).trim());
  const named = texts.filter((t) => t !== '');
  if (named.length === 0) throw new FileError('the header row is empty', { reason: 'NO_HEADER' });
  if (named.length === 1) {
    const only = named[0] ?? '';
    const delimiter = DELIMITERS.find((d) => only.includes(d.char));
    if (delimiter && !fieldForHeader(only)) {
      throw new FileError(
        `wrong delimiter: the header is a single column containing ${delimiter.name}s ("${only.slice(0, 80)}"); save the file as comma-separated CSV (UTF-8)`,
        { reason: 'WRONG_DELIMITER', delimiter: delimiter.name },
      );
    }
  }
  const map = new Map<RowField, number>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  texts.forEach((text, index) => {
    if (!text) return;
    const field = fieldForHeader(text);
    if (!field) {
      unknown.push(text);
      return;
    }
    const first = map.get(field);
    if (first !== undefined) {
      duplicates.push(`"${texts[first]}" and "${text}" (both ${field})`);
      return;
    }
    map.set(field, index);
  });
  if (duplicates.length) {
    throw new FileError(`duplicated columns: ${duplicates.join('; ')}`, {
      reason: 'DUPLICATE_COLUMNS',
      duplicates,
    });
  }
  const missing = REQUIRED_FIELDS.filter((f) => !map.has(f));
  if (missing.length) {
    const names = missing.map((f) => `${f} (${HEADER_ALIASES[f][0]})`);
    throw new FileError(`missing required columns: ${names.join(', ')}`, {
      reason: 'MISSING_COLUMNS',
      missing,
      found: named,
    });
  }
  if (unknown.length) onWarning?.(`ignored unknown columns: ${unknown.join(', ')}`);
  return map;
}

/** The cells of one row, by field. */
export type RowCells = Partial<Record<RowField, Cell>>;

export function cellsByField(cells: readonly Cell[], columns: ColumnMap): RowCells {
  const out: RowCells = {};
  for (const [field, index] of columns) out[field] = cells[index];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary values: a code, a Chinese or English label, or a common other name.

interface Vocabulary<T extends string> {
  codes: readonly T[];
  labels: Readonly<Record<T, Label>>;
}

function vocabularyIndex<T extends string>(
  vocabulary: Vocabulary<T>,
  aliases: Partial<Record<T, readonly string[]>>,
): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const code of vocabulary.codes) {
    const label = vocabulary.labels[code];
    for (const name of [code, label.zh, label.en, ...(aliases[code] ?? [])]) {
      const key = matchKey(name);
      const other = index.get(key);
      if (other !== undefined && other !== code)
        throw new Error(`"${name}" names ${other} and ${code}`);
      index.set(key, code);
    }
  }
  return index;
}

/** Other names accepted for list items and codes (documented in docs/import-format.md). */
export const CATEGORY_ALIASES: Partial<Record<Category, readonly string[]>> = {
  THREAT: ['Threats', 'Threat', 'Intimidation', '威胁', '恐吓'],
  INSULT: ['Insults', 'Insult', 'Abuse', 'Abusive language', '辱骂', '侮辱'],
  THIRD_PARTY: [
    'Third party',
    'Third parties',
    '爆通讯录',
    '骚扰第三方/爆通讯录',
    '骚扰亲友',
    '联系第三方',
  ],
  EXCESSIVE_CONTACT: ['Frequent contact', '频繁联系', '频繁来电'],
  OFF_HOURS: ['Off hours', '非合理时间', '夜间催收'],
  IMPERSONATION: ['Impersonation', '伪造文书', '冒充公检法/伪造文书'],
  PRIVACY_DISCLOSURE: ['Privacy disclosure', '曝光', '泄露隐私/曝光'],
  VISIT: ['Visit', 'Visits', '上门'],
  VIOLENCE: ['Violence', '非法拘禁', '暴力/非法拘禁'],
  DECEPTION: ['欺骗'],
};
export const CHANNEL_ALIASES: Partial<Record<Channel, readonly string[]>> = {
  PHONE_CALL: ['Phone', 'Call', 'Calls', 'Telephone', '电话催收', '来电'],
  SMS: ['SMS', 'Text', 'Texts', '短信催收'],
  SOCIAL_MEDIA: ['WeChat', '微信', 'QQ'],
  VISIT_HOME: ['上门(家)'],
  VISIT_WORKPLACE: ['上门(工作单位)'],
  LETTER: ['Letters', '信件'],
  EMAIL: ['Email', '邮件'],
  APP_PUSH: ['App push', 'Push', 'App'],
};
const EVIDENCE_ALIASES: Partial<Record<Evidence, readonly string[]>> = {
  RECORDING: ['Recordings', '通话录音'],
  SCREENSHOT: ['Screenshots', '截屏'],
  DOCUMENT: ['Documents', '书面证据'],
  WITNESS: ['Witnesses', '证人证言'],
};
const STATUS_ALIASES: Partial<Record<Status, readonly string[]>> = {
  RECEIVED: ['受理'],
  FORWARDED: ['转办'],
  RESPONDED: ['已答复'],
  MEDIATED: ['调解'],
  CLOSED: ['办结', '已结案', '结案'],
  REFERRED_TO_POLICE: ['移送公安'],
};
const SOURCE_ALIASES: Partial<Record<Source, readonly string[]>> = {
  HOTLINE: ['12378'],
  CONSUMER_ASSOCIATION: ['12315', '消费者协会', '消协'],
  POLICE: ['公安'],
  ONLINE_PLATFORM: ['网络平台'],
};
const PRODUCT_ALIASES: Partial<Record<Product, readonly string[]>> = {
  BUSINESS_LOAN: ['经营性贷款'],
  CONSUMER_LOAN: ['消费贷款', '消费信贷'],
  BNPL: ['BNPL'],
};

const CATEGORIES = vocabularyIndex(CATEGORY, CATEGORY_ALIASES);
const CHANNELS = vocabularyIndex(CHANNEL, CHANNEL_ALIASES);
const EVIDENCES = vocabularyIndex(EVIDENCE, EVIDENCE_ALIASES);
const STATUSES = vocabularyIndex(STATUS, STATUS_ALIASES);
const SOURCES = vocabularyIndex(SOURCE, SOURCE_ALIASES);
const PRODUCTS = vocabularyIndex(PRODUCT, PRODUCT_ALIASES);

/** List items: split on ; ； 、 , ， and | (or given as an array). */
function listItems(cell: Cell): string[] {
  const parts = Array.isArray(cell) ? cell.map((c) => cellToText(c as Cell)) : [cellToText(cell)];
  return parts
    .flatMap((p) => p.split(/[;；、,，|]/))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

// ---------------------------------------------------------------------------------------------
// One row

/** A JSON object (not an array, not a Date). */
function isObject(cell: Cell): cell is { readonly [key: string]: unknown } {
  return (
    typeof cell === 'object' && cell !== null && !Array.isArray(cell) && !(cell instanceof Date)
  );
}

export interface RowContext {
  now: Date;
}

class RowChecker {
  readonly errors: RowError[] = [];

  constructor(
    readonly rowNumber: number,
    readonly cells: RowCells,
    readonly context: RowContext,
  ) {}

  fail(field: string, value: string, reason: string): null {
    this.errors.push({ rowNumber: this.rowNumber, field, value: value.slice(0, 200), reason });
    return null;
  }

  raw(field: RowField): Cell {
    return this.cells[field];
  }

  isEmpty(field: RowField): boolean {
    const cell = this.raw(field);
    if (Array.isArray(cell)) return listItems(cell).length === 0;
    return cellToText(cell).trim() === '';
  }

  /** Trimmed text, null when empty; checks the limit and undecodable bytes. */
  text(field: RowField, required = false): string | null {
    const cell = this.raw(field);
    if (Array.isArray(cell) || isObject(cell)) {
      return this.fail(field, cellToText(cell), 'must be text');
    }
    const text = cellToText(cell).replace(/\r\n?/g, '\n').trim();
    if (!text) return required ? this.fail(field, '', 'required') : null;
    if (text.includes('\uFFFD')) {
      return this.fail(
        field,
        text,
        'holds bytes that are not valid in the file encoding (UTF-8 or GB18030): save the file again in one encoding',
      );
    }
    const limit = TEXT_LIMITS[field];
    if (limit !== undefined) {
      const length = charLength(text);
      if (length > limit) {
        return this.fail(field, text, `longer than ${limit} characters (${length})`);
      }
    }
    return text;
  }

  instant(field: RowField, required = false): Date | null {
    const cell = this.raw(field);
    if (this.isEmpty(field)) return required ? this.fail(field, '', 'required') : null;
    if (typeof cell !== 'string' && typeof cell !== 'number' && !(cell instanceof Date)) {
      return this.fail(field, cellToText(cell), 'is not a date or time');
    }
    return this.result(field, cellToText(cell), parseInstant(cell, this.context.now));
  }

  number(field: RowField, parse: (v: string | number) => Result<number>): number | null {
    const cell = this.raw(field);
    if (this.isEmpty(field)) return null;
    if (typeof cell !== 'string' && typeof cell !== 'number') {
      return this.fail(field, cellToText(cell), 'is not a number');
    }
    return this.result(field, cellToText(cell), parse(cell));
  }

  code<T extends string>(field: RowField, index: ReadonlyMap<string, T>, what: string): T | null {
    const text = this.text(field);
    if (text === null) return null;
    return index.get(matchKey(text)) ?? this.fail(field, text, `unknown ${what} "${text}"`);
  }

  list<T extends string>(field: RowField, index: ReadonlyMap<string, T>, what: string): T[] {
    const cell = this.raw(field);
    if (typeof cell === 'string' && cell.includes('\uFFFD')) {
      this.text(field);
      return [];
    }
    if (isObject(cell)) {
      this.fail(field, cellToText(cell), 'must be a list (text or an array)');
      return [];
    }
    const out: T[] = [];
    for (const item of listItems(cell)) {
      const code = index.get(matchKey(item));
      if (code) {
        if (!out.includes(code)) out.push(code);
      } else {
        this.fail(field, cellToText(cell), `unknown ${what} "${item}"`);
      }
    }
    return out;
  }

  private result<T>(field: RowField, value: string, result: Result<T>): T | null {
    return result.ok ? result.value : this.fail(field, value, result.reason);
  }
}

interface ResolvedRegion {
  province: string;
  city: string | null;
}

interface Prefix {
  name: string;
  code: string;
}

let prefixes: { provinces: Prefix[]; cities: Prefix[] } | undefined;

/** Chinese province names (full and short, longest first) and full city names. */
function regionPrefixes(): { provinces: Prefix[]; cities: Prefix[] } {
  if (prefixes) return prefixes;
  const provinces = PROVINCES.flatMap((p) =>
    [...new Set([p.nameZh, p.shortZh])].map((name) => ({ name, code: p.code })),
  ).sort((a, b) => b.name.length - a.name.length);
  const cities = CITIES.map((c) => ({ name: c.nameZh, code: c.code }));
  prefixes = { provinces, cities };
  return prefixes;
}

/** The city of `province` whose name (full or short, the longest) starts `text`. */
function cityPrefix(province: string, text: string): string | null {
  let best: { code: string; length: number } | null = null;
  for (const city of citiesOf(province)) {
    for (const name of [city.nameZh, city.shortZh]) {
      if (name && text.startsWith(name) && (!best || name.length > best.length)) {
        best = { code: city.code, length: name.length };
      }
    }
  }
  return best?.code ?? null;
}

/**
 * The province and city an address starts with: "浙江省杭州市西湖区文三路" (330000, 330100),
 * "北京市朝阳区" (110000, 110100), "杭州市西湖区" (no province: a city's full name, unique in
 * the country). Null when it starts with neither.
 */
function regionFromAddress(text: string): ResolvedRegion | null {
  const address = text.normalize('NFKC').replace(/\s+/g, '');
  const { provinces, cities } = regionPrefixes();
  const province = provinces.find((p) => address.startsWith(p.name));
  if (province) {
    const rest = address.slice(province.name.length);
    // 吉林市船营区: the province's short name 吉林 also starts the city's name 吉林市.
    const city = cityPrefix(province.code, rest) ?? cityPrefix(province.code, address);
    return { province: province.code, city };
  }
  const matches = new Set(cities.filter((c) => address.startsWith(c.name)).map((c) => c.code));
  if (matches.size !== 1) return null;
  const [code] = matches;
  const city = code ? regionByCode(code) : undefined;
  return city ? { province: city.provinceCode, city: city.code } : null;
}

function regionLabel(code: string): string {
  const region = regionByCode(code);
  return region ? `${region.nameZh} (${code})` : code;
}

type RegionResult = ResolvedRegion | { field: 'province' | 'city'; reason: string };

/** The province (and city) of a province cell and an optional city cell, or what is wrong. */
function resolveRegion(provinceText: string, cityText: string | null): RegionResult {
  let province: string | null = null;
  let cityFromProvince: string | null = null;
  const us = /^us-?[a-z]{2}$/i.test(provinceText.normalize('NFKC'))
    ? parseUsState(provinceText)
    : null;
  if (us) {
    province = us;
  } else {
    province = parseProvince(provinceText);
    if (province && /^\d{6}$/.test(provinceText) && !provinceText.endsWith('0000')) {
      cityFromProvince = parseCity(provinceText, province); // a county code: 330106
    }
    if (!province) {
      // A city (杭州, Hangzhou) or an address (浙江省杭州市西湖区文三路) in the province column.
      const city = parseCity(provinceText);
      const address = city ? null : regionFromAddress(provinceText);
      if (city) {
        province = regionByCode(city)?.provinceCode ?? null;
        cityFromProvince = city;
      } else if (address) {
        province = address.province;
        cityFromProvince = address.city;
      }
    }
  }
  if (!province) return { field: 'province', reason: `unknown province "${provinceText}"` };

  if (cityText === null) return { province, city: cityFromProvince };
  if (province.startsWith('US-')) {
    return { field: 'city', reason: 'cities of US states are not recorded; leave city empty' };
  }
  let city = parseCity(cityText, province);
  if (!city) {
    const address = regionFromAddress(cityText);
    if (address?.province === province && address.city) city = address.city;
  }
  if (!city) {
    const elsewhere = parseCity(cityText) ?? regionFromAddress(cityText)?.city ?? null;
    return {
      field: 'city',
      reason: elsewhere
        ? `city "${cityText}" is not in province ${regionLabel(province)}`
        : `unknown city "${cityText}" in province ${regionLabel(province)}`,
    };
  }
  if (cityFromProvince && cityFromProvince !== city) {
    return {
      field: 'city',
      reason: `city "${cityText}" differs from the city in the province column (${regionLabel(cityFromProvince)})`,
    };
  }
  return { province, city };
}

/** Files repeat a few hundred place names: resolve each pair once (bounded). */
const REGION_CACHE = new Map<string, RegionResult>();
const REGION_CACHE_SIZE = 10_000;

function checkRegion(check: RowChecker): ResolvedRegion | null {
  const provinceText = check.text('province', true);
  const cityText = check.text('city');
  if (provinceText === null) return null;
  const key = `${provinceText}\u0000${cityText ?? ''}`;
  let result = REGION_CACHE.get(key);
  if (!result) {
    result = resolveRegion(provinceText, cityText);
    if (REGION_CACHE.size >= REGION_CACHE_SIZE) REGION_CACHE.clear();
    REGION_CACHE.set(key, result);
  }
  if ('reason' in result) {
    return check.fail(
      result.field,
      result.field === 'city' ? (cityText ?? '') : provinceText,
      result.reason,
    );
  }
  return result;
}

/** True when no cell of the row holds anything (a trailing blank row of a spreadsheet). */
export function isBlankRow(cells: RowCells): boolean {
  return ROW_FIELDS.every((f) => {
    const cell = cells[f];
    return Array.isArray(cell) ? cell.length === 0 : cellToText(cell).trim() === '';
  });
}

/**
 * Checks and normalises one row. Every problem of the row is reported, each naming its field;
 * a row with none becomes a ParsedComplaint. Returns null for a blank row.
 */
export function normaliseRow(
  rowNumber: number,
  cells: RowCells,
  context: RowContext,
): ParsedRow | null {
  if (isBlankRow(cells)) return null;
  const check = new RowChecker(rowNumber, cells, context);

  const externalId = check.text('external_id', true);
  const receivedAt = check.instant('received_at', true);
  const institution = check.text('institution', true);
  const region = checkRegion(check);
  const agency = check.text('collection_agency');
  const product = check.code('product', PRODUCTS, 'product');
  const channels = check.list('channels', CHANNELS, 'channel');
  const categories = check.list('categories', CATEGORIES, 'category');
  const evidence = check.list('evidence', EVIDENCES, 'evidence');
  const narrative = check.text('narrative');
  const amountOwed = check.number('amount_owed', parseAmount);
  const overdueDays = check.number('overdue_days', parseDays);
  const status = check.code('status', STATUSES, 'status');
  const institutionResponse = check.text('institution_response');
  const respondedAt = check.instant('responded_at');
  const incidentAt = check.instant('incident_at');
  const source = check.code('source', SOURCES, 'source');

  if (receivedAt && respondedAt && shanghaiDate(respondedAt) < shanghaiDate(receivedAt)) {
    check.fail(
      'responded_at',
      cellToText(cells.responded_at),
      `is before received_at (${shanghaiDate(receivedAt)})`,
    );
  }

  if (check.errors.length || !externalId || !receivedAt || !institution || !region) {
    return { kind: 'rejected', errors: check.errors };
  }
  const row: ParsedComplaint = {
    rowNumber,
    source,
    externalId,
    receivedAt,
    incidentAt,
    institution,
    agency,
    product,
    provinceCode: region.province,
    cityCode: region.city,
    channels,
    categoriesDeclared: categories,
    narrative,
    amountOwed,
    overdueDays,
    status: status ?? 'RECEIVED',
    institutionResponse,
    respondedAt,
    evidence,
  };
  return { kind: 'ok', row };
}
