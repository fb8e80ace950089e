// The analyst's pages in a real browser, signed in, on demo data: every page loads without
// console errors and draws its figures; a chosen institution changes the figures and the
// URL, which reproduces the view on reload; clicking a province tile filters to it; a
// narrative search finds complaints; the English switch changes the labels. Screenshots of
// every page go to tests/e2e/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import {
  ComplaintsPage,
  figureSettled,
  InstitutionsPage,
  OverviewPage,
  RegionsPage,
} from './support/analysis-pages.js';
import { E2E_ADMIN, startServer, type TestServer } from './support/api-server.js';
import { launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { DashboardPage } from './support/dashboard-page.js';
import { LoginPage } from './support/login-page.js';

describe('analysis pages', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let overview: OverviewPage;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    overview = new OverviewPage(page, server.url);
    await new LoginPage(page, server.url).login(E2E_ADMIN.email, E2E_ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lands on the overview with headline figures and at least three charts drawn', async () => {
    await overview.open();
    expect(await overview.total()).toBeGreaterThan(0);
    expect(await overview.chartsDrawn()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid="province-map"] .tile').count()).toBe(34);
    await screenshot(page, 'overview-zh');
    expect(errors).toEqual([]);
  });

  it('asks for each overview figure once, before the session check has answered', async () => {
    for (const query of ['', '?provinceCodes=440000&categories=THREAT&lang=en']) {
      const operations: string[] = [];
      const record = (req: Request) => {
        if (new URL(req.url()).pathname !== '/graphql') return;
        const body = req.postDataJSON() as { operationName?: string } | null;
        operations.push(body?.operationName ?? '?');
      };
      // Nothing of the page before may still be asking.
      await page.goto('about:blank');
      page.on('request', record);
      try {
        await overview.open(query);
        await page.waitForLoadState('networkidle');
      } finally {
        page.off('request', record);
        // A visit with ?lang=en keeps English as the preference: back to the default.
        await page.evaluate(() => window.localStorage.removeItem('cw.lang'));
      }
      const count = (name: string) => operations.filter((o) => o === name).length;
      // The figures asked for as the app starts are the page's own: none is asked twice.
      expect(
        ['ComplaintTrend', 'HeadlineFigures', 'Ranking', 'Shares', 'Spikes'].map(count),
        `${query} ${operations.join(' ')}`,
      ).toEqual([1, 1, 2, 1, 1]);
      // The frame asks for the data summary once the session check has answered; the
      // figures went out before that, beside the check.
      expect(operations.indexOf('ComplaintTrend'), operations.join(' ')).toBeLessThan(
        operations.indexOf('Dataset'),
      );
    }
    expect(errors).toEqual([]);
  });

  it('filters the overview by an institution, keeps it in the URL, reloads to the same view, and goes back', async () => {
    await overview.open();
    const all = await overview.total();
    await new DashboardPage(page, server.url).chooseInstitution('青岚贷', '青岚互联网银行');
    expect(page.url()).toMatch(/institutionIds=/);
    await overview.drawn();
    const filtered = await overview.total();
    expect(filtered).toBeLessThan(all);

    await page.reload();
    await overview.drawn();
    expect(await overview.total()).toBe(filtered);
    expect(await page.locator('.chips').first().innerText()).toContain('青岚互联网银行');

    await page.goBack();
    await overview.drawn();
    expect(page.url()).not.toMatch(/institutionIds=/);
    expect(await overview.total()).toBe(all);
    expect(errors).toEqual([]);
  });

  it('cross-filters: a province tile and a category bar each add their filter', async () => {
    await overview.open();
    const all = await overview.total();
    await overview.clickProvince('440000');
    await overview.drawn();
    const guangdong = await overview.total();
    expect(guangdong).toBeLessThan(all);
    const label = await overview.clickFirstBar('category-shares');
    await page.waitForURL(/categories=/);
    await overview.drawn();
    expect(await overview.total()).toBeLessThanOrEqual(guangdong);
    expect(await page.locator('.chips').allInnerTexts()).toContainEqual(
      expect.stringContaining(label),
    );
    expect(errors).toEqual([]);
  });

  it('clicking a province tile on the regions page filters to it and ranks its cities', async () => {
    const regions = new RegionsPage(page, server.url);
    await regions.open();
    await screenshot(page, 'regions-zh');
    await regions.clickProvince('330000');
    const cities = await regions.cities();
    expect(cities.length).toBeGreaterThan(0);
    expect(cities.every((c) => /市|州|盟|地区/.test(c))).toBe(true);
    expect(await regions.tileFill('330000')).not.toBe('#f4f4f4');
    expect(
      await page.locator('[data-testid="province-map"] .tile[aria-pressed="true"]').count(),
    ).toBe(1);
    await page.getByTestId('map-metric-rate').click();
    await page.waitForURL(/metric=rate/);
    await figureSettled(page, 'province-map');
    await screenshot(page, 'regions-zhejiang-rate-zh');
    expect(errors).toEqual([]);
  });

  it('ranks institutions, sorts by change, and opens an institution’s own page', async () => {
    const institutions = new InstitutionsPage(page, server.url);
    await institutions.open();
    const byCount = await institutions.names();
    expect(byCount.length).toBeGreaterThan(3);
    await screenshot(page, 'institutions-zh');
    await institutions.sortBy('change');
    expect(await institutions.names()).not.toEqual(byCount);
    const name = await institutions.openRow(0);
    expect(page.url()).toMatch(/\/institutions\/\d+/);
    expect(await page.getByTestId('institution-name').innerText()).toBe(name);
    await new DashboardPage(page, server.url).chartDrawn();
    await screenshot(page, 'institution-zh');
    expect(errors).toEqual([]);
  });

  it('draws the trend page by category as stacked areas, and a comparison with last year', async () => {
    const trends = new DashboardPage(page, server.url);
    await trends.open('?groupBy=CATEGORY&chart=area&interval=QUARTER');
    expect(
      await page.locator('[data-testid="trend-chart"] .recharts-area-area').count(),
    ).toBeGreaterThan(1);
    await screenshot(page, 'trends-category-area-zh');
    await trends.open('?compare=yearAgo');
    expect(await page.locator('[data-testid="trend-chart"] .recharts-line-curve').count()).toBe(2);
    await screenshot(page, 'trends-compare-zh');
    expect(errors).toEqual([]);
  });

  it('searches narratives in Chinese and shows a complaint with its categories and handling', async () => {
    const complaints = new ComplaintsPage(page, server.url);
    await complaints.open();
    await screenshot(page, 'complaints-zh');
    await complaints.search('威胁');
    expect(await complaints.rowCount()).toBeGreaterThan(0);
    const narrative = await complaints.openFirst();
    expect(narrative).toContain('威胁');
    expect(await page.getByTestId('complaint-title').innerText()).toMatch(/投诉 #\d+/);
    await screenshot(page, 'complaint-zh');
    expect(errors).toEqual([]);
  });

  it('lists spikes and takes a spike to the trend of that institution and province', async () => {
    await page.goto(`${server.url}/spikes`);
    const state = await figureSettled(page, 'spikes-table');
    await screenshot(page, 'spikes-zh');
    if (state === 'ready') {
      await page.locator('[data-testid="spikes-table"] .link-button').first().click();
      await page.waitForURL(/\/trends\?.*institutionIds=.*provinceCodes=/);
      await new DashboardPage(page, server.url).chartDrawn();
    }
    expect(errors).toEqual([]);
  });

  it('switches to English: labels, figures and the URL', async () => {
    await overview.open();
    await page.getByTestId('lang-switch').click();
    await page.waitForURL(/lang=en/);
    await overview.drawn();
    expect(await page.getByTestId('nav-overview').innerText()).toBe('Overview');
    expect(await page.locator('[data-testid="top-institutions"] .panel-title').innerText()).toBe(
      'Institutions with most complaints',
    );
    expect(
      await page
        .locator('[data-testid="province-map"] .tile[data-code="440000"]')
        .getAttribute('aria-label'),
    ).toMatch(/^Guangdong: /);
    await screenshot(page, 'overview-en');
    await page.getByTestId('nav-regions').click();
    await page.waitForURL(/\/regions\?.*lang=en/);
    await figureSettled(page, 'province-map');
    await screenshot(page, 'regions-en');
    expect(errors).toEqual([]);
  });

  it('fits a tablet and prints without the controls', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await overview.open('?lang=zh');
    await screenshot(page, 'overview-tablet-zh');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('filter-bar').isVisible()).toBe(false);
    await screenshot(page, 'overview-print-zh');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });
});
