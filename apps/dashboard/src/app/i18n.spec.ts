import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from './i18n';

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh', 'remove', { label: '广东省' })).toBe('移除 广东省');
    expect(translate('en', 'topNote', { n: 8 })).toContain('The 8 largest');
  });

  it('leaves unknown placeholders visible rather than inventing text', () => {
    expect(translate('en', 'remove')).toBe('Remove {label}');
  });

  it('has every string in both languages, none empty', () => {
    const zhKeys = Object.keys(MESSAGES.zh).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(zhKeys);
    for (const lang of ['zh', 'en'] as const) {
      for (const value of Object.values(MESSAGES[lang])) expect(value.trim()).not.toBe('');
    }
  });
});
