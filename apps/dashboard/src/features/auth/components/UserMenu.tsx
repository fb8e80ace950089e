// The signed-in user in the header: email, role, scope (范围：浙江、江苏), and sign-out.
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/I18nProvider';
import { INSTITUTIONS_BY_IDS } from '../../trends/graphql/institutionsByIds';
import { LOGOUT } from '../graphql/logout';
import { useSession } from '../hooks/useSession';
import { loginPath } from '../utils/redirect';
import { roleLabel, scopeKind } from '../utils/roles';
import { scopeSummary } from '../utils/scope';

export function UserMenu() {
  const { t, lang, urlLang } = useI18n();
  const user = useSession();
  const navigate = useNavigate();
  const [logout] = useMutation(LOGOUT);
  const [leaving, setLeaving] = useState(false);

  const needsNames = scopeKind(user.role) === 'INSTITUTIONS' && user.institutionIds.length > 0;
  const { data } = useQuery(INSTITUTIONS_BY_IDS, {
    variables: { ids: user.institutionIds },
    skip: !needsNames,
  });
  const names = new Map(data?.institutionsByIds.map((i) => [i.id, i.name]));
  const scope = scopeSummary(user, lang, (id) => names.get(id) ?? t('unknownInstitution', { id }));

  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // The session may already be over; either way this browser is done with it.
    }
    // The sign-in page empties the Apollo cache when it opens.
    navigate(loginPath('/', urlLang), { replace: true });
  };

  return (
    <div className="user-menu">
      <div className="user-id">
        <span className="visually-hidden">{t('signedInAs')}</span>
        <span className="user-email" data-testid="user-email">
          {user.email}
        </span>
        <span className="user-meta">
          <span className="user-role" data-testid="user-role">
            {roleLabel(user.role, lang)}
          </span>
          {scope && (
            <span className="user-scope" data-testid="user-scope" title={scope}>
              {scope}
            </span>
          )}
        </span>
      </div>
      <button
        type="button"
        className="header-button"
        data-testid="logout"
        disabled={leaving}
        onClick={() => void signOut()}
      >
        {t('logout')}
      </button>
    </div>
  );
}
