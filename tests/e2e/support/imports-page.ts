// Page object for the imports page (/imports): upload a file, wait for the run to end,
// read what it did, and the history of runs, by test id.
import type { Locator, Page } from 'playwright-core';

export interface ImportCounters {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
}

export interface ImportOutcome {
  /** SUCCEEDED, FAILED or ABANDONED. */
  status: string;
  runId: string;
  counters: ImportCounters;
}

export interface RejectedRow {
  rowNumber: number;
  field: string;
  value: string;
  reason: string;
}

export interface UploadOptions {
  /** canonical, cfpb or jsonl; left as the page guessed it when not given. */
  format?: string;
  /** A source code (HOTLINE, POLICE, ...); FILE_IMPORT when not given. */
  source?: string;
}

const COUNTERS = ['read', 'inserted', 'updated', 'unchanged', 'skipped', 'rejected'] as const;

export class ImportsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens /imports; the browser must be signed in as ADMIN or OPERATOR. */
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/imports`);
    await this.page
      .getByTestId('import-file-input')
      .waitFor({ state: 'attached', timeout: 30_000 });
    await this.historyLoaded();
  }

  /** Chooses a file (the file picker's input) and waits until its format has been guessed. */
  async chooseFile(filePath: string): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(filePath);
    await this.page
      .locator('[data-testid="import-format"]:not([data-guessing])')
      .waitFor({ timeout: 30_000 });
  }

  /** The format selected (after a file was chosen: the guess). */
  format(): Promise<string> {
    return this.page.getByTestId('import-format').inputValue();
  }

  source(): Promise<string> {
    return this.page.getByTestId('import-source').inputValue();
  }

  /** Chooses the file, format and source and starts the upload, without waiting. */
  async upload(filePath: string, options: UploadOptions = {}): Promise<void> {
    await this.chooseFile(filePath);
    if (options.format) await this.page.getByTestId('import-format').selectOption(options.format);
    if (options.source) await this.page.getByTestId('import-source').selectOption(options.source);
    await this.page.getByTestId('import-submit').click();
  }

  /** Uploads a file and waits for the run's final summary. */
  async importFile(filePath: string, options: UploadOptions = {}): Promise<ImportOutcome> {
    await this.upload(filePath, options);
    return this.waitForSummary();
  }

  /** Waits until the run has ended (polling stopped) and returns its outcome. */
  async waitForSummary(timeout = 120_000): Promise<ImportOutcome> {
    const summary = this.page.getByTestId('import-summary');
    await summary.waitFor({ timeout });
    return {
      status: (await summary.getAttribute('data-status')) ?? '',
      runId: (await summary.getAttribute('data-run-id')) ?? '',
      counters: await this.counters(),
    };
  }

  /** The final summary's counters. */
  async counters(): Promise<ImportCounters> {
    const summary = this.page.getByTestId('import-summary');
    const out = {} as ImportCounters;
    for (const key of COUNTERS) {
      const value = await summary.locator(`[data-counter="${key}"]`).getAttribute('data-value');
      out[key] = Number(value);
    }
    return out;
  }

  /** The progress shown while uploading or processing (null once it is gone). */
  async progressPhase(): Promise<string | null> {
    const progress = this.page.getByTestId('import-progress');
    return (await progress.count()) > 0 ? progress.getAttribute('data-phase') : null;
  }

  /** The first rejected rows, as the summary's table shows them. */
  async rejectedRows(): Promise<RejectedRow[]> {
    const rows = this.page.getByTestId('import-rejected-row');
    const out: RejectedRow[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      out.push({
        rowNumber: Number(cells[0]),
        field: cells[1] ?? '',
        value: cells[2] === '—' ? '' : (cells[2] ?? ''),
        reason: cells[3] ?? '',
      });
    }
    return out;
  }

  /** The link to all rejected rows as CSV; null when the run rejected none. */
  async rejectedLink(): Promise<string | null> {
    const link = this.page.getByTestId('import-rejected-link');
    return (await link.count()) > 0 ? link.getAttribute('href') : null;
  }

  /** The message shown when the upload itself was refused (too large, bad format...). */
  async uploadError(): Promise<string> {
    const error = this.page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    return error.innerText();
  }

  async historyLoaded(): Promise<void> {
    await this.page
      .locator('[data-testid="import-history"][data-state="ready"]')
      .waitFor({ timeout: 30_000 });
  }

  historyRows(): Locator {
    return this.page.getByTestId('import-history-row');
  }

  /** The history row of a run (by id). */
  historyRow(runId: string): Locator {
    return this.page.locator(`[data-testid="import-history-row"][data-id="${runId}"]`);
  }

  /** Waits until the history shows the run with an end status, and returns that status. */
  async historyStatus(runId: string): Promise<string> {
    const row = this.page.locator(
      `[data-testid="import-history-row"][data-id="${runId}"]:not([data-status="RUNNING"])`,
    );
    await row.waitFor({ timeout: 30_000 });
    return (await row.getAttribute('data-status')) ?? '';
  }

  /** Loads the next page of the history and waits until more rows show. */
  async loadMoreHistory(): Promise<void> {
    const before = await this.historyRows().count();
    await this.page.getByTestId('import-history-more').click();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="import-history-row"]').length > n,
      before,
      { timeout: 30_000 },
    );
  }
}
