// The dashboard in a real browser, signed in: it draws the trend, an institution filter changes the
// chart and the URL, the URL reproduces the view, English labels, no console errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { E2E_ADMIN, startServer, type TestServer } from './support/api-server.js';
import { DashboardPage } from './support/dashboard-page.js';
import { LoginPage } from './support/login-page.js';

describe('dashboard smoke test', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let dashboard: DashboardPage;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    dashboard = new DashboardPage(page, server.url);
    await new LoginPage(page, server.url).login(E2E_ADMIN.email, E2E_ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the monthly trend of the demo data, in Chinese, marked as synthetic', async () => {
    await dashboard.open();
    expect(await dashboard.title()).toBe('暴力催收投诉监测');
    expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    expect(await dashboard.total()).toBeGreaterThan(0);
    await screenshot(page, 'trend-zh');
    expect(errors).toEqual([]);
  });

  it('filters by an institution found by alias, keeps it in the URL, and reproduces the view on reload', async () => {
    await dashboard.open();
    const all = await dashboard.total();
    await dashboard.chooseInstitution('青岚贷', '青岚互联网银行');
    const filtered = await dashboard.total();
    expect(filtered).toBeLessThan(all);
    expect(page.url()).toMatch(/institutionIds=/);

    await page.reload();
    await dashboard.chartDrawn();
    expect(await dashboard.total()).toBe(filtered);
    expect(await page.locator('.chips').first().innerText()).toContain('青岚互联网银行');

    await page.goBack();
    await dashboard.chartDrawn();
    expect(page.url()).not.toMatch(/institutionIds=/);
    expect(await dashboard.total()).toBe(all);
    expect(errors).toEqual([]);
  });

  it('filters by province and switches to English', async () => {
    await dashboard.open();
    const all = await dashboard.total();
    await dashboard.chooseProvince('Guangdong', '广东');
    expect(page.url()).toMatch(/provinceCodes=440000/);
    expect(await dashboard.total()).toBeLessThan(all);
    await dashboard.switchLanguage();
    await dashboard.chartDrawn();
    expect(await dashboard.title()).toBe('Debt Collection Complaints Monitor');
    expect(page.url()).toMatch(/lang=en/);
    await screenshot(page, 'trend-en-guangdong');
    expect(errors).toEqual([]);
  });
});
