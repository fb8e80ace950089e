// The CFPB reader on the two real extracts in shared/data/cfpb (see its README for the counts).
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORY, CHANNEL } from '@cw/domain';
import type { ParsedComplaint, ParsedRow } from '../ingest-row.js';
import {
  CFPB_ISSUE_MAPPING,
  cfpbIssueMapping,
  cfpbProduct,
  cfpbStatus,
} from './cfpb-categories.js';
import { parseCfpbCsv, parseCfpbDate } from './cfpb-csv.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CFPB_DIR = path.resolve(here, '../../../../../../shared/data/cfpb');
const NOW = new Date('2026-11-30T00:00:00Z');

async function parse(file: string) {
  const rows: ParsedRow[] = [];
  const warnings: string[] = [];
  for await (const row of parseCfpbCsv(createReadStream(path.join(CFPB_DIR, file)), {
    now: NOW,
    onWarning: (w) => warnings.push(w),
  })) {
    rows.push(row);
  }
  const ok = rows.flatMap((r) => (r.kind === 'ok' ? [r.row] : []));
  const rejected = rows.flatMap((r) => (r.kind === 'rejected' ? [r] : []));
  const skipped = rows.filter((r) => r.kind === 'skipped');
  return { rows, ok, rejected, skipped, warnings };
}

function count<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe.skipIf(!existsSync(CFPB_DIR))('CFPB sample extracts', () => {
  it('cfpb-sample-2015-2020.csv: 6,623 rows, 1,231 about debt collection (YYYY/M/D dates)', async () => {
    const { rows, ok, rejected, skipped, warnings } = await parse('cfpb-sample-2015-2020.csv');
    expect(rows).toHaveLength(6623);
    expect(skipped).toHaveLength(6623 - 1231);
    expect(ok.length + rejected.length).toBe(1231);
    // 53 debt-collection complaints carry no State: rejected, naming the field.
    expect(rejected).toHaveLength(53);
    for (const r of rejected) {
      expect(r.errors).toEqual([
        expect.objectContaining({
          field: 'State',
          value: '',
          reason: 'required: the complaint has no US state',
        }),
      ]);
    }
    // The 289 narratives all belong to complaints that have a State.
    expect(ok.filter((r) => r.narrative !== null)).toHaveLength(289);
    // Every Issue / Sub-issue pair of the file is in the mapping table.
    expect(warnings).toEqual([]);
    expect(new Set(ok.map((r) => r.externalId)).size).toBe(ok.length);
    checkRows(ok);
    expect(ok[0]).toEqual({
      rowNumber: 2,
      source: 'CFPB',
      externalId: '3384392',
      receivedAt: new Date('2019-09-24T12:00:00Z'),
      incidentAt: null,
      institution: 'TRANSWORLD SYSTEMS INC',
      agency: null,
      product: 'OTHER',
      provinceCode: 'US-FL',
      cityCode: null,
      channels: [],
      categoriesDeclared: [],
      narrative:
        'transworld systems inc. \nis trying to collect a debt that is not mine, not owed and is inaccurate.',
      amountOwed: null,
      overdueDays: null,
      status: 'CLOSED',
      institutionResponse: null,
      respondedAt: null,
      evidence: [],
    } satisfies ParsedComplaint);
    const byCategory = count(
      ok.flatMap((r) => r.categoriesDeclared),
      (c) => c,
    );
    expect(byCategory).toEqual({
      EXCESSIVE_CONTACT: expect.any(Number),
      OFF_HOURS: expect.any(Number),
      INSULT: expect.any(Number),
      DECEPTION: expect.any(Number),
      IMPERSONATION: expect.any(Number),
      THIRD_PARTY: expect.any(Number),
      THREAT: expect.any(Number),
    });
  });

  it('cfpb-sample-2012-2026.csv: 1,000 rows, 70 about debt collection (YYYY-MM-DD dates)', async () => {
    const { rows, ok, rejected, skipped, warnings } = await parse('cfpb-sample-2012-2026.csv');
    expect(rows).toHaveLength(1000);
    expect(skipped).toHaveLength(930);
    expect(ok).toHaveLength(70);
    expect(rejected).toHaveLength(0);
    expect(ok.filter((r) => r.narrative !== null)).toHaveLength(29);
    expect(warnings).toEqual([]);
    checkRows(ok);
    const days = ok.map((r) => r.receivedAt.toISOString().slice(0, 10)).sort();
    expect(days[0]! >= '2012-02-01').toBe(true);
    expect(days.at(-1)! < '2026-04-01').toBe(true);
  });
});

function checkRows(rows: ParsedComplaint[]): void {
  for (const r of rows) {
    expect(r.source).toBe('CFPB');
    expect(r.provinceCode).toMatch(/^US-[A-Z]{2}$/);
    expect(r.cityCode).toBeNull();
    expect(r.respondedAt).toBeNull();
    // 12:00 UTC: the same calendar day in the US and in Shanghai.
    expect(r.receivedAt.getUTCHours()).toBe(12);
    for (const c of r.categoriesDeclared) expect(CATEGORY.is(c)).toBe(true);
    for (const c of r.channels) expect(CHANNEL.is(c)).toBe(true);
  }
}

describe('CFPB mapping tables', () => {
  it('maps the pairs the README names', () => {
    const cases: [string, string, string[]][] = [
      ['Communication tactics', 'Frequent or repeated calls', ['EXCESSIVE_CONTACT']],
      ['Communication tactics', 'Called before 8am or after 9pm', ['OFF_HOURS']],
      [
        'Threatened to contact someone or share information improperly',
        'Talked to a third-party about your debt',
        ['THIRD_PARTY'],
      ],
      [
        'False statements or representation',
        'Impersonated attorney, law enforcement, or government official',
        ['IMPERSONATION'],
      ],
      [
        'Took or threatened to take negative or legal action',
        'Threatened to arrest you or take you to jail if you do not pay',
        ['THREAT'],
      ],
      ['Communication tactics', 'Used obscene, profane, or other abusive language', ['INSULT']],
      ['Written notification about debt', "Didn't receive notice of right to dispute", []],
      ['Attempts to collect debt not owed', 'Debt is not yours', []],
    ];
    for (const [issue, subIssue, categories] of cases) {
      expect(cfpbIssueMapping(issue, subIssue)?.categories).toEqual(categories);
    }
    // Case, spacing and hyphens do not matter.
    expect(
      cfpbIssueMapping('communication TACTICS', 'frequent or repeated  calls')?.channels,
    ).toEqual(['PHONE_CALL']);
    expect(cfpbIssueMapping('Communication tactics', 'Something else')).toBeUndefined();
  });

  it('has no pair twice and only known codes', () => {
    const keys = CFPB_ISSUE_MAPPING.map((m) => `${m.issue}|${m.subIssue}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of CFPB_ISSUE_MAPPING) {
      for (const c of m.categories) expect(CATEGORY.is(c)).toBe(true);
      for (const c of m.channels) expect(CHANNEL.is(c)).toBe(true);
    }
  });

  it('maps company responses and sub-products', () => {
    expect(cfpbStatus('Closed with explanation')).toBe('CLOSED');
    expect(cfpbStatus('Closed with non-monetary relief')).toBe('CLOSED');
    expect(cfpbStatus('In progress')).toBe('FORWARDED');
    expect(cfpbStatus('Untimely response')).toBe('FORWARDED');
    expect(cfpbStatus('Something new')).toBeUndefined();
    expect(cfpbProduct('Credit card debt')).toBe('CREDIT_CARD');
    expect(cfpbProduct('Payday loan')).toBe('CONSUMER_LOAN');
    expect(cfpbProduct('Medical debt')).toBe('OTHER');
    expect(cfpbProduct('')).toBe('OTHER');
  });

  it('reads the CFPB date forms as 12:00 UTC of the calendar day', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseCfpbDate('2020-03-18', now)).toEqual({ ok: new Date('2020-03-18T12:00:00Z') });
    expect(parseCfpbDate('2020/3/8', now)).toEqual({ ok: new Date('2020-03-08T12:00:00Z') });
    expect(parseCfpbDate('03/08/2020', now)).toEqual({ ok: new Date('2020-03-08T12:00:00Z') });
    expect(parseCfpbDate('2020-03-18T00:00:00-05:00', now)).toEqual({
      ok: new Date('2020-03-18T12:00:00Z'),
    });
    expect(parseCfpbDate('2020-02-30', now)).toEqual({
      error: '2020-02-30 is not a calendar date',
    });
    expect(parseCfpbDate('2026-01-03', now)).toEqual({ error: 'is more than a day in the future' });
    expect(parseCfpbDate('March 8, 2020', now)).toEqual({
      error: 'is not a date (expected YYYY-MM-DD, YYYY/M/D or MM/DD/YYYY)',
    });
  });
});
