import { describe, expect, it } from 'vitest';
import { analyzeNarrative } from './index.js';

describe('analyzeNarrative', () => {
  it('classifies the raw text and returns it redacted', () => {
    const result = analyzeNarrative(
      '催收员用13812345678每天打几十个电话，还打给我妈说我欠钱不还，我妈的手机是13912345678。',
    );
    expect(result.categories).toEqual(['THIRD_PARTY', 'EXCESSIVE_CONTACT', 'PRIVACY_DISCLOSURE']);
    expect(result.channels).toEqual(['PHONE_CALL']);
    expect(result.redacted).toBe(
      '催收员用[手机号]每天打几十个电话，还打给我妈说我欠钱不还，我妈的手机是[手机号]。',
    );
  });
  it('works on English narratives', () => {
    const result = analyzeNarrative(
      'They called my boss at 555-123-4567 at 11 pm and gave him my SSN 123-45-6789.',
    );
    expect(result.categories).toEqual(['THIRD_PARTY', 'OFF_HOURS']);
    expect(result.redacted).toBe(
      'They called my boss at [PHONE] at 11 pm and gave him my SSN [SSN].',
    );
  });
  it('passes text without personal data through', () => {
    expect(analyzeNarrative('没有任何问题')).toEqual({
      categories: [],
      channels: [],
      redacted: '没有任何问题',
    });
  });
});
