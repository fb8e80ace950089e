import { describe, expect, it } from 'vitest';
import { canEnterData, isRole, roleLabel, ROLES, scopeKind } from './roles';

describe('roleLabel', () => {
  it('names every role in both languages', () => {
    expect(ROLES.map((r) => roleLabel(r, 'zh'))).toEqual([
      '管理员',
      '全国分析员',
      '省级分析员',
      '机构合规专员',
      '录入员',
    ]);
    expect(ROLES.map((r) => roleLabel(r, 'en'))).toEqual([
      'Administrator',
      'National analyst',
      'Provincial analyst',
      'Institution officer',
      'Operator',
    ]);
  });

  it('shows a role it does not know as its code', () => {
    expect(roleLabel('AUDITOR', 'zh')).toBe('AUDITOR');
    expect(isRole('AUDITOR')).toBe(false);
    expect(isRole('ADMIN')).toBe(true);
  });
});

describe('scopeKind', () => {
  it('limits provincial analysts by province and officers by institution', () => {
    expect(scopeKind('PROVINCIAL_ANALYST')).toBe('PROVINCES');
    expect(scopeKind('INSTITUTION_OFFICER')).toBe('INSTITUTIONS');
    expect(scopeKind('ADMIN')).toBe('ALL');
    expect(scopeKind('NATIONAL_ANALYST')).toBe('ALL');
    expect(scopeKind('OPERATOR')).toBe('NONE');
  });
});

describe('canEnterData', () => {
  it('lets administrators and operators enter and import complaints, no one else', () => {
    expect(ROLES.filter(canEnterData)).toEqual(['ADMIN', 'OPERATOR']);
    expect(canEnterData('AUDITOR')).toBe(false);
  });
});
