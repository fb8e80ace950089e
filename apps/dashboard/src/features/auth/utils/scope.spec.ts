import { describe, expect, it } from 'vitest';
import { joinNames, scopeCell, scopeSummary, type ScopedUser } from './scope';

const names: Record<string, string> = { '7': '青岚互联网银行', '9': '星河消费金融' };
const institutionName = (id: string) => names[id] ?? `#${id}`;

const provincial: ScopedUser = {
  role: 'PROVINCIAL_ANALYST',
  provinceCodes: ['330000', '320000'],
  institutionIds: [],
};
const officer: ScopedUser = {
  role: 'INSTITUTION_OFFICER',
  provinceCodes: [],
  institutionIds: ['7', '9'],
};
const national: ScopedUser = { role: 'NATIONAL_ANALYST', provinceCodes: [], institutionIds: [] };

describe('scopeSummary', () => {
  it('lists a provincial analyst’s provinces by short name', () => {
    expect(scopeSummary(provincial, 'zh', institutionName)).toBe('范围：浙江、江苏');
    expect(scopeSummary(provincial, 'en', institutionName)).toBe('Scope: Zhejiang, Jiangsu');
  });

  it('lists an institution officer’s institutions by name', () => {
    expect(scopeSummary(officer, 'zh', institutionName)).toBe('范围：青岚互联网银行、星河消费金融');
  });

  it('says nothing for a user who sees everything', () => {
    expect(scopeSummary(national, 'zh', institutionName)).toBeNull();
    expect(scopeSummary({ ...national, role: 'ADMIN' }, 'en', institutionName)).toBeNull();
  });

  it('shortens a long list', () => {
    const many = {
      ...provincial,
      provinceCodes: ['110000', '120000', '130000', '140000', '150000'],
    };
    expect(scopeSummary(many, 'zh', institutionName, 3)).toBe('范围：北京、天津、河北等 5 项');
    expect(scopeSummary(many, 'en', institutionName, 3)).toBe(
      'Scope: Beijing, Tianjin, Hebei and 2 more',
    );
  });
});

describe('joinNames', () => {
  it('joins with the language’s separator', () => {
    expect(joinNames(['a', 'b'], 'zh')).toBe('a、b');
    expect(joinNames(['a', 'b'], 'en')).toBe('a, b');
    expect(joinNames([], 'en')).toBe('');
  });
});

describe('scopeCell', () => {
  it('says nationwide for roles without limits and — for a role with no data scope', () => {
    expect(scopeCell(national, 'zh', institutionName)).toBe('全国');
    expect(scopeCell(national, 'en', institutionName)).toBe('Nationwide');
    expect(scopeCell({ ...national, role: 'OPERATOR' }, 'zh', institutionName)).toBe('—');
    expect(scopeCell(provincial, 'en', institutionName)).toBe('Zhejiang, Jiangsu');
  });
});
