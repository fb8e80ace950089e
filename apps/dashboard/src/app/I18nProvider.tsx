import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '@cw/domain';
import { localeOf, translate, type Translate } from './i18n';
import { linkWithLang } from './lang';

export interface I18n {
  lang: Lang;
  locale: string;
  t: Translate;
  /** Formats a count with the language's grouping (12,345 / 12,345). */
  formatNumber: (n: number) => string;
  /** Switches the language (a history entry, remembered for the next visit). */
  setLang: (lang: Lang) => void;
  /** The language the URL names, if any: links carry it so it survives navigation. */
  urlLang: Lang | null;
  /** A link target with the URL's `lang` carried over: href('/admin/users'). */
  href: (to: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

const ignore = () => undefined;

export function I18nProvider({
  lang,
  setLang = ignore,
  urlLang = null,
  children,
}: {
  lang: Lang;
  setLang?: (lang: Lang) => void;
  urlLang?: Lang | null;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(() => {
    const locale = localeOf(lang);
    const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return {
      lang,
      locale,
      t: (key, params) => translate(lang, key, params),
      formatNumber: (n) => nf.format(n),
      setLang,
      urlLang,
      href: (to) => linkWithLang(to, urlLang),
    };
  }, [lang, setLang, urlLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
