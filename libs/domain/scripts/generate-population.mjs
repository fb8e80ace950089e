// Generates libs/domain/src/population/population.generated.ts: the 2020 resident population of
// the province-level divisions, for complaint rates per million residents.
//
//   node libs/domain/scripts/generate-population.mjs              writes the file
//   node libs/domain/scripts/generate-population.mjs --data DIR   reads the two CSVs from DIR
//                                                                 (default: ../shared/data
//                                                                 beside the repo root)
//   node libs/domain/scripts/generate-population.mjs --out FILE   writes FILE instead
//   node libs/domain/scripts/generate-population.mjs --check      fails if the file is stale
//
// Inputs (the shared folder is not there at run time in production, hence the generated file):
// - province-population-2020.csv: code,name_zh,name_en,population. The 31 mainland divisions,
//   7th national census (National Bureau of Statistics, communiqué No. 3, table 3-1,
//   2021-05-11); they add up to 1,409,778,724 (the national total less 2,000,000 military).
// - province-population-2020-hk-mo-tw.csv: code,name_zh,name_en,population,reference_date,note.
//   Hong Kong, Macao, Taiwan: end-2020 figures quoted in communiqué No. 2. They are NOT census
//   counts and are flagged `census: false` so that per-capita rankings of the 31 leave them out.
//
// Every code must be a province code of libs/domain/src/regions/regions.generated.ts with the
// same Chinese name; the two files together cover each of its 34 provinces exactly once.
// The conversion itself (generatePopulationSource) is pure, so that the spec can check that the
// committed file is what the CSVs produce.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(SCRIPT_DIR, '../../..');
export const OUTPUT_PATH = path.resolve(SCRIPT_DIR, '../src/population/population.generated.ts');
export const REGIONS_PATH = path.resolve(SCRIPT_DIR, '../src/regions/regions.generated.ts');
export const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, '../shared/data');
export const MAINLAND_FILE = 'province-population-2020.csv';
export const HK_MO_TW_FILE = 'province-population-2020-hk-mo-tw.csv';

/** Published sum of the 31 mainland divisions (communiqué No. 3, table 3-1). */
export const MAINLAND_TOTAL = 1_409_778_724;
const MAINLAND_HEADER = ['code', 'name_zh', 'name_en', 'population'];
const HK_MO_TW_HEADER = [...MAINLAND_HEADER, 'reference_date', 'note'];
const HK_MO_TW_CODES = ['710000', '810000', '820000'];
const HK_MO_TW_REFERENCE_DATE = '2020-12-31';

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; BOM and CRLF ok. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Province codes and Chinese names of the region table, read from its source text. */
export function readProvinceNames(regionsSource) {
  const names = new Map();
  for (const m of regionsSource.matchAll(/^\s*\["(\d{2}0000)","([^"]+)"/gm)) {
    names.set(m[1], m[2]);
  }
  if (names.size !== 34) {
    throw new Error(`regions.generated.ts: expected 34 province codes, found ${names.size}`);
  }
  return names;
}

function readTable(csvText, file, header) {
  const [head, ...rows] = parseCsv(csvText);
  if (!head || head.join(',') !== header.join(',')) {
    throw new Error(`${file}: header must be ${header.join(',')}, not ${head?.join(',')}`);
  }
  return rows.map((cells, i) => {
    const line = i + 2;
    if (cells.length !== header.length) {
      throw new Error(`${file} line ${line}: ${cells.length} fields, expected ${header.length}`);
    }
    const record = Object.fromEntries(header.map((key, k) => [key, cells[k].trim()]));
    return { ...record, line };
  });
}

function toRow(record, file, provinceNames, census) {
  const where = `${file} line ${record.line}`;
  if (!/^\d{2}0000$/.test(record.code)) {
    throw new Error(`${where}: ${record.code} is not a six-digit province code`);
  }
  const nameZh = provinceNames.get(record.code);
  if (nameZh === undefined) {
    throw new Error(`${where}: ${record.code} is not a province of the region table`);
  }
  if (record.name_zh !== nameZh) {
    throw new Error(
      `${where}: ${record.code} is ${nameZh} in the region table, not ${record.name_zh}`,
    );
  }
  if (!/^[1-9]\d*$/.test(record.population) || !Number.isSafeInteger(Number(record.population))) {
    throw new Error(`${where}: population ${record.population} is not a positive integer`);
  }
  return {
    code: record.code,
    population: Number(record.population),
    census,
    comment: census
      ? `${record.name_zh} ${record.name_en}`
      : `${record.name_zh} ${record.name_en}, ${record.reference_date}, not census`,
  };
}

/** Validated rows, sorted by code; throws on the first problem. */
export function buildPopulationRows(mainlandCsv, hkMoTwCsv, regionsSource) {
  const provinceNames = readProvinceNames(regionsSource);
  const mainland = readTable(mainlandCsv, MAINLAND_FILE, MAINLAND_HEADER).map((r) =>
    toRow(r, MAINLAND_FILE, provinceNames, true),
  );
  const hkMoTwRecords = readTable(hkMoTwCsv, HK_MO_TW_FILE, HK_MO_TW_HEADER);
  for (const r of hkMoTwRecords) {
    if (r.reference_date !== HK_MO_TW_REFERENCE_DATE) {
      throw new Error(`${HK_MO_TW_FILE} line ${r.line}: reference_date ${r.reference_date}`);
    }
  }
  const hkMoTw = hkMoTwRecords.map((r) => toRow(r, HK_MO_TW_FILE, provinceNames, false));

  if (mainland.length !== 31) throw new Error(`${MAINLAND_FILE}: ${mainland.length} rows, not 31`);
  if (hkMoTw.length !== 3) throw new Error(`${HK_MO_TW_FILE}: ${hkMoTw.length} rows, not 3`);
  const strays = mainland.filter((r) => HK_MO_TW_CODES.includes(r.code));
  if (strays.length) throw new Error(`${MAINLAND_FILE}: ${strays[0].code} is not mainland`);
  const wrong = hkMoTw.filter((r) => !HK_MO_TW_CODES.includes(r.code));
  if (wrong.length) throw new Error(`${HK_MO_TW_FILE}: ${wrong[0].code} is not HK, MO or TW`);

  const rows = [...mainland, ...hkMoTw].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].code === rows[i - 1].code) throw new Error(`duplicate code ${rows[i].code}`);
  }
  // 31 + 3 distinct province codes of a 34-province table: every province is covered.
  const total = mainland.reduce((sum, r) => sum + r.population, 0);
  if (total !== MAINLAND_TOTAL) {
    throw new Error(`${MAINLAND_FILE}: the 31 add up to ${total}, not ${MAINLAND_TOTAL}`);
  }
  return rows;
}

/**
 * The full text of population.generated.ts from the texts of the two CSVs and of
 * regions.generated.ts (whose province codes and names the CSVs are checked against).
 */
export function generatePopulationSource(mainlandCsv, hkMoTwCsv, regionsSource) {
  const rows = buildPopulationRows(mainlandCsv, hkMoTwCsv, regionsSource);
  const lines = [
    '// GENERATED FILE: do not edit by hand.',
    `// From shared/data/${MAINLAND_FILE} (census: true) and`,
    `// shared/data/${HK_MO_TW_FILE} (census: false), checked against the`,
    '// province codes and names of libs/domain/src/regions/regions.generated.ts.',
    '// Source: National Bureau of Statistics, 7th national census, communiqué No. 3',
    '// (第七次全国人口普查公报（第三号）), table 3-1, 2021-05-11: resident population of the 31',
    `// mainland province-level divisions, adding up to ${String(MAINLAND_TOTAL).replace(/\B(?=(\d{3})+$)/g, ',')} ` +
      '(the national total less',
    '// 2,000,000 active-duty military), at the census moment 2020-11-01.',
    '// Hong Kong, Macao, Taiwan: end-2020 figures quoted in communiqué No. 2, NOT census counts;',
    '// keep them out of per-capita rankings of the 31.',
    '// Regenerate: node libs/domain/scripts/generate-population.mjs',
    '//   (or: npx nx run domain:generate-population)',
    '',
    'export interface PopulationRow {',
    '  readonly code: string;',
    '  readonly population: number;',
    '  readonly census: boolean;',
    '}',
    '',
    'export const POPULATION_ROWS: readonly PopulationRow[] = [',
    ...rows.map(
      (r) =>
        `  { code: '${r.code}', population: ${r.population}, ` +
        `census: ${r.census} }, // ${r.comment}`,
    ),
    '];',
    '',
  ];
  return lines.join('\n');
}

function argValue(args, name) {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a path`);
  return path.resolve(value);
}

const isMain =
  process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  try {
    const args = process.argv.slice(2);
    const dataDir = argValue(args, '--data') ?? DEFAULT_DATA_DIR;
    const out = argValue(args, '--out') ?? OUTPUT_PATH;
    const read = (file) => readFileSync(path.join(dataDir, file), 'utf8');
    const source = generatePopulationSource(
      read(MAINLAND_FILE),
      read(HK_MO_TW_FILE),
      readFileSync(REGIONS_PATH, 'utf8'),
    );
    if (args.includes('--check')) {
      if (!existsSync(out) || readFileSync(out, 'utf8') !== source) {
        throw new Error(`${path.relative(process.cwd(), out)} is stale: regenerate it`);
      }
      process.stdout.write(`${path.relative(process.cwd(), out)} is up to date\n`);
    } else {
      writeFileSync(out, source);
      process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
    }
  } catch (error) {
    process.stderr.write(
      `generate-population: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exitCode = 1;
  }
}
