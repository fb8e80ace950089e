// The page language, for the whole app: the URL's `lang` when it names one, else the last
// language chosen (kept across pages whose links do not carry it, and in localStorage for
// the next visit), else Chinese.
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Lang } from '@cw/domain';
import { DEFAULT_LANG, langFromSearch, readStoredLang, storeLang, withLangParam } from './lang';

export interface LangState {
  lang: Lang;
  urlLang: Lang | null;
  setLang: (lang: Lang) => void;
}

export function useLangState(): LangState {
  const { search } = useLocation();
  const navigate = useNavigate();
  const urlLang = langFromSearch(search);
  const [last, setLast] = useState(readStoredLang);
  if (urlLang && urlLang !== last) setLast(urlLang);

  useEffect(() => {
    if (urlLang) storeLang(urlLang);
  }, [urlLang]);

  const setLang = useCallback(
    (next: Lang) => {
      storeLang(next);
      setLast(next);
      // Read the URL afresh: the switch must not undo a change made in the same event.
      const { pathname, search: current, hash } = window.location;
      navigate({ pathname, search: withLangParam(current, next), hash });
    },
    [navigate],
  );

  return { lang: urlLang ?? last ?? DEFAULT_LANG, urlLang, setLang };
}
