import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it('follows a path on this site, with its query and hash', () => {
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath('/admin/users')).toBe('/admin/users');
    expect(safeNextPath('/?institutionIds=3,17&lang=en')).toBe('/?institutionIds=3,17&lang=en');
    expect(safeNextPath('/admin/audit?action=login#x')).toBe('/admin/audit?action=login#x');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['absolute URL', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/'],
    ['backslash trick', '/\\evil.example'],
    ['tab the parser strips', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['relative path', 'admin/users'],
    ['the sign-in page itself', '/login?next=/'],
  ])('refuses %s', (_, next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('uses the fallback given', () => {
    expect(safeNextPath('//evil.example', '/home')).toBe('/home');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeNextPath('/../../admin/users')).toBe('/admin/users');
  });
});

describe('loginPath', () => {
  it('asks to come back to where the user was', () => {
    expect(loginPath('/admin/users')).toBe('/login?next=%2Fadmin%2Fusers');
    expect(loginPath('/?groupBy=PROVINCE&lang=en', 'en')).toBe(
      '/login?next=%2F%3FgroupBy%3DPROVINCE%26lang%3Den&lang=en',
    );
  });

  it('leaves out a next of / and an unsafe one', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('//evil.example', 'zh')).toBe('/login?lang=zh');
  });
});
