// The sign-in page: email and password, one message for wrong credentials, the wait when
// rate limited. The session comes back as an HttpOnly cookie; no token touches this script.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { AppHeader } from '../../../app/AppHeader';
import { apiError, type ApiError } from '../../../app/errors';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { LOGIN } from '../graphql/login';
import { ME } from '../graphql/me';
import { loginErrorMessage } from '../utils/loginMessage';
import { safeNextPath } from '../utils/redirect';

export default function LoginPage() {
  const { t, lang } = useI18n();
  useDocumentTitle('loginTitle');
  const id = useId();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, { loading }] = useMutation(LOGIN);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Kept as what went wrong, not as text, so that a language switch translates it too.
  const [failure, setFailure] = useState<{ missing: true } | { api: ApiError | null } | null>(null);
  /** While rate limited, the time (ms) when the button works again. */
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);

  // Whoever was signed in (signed out, or the session ran out), nothing they could see stays
  // in memory. Done here, once the signed-in pages have unmounted, so no query of theirs is
  // cut off mid-flight.
  useEffect(() => {
    void client.clearStore();
  }, [client]);

  useEffect(() => {
    if (blockedUntil === null) return;
    const timer = window.setTimeout(() => setBlockedUntil(null), blockedUntil - Date.now());
    return () => window.clearTimeout(timer);
  }, [blockedUntil]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading || blockedUntil !== null) return;
    if (email.trim() === '' || password === '') {
      setFailure({ missing: true });
      return;
    }
    setFailure(null);
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (!data) throw new Error('login returned no data');
      // The gate reads who is signed in from the cache: no second request.
      client.writeQuery({ query: ME, data: { me: data.login.user } });
      navigate(safeNextPath(params.get('next')), { replace: true });
    } catch (e) {
      const info = apiError(e);
      setFailure({ api: info });
      if (info?.code === 'TOO_MANY_REQUESTS' && info.retryAfterSeconds) {
        setBlockedUntil(Date.now() + info.retryAfterSeconds * 1000);
      }
    }
  };

  const error = !failure
    ? null
    : 'missing' in failure
      ? t('loginMissing')
      : loginErrorMessage(failure.api, lang);

  return (
    <div className="app">
      <AppHeader />
      <main className="login-main">
        <section className="login-card" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} className="login-title">
            {t('loginTitle')}
          </h2>
          <p className="login-intro">{t('loginIntro')}</p>
          <form className="login-form" method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-email`}>
                {t('email')}
              </label>
              <input
                id={`${id}-email`}
                className="text-input"
                data-testid="login-email"
                name="email"
                type="email"
                inputMode="email"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-password`}>
                {t('password')}
              </label>
              <input
                id={`${id}-password`}
                className="text-input"
                data-testid="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            {error && (
              <p className="form-error" role="alert" data-testid="login-error">
                {error}
              </p>
            )}
            <button
              type="submit"
              className="button button-primary button-block"
              data-testid="login-submit"
              disabled={loading || blockedUntil !== null}
            >
              {loading ? t('loginSubmitting') : t('loginSubmit')}
            </button>
          </form>
        </section>
      </main>
    </div>
  );
}
