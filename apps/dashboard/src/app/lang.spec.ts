import { describe, expect, it } from 'vitest';
import { langFromSearch, linkWithLang, withLangParam } from './lang';

describe('langFromSearch', () => {
  it('reads zh or en and nothing else', () => {
    expect(langFromSearch('?lang=en')).toBe('en');
    expect(langFromSearch('from=2025-01-01&lang=zh')).toBe('zh');
    expect(langFromSearch('?lang=fr')).toBeNull();
    expect(langFromSearch('')).toBeNull();
  });
});

describe('withLangParam', () => {
  it('sets the language last and keeps the other parameters as written', () => {
    expect(withLangParam('?institutionIds=3,17&lang=zh&top=5', 'en')).toBe(
      '?institutionIds=3,17&top=5&lang=en',
    );
    expect(withLangParam('', 'en')).toBe('?lang=en');
    expect(withLangParam('?next=%2Fadmin%2Fusers', 'zh')).toBe('?next=%2Fadmin%2Fusers&lang=zh');
  });

  it('removes the language when given null', () => {
    expect(withLangParam('?lang=en', null)).toBe('');
    expect(withLangParam('?a=1&lang=en', null)).toBe('?a=1');
  });

  it('does not mistake a parameter that merely starts with "lang"', () => {
    expect(withLangParam('?language=x', 'en')).toBe('?language=x&lang=en');
  });
});

describe('linkWithLang', () => {
  it('adds the language to a path, before any hash', () => {
    expect(linkWithLang('/admin/users', 'en')).toBe('/admin/users?lang=en');
    expect(linkWithLang('/admin/audit?action=login#top', 'en')).toBe(
      '/admin/audit?action=login&lang=en#top',
    );
  });

  it('leaves the path alone when the URL names no language', () => {
    expect(linkWithLang('/', null)).toBe('/');
  });
});
