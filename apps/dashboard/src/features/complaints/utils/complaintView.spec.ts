import { describe, expect, it } from 'vitest';
import { answerTime, categoryLabels, categoryRows, excerpt } from './complaintView';

describe('complaint view helpers', () => {
  it('cuts an excerpt at whole characters and folds white space', () => {
    expect(excerpt('催收  人员\n每天打电话', 6)).toBe('催收 人员…');
    expect(excerpt('短', 6)).toBe('短');
    expect(excerpt(null)).toBe('');
    expect(excerpt('😀😀😀', 2)).toBe('😀😀…');
  });

  it('labels categories and keeps declared apart from detected', () => {
    expect(categoryLabels(['THREAT', 'X'], 'en')).toEqual(['Threats and intimidation', 'X']);
    expect(categoryRows(['THREAT', 'VISIT'], ['THREAT', 'INSULT'], 'zh')).toEqual([
      { code: 'THREAT', label: '威胁恐吓', declared: true, detected: true },
      { code: 'INSULT', label: '辱骂侮辱', declared: false, detected: true },
      { code: 'VISIT', label: '上门催收', declared: true, detected: false },
    ]);
  });

  it('counts whole days to the answer against the 15 allowed', () => {
    expect(answerTime('2026-01-01T00:00:00Z', '2026-01-16T00:00:00Z')).toEqual({
      days: 15,
      timely: true,
    });
    expect(answerTime('2026-01-01T00:00:00Z', '2026-01-16T01:00:00Z')).toEqual({
      days: 15,
      timely: false,
    });
    expect(answerTime('2026-01-01T00:00:00Z', null)).toBeNull();
  });
});
