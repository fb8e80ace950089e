// Access control as users meet it in the browser: a signed-out visitor is sent to sign in;
// an admin creates a provincial analyst, who then sees only that province's complaints and
// no admin pages; markup in registry names is shown as text and never runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, watchErrors } from './support/browser.js';
import { E2E_ADMIN, startServer, type TestServer } from './support/api-server.js';
import { DashboardPage } from './support/dashboard-page.js';
import { LoginPage } from './support/login-page.js';
import { UsersAdminPage } from './support/admin-pages.js';

const ANALYST = { email: 'zj.analyst@e2e.example', password: 'zhejiang analyst pw' };

describe('access control in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(5_000, { database: 'server' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a signed-out visitor to sign in, refuses a wrong password, and returns to the page after', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/?interval=QUARTER`);
    await page.waitForURL(/\/login\?next=/);
    const login = new LoginPage(page, server.url);
    expect(await login.loginExpectingError(E2E_ADMIN.email, 'not the password')).toMatch(
      /邮箱或密码|e-mail or password/,
    );
    await screenshot(page, 'login-zh');
    await login.login(E2E_ADMIN.email, E2E_ADMIN.password);
    expect(page.url()).toMatch(/interval=QUARTER/);
    await new DashboardPage(page, server.url).chartDrawn();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an admin create a provincial analyst who sees only that province and no admin pages', async () => {
    const adminPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await new LoginPage(adminPage, server.url).login(E2E_ADMIN.email, E2E_ADMIN.password);
    const all = new DashboardPage(adminPage, server.url);
    await all.open('?provinceCodes=330000');
    const zhejiang = await all.total();
    const users = new UsersAdminPage(adminPage, server.url);
    await users.open();
    await users.createUser({ ...ANALYST, role: 'PROVINCIAL_ANALYST', provinces: ['浙江'] });
    await screenshot(adminPage, 'users-zh');
    await adminPage.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await new LoginPage(page, server.url).login(ANALYST.email, ANALYST.password);
    const dashboard = new DashboardPage(page, server.url);
    await dashboard.chartDrawn();
    // The default view (last 12 months) counts the same as the admin's Zhejiang filter
    // over the same range, and asking for Guangdong gives nothing.
    await dashboard.open('?provinceCodes=330000');
    expect(await dashboard.total()).toBe(zhejiang);
    await page.goto(`${server.url}/?provinceCodes=440000`);
    await page.waitForSelector('[data-testid="trend-chart"][data-state="empty"]');
    expect(await dashboard.total()).toBe(0);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await page.getByTestId('no-permission').waitFor();
    expect(errors.filter((e) => !/FORBIDDEN|403/.test(e))).toEqual([]);
    await page.close();
  });

  it('shows markup in an institution name as text; no script runs', async () => {
    // An institution whose name is an XSS payload, as a hostile import could create it.
    await server.sql(
      `INSERT INTO institutions (name, aliases) VALUES ('<img src=x onerror="window.__xss=1">恶意银行', '{"<script>window.__xss=2</script>"}')`,
    );

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await new LoginPage(page, server.url).login(E2E_ADMIN.email, E2E_ADMIN.password);
    const dashboard = new DashboardPage(page, server.url);
    await dashboard.chartDrawn();
    await page.getByTestId('institution-search').fill('恶意');
    const option = page.locator('[role="option"]', { hasText: '恶意银行' }).first();
    await option.waitFor();
    expect(await option.innerText()).toContain('<img src=x onerror="window.__xss=1">恶意银行');
    await option.click();
    await page.locator('.chips').first().waitFor();
    expect(await page.locator('.chips').first().innerText()).toContain('<img src=x');
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.close();
  });
});
