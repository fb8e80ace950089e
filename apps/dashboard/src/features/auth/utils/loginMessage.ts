// What the sign-in form says when signing in fails.
import type { Lang } from '@cw/domain';
import type { ApiError } from '../../../app/errors';
import { translate } from '../../../app/i18n';

/** A wait as people say it: 45 秒 / 45 seconds under two minutes, else whole minutes (up). */
export function waitText(seconds: number, lang: Lang): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return translate(lang, s === 1 ? 'wait.second' : 'wait.seconds', { n: s });
  const m = Math.ceil(s / 60);
  return translate(lang, 'wait.minutes', { n: m });
}

/**
 * The message for a failed sign-in: wrong email or password (one message for both, as the
 * API gives), too many attempts (with the wait when the API says it), or no answer.
 */
export function loginErrorMessage(error: ApiError | null, lang: Lang): string {
  switch (error?.code) {
    case 'UNAUTHENTICATED':
    case 'BAD_USER_INPUT':
      return translate(lang, 'loginWrong');
    case 'TOO_MANY_REQUESTS':
      return error.retryAfterSeconds
        ? translate(lang, 'loginTooMany', { wait: waitText(error.retryAfterSeconds, lang) })
        : translate(lang, 'loginTooManyNoTime');
    default:
      return translate(lang, 'loginFailed');
  }
}
