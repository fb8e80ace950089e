// What part of the data a user may see, as text: 范围：浙江、江苏 / Scope: Zhejiang, Jiangsu.
import { regionName, type Lang } from '@cw/domain';
import { translate } from '../../../app/i18n';
import { scopeKind } from './roles';

export interface ScopedUser {
  role: string;
  provinceCodes: readonly string[];
  institutionIds: readonly string[];
}

/** A name for an institution id (the caller looks names up; it may not know them yet). */
export type InstitutionName = (id: string) => string;

/** The names of the provinces or institutions that limit the user; empty when none do. */
export function scopeNames(
  user: ScopedUser,
  lang: Lang,
  institutionName: InstitutionName,
): string[] {
  switch (scopeKind(user.role)) {
    case 'PROVINCES':
      return user.provinceCodes.map((code) => regionName(code, lang));
    case 'INSTITUTIONS':
      return user.institutionIds.map(institutionName);
    default:
      return [];
  }
}

/** 浙江、江苏 / Zhejiang, Jiangsu; past `max` names: 浙江、江苏等 5 项 / … and 3 more. */
export function joinNames(names: readonly string[], lang: Lang, max = Infinity): string {
  const sep = translate(lang, 'listSeparator');
  if (names.length <= max) return names.join(sep);
  return translate(lang, 'scopeMore', {
    list: names.slice(0, max).join(sep),
    n: lang === 'zh' ? names.length : names.length - max,
  });
}

/**
 * The header's scope line for a user limited to some provinces or institutions
 * (范围：浙江、江苏), or null for a user who sees everything.
 */
export function scopeSummary(
  user: ScopedUser,
  lang: Lang,
  institutionName: InstitutionName,
  max = 3,
): string | null {
  const names = scopeNames(user, lang, institutionName);
  return names.length > 0 ? translate(lang, 'scope', { list: joinNames(names, lang, max) }) : null;
}

/** The users table's scope cell: the names, 全国 / Nationwide, or — for a role with none. */
export function scopeCell(user: ScopedUser, lang: Lang, institutionName: InstitutionName): string {
  const kind = scopeKind(user.role);
  if (kind === 'ALL') return translate(lang, 'scopeAll');
  const names = scopeNames(user, lang, institutionName);
  return names.length > 0 ? joinNames(names, lang) : '—';
}
