// Page objects for the analysis pages (overview, institutions, regions, complaints): what a
// user sees and does, by test id. The browser must be signed in (see LoginPage.login).
import type { Page } from 'playwright-core';

const TIMEOUT = 30_000;

/** Waits until the figure with this test id is ready (drawn) or says it is empty. */
export async function figureSettled(page: Page, testId: string): Promise<string> {
  const el = page.locator(
    `[data-testid="${testId}"][data-state="ready"], [data-testid="${testId}"][data-state="empty"]`,
  );
  await el.first().waitFor({ timeout: TIMEOUT });
  return (await el.first().getAttribute('data-state')) ?? '';
}

export class OverviewPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${query}`);
    await this.drawn();
  }

  /** The headline, the trend, top institutions, the map and the category breakdown. */
  async drawn(): Promise<void> {
    await this.page.waitForSelector('[data-testid="headline"][data-state="ready"]', {
      timeout: TIMEOUT,
    });
    await this.page.waitForSelector('[data-testid="trend-chart"] .line-chart-lite path', {
      timeout: TIMEOUT,
    });
    for (const id of ['top-institutions', 'province-map', 'category-shares', 'spikes'])
      await figureSettled(this.page, id);
  }

  /** The headline number of complaints. */
  async total(): Promise<number> {
    const text = await this.page.getByTestId('headline-total').innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** Number of charts drawn with data: trend lines, bar lists with bars, map tiles. */
  async chartsDrawn(): Promise<number> {
    return this.page.evaluate(() => {
      let n = 0;
      if (document.querySelector('[data-testid="trend-chart"] .line-chart-lite path')) n++;
      n += document.querySelectorAll('[data-state="ready"] .bar-list').length;
      if (document.querySelectorAll('[data-state="ready"] .tile-map .tile').length === 34) n++;
      return n;
    });
  }

  /** Clicks the map tile of a province (by code) and waits for the URL to carry it. */
  async clickProvince(code: string): Promise<void> {
    await this.page.locator(`[data-testid="province-map"] .tile[data-code="${code}"]`).click();
    await this.page.waitForURL(new RegExp(`provinceCodes=[^&]*${code}`), { timeout: TIMEOUT });
  }

  /** Clicks the first bar of a bar-list figure; returns its label. */
  async clickFirstBar(testId: string): Promise<string> {
    const bar = this.page.locator(`[data-testid="${testId}"] .bar-button`).first();
    const label = await bar.locator('.bar-label').innerText();
    await bar.click();
    return label;
  }
}

export class RegionsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/regions${query}`);
    await this.page.waitForSelector('[data-testid="province-map"][data-state="ready"] .tile', {
      timeout: TIMEOUT,
    });
  }

  async clickProvince(code: string): Promise<void> {
    await this.page.locator(`[data-testid="province-map"] .tile[data-code="${code}"]`).click();
    await this.page.waitForURL(new RegExp(`provinceCodes=${code}`), { timeout: TIMEOUT });
  }

  /** The city ranking's labels, in order (after a province is chosen). */
  async cities(): Promise<string[]> {
    await figureSettled(this.page, 'city-ranking');
    return this.page.locator('[data-testid="city-ranking"] .bar-label').allInnerTexts();
  }

  /** The fill colour of a province's tile. */
  tileFill(code: string): Promise<string | null> {
    return this.page
      .locator(`[data-testid="province-map"] .tile[data-code="${code}"] rect`)
      .getAttribute('fill');
  }
}

export class InstitutionsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/institutions${query}`);
    await figureSettled(this.page, 'institutions-table');
  }

  names(): Promise<string[]> {
    return this.page.locator('[data-testid="institution-row"] th a').allInnerTexts();
  }

  async sortBy(key: 'count' | 'rate' | 'change' | 'timely'): Promise<void> {
    await this.page.getByTestId(`sort-${key}`).click();
    await this.page.waitForURL(new RegExp(`sort=${key}`), { timeout: TIMEOUT });
    await figureSettled(this.page, 'institutions-table');
  }

  /** Opens the page of the institution in row `index`; returns its name. */
  async openRow(index: number): Promise<string> {
    const link = this.page.locator('[data-testid="institution-row"] th a').nth(index);
    const name = await link.innerText();
    await link.click();
    await this.page
      .getByTestId('institution-name')
      .filter({ hasText: name })
      .waitFor({ timeout: TIMEOUT });
    for (const id of ['institution-categories', 'institution-provinces', 'institution-agencies'])
      await figureSettled(this.page, id);
    return name;
  }
}

export class ComplaintsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/complaints${query}`);
    await figureSettled(this.page, 'complaint-list');
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('complaint-search').fill(text);
    await this.page.getByTestId('complaint-search').press('Enter');
    await this.page.waitForURL(/[?&]q=/, { timeout: TIMEOUT });
    // The list for this search (its title names the text), not the one before it.
    await this.page
      .locator('[data-testid="complaint-list"] .panel-title', { hasText: text })
      .waitFor({ timeout: TIMEOUT });
    await figureSettled(this.page, 'complaint-list');
  }

  rowCount(): Promise<number> {
    return this.page.getByTestId('complaint-row').count();
  }

  /** Opens the first complaint of the list; returns its narrative. */
  async openFirst(): Promise<string> {
    await this.page.locator('[data-testid="complaint-row"] a').first().click();
    await this.page.getByTestId('complaint-narrative').waitFor({ timeout: TIMEOUT });
    return this.page.getByTestId('complaint-narrative').innerText();
  }
}
