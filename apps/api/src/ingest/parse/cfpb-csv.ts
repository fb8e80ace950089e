// The US CFPB Consumer Complaint Database's CSV export (18 columns, see
// shared/data/cfpb/README.md): debt-collection complaints become ParsedComplaints, every other
// product is skipped. Decisions (docs/import-format.md has the table):
// - received_at: the CFPB's `Date received` is a calendar day with no time zone; it is stored
//   as 12:00 UTC of that day, an instant that falls on the same calendar day in every US time
//   zone and in Asia/Shanghai (20:00), so daily figures bucketed in Shanghai keep the CFPB day;
// - responded_at: null; the export has no date of the company's answer (`Date sent to
//   company` is when the CFPB forwarded the complaint);
// - province: US-XX from the two-letter `State`; an empty or unknown state rejects the row;
// - institution: `Company` as written (for debt collection often the collector itself).
import type { Readable } from 'node:stream';
import { parseUsState } from '@cw/domain';
import { FileError, type ParsedComplaint, type ParsedRow, type RowError } from '../ingest-row.js';
import { cfpbIssueMapping, cfpbProduct, cfpbStatus } from './cfpb-categories.js';
import { readCsv } from './csv-records.js';
import type { ParseOptions } from './parse-options.js';
import { ENCODING_NAMES, openText } from './text-input.js';
import { charLength, matchKey } from './values.js';

type CfpbColumn =
  | 'date_received'
  | 'product'
  | 'sub_product'
  | 'issue'
  | 'sub_issue'
  | 'narrative'
  | 'company_public_response'
  | 'company'
  | 'state'
  | 'company_response'
  | 'complaint_id';

/** Column names of the CSV export, and the field names of the CFPB's API. */
const CFPB_HEADERS: Readonly<Record<CfpbColumn, readonly string[]>> = {
  date_received: ['Date received', 'date_received'],
  product: ['Product', 'product'],
  sub_product: ['Sub-product', 'sub_product'],
  issue: ['Issue', 'issue'],
  sub_issue: ['Sub-issue', 'sub_issue'],
  narrative: ['Consumer complaint narrative', 'complaint_what_happened'],
  company_public_response: ['Company public response', 'company_public_response'],
  company: ['Company', 'company'],
  state: ['State', 'state'],
  company_response: ['Company response to consumer', 'company_response'],
  complaint_id: ['Complaint ID', 'complaint_id'],
};

const REQUIRED: readonly CfpbColumn[] = [
  'date_received',
  'product',
  'issue',
  'company',
  'state',
  'complaint_id',
];

const MILITARY_POSTAL_CODES: ReadonlySet<string> = new Set(['AA', 'AE', 'AP']);
const DEBT_COLLECTION = matchKey('Debt collection');
const LIMITS = { externalId: 200, institution: 200, narrative: 20_000, response: 20_000 };
const DAY_MS = 24 * 60 * 60 * 1000;

function mapCfpbColumns(headers: readonly string[]): Map<CfpbColumn, number> {
  const byKey = new Map<string, CfpbColumn>();
  for (const [column, names] of Object.entries(CFPB_HEADERS) as [CfpbColumn, readonly string[]][]) {
    for (const name of names) byKey.set(matchKey(name), column);
  }
  const map = new Map<CfpbColumn, number>();
  headers.forEach((header, index) => {
    const column = byKey.get(matchKey(header));
    if (column && !map.has(column)) map.set(column, index);
  });
  if (map.size <= 1 && headers.length === 1) {
    const only = headers[0] ?? '';
    const delimiter = only.includes('\t') ? 'tab' : only.includes(';') ? 'semicolon' : null;
    if (delimiter) {
      throw new FileError(
        `wrong delimiter: the header is a single column containing ${delimiter}s; the CFPB format is comma-separated`,
        { reason: 'WRONG_DELIMITER', delimiter },
      );
    }
  }
  const missing = REQUIRED.filter((c) => !map.has(c));
  if (missing.length) {
    const names = missing.map((c) => CFPB_HEADERS[c][0]);
    throw new FileError(
      `missing required CFPB columns: ${names.join(', ')} (is this the CFPB complaint CSV export?)`,
      { reason: 'MISSING_COLUMNS', missing: names, found: headers },
    );
  }
  return map;
}

/**
 * A CFPB `Date received` (2020-03-18, 2020/3/18, 03/18/2020, or an ISO date-time whose date
 * part is taken) as 12:00 UTC of that calendar day.
 */
export function parseCfpbDate(text: string, now: Date): { ok: Date } | { error: string } {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
  } else {
    return { error: 'is not a date (expected YYYY-MM-DD, YYYY/M/D or MM/DD/YYYY)' };
  }
  const instant = new Date(Date.UTC(y, mo - 1, d, 12));
  if (
    mo < 1 ||
    mo > 12 ||
    instant.getUTCFullYear() !== y ||
    instant.getUTCMonth() !== mo - 1 ||
    instant.getUTCDate() !== d
  ) {
    return { error: `${t} is not a calendar date` };
  }
  if (y < 2000) return { error: 'is before 2000' };
  if (instant.getTime() > now.getTime() + DAY_MS)
    return { error: 'is more than a day in the future' };
  return { ok: instant };
}

export async function* parseCfpbCsv(
  input: Readable,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  const { encoding, text } = await openText(input, {
    filename: options.filename,
    expected: 'a CFPB complaint CSV export',
  });
  if (encoding !== 'utf8') options.onWarning?.(`read as ${ENCODING_NAMES[encoding]}`);
  const now = options.now ?? new Date();
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    options.onWarning?.(message);
  };
  let columns: Map<CfpbColumn, number> | null = null;

  for await (const event of readCsv(text)) {
    if (event.kind === 'header') {
      columns = mapCfpbColumns(event.cells);
      continue;
    }
    if (event.kind === 'error') {
      yield {
        kind: 'rejected',
        errors: [{ rowNumber: event.rowNumber, field: '(row)', value: '', reason: event.reason }],
      };
      continue;
    }
    if (!columns) continue;
    const map = columns;
    const cell = (c: CfpbColumn): string => {
      const index = map.get(c);
      return index === undefined ? '' : (event.cells[index] ?? '').trim();
    };
    const rowNumber = event.rowNumber;
    if (event.cells.every((c) => c.trim() === '')) continue;

    const product = cell('product');
    if (matchKey(product) !== DEBT_COLLECTION) {
      yield { kind: 'skipped', rowNumber, reason: `product "${product}" is not debt collection` };
      continue;
    }

    const errors: RowError[] = [];
    const fail = (field: string, value: string, reason: string): null => {
      errors.push({ rowNumber, field, value: value.slice(0, 200), reason });
      return null;
    };
    const limited = (field: string, value: string, limit: number): string | null => {
      const length = charLength(value);
      return length > limit
        ? fail(field, value, `longer than ${limit} characters (${length})`)
        : value;
    };

    const id = cell('complaint_id');
    const externalId = id
      ? limited('Complaint ID', id, LIMITS.externalId)
      : fail('Complaint ID', '', 'required');
    const dateText = cell('date_received');
    let receivedAt: Date | null = null;
    if (!dateText) {
      fail('Date received', '', 'required');
    } else {
      const parsed = parseCfpbDate(dateText, now);
      receivedAt = 'ok' in parsed ? parsed.ok : fail('Date received', dateText, parsed.error);
    }
    const company = cell('company');
    const institution = company
      ? limited('Company', company, LIMITS.institution)
      : fail('Company', '', 'required');
    const state = cell('state');
    let provinceCode: string | null = null;
    if (!state) {
      fail('State', '', 'required: the complaint has no US state');
    } else if (MILITARY_POSTAL_CODES.has(state.toUpperCase())) {
      fail('State', state, `"${state}" is a military mail code, not a US state or territory`);
    } else {
      provinceCode = parseUsState(state) ?? fail('State', state, `unknown US state "${state}"`);
    }
    const narrativeText = cell('narrative');
    const narrative = narrativeText
      ? limited('Consumer complaint narrative', narrativeText, LIMITS.narrative)
      : null;
    const responseText = cell('company_public_response');
    const institutionResponse = responseText
      ? limited('Company public response', responseText, LIMITS.response)
      : null;

    const issue = cell('issue');
    const subIssue = cell('sub_issue');
    const mapping = cfpbIssueMapping(issue, subIssue);
    if (!mapping && (issue || subIssue)) {
      warnOnce(`no conduct category for CFPB issue "${issue}" / sub-issue "${subIssue}"`);
    }
    const responseCode = cell('company_response');
    const status = responseCode ? cfpbStatus(responseCode) : 'RECEIVED';
    if (!status) warnOnce(`unknown CFPB company response "${responseCode}": status RECEIVED`);

    if (errors.length || !externalId || !receivedAt || !institution || !provinceCode) {
      yield { kind: 'rejected', errors };
      continue;
    }
    const row: ParsedComplaint = {
      rowNumber,
      source: 'CFPB',
      externalId,
      receivedAt,
      incidentAt: null,
      institution,
      agency: null,
      product: cfpbProduct(cell('sub_product')),
      provinceCode,
      cityCode: null,
      channels: [...(mapping?.channels ?? [])],
      categoriesDeclared: [...(mapping?.categories ?? [])],
      narrative,
      amountOwed: null,
      overdueDays: null,
      status: status ?? 'RECEIVED',
      institutionResponse,
      respondedAt: null,
      evidence: [],
    };
    yield { kind: 'ok', row };
  }
  if (!columns) throw new FileError('the file has no header row', { reason: 'NO_HEADER' });
}
