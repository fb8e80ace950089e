import { useEffect } from 'react';
import { DatasetSummary, SyntheticBanner } from '../features/trends/components/DatasetStatus';
import { TrendsPage } from '../features/trends/components/TrendsPage';
import { useFilters } from '../features/trends/hooks/useFilters';
import { localeOf, translate } from './i18n';
import { I18nProvider, useI18n } from './I18nProvider';

function Header({ onToggleLang }: { onToggleLang: () => void }) {
  const { t, lang } = useI18n();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <div className="brand">
          <h1 className="app-title">{t('appTitle')}</h1>
          <p className="app-tagline">{t('appTagline')}</p>
        </div>
        <div className="header-side">
          <DatasetSummary />
          <button
            type="button"
            className="lang-switch"
            data-testid="lang-switch"
            lang={localeOf(other)}
            aria-label={t('langSwitchLabel')}
            onClick={onToggleLang}
          >
            {t('langSwitch')}
          </button>
        </div>
      </div>
    </header>
  );
}

export function App() {
  const filters = useFilters();
  const { lang, setLang } = filters;

  useEffect(() => {
    document.documentElement.lang = localeOf(lang);
    document.title = translate(lang, 'appTitle');
  }, [lang]);

  return (
    <I18nProvider lang={lang}>
      <div className="app">
        <Header onToggleLang={() => setLang(lang === 'zh' ? 'en' : 'zh')} />
        <SyntheticBanner />
        <main className="app-main">
          <TrendsPage filters={filters} />
        </main>
      </div>
    </I18nProvider>
  );
}
