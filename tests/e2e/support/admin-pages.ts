// Page objects for the admin pages (/admin/users, /admin/audit), by test id.
import type { Locator, Page } from 'playwright-core';

export interface NewUser {
  email: string;
  password: string;
  /** Role code: ADMIN, NATIONAL_ANALYST, PROVINCIAL_ANALYST, INSTITUTION_OFFICER, OPERATOR. */
  role: string;
  /** Province names to pick (as typed into the picker and shown in its list), e.g. 浙江. */
  provinces?: string[];
  /** [search text, name shown] pairs for the institution search. */
  institutions?: [string, string][];
}

export class UsersAdminPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/users`);
    await this.page.getByTestId('user-row').first().waitFor({ timeout: 30_000 });
  }

  /** The emails in the table, in order. */
  async emails(): Promise<string[]> {
    const rows = this.page.getByTestId('user-row');
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await rows.nth(i).getAttribute('data-email')) ?? '');
    return out;
  }

  row(email: string): Locator {
    return this.page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  }

  /** The new-user form. */
  form(): Locator {
    return this.page.locator('form.user-form-create');
  }

  /** Fills the new-user form and submits it, without waiting for the outcome. */
  async submitNewUser(user: NewUser): Promise<void> {
    const form = this.form();
    await form.getByTestId('new-user-email').fill(user.email);
    await form.getByTestId('new-user-password').fill(user.password);
    await form.getByTestId('new-user-role').selectOption(user.role);
    for (const name of user.provinces ?? []) {
      await form.getByTestId('new-user-provinces').fill(name);
      await this.page.locator('[role="option"]', { hasText: name }).first().click();
    }
    for (const [search, name] of user.institutions ?? []) {
      await form.getByTestId('new-user-institutions').fill(search);
      await this.page.locator('[role="option"]', { hasText: name }).first().click();
    }
    await form.getByTestId('new-user-submit').click();
  }

  /** Creates a user and waits for its row. */
  async createUser(user: NewUser): Promise<void> {
    await this.submitNewUser(user);
    await this.row(user.email).waitFor({ timeout: 30_000 });
  }

  /** The new-user form's error: its text and the field it is shown next to. */
  async formError(): Promise<{ field: string; text: string }> {
    const error = this.form().getByTestId('user-form-error');
    await error.waitFor({ timeout: 30_000 });
    return { field: (await error.getAttribute('data-field')) ?? '', text: await error.innerText() };
  }

  /** Disables a user (confirming) and waits until the row shows it. */
  async disable(email: string): Promise<void> {
    await this.row(email).getByTestId('disable-user').click();
    await this.page.getByTestId('confirm-disable-user').click();
    await this.page
      .locator(`[data-testid="user-row"][data-email="${email}"][data-disabled="true"]`)
      .waitFor({ timeout: 30_000 });
  }
}

export class AuditLogPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/audit`);
    await this.loaded('');
  }

  /** Waits until the entries for `action` ('' for all) are shown. */
  async loaded(action: string): Promise<void> {
    await this.page
      .locator(`[data-testid="audit-log"][data-state="ready"][data-filter="${action}"]`)
      .waitFor({ timeout: 30_000 });
  }

  rows(): Locator {
    return this.page.getByTestId('audit-row');
  }

  /** The actions of the rows shown, in order. */
  async actions(): Promise<string[]> {
    const rows = this.rows();
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await rows.nth(i).getAttribute('data-action')) ?? '');
    return out;
  }

  async filter(action: string): Promise<void> {
    await this.page.getByTestId('audit-filter').fill(action);
    await this.page.getByTestId('audit-filter-submit').click();
    // The page upper-cases what is typed: actions are codes like LOGIN_FAILED.
    await this.loaded(action.trim().toUpperCase());
  }

  /** Loads the next page and waits until more rows show. */
  async loadMore(): Promise<void> {
    const before = await this.rows().count();
    await this.page.getByTestId('audit-load-more').click();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="audit-row"]').length > n,
      before,
      { timeout: 30_000 },
    );
  }

  exportHref(): Promise<string | null> {
    return this.page.getByTestId('audit-export').getAttribute('href');
  }
}
