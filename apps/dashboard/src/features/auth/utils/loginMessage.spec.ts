import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../app/errors';
import { loginErrorMessage, waitText } from './loginMessage';

const err = (code: string | null, retryAfterSeconds: number | null = null): ApiError => ({
  code,
  field: null,
  message: 'x',
  retryAfterSeconds,
});

describe('waitText', () => {
  it('counts seconds under two minutes, then whole minutes rounded up', () => {
    expect(waitText(1, 'en')).toBe('1 second');
    expect(waitText(45, 'en')).toBe('45 seconds');
    expect(waitText(45, 'zh')).toBe('45 秒');
    expect(waitText(119, 'zh')).toBe('119 秒');
    expect(waitText(121, 'zh')).toBe('3 分钟');
    expect(waitText(900, 'en')).toBe('15 minutes');
  });

  it('never says zero', () => {
    expect(waitText(0, 'en')).toBe('1 second');
  });
});

describe('loginErrorMessage', () => {
  it('gives one message for a wrong email or password', () => {
    expect(loginErrorMessage(err('UNAUTHENTICATED'), 'zh')).toBe('邮箱或密码不正确。');
    expect(loginErrorMessage(err('UNAUTHENTICATED'), 'en')).toBe(
      'The email or password is incorrect.',
    );
  });

  it('says how long to wait when rate limited', () => {
    expect(loginErrorMessage(err('TOO_MANY_REQUESTS', 300), 'zh')).toBe(
      '登录尝试次数过多，请在 5 分钟后重试。',
    );
    expect(loginErrorMessage(err('TOO_MANY_REQUESTS', 30), 'en')).toBe(
      'Too many sign-in attempts. Try again in 30 seconds.',
    );
    expect(loginErrorMessage(err('TOO_MANY_REQUESTS'), 'en')).toBe(
      'Too many sign-in attempts. Try again later.',
    );
  });

  it('blames the connection when the API said nothing', () => {
    expect(loginErrorMessage(null, 'en')).toMatch(/server did not respond/);
  });
});
