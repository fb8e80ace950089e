import { describe, expect, it } from 'vitest';
import { detailsText } from './details';

describe('detailsText', () => {
  it('writes a JSON object as key: value pairs', () => {
    expect(detailsText('{"role":"ADMIN","provinceCodes":["330000"],"n":2,"ok":true}')).toBe(
      'role: ADMIN; provinceCodes: ["330000"]; n: 2; ok: true',
    );
    expect(detailsText('{"reason":null}')).toBe('reason: —');
  });

  it('keeps text that is not a JSON object', () => {
    expect(detailsText('not json')).toBe('not json');
    expect(detailsText('"quoted"')).toBe('quoted');
    expect(detailsText('[1,2]')).toBe('[1,2]');
  });

  it('is empty for no details', () => {
    expect(detailsText(null)).toBe('');
    expect(detailsText('  ')).toBe('');
  });
});
