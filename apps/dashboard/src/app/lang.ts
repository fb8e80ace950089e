// The page language: `lang` in the query string wins, then the last choice (localStorage),
// then Chinese. These helpers are pure; the hook that uses them is in useLangState.ts.
import type { Lang } from '@cw/domain';

export const DEFAULT_LANG: Lang = 'zh';
const LANG_STORAGE_KEY = 'cw.lang';

/** The language a query string names, or null (`?lang=en` → 'en'). */
export function langFromSearch(search: string): Lang | null {
  const value = new URLSearchParams(search).get('lang');
  return value === 'zh' || value === 'en' ? value : null;
}

/**
 * The query string (with `?`, or '' when empty) with `lang` set to `lang`, or removed when
 * `lang` is null. Other parameters are kept byte for byte (their order and encoding).
 */
export function withLangParam(search: string, lang: Lang | null): string {
  const parts = search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && p !== 'lang' && !p.startsWith('lang='));
  if (lang) parts.push(`lang=${lang}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** A link target that carries the language when the current URL names one. */
export function linkWithLang(to: string, lang: Lang | null): string {
  if (!lang) return to;
  const hashAt = to.indexOf('#');
  const hash = hashAt >= 0 ? to.slice(hashAt) : '';
  const rest = hashAt >= 0 ? to.slice(0, hashAt) : to;
  const queryAt = rest.indexOf('?');
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const search = queryAt >= 0 ? rest.slice(queryAt) : '';
  return `${path}${withLangParam(search, lang)}${hash}`;
}

export function readStoredLang(): Lang | null {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return value === 'zh' || value === 'en' ? value : null;
  } catch {
    return null; // storage disabled
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage disabled: the URL still carries the language
  }
}
