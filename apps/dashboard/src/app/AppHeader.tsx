import type { ReactNode } from 'react';
import { localeOf } from './i18n';
import { useI18n } from './I18nProvider';

/** The language switch: a history entry, remembered for the next visit. */
export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      lang={localeOf(other)}
      aria-label={t('langSwitchLabel')}
      onClick={() => setLang(other)}
    >
      {t('langSwitch')}
    </button>
  );
}

/** The product name, whatever `children` the page adds (the signed-in user), the switch. */
export function AppHeader({ children, below }: { children?: ReactNode; below?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <div className="brand">
          <h1 className="app-title">{t('appTitle')}</h1>
          <p className="app-tagline">{t('appTagline')}</p>
        </div>
        <div className="header-side">
          {children}
          <LangSwitch />
        </div>
      </div>
      {below}
    </header>
  );
}
