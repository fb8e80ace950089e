// Page object for the dashboard's trend page (and the trend panel every analysis page shares):
// what a user sees and does, by test id.
import type { Page } from 'playwright-core';

export class DashboardPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens the trend page; the browser must be signed in (see LoginPage.login). */
  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/trends${query}`);
    await this.chartDrawn();
  }

  /**
   * Waits until the trend chart has drawn at least one line or area: the Recharts chart of
   * the trend page or the plain-SVG one of the overview and an institution's page.
   */
  async chartDrawn(): Promise<void> {
    await this.page.waitForSelector('[data-testid="trend-chart"][data-state="ready"]', {
      timeout: 30_000,
    });
    await this.page.waitForSelector(
      '[data-testid="trend-chart"] .recharts-line-curve, [data-testid="trend-chart"] .recharts-area-area, [data-testid="trend-chart"] .line-chart-lite path',
      { timeout: 30_000 },
    );
  }

  /** The headline total as a number. */
  async total(): Promise<number> {
    const text = await this.page.locator('.headline-total').innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** Types into the institution search and picks the suggestion named `name`. */
  async chooseInstitution(search: string, name: string): Promise<void> {
    const before = await this.total();
    await this.page.getByTestId('institution-search').fill(search);
    await this.page.locator('[role="option"]', { hasText: name }).first().click();
    await this.page.waitForFunction(
      (prev) => {
        const el = document.querySelector('.headline-total');
        const n = Number((el?.textContent ?? '').replace(/[^\d]/g, ''));
        return n > 0 && n !== prev;
      },
      before,
      { timeout: 30_000 },
    );
    await this.chartDrawn();
  }

  async chooseProvince(search: string, name: string): Promise<void> {
    await this.page.getByTestId('province-picker').fill(search);
    await this.page.locator('[role="option"]', { hasText: name }).first().click();
    await this.chartDrawn();
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('lang-switch').click();
  }

  title(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  /** The signed-in user's email in the header. */
  signedInEmail(): Promise<string> {
    return this.page.getByTestId('user-email').innerText();
  }

  /** The signed-in user's role label in the header (管理员, Provincial analyst, ...). */
  signedInRole(): Promise<string> {
    return this.page.getByTestId('user-role').innerText();
  }
}
