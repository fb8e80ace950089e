// The form for a new user and for editing one: role, the scope that role needs (provinces
// or institutions, with the trend page's pickers), password. A problem shows next to the
// field it concerns, whether found here or named by the API in `extensions.field`.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../app/errors';
import { useI18n } from '../../../app/I18nProvider';
import { ROLES, roleLabel, scopeKind, type Role } from '../../auth/utils/roles';
import { InstitutionFilter } from '../../trends/components/InstitutionFilter';
import { ProvinceFilter } from '../../trends/components/ProvinceFilter';
import {
  formErrorFromApi,
  validateDraft,
  type FormError,
  type UserDraft,
  type UserField,
} from '../utils/userForm';

export type SubmitResult = { ok: true } | { ok: false; error: ApiError | null };

interface Props {
  mode: 'create' | 'edit';
  initial: UserDraft;
  /** Heading of the form (edit: which user). */
  title: string;
  busy: boolean;
  onSubmit: (draft: UserDraft) => Promise<SubmitResult>;
  onCancel?: () => void;
}

/** Why the last submit did not go through: the form's own check, or the API's answer. */
type Failure = { client: true } | { api: ApiError | null };

export function UserForm({ mode, initial, title, busy, onSubmit, onCancel }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const prefix = mode === 'create' ? 'new-user' : 'edit-user';
  const [draft, setDraft] = useState<UserDraft>(initial);
  const [failure, setFailure] = useState<Failure | null>(null);

  // A check failed once: keep checking as the user types, so the message goes when fixed.
  // An API error stays until the next submit or a change to the field it names.
  const shown: FormError | null = !failure
    ? null
    : 'client' in failure
      ? validateDraft(draft, mode, lang)
      : formErrorFromApi(failure.api, lang);

  const change = (patch: Partial<UserDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (failure && 'api' in failure && shown?.field && shown.field in patch) setFailure(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (validateDraft(draft, mode, lang)) {
      setFailure({ client: true });
      return;
    }
    setFailure(null);
    const result = await onSubmit(draft);
    if (result.ok) {
      if (mode === 'create') setDraft(initial);
    } else {
      setFailure({ api: result.error });
    }
  };

  const errorId = `${id}-error`;
  const errorAt = (field: UserField | null): ReactNode =>
    shown && shown.field === field ? (
      <p
        id={errorId}
        className="field-error"
        role="alert"
        data-testid="user-form-error"
        data-field={field ?? 'form'}
      >
        {shown.message}
      </p>
    ) : null;
  const invalid = (field: UserField) =>
    shown?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  const kind = scopeKind(draft.role);

  return (
    <form
      className={`user-form user-form-${mode}`}
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={`${id}-title`} className="form-title">
        {title}
      </h3>
      <div className="user-form-grid">
        {mode === 'create' && (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-email`}>
              {t('email')}
            </label>
            <input
              id={`${id}-email`}
              className="text-input"
              data-testid={`${prefix}-email`}
              type="email"
              inputMode="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={draft.email}
              onChange={(e) => change({ email: e.target.value })}
              {...invalid('email')}
            />
            {errorAt('email')}
          </div>
        )}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-role`}>
            {t('role')}
          </label>
          <select
            id={`${id}-role`}
            data-testid={`${prefix}-role`}
            value={draft.role}
            autoFocus={mode === 'edit'}
            onChange={(e) => change({ role: e.target.value as Role })}
            {...invalid('role')}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, lang)}
              </option>
            ))}
          </select>
          {errorAt('role')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            {mode === 'create' ? t('password') : t('newPassword')}
          </label>
          <input
            id={`${id}-password`}
            className="text-input"
            data-testid={`${prefix}-password`}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            aria-describedby={`${id}-password-hint`}
            onChange={(e) => change({ password: e.target.value })}
            {...invalid('password')}
          />
          <p id={`${id}-password-hint`} className="field-hint">
            {mode === 'create' ? t('passwordRule') : t('newPasswordHint')}
          </p>
          {errorAt('password')}
        </div>
        {kind === 'PROVINCES' && (
          <div className="user-form-scope">
            <ProvinceFilter
              testId={`${prefix}-provinces`}
              closeOnPick
              codes={draft.provinceCodes}
              onChange={(provinceCodes) => change({ provinceCodes })}
            />
            {errorAt('provinceCodes')}
          </div>
        )}
        {kind === 'INSTITUTIONS' && (
          <div className="user-form-scope">
            <InstitutionFilter
              testId={`${prefix}-institutions`}
              closeOnPick
              ids={draft.institutionIds}
              onChange={(institutionIds) => change({ institutionIds })}
            />
            {errorAt('institutionIds')}
          </div>
        )}
      </div>
      {/* An API error about a field this form does not show (or about no field). */}
      {shown && (shown.field === null || !isShown(shown.field, mode, kind)) && (
        <p
          id={errorId}
          className="field-error form-error-line"
          role="alert"
          data-testid="user-form-error"
          data-field={shown.field ?? 'form'}
        >
          {shown.message}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid={`${prefix}-submit`}
          disabled={busy}
        >
          {mode === 'create'
            ? busy
              ? t('creating')
              : t('createUser')
            : busy
              ? t('saving')
              : t('save')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function isShown(field: UserField, mode: 'create' | 'edit', kind: string): boolean {
  switch (field) {
    case 'email':
      return mode === 'create';
    case 'provinceCodes':
      return kind === 'PROVINCES';
    case 'institutionIds':
      return kind === 'INSTITUTIONS';
    default:
      return true;
  }
}
