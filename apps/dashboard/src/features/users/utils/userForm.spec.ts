import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../app/errors';
import {
  EMPTY_DRAFT,
  fieldOf,
  formErrorFromApi,
  toCreateInput,
  toUpdateInput,
  validateDraft,
  type UserDraft,
} from './userForm';

const good: UserDraft = {
  ...EMPTY_DRAFT,
  email: ' analyst@example.gov.cn ',
  password: 'correct horse battery',
};

const badInput = (field: string | null, message: string): ApiError => ({
  code: 'BAD_USER_INPUT',
  field,
  message,
  retryAfterSeconds: null,
});

describe('validateDraft', () => {
  it('accepts a complete new user', () => {
    expect(validateDraft(good, 'create', 'en')).toBeNull();
  });

  it('asks for an email and a password of 12 characters', () => {
    expect(validateDraft({ ...good, email: '' }, 'create', 'en')?.field).toBe('email');
    expect(validateDraft({ ...good, email: 'nobody' }, 'create', 'en')?.field).toBe('email');
    expect(validateDraft({ ...good, password: '12345678901' }, 'create', 'zh')).toEqual({
      field: 'password',
      message: '密码至少需要 12 个字符。',
    });
    expect(validateDraft({ ...good, password: '123456789012' }, 'create', 'zh')).toBeNull();
  });

  it('lets an edit keep the password, but not shorten it', () => {
    expect(validateDraft({ ...good, password: '' }, 'edit', 'en')).toBeNull();
    expect(validateDraft({ ...good, password: 'short' }, 'edit', 'en')?.field).toBe('password');
  });

  it('needs provinces for a provincial analyst and institutions for an officer', () => {
    expect(validateDraft({ ...good, role: 'PROVINCIAL_ANALYST' }, 'create', 'en')?.field).toBe(
      'provinceCodes',
    );
    expect(validateDraft({ ...good, role: 'INSTITUTION_OFFICER' }, 'edit', 'en')?.field).toBe(
      'institutionIds',
    );
    expect(
      validateDraft(
        { ...good, role: 'PROVINCIAL_ANALYST', provinceCodes: ['330000'] },
        'create',
        'en',
      ),
    ).toBeNull();
  });
});

describe('toCreateInput / toUpdateInput', () => {
  const draft: UserDraft = {
    ...good,
    role: 'PROVINCIAL_ANALYST',
    provinceCodes: ['330000'],
    institutionIds: ['7'],
  };

  it('sends only the scope list the role uses when creating', () => {
    expect(toCreateInput(draft)).toEqual({
      email: 'analyst@example.gov.cn',
      password: 'correct horse battery',
      role: 'PROVINCIAL_ANALYST',
      provinceCodes: ['330000'],
    });
  });

  it('empties the unused scope list when updating, and keeps an empty password out', () => {
    expect(toUpdateInput({ ...draft, password: '' })).toEqual({
      role: 'PROVINCIAL_ANALYST',
      provinceCodes: ['330000'],
      institutionIds: [],
    });
    expect(toUpdateInput({ ...draft, role: 'NATIONAL_ANALYST' })).toEqual({
      role: 'NATIONAL_ANALYST',
      provinceCodes: [],
      institutionIds: [],
      password: 'correct horse battery',
    });
  });
});

describe('fieldOf', () => {
  it('maps the API field path to a form field', () => {
    expect(fieldOf('input.password')).toBe('password');
    expect(fieldOf('input.provinceCodes[2]')).toBe('provinceCodes');
    expect(fieldOf('email')).toBe('email');
    expect(fieldOf('input.unknown')).toBeNull();
    expect(fieldOf(null)).toBeNull();
  });
});

describe('formErrorFromApi', () => {
  // Messages as apps/api/src/auth/users.service.ts writes them.
  it('says the API’s known messages in the page’s language, next to their field', () => {
    expect(
      formErrorFromApi(badInput('input.email', 'input.email: is already taken'), 'en'),
    ).toEqual({ field: 'email', message: 'Another user already has this email.' });
    expect(
      formErrorFromApi(badInput('input.email', 'input.email: is not an e-mail address'), 'zh'),
    ).toEqual({ field: 'email', message: '邮箱地址格式不正确。' });
    expect(
      formErrorFromApi(
        badInput('input.password', 'input.password: must be at most 200 characters'),
        'en',
      ).message,
    ).toBe('The password is too long.');
    expect(
      formErrorFromApi(
        badInput('input.role', 'input.role: you cannot take the admin role from yourself'),
        'zh',
      ),
    ).toEqual({ field: 'role', message: '不能取消您自己的管理员角色。' });
    expect(
      formErrorFromApi(
        badInput(
          'input.provinceCodes',
          'input.provinceCodes: a provincial analyst needs at least one province',
        ),
        'en',
      ).message,
    ).toBe('A provincial analyst needs at least one province.');
  });

  it('keeps the API’s words for a message it does not know, still next to the field', () => {
    expect(
      formErrorFromApi(
        badInput('input.provinceCodes', 'input.provinceCodes: 999999 is not a province code'),
        'en',
      ),
    ).toEqual({
      field: 'provinceCodes',
      message: 'The change did not go through: input.provinceCodes: 999999 is not a province code',
    });
  });

  it('puts the message next to the field the API names', () => {
    expect(formErrorFromApi(badInput('input.email', 'Email already taken'), 'zh')).toEqual({
      field: 'email',
      message: '该邮箱已被其他用户使用。',
    });
    expect(formErrorFromApi(badInput('input.password', 'at least 12 characters'), 'en')).toEqual({
      field: 'password',
      message: 'The password needs at least 12 characters.',
    });
    expect(formErrorFromApi(badInput('input.institutionIds', 'required'), 'en').field).toBe(
      'institutionIds',
    );
  });

  it('shows the API’s own words when it names no field it knows', () => {
    expect(formErrorFromApi(badInput(null, 'You cannot disable yourself'), 'en')).toEqual({
      field: null,
      message: 'The change did not go through: You cannot disable yourself',
    });
  });

  it('explains a missing permission and a lost connection', () => {
    const forbidden: ApiError = { ...badInput(null, 'no'), code: 'FORBIDDEN' };
    expect(formErrorFromApi(forbidden, 'en').message).toBe('You are not allowed to do this.');
    expect(formErrorFromApi(null, 'zh').message).toBe('无法连接服务器，请重试。');
  });
});
