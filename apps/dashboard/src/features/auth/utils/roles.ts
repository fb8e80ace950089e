// The roles the API knows, their labels (from the i18n dictionary) and what limits each.
import type { Lang } from '@cw/domain';
import { translate } from '../../../app/i18n';

export const ROLES = [
  'ADMIN',
  'NATIONAL_ANALYST',
  'PROVINCIAL_ANALYST',
  'INSTITUTION_OFFICER',
  'OPERATOR',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Roles that enter complaints: the intake form and file imports. */
export const DATA_ENTRY_ROLES: readonly Role[] = ['ADMIN', 'OPERATOR'];

export function canEnterData(role: string): boolean {
  return (DATA_ENTRY_ROLES as readonly string[]).includes(role);
}

/** 管理员 / Administrator; an unknown role (a newer API) shows as its code. */
export function roleLabel(role: string, lang: Lang): string {
  return isRole(role) ? translate(lang, `role.${role}`) : role;
}

/** What a role's data access is limited by: provinces, institutions, or nothing (all). */
export type ScopeKind = 'PROVINCES' | 'INSTITUTIONS' | 'ALL' | 'NONE';

export function scopeKind(role: string): ScopeKind {
  switch (role) {
    case 'PROVINCIAL_ANALYST':
      return 'PROVINCES';
    case 'INSTITUTION_OFFICER':
      return 'INSTITUTIONS';
    case 'ADMIN':
    case 'NATIONAL_ANALYST':
      return 'ALL';
    default:
      // An operator enters complaints; the API does not describe a data scope for it.
      return 'NONE';
  }
}
