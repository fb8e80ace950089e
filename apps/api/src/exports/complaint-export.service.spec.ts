import { describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { AppError } from '../graphql/app-error.js';
import { ComplaintExportService, XLSX_MAX_ROWS } from './complaint-export.service.js';

describe('export size limits', () => {
  const service = new ComplaintExportService({} as DataSource);

  it('refuses an XLSX larger than a worksheet holds, before anything is written', () => {
    expect(() => service.checkSize('xlsx', XLSX_MAX_ROWS)).not.toThrow();
    let error: unknown;
    try {
      service.checkSize('xlsx', XLSX_MAX_ROWS + 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    expect((error as AppError).message).toContain('1048575');
  });

  it('has no row limit for CSV', () => {
    expect(() => service.checkSize('csv', 50_000_000)).not.toThrow();
  });
});
