import { describe, expect, it } from 'vitest';
import {
  importUrl,
  parseUploadResult,
  rejectedCsvUrl,
  uploadFailure,
  uploadFailureMessage,
  uploadHeaders,
} from './uploadRequest';

describe('the upload request', () => {
  it('names format and source in the query string', () => {
    expect(importUrl('cfpb', 'FILE_IMPORT')).toBe('/api/imports?format=cfpb&source=FILE_IMPORT');
  });

  it('sends the raw file with its name percent-encoded', () => {
    expect(uploadHeaders('12378 投诉 Q1.csv')).toEqual({
      'Content-Type': 'application/octet-stream',
      'X-Filename': '12378%20%E6%8A%95%E8%AF%89%20Q1.csv',
    });
  });

  it('links to the rejected rows of a run', () => {
    expect(rejectedCsvUrl('42')).toBe('/api/imports/42/rejected.csv');
  });
});

describe('parseUploadResult', () => {
  it('reads the 202 answer', () => {
    const body = JSON.stringify({
      id: 7,
      status: 'SUCCEEDED',
      read: 3,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      rejected: 1,
      errors: [{ rowNumber: 3, field: 'province', value: '火星', reason: 'unknown province' }],
      error: null,
    });
    expect(parseUploadResult(body)).toEqual({
      id: '7',
      status: 'SUCCEEDED',
      read: 3,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      rejected: 1,
      errors: [{ rowNumber: 3, field: 'province', value: '火星', reason: 'unknown province' }],
      error: null,
    });
  });

  it('takes missing counters as 0 and drops malformed row errors', () => {
    const result = parseUploadResult(
      JSON.stringify({ id: 'r1', status: 'RUNNING', errors: [{ field: 'x' }, null], error: '' }),
    );
    expect(result).toMatchObject({
      id: 'r1',
      status: 'RUNNING',
      read: 0,
      rejected: 0,
      error: null,
    });
    expect(result?.errors).toEqual([]);
  });

  it('refuses what is not a run', () => {
    expect(parseUploadResult('<html>')).toBeNull();
    expect(parseUploadResult('{"status":"RUNNING"}')).toBeNull();
    expect(parseUploadResult('[]')).toBeNull();
  });
});

describe('uploadFailure', () => {
  const gqlBody = (message: string, code: string, more: Record<string, unknown> = {}) =>
    JSON.stringify({ errors: [{ message, extensions: { code, ...more } }] });

  it('says a file was too large, with the limit when the API gives it', () => {
    expect(uploadFailure(413, gqlBody('File too large', 'PAYLOAD_TOO_LARGE'))).toEqual({
      kind: 'tooLarge',
      maxBytes: null,
    });
    expect(uploadFailure(413, '')).toEqual({ kind: 'tooLarge', maxBytes: null });
    expect(
      uploadFailure(413, gqlBody('File too large', 'PAYLOAD_TOO_LARGE', { maxBytes: 1048576 })),
    ).toEqual({ kind: 'tooLarge', maxBytes: 1048576 });
  });

  it('passes a refusal of format or source on with the API’s message', () => {
    expect(uploadFailure(400, gqlBody('Unknown format "xml"', 'BAD_USER_INPUT'))).toEqual({
      kind: 'badRequest',
      code: 'BAD_USER_INPUT',
      message: 'Unknown format "xml"',
    });
    expect(uploadFailure(400, 'nope')).toEqual({
      kind: 'badRequest',
      code: null,
      message: 'HTTP 400',
    });
  });

  it('tells a lost session from a missing permission', () => {
    expect(uploadFailure(401, gqlBody('Sign in', 'UNAUTHENTICATED'))).toEqual({
      kind: 'unauthenticated',
    });
    expect(uploadFailure(403, '')).toEqual({ kind: 'forbidden' });
  });

  it('reports server errors and dropped connections', () => {
    expect(uploadFailure(502, '')).toEqual({ kind: 'server', status: 502 });
    expect(uploadFailure(0, '')).toEqual({ kind: 'network' });
  });
});

describe('uploadFailureMessage', () => {
  it('explains each failure in the page’s language', () => {
    expect(uploadFailureMessage({ kind: 'tooLarge', maxBytes: null }, 'zh')).toBe(
      '文件过大，服务器拒绝接收。请拆分后分批导入。',
    );
    expect(uploadFailureMessage({ kind: 'tooLarge', maxBytes: 100 * 1024 * 1024 }, 'en')).toBe(
      'The file is too large for the server (limit 100 MB). Split it and import the parts.',
    );
    expect(
      uploadFailureMessage({ kind: 'badRequest', code: null, message: 'Unknown source' }, 'en'),
    ).toBe('The server refused the import: Unknown source');
    expect(uploadFailureMessage({ kind: 'server', status: 500 }, 'zh')).toContain('500');
  });

  it('leaves a lost session and a missing permission to the page', () => {
    expect(uploadFailureMessage({ kind: 'unauthenticated' }, 'zh')).toBeNull();
    expect(uploadFailureMessage({ kind: 'forbidden' }, 'en')).toBeNull();
  });
});
