// Roles and the scope each gives: the one definition of who may see which complaints.
export const ROLES = [
  'ADMIN',
  'NATIONAL_ANALYST',
  'PROVINCIAL_ANALYST',
  'INSTITUTION_OFFICER',
  'OPERATOR',
] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user, as every request sees it. */
export interface Principal {
  id: number;
  email: string;
  role: Role;
  provinceCodes: string[];
  institutionIds: number[];
}

/** Which complaints a principal may read. */
export type Scope =
  | { kind: 'ALL' }
  | { kind: 'PROVINCES'; provinceCodes: string[] }
  | { kind: 'INSTITUTIONS'; institutionIds: number[] }
  | { kind: 'SUBMITTER'; userId: number };

export function scopeOf(p: Principal): Scope {
  switch (p.role) {
    case 'ADMIN':
    case 'NATIONAL_ANALYST':
      return { kind: 'ALL' };
    case 'PROVINCIAL_ANALYST':
      return { kind: 'PROVINCES', provinceCodes: p.provinceCodes };
    case 'INSTITUTION_OFFICER':
      return { kind: 'INSTITUTIONS', institutionIds: p.institutionIds };
    case 'OPERATOR':
      return { kind: 'SUBMITTER', userId: p.id };
  }
}

/** Roles that read complaint figures (each within its scope). */
export const READERS: readonly Role[] = ROLES;
