// GENERATED FILE: do not edit by hand.
// From shared/data/province-population-2020.csv (census: true) and
// shared/data/province-population-2020-hk-mo-tw.csv (census: false), checked against the
// province codes and names of libs/domain/src/regions/regions.generated.ts.
// Source: National Bureau of Statistics, 7th national census, communiqué No. 3
// (第七次全国人口普查公报（第三号）), table 3-1, 2021-05-11: resident population of the 31
// mainland province-level divisions, adding up to 1,409,778,724 (the national total less
// 2,000,000 active-duty military), at the census moment 2020-11-01.
// Hong Kong, Macao, Taiwan: end-2020 figures quoted in communiqué No. 2, NOT census counts;
// keep them out of per-capita rankings of the 31.
// Regenerate: node libs/domain/scripts/generate-population.mjs
//   (or: npx nx run domain:generate-population)

export interface PopulationRow {
  readonly code: string;
  readonly population: number;
  readonly census: boolean;
}

export const POPULATION_ROWS: readonly PopulationRow[] = [
  { code: '110000', population: 21893095, census: true }, // 北京市 Beijing
  { code: '120000', population: 13866009, census: true }, // 天津市 Tianjin
  { code: '130000', population: 74610235, census: true }, // 河北省 Hebei
  { code: '140000', population: 34915616, census: true }, // 山西省 Shanxi
  { code: '150000', population: 24049155, census: true }, // 内蒙古自治区 Inner Mongolia
  { code: '210000', population: 42591407, census: true }, // 辽宁省 Liaoning
  { code: '220000', population: 24073453, census: true }, // 吉林省 Jilin
  { code: '230000', population: 31850088, census: true }, // 黑龙江省 Heilongjiang
  { code: '310000', population: 24870895, census: true }, // 上海市 Shanghai
  { code: '320000', population: 84748016, census: true }, // 江苏省 Jiangsu
  { code: '330000', population: 64567588, census: true }, // 浙江省 Zhejiang
  { code: '340000', population: 61027171, census: true }, // 安徽省 Anhui
  { code: '350000', population: 41540086, census: true }, // 福建省 Fujian
  { code: '360000', population: 45188635, census: true }, // 江西省 Jiangxi
  { code: '370000', population: 101527453, census: true }, // 山东省 Shandong
  { code: '410000', population: 99365519, census: true }, // 河南省 Henan
  { code: '420000', population: 57752557, census: true }, // 湖北省 Hubei
  { code: '430000', population: 66444864, census: true }, // 湖南省 Hunan
  { code: '440000', population: 126012510, census: true }, // 广东省 Guangdong
  { code: '450000', population: 50126804, census: true }, // 广西壮族自治区 Guangxi
  { code: '460000', population: 10081232, census: true }, // 海南省 Hainan
  { code: '500000', population: 32054159, census: true }, // 重庆市 Chongqing
  { code: '510000', population: 83674866, census: true }, // 四川省 Sichuan
  { code: '520000', population: 38562148, census: true }, // 贵州省 Guizhou
  { code: '530000', population: 47209277, census: true }, // 云南省 Yunnan
  { code: '540000', population: 3648100, census: true }, // 西藏自治区 Xizang
  { code: '610000', population: 39528999, census: true }, // 陕西省 Shaanxi
  { code: '620000', population: 25019831, census: true }, // 甘肃省 Gansu
  { code: '630000', population: 5923957, census: true }, // 青海省 Qinghai
  { code: '640000', population: 7202654, census: true }, // 宁夏回族自治区 Ningxia
  { code: '650000', population: 25852345, census: true }, // 新疆维吾尔自治区 Xinjiang
  { code: '710000', population: 23561236, census: false }, // 台湾省 Taiwan, 2020-12-31, not census
  { code: '810000', population: 7474200, census: false }, // 香港特别行政区 Hong Kong SAR, 2020-12-31, not census
  { code: '820000', population: 683218, census: false }, // 澳门特别行政区 Macao SAR, 2020-12-31, not census
];
