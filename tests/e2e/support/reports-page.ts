// The Reports page: the report's preview and download links, the complaints export and the
// list of background exports.
import type { Download, Locator, Page } from 'playwright-core';

export class ReportsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/reports${query ? `?${query}` : ''}`);
    await this.previewReady();
  }

  async previewReady(): Promise<void> {
    await this.page.locator('[data-testid="report-preview"][data-state="ready"]').waitFor();
  }

  period(): Promise<string> {
    return this.page.getByTestId('report-period').innerText();
  }

  /** The preview's rows of one report table (e.g. "provinces"), cell texts. */
  async tableRows(id: string): Promise<string[][]> {
    return this.page
      .getByTestId(`report-table-${id}`)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
      );
  }

  downloadLink(format: 'pdf' | 'xlsx' | 'csv'): Promise<string | null> {
    return this.page.getByTestId(`report-download-${format}`).getAttribute('href');
  }

  async chooseReportLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.page.getByTestId('report-lang').selectOption(lang);
    await this.previewReady();
  }

  /** Starts the complaints export; resolves with the download when the file comes at once. */
  async exportComplaints(format: 'csv' | 'xlsx'): Promise<Download> {
    await this.page.getByTestId('export-format').selectOption(format);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-complaints').click(),
    ]);
    return download;
  }

  async startLargeExport(): Promise<void> {
    await this.page.getByTestId('export-complaints').click();
  }

  exportStatus(): Locator {
    return this.page.getByTestId('export-status');
  }

  /** Waits until the newest background export is done, and returns its download link. */
  async finishedJobLink(): Promise<string> {
    const link = this.page
      .locator('[data-testid="export-job"][data-status="DONE"]')
      .first()
      .getByTestId('export-job-download');
    await link.waitFor({ timeout: 60_000 });
    return (await link.getAttribute('href')) ?? '';
  }
}
