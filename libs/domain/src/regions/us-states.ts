// US states, the District of Columbia and the outlying areas, for complaints imported from the
// US CFPB database (its `State` column holds two-letter USPS codes).
//
// Sources:
// - Codes and English names: ISO 3166-2:US, as carried by Unicode CLDR
//   (common/subdivisions/en.xml: 50 states, 1 district, 6 outlying areas); the part after
//   "US-" is the USPS code of USPS Publication 28, Appendix B (UM, the Minor Outlying Islands,
//   has no USPS code of its own; its ISO code is accepted).
// - Chinese names: CLDR common/subdivisions/zh.xml (states and DC) and CLDR territory names
//   (AS, GU, MP, PR, VI, UM, as Intl.DisplayNames('zh-Hans') gives them). Where CLDR has a
//   traditional or Taiwan form, nameZh is the mainland standard form in simplified characters
//   and the CLDR form (in simplified characters) is kept in `aliasesZh`, so both parse.
//
// Military mail codes (AA, AE, AP) and the freely associated states (FM, MH, PW) have USPS codes
// but are no US region: they are not in this table.

export type UsRegionKind = 'STATE' | 'DISTRICT' | 'OUTLYING_AREA';

export interface UsState {
  /** ISO 3166-2 code, e.g. US-CA: the province code a CFPB complaint carries. */
  code: string;
  /** USPS code, e.g. CA. */
  usps: string;
  nameEn: string;
  nameZh: string;
  /** Other Chinese names in use (CLDR's form where it differs, common short forms). */
  aliasesZh: readonly string[];
  kind: UsRegionKind;
}

type Row = readonly [usps: string, nameEn: string, nameZh: string, aliasesZh?: readonly string[]];

const STATES: readonly Row[] = [
  ['AK', 'Alaska', '阿拉斯加州'],
  ['AL', 'Alabama', '亚拉巴马州', ['阿拉巴马州']],
  ['AR', 'Arkansas', '阿肯色州'],
  ['AZ', 'Arizona', '亚利桑那州'],
  ['CA', 'California', '加利福尼亚州', ['加州']],
  ['CO', 'Colorado', '科罗拉多州'],
  ['CT', 'Connecticut', '康涅狄格州', ['康乃狄克州']],
  ['DE', 'Delaware', '特拉华州'],
  ['FL', 'Florida', '佛罗里达州'],
  ['GA', 'Georgia', '佐治亚州', ['乔治亚州']],
  ['HI', 'Hawaii', '夏威夷州'],
  ['IA', 'Iowa', '艾奥瓦州', ['爱荷华州']],
  ['ID', 'Idaho', '爱达荷州'],
  ['IL', 'Illinois', '伊利诺伊州'],
  ['IN', 'Indiana', '印第安纳州'],
  ['KS', 'Kansas', '堪萨斯州'],
  ['KY', 'Kentucky', '肯塔基州'],
  ['LA', 'Louisiana', '路易斯安那州'],
  ['MA', 'Massachusetts', '马萨诸塞州', ['麻萨诸塞州']],
  ['MD', 'Maryland', '马里兰州'],
  ['ME', 'Maine', '缅因州'],
  ['MI', 'Michigan', '密歇根州'],
  ['MN', 'Minnesota', '明尼苏达州'],
  ['MO', 'Missouri', '密苏里州'],
  ['MS', 'Mississippi', '密西西比州'],
  ['MT', 'Montana', '蒙大拿州'],
  ['NC', 'North Carolina', '北卡罗来纳州'],
  ['ND', 'North Dakota', '北达科他州'],
  ['NE', 'Nebraska', '内布拉斯加州'],
  ['NH', 'New Hampshire', '新罕布什尔州'],
  ['NJ', 'New Jersey', '新泽西州'],
  ['NM', 'New Mexico', '新墨西哥州'],
  ['NV', 'Nevada', '内华达州'],
  ['NY', 'New York', '纽约州'],
  ['OH', 'Ohio', '俄亥俄州'],
  ['OK', 'Oklahoma', '俄克拉何马州', ['奥克拉荷马州']],
  ['OR', 'Oregon', '俄勒冈州'],
  ['PA', 'Pennsylvania', '宾夕法尼亚州'],
  ['RI', 'Rhode Island', '罗得岛州', ['罗德岛州']],
  ['SC', 'South Carolina', '南卡罗来纳州'],
  ['SD', 'South Dakota', '南达科他州'],
  ['TN', 'Tennessee', '田纳西州'],
  ['TX', 'Texas', '得克萨斯州', ['德克萨斯州', '德州']],
  ['UT', 'Utah', '犹他州'],
  ['VA', 'Virginia', '弗吉尼亚州'],
  ['VT', 'Vermont', '佛蒙特州'],
  ['WA', 'Washington', '华盛顿州'],
  ['WI', 'Wisconsin', '威斯康星州', ['威斯康辛州']],
  ['WV', 'West Virginia', '西弗吉尼亚州', ['西维吉尼亚州']],
  ['WY', 'Wyoming', '怀俄明州'],
];

const DISTRICT: Row = ['DC', 'District of Columbia', '华盛顿哥伦比亚特区', ['哥伦比亚特区']];

const OUTLYING_AREAS: readonly Row[] = [
  ['AS', 'American Samoa', '美属萨摩亚'],
  ['GU', 'Guam', '关岛'],
  ['MP', 'Northern Mariana Islands', '北马里亚纳群岛'],
  ['PR', 'Puerto Rico', '波多黎各'],
  ['UM', 'United States Minor Outlying Islands', '美国本土外小岛屿'],
  ['VI', 'Virgin Islands, U.S.', '美属维尔京群岛'],
];

function toState([usps, nameEn, nameZh, aliasesZh = []]: Row, kind: UsRegionKind): UsState {
  return Object.freeze({ code: `US-${usps}`, usps, nameEn, nameZh, aliasesZh, kind });
}

/** The 50 states, DC and the 6 outlying areas of ISO 3166-2:US, sorted by code. */
export const US_STATES: readonly UsState[] = Object.freeze(
  [
    ...STATES.map((r) => toState(r, 'STATE')),
    toState(DISTRICT, 'DISTRICT'),
    ...OUTLYING_AREAS.map((r) => toState(r, 'OUTLYING_AREA')),
  ].sort((a, b) => a.code.localeCompare(b.code)),
);

const BY_CODE: ReadonlyMap<string, UsState> = new Map(US_STATES.map((s) => [s.code, s]));

/** Letters and digits only, NFKC, lower case: "U.S. Virgin Islands" -> "usvirginislands". */
function key(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  const add = (name: string, code: string) => index.set(key(name), code);
  for (const s of US_STATES) {
    add(s.usps, s.code);
    add(s.code, s.code);
    add(s.nameEn, s.code);
    for (const zh of [s.nameZh, ...s.aliasesZh]) {
      add(zh, s.code);
      if (zh.endsWith('州') && zh.length >= 3) add(zh.slice(0, -1), s.code); // 加利福尼亚
    }
  }
  // Common English forms.
  add('Washington DC', 'US-DC');
  add('Washington, D.C.', 'US-DC');
  add('US Virgin Islands', 'US-VI');
  add('U.S. Virgin Islands', 'US-VI');
  add('United States Virgin Islands', 'US-VI');
  return index;
})();

export function usStateByCode(code: string): UsState | undefined {
  return BY_CODE.get(code);
}

/**
 * The ISO code (US-CA) of a US state, DC or outlying area named by `input`: its USPS code (CA,
 * ca), its ISO code (US-CA), its English name in any case (California) or its Chinese name
 * (加利福尼亚州, 加利福尼亚, 加州). Null when unknown, including the military mail codes AA, AE, AP.
 */
export function parseUsState(input: string): string | null {
  if (typeof input !== 'string') return null;
  const k = key(input);
  return k ? (BY_NAME.get(k) ?? null) : null;
}
