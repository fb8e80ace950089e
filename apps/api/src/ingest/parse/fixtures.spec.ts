// Every file under apps/api/test/fixtures/import is one case: ok/ files parse with every row
// accepted (or skipped on purpose), not-ok/ files either throw FileError or have rejected rows.
// Each case lists exactly what the parser must yield.
import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileError, type ParsedComplaint, type ParsedRow } from '../ingest-row.js';
import { parseFile, type ParseFormat } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../../test/fixtures/import');
/** 2026-01-01 00:00 in Shanghai: fixtures dated after 2026-01-02 00:00 are in the future. */
const NOW = new Date('2025-12-31T16:00:00Z');

const DEFAULTS: Omit<
  ParsedComplaint,
  'rowNumber' | 'externalId' | 'receivedAt' | 'institution' | 'provinceCode'
> = {
  source: null,
  incidentAt: null,
  agency: null,
  product: null,
  cityCode: null,
  channels: [],
  categoriesDeclared: [],
  narrative: null,
  amountOwed: null,
  overdueDays: null,
  status: 'RECEIVED',
  institutionResponse: null,
  respondedAt: null,
  evidence: [],
};

/** The optional fields of a case; dates as ISO strings. */
type Optional = {
  [K in keyof typeof DEFAULTS]?: (typeof DEFAULTS)[K] extends Date | null
    ? string | null
    : (typeof DEFAULTS)[K];
};

interface Required {
  rowNumber: number;
  externalId: string;
  receivedAt: string;
  institution: string;
  provinceCode: string;
}

/** An accepted row: what the case gives, the defaults for the rest. */
function complaint(fields: Required & Optional): ParsedRow {
  const date = (v: string | null | undefined) => (v ? new Date(v) : null);
  return {
    kind: 'ok',
    row: {
      ...DEFAULTS,
      ...fields,
      receivedAt: new Date(fields.receivedAt),
      incidentAt: date(fields.incidentAt),
      respondedAt: date(fields.respondedAt),
    } as ParsedComplaint,
  };
}

/** A row received at 00:00 Shanghai on 2024-07-01 from 示例银行 in 浙江, which most cases vary. */
function zhejiang(
  rowNumber: number,
  externalId: string,
  extra: Optional & Partial<Omit<Required, 'rowNumber' | 'externalId'>> = {},
): ParsedRow {
  return complaint({
    rowNumber,
    externalId,
    receivedAt: '2024-06-30T16:00:00.000Z',
    institution: '示例银行',
    provinceCode: '330000',
    ...extra,
  });
}

function rejected(
  ...errors: [rowNumber: number, field: string, value: unknown, reason: unknown][]
): ParsedRow {
  return {
    kind: 'rejected',
    errors: errors.map(([rowNumber, field, value, reason]) => ({
      rowNumber,
      field,
      value,
      reason,
    })),
  } as ParsedRow;
}

const DATE_FORMS =
  'is not a date or time (accepted: 2024-07-01T08:00:00+08:00, 2024-07-01T00:00:00Z, 2024-07-01 08:00:00, 2024/7/1 8:00, 2024/7/1, 2024年7月1日, 20240701)';

interface Case {
  rows?: ParsedRow[];
  fileError?: RegExp | string;
  warnings?: string[];
}

const OK: Record<string, Case> = {
  'canonical-utf8-bom.csv': {
    rows: [
      complaint({
        rowNumber: 1,
        source: 'HOTLINE',
        externalId: 'BOM-001',
        receivedAt: '2024-07-01T00:30:00.000Z',
        institution: '示例网商银行',
        agency: '示例催收服务有限公司',
        product: 'BUSINESS_LOAN',
        provinceCode: '330000',
        cityCode: '330100',
        channels: ['PHONE_CALL', 'SMS'],
        categoriesDeclared: ['THREAT', 'EXCESSIVE_CONTACT'],
        narrative: '催收员一天打了二十多个电话，威胁要上门。',
        amountOwed: 50000,
        overdueDays: 12,
        status: 'FORWARDED',
        institutionResponse: '已联系催收公司核实',
        respondedAt: '2024-07-09T16:00:00.000Z',
      }),
      complaint({
        rowNumber: 2,
        externalId: 'BOM-002',
        receivedAt: '2024-07-02T01:15:00.000Z',
        institution: 'Example Consumer Finance Co.',
        product: 'CONSUMER_LOAN',
        provinceCode: '330000',
        cityCode: '330100',
        channels: ['PHONE_CALL'],
        categoriesDeclared: ['INSULT'],
        narrative: 'Collector called me names, then texted my boss.\nSecond line of the narrative.',
        amountOwed: 1234.56,
        overdueDays: 0,
      }),
      complaint({
        rowNumber: 3,
        externalId: 'BOM-003',
        receivedAt: '2024-07-02T16:00:00.000Z',
        institution: '示例小贷',
        provinceCode: '110000',
      }),
    ],
  },
  'canonical-gb18030.csv': {
    warnings: ['read as GB18030'],
    rows: [
      complaint({
        rowNumber: 1,
        source: 'CONSUMER_ASSOCIATION',
        externalId: 'GB-001',
        receivedAt: '2024-07-01T00:00:00.000Z',
        institution: '示例消费金融公司',
        agency: '示例资产管理公司',
        product: 'CONSUMER_LOAN',
        provinceCode: '440000',
        cityCode: '440300',
        channels: ['PHONE_CALL', 'SMS'],
        categoriesDeclared: ['THREAT', 'THIRD_PARTY'],
        narrative: '催收人员打电话给我的同事和家人，说要让我身败名裂。𠮷',
        amountOwed: 3000,
        overdueDays: 45,
        status: 'FORWARDED',
      }),
      complaint({
        rowNumber: 2,
        source: 'HOTLINE',
        externalId: 'GB-002',
        receivedAt: '2024-07-01T16:00:00.000Z',
        institution: '示例银行信用卡中心',
        product: 'CREDIT_CARD',
        provinceCode: '510000',
        cityCode: '510100',
        channels: ['PHONE_CALL'],
        categoriesDeclared: ['EXCESSIVE_CONTACT'],
        narrative: '每天打十几个电话。',
        amountOwed: 8000,
        overdueDays: 90,
        status: 'CLOSED',
        institutionResponse: '已协商还款方案',
        respondedAt: '2024-07-19T16:00:00.000Z',
      }),
    ],
  },
  'canonical-utf16le-bom.csv': {
    warnings: ['read as UTF-16LE'],
    rows: [
      complaint({
        rowNumber: 1,
        externalId: 'U16-001',
        receivedAt: '2024-07-05T02:00:00.000Z',
        institution: '示例银行',
        provinceCode: '320000',
        cityCode: '320500',
        narrative: '夜里十一点还在打电话。',
      }),
    ],
  },
  'canonical-minimal-crlf.csv': {
    rows: [zhejiang(1, 'MIN-1'), zhejiang(2, 'MIN-2', { receivedAt: '2024-07-02T15:30:00.000Z' })],
  },
  'canonical-header-variants.csv': {
    warnings: ['ignored unknown columns: Notes, 备注'],
    rows: [zhejiang(1, 'HV-1', { agency: '示例催收', cityCode: '330100', amountOwed: 100 })],
  },
  'canonical-chinese-headers.csv': {
    rows: [
      complaint({
        rowNumber: 1,
        source: 'ONLINE_PLATFORM',
        externalId: 'CN-1',
        receivedAt: '2024-07-01T02:00:00.000Z',
        incidentAt: '2024-06-29T17:00:00.000Z',
        institution: '示例消费金融',
        agency: '示例催收',
        product: 'CONSUMER_LOAN',
        provinceCode: '420000',
        cityCode: '420100',
        channels: ['PHONE_CALL'],
        categoriesDeclared: ['OFF_HOURS'],
        narrative: '凌晨一点打电话。',
        amountOwed: 1500,
        overdueDays: 20,
        evidence: ['RECORDING', 'SCREENSHOT'],
      }),
    ],
  },
  'canonical-formula-like.csv': {
    rows: [
      zhejiang(1, '=HYPERLINK("http://example.invalid","x")', {
        institution: '+86 示例银行',
        agency: '@示例催收',
        narrative: '-他们说我欠了钱',
        institutionResponse: '=1+1',
      }),
      zhejiang(2, '+001', {
        institution: '=SUM(A1:A2)',
        agency: '-',
        narrative: '@所有人 看看这个老赖',
        institutionResponse: '+已处理',
      }),
    ],
  },
  'canonical-addresses.csv': {
    rows: [
      zhejiang(1, 'ADDR-1', { cityCode: '330100' }),
      zhejiang(2, 'ADDR-2', { provinceCode: '110000', cityCode: '110100' }),
      zhejiang(3, 'ADDR-3', { provinceCode: '440000', cityCode: '440300' }),
      zhejiang(4, 'ADDR-4', { cityCode: '330100' }),
      zhejiang(5, 'ADDR-5', { provinceCode: '220000', cityCode: '220200' }),
      zhejiang(6, 'ADDR-6', { cityCode: '330100' }),
      zhejiang(7, 'ADDR-7', { cityCode: '330100' }),
      zhejiang(8, 'ADDR-8', { provinceCode: '320000', cityCode: '320500' }),
      zhejiang(9, 'ADDR-9', { provinceCode: 'US-CA' }),
      zhejiang(10, 'ADDR-10', { cityCode: '330100' }),
      zhejiang(11, 'ADDR-11', { cityCode: '330100' }),
      zhejiang(12, 'ADDR-12', { provinceCode: '150000', cityCode: '150100' }),
    ],
  },
  'canonical-dates.csv': {
    rows: [
      zhejiang(1, 'D-01', { receivedAt: '2024-07-01T00:00:00.000Z' }),
      zhejiang(2, 'D-02', { receivedAt: '2024-07-01T00:00:00.000Z' }),
      zhejiang(3, 'D-03', { receivedAt: '2024-07-01T00:00:00.000Z' }),
      zhejiang(4, 'D-04', { receivedAt: '2024-07-01T00:00:00.000Z' }),
      zhejiang(5, 'D-05', { respondedAt: '2024-07-15T16:00:00.000Z' }),
      zhejiang(6, 'D-06'),
      zhejiang(7, 'D-07', {
        receivedAt: '2024-07-01T07:30:00.000Z',
        incidentAt: '2024-06-30T15:10:00.000Z',
      }),
      zhejiang(8, 'D-08'),
      zhejiang(9, 'D-09', { receivedAt: '2024-07-01T04:00:00.000Z' }),
      zhejiang(10, 'D-10', { receivedAt: '2024-07-01T12:00:00.123Z' }),
      zhejiang(11, 'D-11', { receivedAt: '2024-07-01T12:00:00.000Z' }),
      zhejiang(12, 'D-12', { receivedAt: '2024-07-01T00:00:00.000Z' }),
      zhejiang(13, 'D-13'),
    ],
  },
  'canonical-lists.csv': {
    rows: [
      zhejiang(1, 'L-1', {
        channels: ['PHONE_CALL', 'SMS'],
        categoriesDeclared: ['THREAT', 'INSULT'],
      }),
      zhejiang(2, 'L-2', {
        channels: ['PHONE_CALL', 'SMS'],
        categoriesDeclared: ['THREAT', 'INSULT'],
        evidence: ['RECORDING'],
      }),
      zhejiang(3, 'L-3', {
        channels: ['PHONE_CALL', 'SMS'],
        categoriesDeclared: ['THREAT', 'INSULT'],
        evidence: ['RECORDING', 'SCREENSHOT'],
      }),
      zhejiang(4, 'L-4', {
        channels: ['PHONE_CALL'],
        categoriesDeclared: ['THIRD_PARTY', 'IMPERSONATION'],
      }),
      zhejiang(5, 'L-5', {
        channels: ['VISIT_HOME', 'VISIT_WORKPLACE'],
        categoriesDeclared: ['VISIT'],
      }),
      zhejiang(6, 'L-6', { channels: ['PHONE_CALL'] }),
    ],
  },
  'canonical.xlsx': {
    rows: [
      complaint({
        rowNumber: 2,
        source: 'INSTITUTION',
        externalId: '10001',
        receivedAt: '2024-07-01T00:00:00.000Z',
        institution: '示例网商银行',
        agency: '示例催收服务有限公司',
        product: 'BUSINESS_LOAN',
        provinceCode: '330000',
        cityCode: '330100',
        channels: ['PHONE_CALL'],
        categoriesDeclared: ['THREAT'],
        narrative: '威胁要到店里闹事。',
        amountOwed: 52000.5,
        overdueDays: 30,
        status: 'RESPONDED',
        institutionResponse: '已要求催收公司整改',
        respondedAt: '2024-07-07T16:00:00.000Z',
      }),
      complaint({
        rowNumber: 3,
        externalId: 'XL-002',
        receivedAt: '2024-07-01T04:00:00.000Z',
        institution: '示例银行',
        provinceCode: '440000',
        narrative: '深夜23点打电话',
        amountOwed: 1000,
        institutionResponse: '=A2&"!"',
      }),
      complaint({
        rowNumber: 5,
        externalId: 'XL-005',
        receivedAt: '2024-07-02T01:00:00.000Z',
        institution: '+86 示例银行',
        agency: '@催收',
        provinceCode: '510000',
        cityCode: '510100',
        channels: ['PHONE_CALL', 'SMS'],
        categoriesDeclared: ['INSULT', 'EXCESSIVE_CONTACT'],
        narrative: '-他说要爆我通讯录',
        amountOwed: 1234,
        overdueDays: 7,
      }),
    ],
  },
  'canonical.jsonl': {
    warnings: ['ignored unknown keys: extra'],
    rows: [
      complaint({
        rowNumber: 1,
        externalId: 'J-1',
        receivedAt: '2024-07-01T00:00:00.000Z',
        institution: '示例银行',
        provinceCode: '330000',
        cityCode: '330100',
        channels: ['PHONE_CALL', 'SMS'],
        categoriesDeclared: ['THREAT', 'INSULT'],
        amountOwed: 1234.5,
        overdueDays: 30,
      }),
      complaint({
        rowNumber: 2,
        source: 'ONLINE_PLATFORM',
        externalId: 'J-2',
        receivedAt: '2024-07-01T16:00:00.000Z',
        institution: 'Example Bank',
        agency: 'Example Recovery',
        provinceCode: '440000',
        narrative: 'They called at 23:00.',
        status: 'CLOSED',
        evidence: ['RECORDING'],
      }),
      complaint({
        rowNumber: 4,
        externalId: 'J-3',
        receivedAt: '2024-07-02T16:00:00.000Z',
        institution: '示例小贷',
        provinceCode: '510000',
        cityCode: '510100',
      }),
    ],
  },
  'cfpb-debt-collection.csv': {
    rows: [
      complaint({
        rowNumber: 1,
        source: 'CFPB',
        externalId: '1000001',
        receivedAt: '2019-09-24T12:00:00.000Z',
        institution: 'EXAMPLE RECOVERY LLC',
        product: 'CREDIT_CARD',
        provinceCode: 'US-FL',
        channels: ['PHONE_CALL'],
        categoriesDeclared: ['EXCESSIVE_CONTACT'],
        narrative: 'They call me XXXX times a day, even at work.',
        status: 'CLOSED',
      }),
      { kind: 'skipped', rowNumber: 2, reason: 'product "Mortgage" is not debt collection' },
      complaint({
        rowNumber: 3,
        source: 'CFPB',
        externalId: '1000003',
        receivedAt: '2019-09-26T12:00:00.000Z',
        institution: 'EXAMPLE COLLECTIONS INC',
        product: 'CONSUMER_LOAN',
        provinceCode: 'US-TX',
        categoriesDeclared: ['THREAT'],
        status: 'FORWARDED',
        institutionResponse:
          'Company believes it acted appropriately as authorized by contract or law',
      }),
      complaint({
        rowNumber: 4,
        source: 'CFPB',
        externalId: '1000004',
        receivedAt: '2019-09-27T12:00:00.000Z',
        institution: 'EXAMPLE MEDICAL BILLING',
        product: 'OTHER',
        provinceCode: 'US-PR',
        status: 'FORWARDED',
      }),
    ],
  },
};

const NOT_OK: Record<string, Case> = {
  'empty.csv': { fileError: '"empty.csv" is empty' },
  'blank.csv': { fileError: '"blank.csv" is empty' },
  'binary-garbage.csv': { fileError: /^"binary-garbage\.csv" is not text: it holds binary bytes/ },
  'semicolon-delimited.csv': {
    fileError: /^wrong delimiter: the header is a single column containing semicolons/,
  },
  'tab-delimited.csv': {
    fileError: /^wrong delimiter: the header is a single column containing tabs/,
  },
  'missing-required-columns.csv': {
    fileError: 'missing required columns: received_at (受理时间), province (省份)',
  },
  'duplicate-columns.csv': {
    fileError: 'duplicated columns: "province" and "省份" (both province)',
  },
  'legacy-excel.xls': {
    fileError:
      '"legacy-excel.xls" is a legacy Excel 97-2003 (.xls) file: save it as .xlsx or as CSV (UTF-8)',
  },
  'corrupt.xlsx': { fileError: /^"corrupt\.xlsx" is not a readable XLSX workbook: / },
  'not-a-workbook.xlsx': {
    fileError: '"not-a-workbook.xlsx" is not an XLSX workbook: it has no worksheet',
  },
  'xlsx-missing-columns.xlsx': {
    fileError: 'missing required columns: received_at (受理时间), province (省份)',
  },
  'xlsx-empty-sheet.xlsx': { fileError: '"xlsx-empty-sheet.xlsx": the first worksheet is empty' },
  'not-jsonl.jsonl': {
    fileError: 'line 1 is not a JSON object: the file is not JSON Lines (is it CSV?)',
  },
  'json-array.jsonl': {
    fileError: 'line 1 starts a JSON array: send one JSON object a line (JSON Lines), not an array',
  },
  'cfpb-missing-columns.csv': {
    fileError:
      'missing required CFPB columns: State, Complaint ID (is this the CFPB complaint CSV export?)',
  },
  'bad-dates.csv': {
    rows: [
      rejected([1, 'received_at', '2024-02-30', '2024-02-30 is not a calendar date']),
      rejected([2, 'received_at', '2024-07-01 25:00', '25:00:00 is not a time of day']),
      rejected([3, 'received_at', '1999-12-31', 'is before 2000']),
      rejected([4, 'received_at', '2026-01-03', 'is more than a day in the future']),
      rejected([5, 'received_at', 'next tuesday', DATE_FORMS]),
      rejected([6, 'responded_at', '2024-07-09', 'is before received_at (2024-07-10)']),
      rejected([7, 'received_at', '2024-07-01T08:00:00+15:00', 'has an unreadable UTC offset']),
      rejected([8, 'received_at', '2023-02-29', '2023-02-29 is not a calendar date']),
    ],
  },
  'unknown-province.csv': {
    rows: [
      rejected([1, 'province', '火星省', 'unknown province "火星省"']),
      rejected([2, 'province', 'Atlantis', 'unknown province "Atlantis"']),
      rejected([3, 'province', '990000', 'unknown province "990000"']),
    ],
  },
  'city-not-in-province.csv': {
    rows: [
      rejected([1, 'city', '成都', 'city "成都" is not in province 浙江省 (330000)']),
      rejected([2, 'city', '不存在市', 'unknown city "不存在市" in province 浙江省 (330000)']),
      rejected([
        3,
        'city',
        '宁波',
        'city "宁波" differs from the city in the province column (杭州市 (330100))',
      ]),
      rejected([4, 'city', 'Buffalo', 'cities of US states are not recorded; leave city empty']),
    ],
  },
  'over-long-field.csv': {
    rows: [
      rejected([1, 'external_id', 'X'.repeat(200), 'longer than 200 characters (201)']),
      rejected([2, 'narrative', '催'.repeat(200), 'longer than 20000 characters (20001)']),
      zhejiang(3, 'LONG-3', { institution: '银'.repeat(200), narrative: '催'.repeat(20_000) }),
    ],
  },
  'unknown-list-item.csv': {
    rows: [
      rejected([1, 'channels', '电话;飞鸽传书', 'unknown channel "飞鸽传书"']),
      rejected([2, 'categories', '威胁恐吓、看不懂', 'unknown category "看不懂"']),
      rejected(
        [3, 'product', '房贷', 'unknown product "房贷"'],
        [3, 'status', '已结束', 'unknown status "已结束"'],
        [3, 'source', '朋友圈', 'unknown source "朋友圈"'],
      ),
    ],
  },
  'required-empty.csv': {
    rows: [
      rejected([1, 'external_id', '', 'required']),
      rejected(
        [2, 'received_at', '', 'required'],
        [2, 'institution', '', 'required'],
        [2, 'province', '', 'required'],
      ),
      rejected([3, 'province', '', 'required']),
    ],
  },
  'bad-numbers.csv': {
    rows: [
      rejected(
        [1, 'amount_owed', '-100', 'must not be negative'],
        [1, 'overdue_days', '3.5', 'must be a whole number of days'],
      ),
      rejected(
        [
          2,
          'amount_owed',
          '一千元',
          'is not an amount (examples: 1234.56, 1,234.56, 1234元, 5万元)',
        ],
        [2, 'overdue_days', '-1', 'must not be negative'],
      ),
      rejected(
        [
          3,
          'amount_owed',
          '1,23,4',
          'is not an amount (examples: 1234.56, 1,234.56, 1234元, 5万元)',
        ],
        [3, 'overdue_days', '很多天', 'is not a number of days'],
      ),
    ],
  },
  'wrong-field-count.csv': {
    rows: [
      zhejiang(1, 'WF-1'),
      rejected([
        2,
        '(row)',
        '',
        'has 5 fields where the header has 4 (line 3): an unquoted comma or line break?',
      ]),
      rejected([
        3,
        '(row)',
        '',
        'has 3 fields where the header has 4 (line 4): an unquoted comma or line break?',
      ]),
      zhejiang(4, 'WF-4'),
    ],
  },
  'unclosed-quote.csv': {
    rows: [
      zhejiang(1, 'UQ-1', { narrative: 'fine' }),
      rejected([
        2,
        '(row)',
        '',
        'unreadable CSV record near line 4: Quote Not Closed: the parsing is finished with an opening quote at line 4',
      ]),
    ],
  },
  'xlsx-bad-rows.xlsx': {
    rows: [
      rejected([2, 'province', '火星省', 'unknown province "火星省"']),
      rejected([3, 'received_at', 'soon', DATE_FORMS]),
      rejected([4, 'received_at', '20', 'is before 2000']),
    ],
  },
  'bad-json-lines.jsonl': {
    rows: [
      zhejiang(1, 'BJ-1'),
      rejected([
        2,
        '(line)',
        '{"external_id":"BJ-2","received_at":"2024-07-01",',
        expect.stringMatching(/^line 2 is not valid JSON: /),
      ]),
      rejected([3, '(line)', '[1,2,3]', 'line 3 is not a JSON object']),
      rejected(
        [4, 'institution', '{"name":"示例银行"}', 'must be text'],
        [4, 'categories', '{"a":1}', 'must be a list (text or an array)'],
      ),
      rejected([5, '(line)', '{}', 'line 5 has no canonical field']),
      rejected([6, 'channels', 'PHONE_CALL;信鸽', 'unknown channel "信鸽"']),
    ],
  },
  'cfpb-bad-rows.csv': {
    warnings: [
      'no conduct category for CFPB issue "Electronic communications" / sub-issue "Something new"',
    ],
    rows: [
      rejected([1, 'State', '', 'required: the complaint has no US state']),
      rejected([2, 'State', 'AE', '"AE" is a military mail code, not a US state or territory']),
      rejected(
        [3, 'Date received', '2019-02-30', '2019-02-30 is not a calendar date'],
        [3, 'State', 'ZZ', 'unknown US state "ZZ"'],
      ),
      rejected([4, 'Complaint ID', '', 'required'], [4, 'Company', '', 'required']),
    ],
  },
};

function formatOf(file: string): ParseFormat {
  if (file.startsWith('cfpb-')) return 'cfpb';
  if (file.endsWith('.jsonl')) return 'jsonl';
  return 'canonical';
}

async function run(dir: string, file: string): Promise<{ rows: ParsedRow[]; warnings: string[] }> {
  const rows: ParsedRow[] = [];
  const warnings: string[] = [];
  const stream = createReadStream(path.join(FIXTURES, dir, file));
  for await (const row of parseFile(formatOf(file), stream, {
    filename: file,
    now: NOW,
    onWarning: (w) => warnings.push(w),
  })) {
    rows.push(row);
  }
  return { rows, warnings };
}

function fixtureFiles(dir: string): string[] {
  return readdirSync(path.join(FIXTURES, dir))
    .filter((f) => !f.startsWith('.'))
    .sort();
}

describe.each([
  ['ok', OK],
  ['not-ok', NOT_OK],
] as const)('fixtures/import/%s', (dir, cases) => {
  it('has a case for every file and a file for every case', () => {
    expect(fixtureFiles(dir)).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.entries(cases))('%s', async (file, expected) => {
    if (expected.fileError !== undefined) {
      const error = await run(dir, file).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(FileError);
      if (typeof expected.fileError === 'string') {
        expect((error as FileError).message).toBe(expected.fileError);
      } else {
        expect((error as FileError).message).toMatch(expected.fileError);
      }
      return;
    }
    const { rows, warnings } = await run(dir, file);
    expect(rows).toEqual(expected.rows);
    expect(warnings).toEqual(expected.warnings ?? []);
    if (dir === 'ok') expect(rows.filter((r) => r.kind === 'rejected')).toEqual([]);
    else expect(rows.some((r) => r.kind === 'rejected')).toBe(true);
  });
});
