// Users (ADMIN): the accounts, a form for a new one, editing role, scope and password,
// and disabling an account after a confirmation.
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { apiError, hasErrorCode } from '../../../app/errors';
import { useI18n } from '../../../app/I18nProvider';
import { PageSkeleton } from '../../../app/PageBoundary';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { NoPermission } from '../../auth/components/NoPermission';
import { useSession } from '../../auth/hooks/useSession';
import { INSTITUTIONS_BY_IDS } from '../../trends/graphql/institutionsByIds';
import { CREATE_USER } from '../graphql/createUser';
import { DISABLE_USER } from '../graphql/disableUser';
import { UPDATE_USER } from '../graphql/updateUser';
import { USERS, type UserData } from '../graphql/users';
import { EMPTY_DRAFT, toCreateInput, toUpdateInput, type UserDraft } from '../utils/userForm';
import { UserForm, type SubmitResult } from './UserForm';
import { UserTable, type Opened } from './UserTable';

type Notice = { key: 'userCreated' | 'userUpdated' | 'userDisabled'; email: string };

const failed = (e: unknown): SubmitResult => ({ ok: false, error: apiError(e) });

export default function UsersPage() {
  const { t, formatNumber } = useI18n();
  useDocumentTitle('usersTitle');
  const self = useSession();
  const { data, error, refetch } = useQuery(USERS);
  const [opened, setOpened] = useState<Opened>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const [createUser, created] = useMutation(CREATE_USER, {
    update(cache, { data: result }) {
      if (!result) return;
      cache.updateQuery({ query: USERS }, (current) =>
        current ? { users: [...current.users, result.createUser] } : current,
      );
    },
  });
  const [updateUser, updated] = useMutation(UPDATE_USER);
  const [disableUser, disabled] = useMutation(DISABLE_USER);

  const users = useMemo(() => data?.users ?? [], [data]);
  const institutionIds = useMemo(
    () => [...new Set(users.flatMap((u) => u.institutionIds))].sort(),
    [users],
  );
  const names = useQuery(INSTITUTIONS_BY_IDS, {
    variables: { ids: institutionIds },
    skip: institutionIds.length === 0,
  });
  const nameById = useMemo(
    () => new Map(names.data?.institutionsByIds.map((i) => [i.id, i.name])),
    [names.data],
  );
  const institutionName = (id: string) => nameById.get(id) ?? t('unknownInstitution', { id });

  if (error && hasErrorCode(error, 'FORBIDDEN')) return <NoPermission />;

  const create = async (draft: UserDraft): Promise<SubmitResult> => {
    try {
      await createUser({ variables: { input: toCreateInput(draft) } });
      setNotice({ key: 'userCreated', email: draft.email.trim() });
      return { ok: true };
    } catch (e) {
      return failed(e);
    }
  };

  const update = async (user: UserData, draft: UserDraft): Promise<SubmitResult> => {
    try {
      await updateUser({ variables: { id: user.id, input: toUpdateInput(draft) } });
      setOpened(null);
      setNotice({ key: 'userUpdated', email: user.email });
      return { ok: true };
    } catch (e) {
      return failed(e);
    }
  };

  const disable = async (user: UserData): Promise<SubmitResult> => {
    try {
      await disableUser({ variables: { id: user.id } });
      setOpened(null);
      setNotice({ key: 'userDisabled', email: user.email });
      return { ok: true };
    } catch (e) {
      return failed(e);
    }
  };

  return (
    <>
      <header className="page-head">
        <h2 className="page-title">{t('usersTitle')}</h2>
        {data && <p className="page-sub">{t('usersCount', { n: formatNumber(users.length) })}</p>}
      </header>
      <div className="notice-slot" role="status">
        {notice && (
          <p className="notice" data-testid="user-notice">
            {t(notice.key, { email: notice.email })}
          </p>
        )}
      </div>
      <section className="panel">
        <UserForm
          mode="create"
          title={t('newUserTitle')}
          initial={EMPTY_DRAFT}
          busy={created.loading}
          onSubmit={create}
        />
      </section>
      <section className="panel" aria-label={t('usersTitle')}>
        {data ? (
          <UserTable
            users={users}
            selfId={self.id}
            institutionName={institutionName}
            opened={opened}
            onOpen={(next) => {
              setOpened(next);
              setNotice(null);
            }}
            busy={updated.loading || disabled.loading}
            onUpdate={update}
            onDisable={disable}
          />
        ) : error ? (
          <div className="panel-message page-message" role="alert">
            <p className="panel-message-title">{t('usersLoadFailed')}</p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                refetch().catch(() => {
                  // the error shows again
                });
              }}
            >
              {t('retry')}
            </button>
          </div>
        ) : (
          <PageSkeleton />
        )}
      </section>
    </>
  );
}
