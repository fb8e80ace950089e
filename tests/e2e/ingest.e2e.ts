// Getting complaints in, in the browser: an operator's file upload (canonical CSV with good
// and bad rows, then the same file again, then the real CFPB sample), the imported
// complaints on the trend page, and a complaint taken by phone on the intake form with the
// narrative's suggestions and redaction. No console errors anywhere.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { E2E_ADMIN, startServer, type TestServer } from './support/api-server.js';
import { DashboardPage } from './support/dashboard-page.js';
import { ImportsPage } from './support/imports-page.js';
import { IntakePage } from './support/intake-page.js';
import { LoginPage } from './support/login-page.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CFPB_SAMPLE = path.resolve(REPO, '../shared/data/cfpb/cfpb-sample-2012-2026.csv');

// The canonical format's columns, as apps/api/test/support/import-files.ts writes them (that
// file belongs to the api project, which this one may not import).
const CANONICAL_HEADER =
  'external_id,received_at,institution,collection_agency,product,province,city,channels,categories,narrative,amount_owed,overdue_days,status,institution_response,responded_at,source';

interface CsvRow {
  id: string;
  receivedAt: string;
  institution: string;
  province: string;
  city: string;
  categories: string;
  narrative: string;
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function canonicalCsv(rows: CsvRow[]): string {
  const lines = rows.map((r) =>
    [
      r.id,
      r.receivedAt,
      r.institution,
      '',
      'CONSUMER_LOAN',
      r.province,
      r.city,
      'PHONE_CALL',
      r.categories,
      r.narrative,
      '',
      '',
      '',
      '',
      '',
      '',
    ]
      .map(quote)
      .join(','),
  );
  return `${CANONICAL_HEADER}\n${lines.join('\n')}\n`;
}

const INSTITUTION = '测试导入银行';
const PHONE = '13912345678';
const NARRATIVE = `他们半夜两点打电话威胁我，还打到我单位，电话${PHONE}`;

/** `daysAgo` days before now, at 10:00 Beijing time, as the canonical format writes it. */
function beijingDaysAgo(daysAgo: number): string {
  const beijing = new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000);
  return `${beijing.toISOString().slice(0, 10)} 10:00`;
}

/** Ten good rows for a new institution (Zhejiang/Hangzhou, last month), then two bad ones. */
function importRows(): CsvRow[] {
  const good: CsvRow[] = Array.from({ length: 10 }, (_, i) => ({
    id: `E2E-INGEST-${String(i + 1).padStart(3, '0')}`,
    receivedAt: beijingDaysAgo(i + 1),
    institution: INSTITUTION,
    province: '浙江',
    city: '杭州',
    categories: 'EXCESSIVE_CONTACT',
    narrative: `第${i + 1}条：催收员每天打十几个电话。`,
  }));
  return [
    ...good,
    // Row 11: a date that does not exist.
    { ...good[0]!, id: 'E2E-INGEST-BAD-DATE', receivedAt: '2025-02-30 10:00' },
    // Row 12: a province that does not exist.
    { ...good[1]!, id: 'E2E-INGEST-BAD-PROVINCE', province: '火星省', city: '' },
  ];
}

describe('imports and intake in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let tmpDir: string;
  let csvPath: string;

  beforeAll(async () => {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'cw-e2e-ingest-'));
    csvPath = path.join(tmpDir, 'e2e-测试导入.csv');
    writeFileSync(csvPath, canonicalCsv(importRows()));
    [server, browser] = await Promise.all([startServer(2000), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    await new LoginPage(page, server.url).login(E2E_ADMIN.email, E2E_ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  });

  it('imports a canonical CSV: good rows inserted, bad rows rejected with reasons, a re-import changes nothing', async () => {
    const imports = new ImportsPage(page, server.url);
    await imports.open();
    await imports.chooseFile(csvPath);
    expect(await imports.format()).toBe('canonical');
    expect(await imports.source()).toBe('FILE_IMPORT');
    await screenshot(page, 'imports-zh');

    await page.getByTestId('import-submit').click();
    const first = await imports.waitForSummary();
    expect(first.status).toBe('SUCCEEDED');
    expect(first.counters).toEqual({
      read: 12,
      inserted: 10,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 2,
    });

    const rejected = await imports.rejectedRows();
    expect(rejected.map((r) => r.rowNumber)).toEqual([11, 12]);
    expect(rejected[0]).toMatchObject({ field: 'received_at', value: '2025-02-30 10:00' });
    expect(rejected[1]).toMatchObject({ field: 'province', value: '火星省' });
    for (const r of rejected) expect(r.reason.trim()).not.toBe('');

    const href = await imports.rejectedLink();
    expect(href).toBeTruthy();
    const download = await page.request.get(new URL(href!, server.url).toString());
    expect(download.status()).toBe(200);
    const body = await download.text();
    expect(body).toContain('火星省');
    expect(body).toContain('2025-02-30');

    expect(await imports.historyStatus(first.runId)).toBe('SUCCEEDED');
    expect(await imports.historyRow(first.runId).innerText()).toContain('e2e-测试导入.csv');
    await screenshot(page, 'imports-summary');

    // The same file again: every good row is already there, unchanged.
    await imports.upload(csvPath);
    await page
      .locator(`[data-testid="import-summary"]:not([data-run-id="${first.runId}"])`)
      .waitFor({ timeout: 120_000 });
    const second = await imports.waitForSummary();
    expect(second.status).toBe('SUCCEEDED');
    expect(second.runId).not.toBe(first.runId);
    expect(second.counters).toMatchObject({ read: 12, inserted: 0, updated: 0, unchanged: 10 });
    expect(second.counters.rejected).toBe(2);
    expect(await imports.historyStatus(second.runId)).toBe('SUCCEEDED');
    expect(errors).toEqual([]);
  });

  it('imports the CFPB sample: the 70 debt-collection complaints kept, the other 930 rows skipped', async () => {
    const imports = new ImportsPage(page, server.url);
    await imports.open();
    await imports.chooseFile(CFPB_SAMPLE);
    // The header line names "Complaint ID": the page guesses CFPB; chosen explicitly anyway.
    expect(await imports.format()).toBe('cfpb');
    await page.getByTestId('import-format').selectOption('cfpb');
    await page.getByTestId('import-submit').click();
    const outcome = await imports.waitForSummary();
    expect(outcome.status).toBe('SUCCEEDED');
    expect(outcome.counters).toEqual({
      read: 1000,
      inserted: 70,
      updated: 0,
      unchanged: 0,
      skipped: 930,
      rejected: 0,
    });
    expect(await imports.rejectedLink()).toBeNull();
    expect(await imports.historyStatus(outcome.runId)).toBe('SUCCEEDED');
    expect(errors).toEqual([]);
  });

  it('shows the imported complaints on the trend page for the new institution', async () => {
    const dashboard = new DashboardPage(page, server.url);
    await dashboard.open();
    await dashboard.chooseInstitution('测试导入', INSTITUTION);
    expect(page.url()).toMatch(/institutionIds=/);
    expect(await dashboard.total()).toBe(10);
    expect(errors).toEqual([]);
  });

  it('takes a complaint by phone: suggestions, redacted preview, a new institution, a reference', async () => {
    const intake = new IntakePage(page, server.url);
    await intake.open();
    expect(await page.locator('h2.page-title').innerText()).toBe('投诉录入');
    await intake.typeNarrative(NARRATIVE);
    const suggested = await intake.suggestions();
    expect(suggested).toEqual(expect.arrayContaining(['THREAT', 'OFF_HOURS']));

    await intake.acceptSuggestion('THREAT');
    expect(await intake.isTicked('category', 'THREAT')).toBe(true);
    expect(await intake.suggestions()).not.toContain('THREAT');
    expect(await intake.suggestions()).toContain('OFF_HOURS');

    const redacted = await intake.redactedPreview();
    expect(redacted).not.toContain(PHONE);
    expect(redacted).not.toMatch(/\d{11}/);
    expect(redacted).toContain('半夜两点');

    await intake.fill({
      institution: { search: '电话录入测试小贷' },
      province: { search: '浙江', name: '浙江' },
      cityCode: '330100',
    });
    await screenshot(page, 'intake-zh');

    const reference = await intake.submitExpectingSuccess();
    expect(reference).toMatch(/^INTAKE-/);
    expect(await page.getByTestId('intake-success').innerText()).toContain(reference);
    expect(errors).toEqual([]);
  });

  it('shows the intake form in English', async () => {
    await page.goto(`${server.url}/intake?lang=en`);
    await page.getByTestId('intake-institution').waitFor({ timeout: 30_000 });
    expect(await page.locator('h2.page-title').innerText()).toBe('Enter a complaint');
    const intake = new IntakePage(page, server.url);
    await intake.typeNarrative(NARRATIVE);
    expect(await intake.suggestions()).toEqual(expect.arrayContaining(['THREAT', 'OFF_HOURS']));
    expect(await intake.redactedPreview()).not.toContain(PHONE);
    await screenshot(page, 'intake-en');
    expect(errors).toEqual([]);
  });
});
