// The user form's rules and its translation to and from the API: what is checked before
// sending, which input is sent for which role, and which field an API error belongs to.
import type { Lang } from '@cw/domain';
import type { ApiError } from '../../../app/errors';
import { translate } from '../../../app/i18n';
import { scopeKind, type Role } from '../../auth/utils/roles';
import type { CreateUserInput, UpdateUserInput } from '../graphql/users';

export const MIN_PASSWORD_LENGTH = 12;

export interface UserDraft {
  email: string;
  /** Required for a new user; for an edit, empty keeps the current password. */
  password: string;
  role: Role;
  provinceCodes: string[];
  institutionIds: string[];
}

export type UserField = 'email' | 'password' | 'role' | 'provinceCodes' | 'institutionIds';

export interface FormError {
  /** The field to show the message next to; null for the form as a whole. */
  field: UserField | null;
  message: string;
}

const FIELDS: readonly UserField[] = [
  'email',
  'password',
  'role',
  'provinceCodes',
  'institutionIds',
];

export const EMPTY_DRAFT: UserDraft = {
  email: '',
  password: '',
  role: 'NATIONAL_ANALYST',
  provinceCodes: [],
  institutionIds: [],
};

/** 'input.provinceCodes' (or 'input.provinceCodes[1]', 'email') → 'provinceCodes'. */
export function fieldOf(apiField: string | null): UserField | null {
  if (!apiField) return null;
  const name = apiField.replace(/^input\./, '').split(/[.[]/)[0];
  return FIELDS.find((f) => f === name) ?? null;
}

/** The first problem the API would also refuse, found before sending; null when none. */
export function validateDraft(
  draft: UserDraft,
  mode: 'create' | 'edit',
  lang: Lang,
): FormError | null {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  if (mode === 'create') {
    const email = draft.email.trim();
    if (email === '') return { field: 'email', message: t('err.emailRequired') };
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { field: 'email', message: t('err.emailInvalid') };
  }
  if ((mode === 'create' || draft.password !== '') && draft.password.length < MIN_PASSWORD_LENGTH) {
    return { field: 'password', message: t('err.passwordShort') };
  }
  const kind = scopeKind(draft.role);
  if (kind === 'PROVINCES' && draft.provinceCodes.length === 0) {
    return { field: 'provinceCodes', message: t('err.provincesRequired') };
  }
  if (kind === 'INSTITUTIONS' && draft.institutionIds.length === 0) {
    return { field: 'institutionIds', message: t('err.institutionsRequired') };
  }
  return null;
}

/** The create input: only the scope list the role uses. */
export function toCreateInput(draft: UserDraft): CreateUserInput {
  const kind = scopeKind(draft.role);
  return {
    email: draft.email.trim(),
    password: draft.password,
    role: draft.role,
    ...(kind === 'PROVINCES' ? { provinceCodes: draft.provinceCodes } : {}),
    ...(kind === 'INSTITUTIONS' ? { institutionIds: draft.institutionIds } : {}),
  };
}

/** The update input: role and both scope lists (the one the role does not use emptied). */
export function toUpdateInput(draft: UserDraft): UpdateUserInput {
  const kind = scopeKind(draft.role);
  return {
    role: draft.role,
    provinceCodes: kind === 'PROVINCES' ? draft.provinceCodes : [],
    institutionIds: kind === 'INSTITUTIONS' ? draft.institutionIds : [],
    ...(draft.password !== '' ? { password: draft.password } : {}),
  };
}

/**
 * An API error as a message next to the field it names (or for the whole form). The
 * API's messages are English; the ones it is known to give are said in the page's
 * language, anything else is shown as the API wrote it.
 */
export function formErrorFromApi(error: ApiError | null, lang: Lang): FormError {
  if (!error) return { field: null, message: translate(lang, 'err.network') };
  if (error.code === 'FORBIDDEN') return { field: null, message: translate(lang, 'err.forbidden') };
  const field = fieldOf(error.field);
  const text = error.message;
  const say = (key: Parameters<typeof translate>[1]): FormError => ({
    field,
    message: translate(lang, key),
  });
  switch (field) {
    case 'email':
      return /taken|exist|already|in use|duplicate|unique/i.test(text)
        ? say('err.emailTaken')
        : say('err.emailInvalid');
    case 'password':
      return /at most|too long/i.test(text) ? say('err.passwordLong') : say('err.passwordShort');
    case 'role':
      return /yourself/i.test(text) ? say('err.ownAdminRole') : serverSays(field, text, lang);
    case 'provinceCodes':
      return /needs at least|required|empty/i.test(text)
        ? say('err.provincesRequired')
        : serverSays(field, text, lang);
    case 'institutionIds':
      return /needs at least|required|empty/i.test(text)
        ? say('err.institutionsRequired')
        : serverSays(field, text, lang);
    default:
      return serverSays(field, text, lang);
  }
}

function serverSays(field: UserField | null, message: string, lang: Lang): FormError {
  return { field, message: translate(lang, 'err.server', { message }) };
}
