import { describe, expect, it } from 'vitest';
import { extensionOf, firstLine, guessFormat, needsHead } from './importFile';

const CFPB_HEADER =
  'Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID';

describe('extensionOf', () => {
  it('lower-cases the last extension and ignores folders and leading dots', () => {
    expect(extensionOf('Complaints.2026.CSV')).toBe('csv');
    expect(extensionOf('C:\\exports\\q1.xlsx')).toBe('xlsx');
    expect(extensionOf('.jsonl')).toBe('');
    expect(extensionOf('README')).toBe('');
  });
});

describe('firstLine', () => {
  it('drops a byte-order mark and stops at any line ending', () => {
    expect(firstLine('\uFEFFa,b\r\nc,d')).toBe('a,b');
    expect(firstLine('a,b\nc')).toBe('a,b');
    expect(firstLine('a,b\rc')).toBe('a,b');
    expect(firstLine('only')).toBe('only');
  });
});

describe('guessFormat', () => {
  it('takes .jsonl and .ndjson for JSON Lines, whatever the content', () => {
    expect(guessFormat('feed.jsonl')).toBe('jsonl');
    expect(guessFormat('FEED.NDJSON', CFPB_HEADER)).toBe('jsonl');
  });

  it('takes a CSV whose header names "Complaint ID" for a CFPB export', () => {
    expect(guessFormat('complaints.csv', `${CFPB_HEADER}\n2024-01-02,Debt collection`)).toBe(
      'cfpb',
    );
    expect(guessFormat('complaints.csv', `\uFEFF${CFPB_HEADER}\r\n`)).toBe('cfpb');
  });

  it('looks at the first line only', () => {
    expect(guessFormat('a.csv', 'external_id,received_at\nComplaint ID,x')).toBe('canonical');
  });

  it('falls back to canonical for other CSV, XLSX, unknown files and unread CSV', () => {
    expect(guessFormat('a.csv', 'external_id,received_at,institution,province')).toBe('canonical');
    expect(guessFormat('a.csv')).toBe('canonical');
    expect(guessFormat('a.xlsx')).toBe('canonical');
    expect(guessFormat('a.txt')).toBe('canonical');
  });

  it('reads the head of CSV files only', () => {
    expect(needsHead('a.CSV')).toBe(true);
    expect(needsHead('a.xlsx')).toBe(false);
    expect(needsHead('a.jsonl')).toBe(false);
  });
});
