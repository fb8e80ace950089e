// Page object for the intake form (/intake): fill in a complaint taken by phone, use the
// narrative's suggestions, submit, read the reference or the errors, by test id.
import type { Page } from 'playwright-core';

export interface IntakeEntry {
  /** datetime-local text in Beijing time, e.g. '2026-03-02T14:05'; now when not given. */
  receivedAt?: string;
  /**
   * The institution: `search` is typed; `pick` is the registry name to choose from the
   * list. Without `pick`, the typed text is kept as a new (provisional) institution.
   */
  institution: { search: string; pick?: string };
  agency?: string;
  /** Product code: BUSINESS_LOAN, CONSUMER_LOAN, ... */
  product?: string;
  /** Typed into the province picker, then the option showing `name` is chosen. */
  province: { search: string; name: string };
  /** City code (GB/T 2260), from the province's cities. */
  cityCode?: string;
  channels?: string[];
  categories?: string[];
  narrative?: string;
  amountOwed?: string;
  overdueDays?: string;
  evidence?: string[];
}

export interface IntakeError {
  /** The field the message is shown next to ('form' for the form as a whole). */
  field: string;
  text: string;
}

export class IntakePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens /intake; the browser must be signed in as ADMIN or OPERATOR. */
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/intake`);
    await this.page.getByTestId('intake-institution').waitFor({ timeout: 30_000 });
  }

  /** Fills the form (does not submit). */
  async fill(entry: IntakeEntry): Promise<void> {
    const p = this.page;
    if (entry.receivedAt) await p.getByTestId('intake-received-at').fill(entry.receivedAt);
    await this.chooseInstitution(entry.institution.search, entry.institution.pick);
    await p.getByTestId('intake-province').fill(entry.province.search);
    await p.locator('[role="option"]', { hasText: entry.province.name }).first().click();
    if (entry.cityCode) await p.getByTestId('intake-city').selectOption(entry.cityCode);
    if (entry.product) await p.getByTestId('intake-product').selectOption(entry.product);
    if (entry.agency) await p.getByTestId('intake-agency').fill(entry.agency);
    if (entry.amountOwed) await p.getByTestId('intake-amount').fill(entry.amountOwed);
    if (entry.overdueDays) await p.getByTestId('intake-overdue-days').fill(entry.overdueDays);
    for (const c of entry.channels ?? []) await this.tick('channel', c);
    for (const c of entry.categories ?? []) await this.tick('category', c);
    for (const e of entry.evidence ?? []) await this.tick('evidence', e);
    if (entry.narrative !== undefined) await this.typeNarrative(entry.narrative);
  }

  async chooseInstitution(search: string, pick?: string): Promise<void> {
    await this.page.getByTestId('intake-institution').fill(search);
    if (pick) {
      await this.page.locator('[role="option"]', { hasText: pick }).first().click();
    }
  }

  async tick(kind: 'channel' | 'category' | 'evidence', code: string): Promise<void> {
    await this.page.getByTestId(`intake-${kind}-${code}`).check();
  }

  isTicked(kind: 'channel' | 'category' | 'evidence', code: string): Promise<boolean> {
    return this.page.getByTestId(`intake-${kind}-${code}`).isChecked();
  }

  /** Types the narrative and waits for its analysis (suggestions and redacted preview). */
  async typeNarrative(text: string): Promise<void> {
    await this.page.getByTestId('intake-narrative').fill(text);
    if (text.trim() === '') return;
    await this.page
      .locator('[data-testid="intake-analysis"][data-state="ready"]')
      .waitFor({ timeout: 30_000 });
  }

  /** The codes of the suggestions on offer (categories first). */
  async suggestions(): Promise<string[]> {
    const chips = this.page.getByTestId('intake-suggestion');
    const out: string[] = [];
    for (let i = 0; i < (await chips.count()); i++) {
      out.push((await chips.nth(i).getAttribute('data-code')) ?? '');
    }
    return out;
  }

  /** Accepts one suggestion (it disappears and its box is ticked). */
  async acceptSuggestion(code: string): Promise<void> {
    await this.page.locator(`[data-testid="intake-suggestion"][data-code="${code}"]`).click();
    await this.page
      .locator(`[data-testid="intake-suggestion"][data-code="${code}"]`)
      .waitFor({ state: 'detached', timeout: 30_000 });
  }

  /** The narrative as it will be stored (personal data masked). */
  async redactedPreview(): Promise<string> {
    const preview = this.page.getByTestId('intake-redacted-preview');
    await preview.waitFor({ timeout: 30_000 });
    return preview.locator('.redacted-text').innerText();
  }

  /** Submits, without waiting for the outcome. */
  async submit(): Promise<void> {
    await this.page.getByTestId('intake-submit').click();
  }

  /** Submits and returns the new complaint's reference (externalId). */
  async submitExpectingSuccess(): Promise<string> {
    await this.submit();
    const success = this.page.getByTestId('intake-success');
    await success.waitFor({ timeout: 30_000 });
    return (await success.getAttribute('data-external-id')) ?? '';
  }

  /** Submits and returns the errors shown (waits for at least one). */
  async submitExpectingErrors(): Promise<IntakeError[]> {
    await this.submit();
    return this.errors();
  }

  async errors(): Promise<IntakeError[]> {
    const errors = this.page.getByTestId('intake-error');
    await errors.first().waitFor({ timeout: 30_000 });
    const out: IntakeError[] = [];
    for (let i = 0; i < (await errors.count()); i++) {
      out.push({
        field: (await errors.nth(i).getAttribute('data-field')) ?? '',
        text: await errors.nth(i).innerText(),
      });
    }
    return out;
  }

  /** From the confirmation, back to an empty form. */
  async newComplaint(): Promise<void> {
    await this.page.getByTestId('intake-new').click();
    await this.page.getByTestId('intake-institution').waitFor({ timeout: 30_000 });
  }
}
