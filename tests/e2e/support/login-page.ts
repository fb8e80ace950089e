// Page object for the sign-in page (/login): what a user sees and does, by test id.
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens /login, optionally asked to return to `next` (a path on the site) afterwards. */
  async open(next?: string): Promise<void> {
    const query = next ? `?next=${encodeURIComponent(next)}` : '';
    await this.page.goto(`${this.baseUrl}/login${query}`);
    await this.page.getByTestId('login-email').waitFor({ timeout: 30_000 });
  }

  /**
   * Fills the form and submits it, without waiting for the outcome. On a page of the app
   * the form is waited for (a signed-out visitor is sent to it); elsewhere /login is opened.
   */
  async submit(email: string, password: string): Promise<void> {
    if (this.page.url().startsWith(this.baseUrl)) {
      await this.page.getByTestId('login-email').waitFor({ timeout: 30_000 });
    } else {
      await this.open();
    }
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** Signs in and waits until the app has left the sign-in page (for `next`, or /). */
  async login(email: string, password: string): Promise<void> {
    await this.submit(email, password);
    await this.page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 });
  }

  /** Submits credentials expected to fail and returns the message shown. */
  async loginExpectingError(email: string, password: string): Promise<string> {
    await this.submit(email, password);
    return this.error();
  }

  /** The error message under the form (waits for it). */
  async error(): Promise<string> {
    const error = this.page.getByTestId('login-error');
    await error.waitFor({ timeout: 30_000 });
    return error.innerText();
  }

  /** Signs out from any signed-in page and waits for the sign-in form. */
  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await this.page.getByTestId('login-email').waitFor({ timeout: 30_000 });
  }
}
