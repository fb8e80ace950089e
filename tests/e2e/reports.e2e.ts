// The Reports page in a real browser on demo data: it opens on the last whole quarter with
// the report's tables previewed; its links give the PDF and the spreadsheet; the filtered
// complaints download at once when few and run in the background when many; English works.
// Screenshots go to tests/e2e/screenshots/.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMonths, periodStart, quarterOf, quarterRange, shanghaiDate } from '@cw/domain';
import { E2E_ADMIN, startServer, type TestServer } from './support/api-server.js';
import { launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { LoginPage } from './support/login-page.js';
import { ReportsPage } from './support/reports-page.js';

/** Demo data holds 20,000 complaints; a lower limit sends a whole export to the background. */
const SYNC_LIMIT = 5000;

describe('reports page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let reports: ReportsPage;
  const last = quarterOf(addMonths(periodStart(shanghaiDate(new Date()), 'QUARTER'), -3));
  const lastQuarter = quarterRange(last.year, last.quarter);

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(20_000, { env: { EXPORT_SYNC_MAX_ROWS: String(SYNC_LIMIT) } }),
      launchBrowser(),
    ]);
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    errors = watchErrors(page);
    reports = new ReportsPage(page, server.url);
    await new LoginPage(page, server.url).login(E2E_ADMIN.email, E2E_ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the last whole quarter and previews the report’s tables', async () => {
    await reports.open();
    expect(page.url()).toContain(`from=${lastQuarter.from}&to=${lastQuarter.to}`);
    expect(await reports.period()).toContain(`${last.year}年第${'一二三四'[last.quarter - 1]}季度`);
    const provinces = await reports.tableRows('provinces');
    expect(provinces.length).toBeGreaterThan(5);
    const headline = await reports.tableRows('headline');
    expect(headline[0]![0]).toBe('本期');
    await screenshot(page, 'reports-zh');
    expect(errors).toEqual([]);
  });

  it('links to the report as a PDF and an XLSX that the signed-in browser can fetch', async () => {
    await reports.open('provinceCodes=440000');
    const pdf = await page.request.get(`${server.url}${await reports.downloadLink('pdf')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await page.request.get(`${server.url}${await reports.downloadLink('xlsx')}`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
  });

  it('downloads a small export at once, and runs a large one in the background', async () => {
    await reports.open('provinceCodes=440000');
    const download = await reports.exportComplaints('csv');
    expect(download.suggestedFilename()).toMatch(/^complaints-\d{4}-\d\d-\d\d\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\ufeff编号,来源')).toBe(true);
    await expect.poll(() => reports.exportStatus().innerText()).toContain('已下载');

    // The whole store is more than the limit: a background job, then a link to its file.
    await reports.open('from=2020-01-01&to=2030-12-31');
    await reports.startLargeExport();
    await expect.poll(() => reports.exportStatus().innerText()).toContain('后台任务');
    const link = await reports.finishedJobLink();
    const file = await page.request.get(`${server.url}${link}`);
    expect(file.status()).toBe(200);
    const lines = (await file.text()).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(SYNC_LIMIT);
    await screenshot(page, 'reports-jobs-zh');
    expect(errors).toEqual([]);
  });

  it('speaks English, and writes the report in English on request', async () => {
    await reports.open('lang=en');
    expect(await page.locator('.page-title').innerText()).toBe('Reports and exports');
    expect(await reports.period()).toContain(`Q${last.quarter} ${last.year}`);
    expect((await reports.tableRows('headline'))[0]![0]).toBe('This period');
    expect(await reports.downloadLink('pdf')).toContain('lang=en');
    await screenshot(page, 'reports-en');
    expect(errors).toEqual([]);
  });
});
