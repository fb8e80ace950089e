// Where to send the browser around signing in. `next` comes from the query string, so anyone
// can write it: only a path on this site is followed, never another origin (open redirect).

const BASE = 'https://dashboard.invalid';

/** True for characters the URL parser strips or rewrites (controls, whitespace, backslash). */
function hasUnsafeChar(value: string): boolean {
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (c <= 0x20 || c === 0x7f || ch === '\\') return true;
  }
  return false;
}

/**
 * `next` when it is a same-origin path (`/…`, not `//…`), else `fallback`. The sign-in page
 * itself is refused too, so that signing in cannot land back on the form.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || hasUnsafeChar(next)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname === '/login') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, asked to come back to `from` (a path with its query) afterwards. */
export function loginPath(from: string, lang: 'zh' | 'en' | null = null): string {
  const params: string[] = [];
  const next = safeNextPath(from, '');
  if (next && next !== '/') params.push(`next=${encodeURIComponent(next)}`);
  if (lang) params.push(`lang=${lang}`);
  return params.length > 0 ? `/login?${params.join('&')}` : '/login';
}
