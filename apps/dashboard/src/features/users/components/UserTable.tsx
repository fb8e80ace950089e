// Every account, one row each (data-testid="user-row", data-email), with an editor or a
// disable confirmation opening in a row of its own below the user's.
import { Fragment, useState } from 'react';
import type { ApiError } from '../../../app/errors';
import { useI18n } from '../../../app/I18nProvider';
import { roleLabel } from '../../auth/utils/roles';
import { scopeCell } from '../../auth/utils/scope';
import { formatDateTime } from '../../trends/utils/format';
import type { UserData } from '../graphql/users';
import { formErrorFromApi, type UserDraft } from '../utils/userForm';
import { UserForm, type SubmitResult } from './UserForm';

export type Opened = { id: string; mode: 'edit' | 'disable' } | null;

interface Props {
  users: readonly UserData[];
  selfId: string;
  institutionName: (id: string) => string;
  opened: Opened;
  onOpen: (opened: Opened) => void;
  busy: boolean;
  onUpdate: (user: UserData, draft: UserDraft) => Promise<SubmitResult>;
  onDisable: (user: UserData) => Promise<SubmitResult>;
}

const COLUMNS = 7;

function DisableConfirm({
  user,
  busy,
  onConfirm,
  onCancel,
}: {
  user: UserData;
  busy: boolean;
  onConfirm: () => Promise<SubmitResult>;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [failure, setFailure] = useState<{ error: ApiError | null } | null>(null);
  return (
    <div className="confirm-panel" role="group" aria-label={t('disable')}>
      <p className="confirm-text">{t('confirmDisable', { email: user.email })}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          data-testid="confirm-disable-user"
          disabled={busy}
          onClick={() => {
            void onConfirm().then((r) => setFailure(r.ok ? null : { error: r.error }));
          }}
        >
          {busy ? t('disabling') : t('confirmDisableButton')}
        </button>
        {/* Focus lands on the safe choice. */}
        <button type="button" className="button" autoFocus onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {failure && (
        <p className="field-error" role="alert" data-testid="user-form-error" data-field="form">
          {formErrorFromApi(failure.error, lang).message}
        </p>
      )}
    </div>
  );
}

export function UserTable({
  users,
  selfId,
  institutionName,
  opened,
  onOpen,
  busy,
  onUpdate,
  onDisable,
}: Props) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap users-table-wrap">
      <table className="data-table users-table">
        <thead>
          <tr>
            <th scope="col">{t('col.email')}</th>
            <th scope="col">{t('col.role')}</th>
            <th scope="col">{t('col.scope')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.created')}</th>
            <th scope="col">{t('col.lastLogin')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const self = u.id === selfId;
            const open = opened?.id === u.id ? opened.mode : null;
            const scope = scopeCell(u, lang, institutionName);
            return (
              <Fragment key={u.id}>
                <tr
                  data-testid="user-row"
                  data-email={u.email}
                  data-disabled={u.disabled}
                  className={u.disabled ? 'is-disabled' : undefined}
                >
                  <th scope="row" className="cell-email">
                    {u.email}
                    {self && <span className="self-tag">{t('you')}</span>}
                  </th>
                  <td>{roleLabel(u.role, lang)}</td>
                  <td className="cell-scope" title={scope}>
                    {scope}
                  </td>
                  <td>
                    <span className={u.disabled ? 'status status-off' : 'status status-on'}>
                      {u.disabled ? t('status.disabled') : t('status.active')}
                    </span>
                  </td>
                  <td>
                    <time dateTime={u.createdAt}>{formatDateTime(u.createdAt, lang, false)}</time>
                  </td>
                  <td>
                    {u.lastLoginAt ? (
                      <time dateTime={u.lastLoginAt}>
                        {formatDateTime(u.lastLoginAt, lang, false)}
                      </time>
                    ) : (
                      <span className="muted">{t('never')}</span>
                    )}
                  </td>
                  <td>
                    <div className="cell-actions">
                      <button
                        type="button"
                        className="button button-small"
                        data-testid="edit-user"
                        aria-expanded={open === 'edit'}
                        onClick={() => onOpen(open === 'edit' ? null : { id: u.id, mode: 'edit' })}
                      >
                        {t('edit')}
                      </button>
                      {!u.disabled && (
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          data-testid="disable-user"
                          disabled={self}
                          title={self ? t('cannotDisableSelf') : undefined}
                          aria-expanded={open === 'disable'}
                          onClick={() =>
                            onOpen(open === 'disable' ? null : { id: u.id, mode: 'disable' })
                          }
                        >
                          {t('disable')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
                {open && (
                  <tr className="row-panel">
                    <td colSpan={COLUMNS}>
                      {open === 'edit' ? (
                        <UserForm
                          mode="edit"
                          title={t('editUserTitle', { email: u.email })}
                          initial={{
                            email: u.email,
                            password: '',
                            role: u.role as UserDraft['role'],
                            provinceCodes: u.provinceCodes,
                            institutionIds: u.institutionIds,
                          }}
                          busy={busy}
                          onSubmit={(draft) => onUpdate(u, draft)}
                          onCancel={() => onOpen(null)}
                        />
                      ) : (
                        <DisableConfirm
                          user={u}
                          busy={busy}
                          onConfirm={() => onDisable(u)}
                          onCancel={() => onOpen(null)}
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
