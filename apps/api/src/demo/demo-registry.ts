// Invented lenders and collection agencies for the demo data set. The names are made up
// (no real institution is meant) and every entry is stored with `synthetic = true`, which
// the dashboard shows as a banner. Credit codes are generated with a valid check character.
import { creditCodeCheckChar, type InstitutionType } from '@cw/domain';
import type { Random } from './random.js';

export interface DemoInstitution {
  name: string;
  type: InstitutionType;
  aliases: string[];
  /** Relative share of complaints. */
  weight: number;
  /** Change of its share over the three years: -0.6 falls, +1.5 more than doubles. */
  growth: number;
  homeProvince: string;
  activeBorrowers: number | null;
}

// [name, type, aliases, weight, growth, home province]
const INSTITUTIONS: [string, InstitutionType, string[], number, number, string][] = [
  ['青岚互联网银行', 'INTERNET_BANK', ['青岚贷', '青岚商户贷'], 14, 0.9, '330000'],
  ['栖云消费金融有限公司', 'CONSUMER_FINANCE', ['栖云花', '栖云分期'], 11, 0.2, '440000'],
  ['澄川小额贷款有限公司', 'MICROLOAN', ['澄川借', '澄川速贷'], 9, -0.5, '500000'],
  ['岱湖数字科技有限公司', 'LOAN_PLATFORM', ['岱湖借条'], 7, 1.6, '310000'],
  ['曜石银行股份有限公司', 'BANK', ['曜石银行信用卡', '曜石卡'], 6, -0.2, '110000'],
  ['鸣沙消费金融股份有限公司', 'CONSUMER_FINANCE', ['鸣沙易贷'], 5, 0.1, '410000'],
  ['霁月互联网银行', 'INTERNET_BANK', ['霁月微业贷'], 4.5, 0.4, '440000'],
  ['松涛网络小额贷款有限公司', 'MICROLOAN', ['松涛随借'], 4, -0.3, '320000'],
  ['望舒信息技术有限公司', 'LOAN_PLATFORM', ['望舒分期', '望舒先享'], 3.6, 0.8, '510000'],
  ['琢玉银行股份有限公司', 'BANK', ['琢玉信用卡'], 3.2, 0, '370000'],
  ['临溪消费金融有限公司', 'CONSUMER_FINANCE', ['临溪贷'], 3, -0.1, '420000'],
  ['北辰星互联网银行', 'INTERNET_BANK', ['北辰星商贷'], 2.8, 0.3, '120000'],
  ['沐风小额贷款有限公司', 'MICROLOAN', ['沐风贷'], 2.5, -0.4, '450000'],
  ['橙湾金融信息服务有限公司', 'LOAN_PLATFORM', ['橙湾借钱'], 2.3, 0.5, '350000'],
  ['苍梧银行股份有限公司', 'BANK', ['苍梧e贷'], 2.1, 0.1, '430000'],
  ['知秋消费金融有限公司', 'CONSUMER_FINANCE', ['知秋分期'], 2, 0.2, '340000'],
  ['远帆网络小额贷款有限公司', 'MICROLOAN', ['远帆快借'], 1.8, -0.2, '130000'],
  ['半山信息科技有限公司', 'LOAN_PLATFORM', ['半山钱包'], 1.7, 0.9, '610000'],
  ['听澜银行股份有限公司', 'BANK', ['听澜快贷'], 1.6, 0, '210000'],
  ['拾光消费金融有限公司', 'CONSUMER_FINANCE', ['拾光贷'], 1.5, -0.1, '360000'],
  ['云栈互联网银行', 'INTERNET_BANK', ['云栈经营贷'], 1.4, 0.6, '530000'],
  ['石桥小额贷款有限公司', 'MICROLOAN', ['石桥借呗'], 1.3, -0.3, '140000'],
  ['逐浪数科有限公司', 'LOAN_PLATFORM', ['逐浪分期'], 1.2, 0.4, '460000'],
  ['长汀银行股份有限公司', 'BANK', ['长汀信用卡'], 1.1, -0.1, '350000'],
  ['白露消费金融有限公司', 'CONSUMER_FINANCE', ['白露花呗'], 1, 0, '230000'],
  ['野渡网络小额贷款有限公司', 'MICROLOAN', ['野渡贷'], 0.9, 0.2, '360000'],
  ['檐雨金融科技有限公司', 'LOAN_PLATFORM', ['檐雨借'], 0.8, 0.1, '520000'],
  ['南枝银行股份有限公司', 'BANK', ['南枝贷'], 0.8, 0, '450000'],
  ['归雁消费金融有限公司', 'CONSUMER_FINANCE', ['归雁分期'], 0.7, -0.2, '620000'],
  ['晴川小额贷款有限公司', 'MICROLOAN', ['晴川借'], 0.6, 0, '420000'],
  ['疏桐数字金融有限公司', 'LOAN_PLATFORM', ['疏桐贷'], 0.6, 0.3, '330000'],
  ['林樾银行股份有限公司', 'BANK', ['林樾卡'], 0.5, 0, '150000'],
  ['汀洲消费金融有限公司', 'CONSUMER_FINANCE', ['汀洲贷'], 0.5, 0.1, '220000'],
  ['鹿鸣小额贷款有限公司', 'MICROLOAN', ['鹿鸣借'], 0.4, -0.1, '640000'],
  ['月泉互联网银行', 'INTERNET_BANK', ['月泉微贷'], 0.4, 0.2, '650000'],
  ['山岚农村商业银行', 'BANK', ['山岚农商贷'], 0.3, 0, '520000'],
];

// Unusual literary words, so that no name reads like an existing firm's.
const AGENCY_PREFIXES = [
  '雁回',
  '苔痕',
  '竹喧',
  '星垂',
  '鹤汀',
  '溪云',
  '枫桥',
  '兰舟',
  '霜桥',
  '蓼花',
  '萤窗',
  '柳堤',
  '蘅芜',
  '藕榭',
  '荻港',
  '蓬舟',
  '桐阴',
  '杏坛',
  '苇岸',
  '芦汀',
];
const AGENCY_KINDS = [
  '资产管理有限公司',
  '信息咨询有限公司',
  '商务咨询有限公司',
  '法务咨询服务有限公司',
];

/** 18-character unified social credit code with a valid check character. */
function creditCode(random: Random, regionCode: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = `91${regionCode}`;
  while (body.length < 17) body += alphabet[random.int(0, alphabet.length - 1)];
  return body + (creditCodeCheckChar(body) ?? '0');
}

export function demoInstitutions(random: Random): (DemoInstitution & { creditCode: string })[] {
  return INSTITUTIONS.map(([name, type, aliases, weight, growth, homeProvince]) => ({
    name,
    type,
    aliases,
    weight,
    growth,
    homeProvince,
    // Some lenders report their borrower base; others do not (rates then stay blank).
    activeBorrowers: random.chance(0.75) ? Math.round(weight * random.int(80_000, 400_000)) : null,
    creditCode: creditCode(random, homeProvince.replace(/0000$/, '0100')),
  }));
}

export interface DemoAgency {
  name: string;
  creditCode: string;
}

export function demoAgencies(random: Random, count = 36): DemoAgency[] {
  const names = new Set<string>();
  while (names.size < count) {
    names.add(`${random.pick(AGENCY_PREFIXES)}${random.pick(AGENCY_KINDS)}`);
  }
  return [...names].map((name) => ({ name, creditCode: creditCode(random, '440300') }));
}
