// The one place page state is read and written. It lives in the URL query string: every
// change is a history entry (Back undoes it) and a pasted link reproduces the view.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { shanghaiDate, type ComplaintFilter, type Interval, type Lang } from '@cw/domain';
import { withDefaultRange } from '../utils/datePresets';
import {
  EMPTY_STATE,
  parseUrlState,
  serializeUrlState,
  type GroupBy,
  type UrlFilter,
  type UrlState,
} from '../utils/urlState';

const LANG_STORAGE_KEY = 'cw.lang';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const getSearch = () => window.location.search;
const getServerSearch = () => '';

function navigate(search: string, mode: 'push' | 'replace'): void {
  const { pathname, hash } = window.location;
  const url = `${pathname}${search ? `?${search}` : ''}${hash}`;
  if (url === `${pathname}${window.location.search}${hash}`) return;
  if (mode === 'push') window.history.pushState(window.history.state, '', url);
  else window.history.replaceState(window.history.state, '', url);
  for (const listener of listeners) listener();
}

function readStoredLang(): Lang | null {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return value === 'zh' || value === 'en' ? value : null;
  } catch {
    return null; // storage disabled
  }
}

function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage disabled: the URL still carries the language
  }
}

export type StateUpdate = Partial<UrlState> | ((current: UrlState) => UrlState);

export interface Filters {
  /** The state exactly as the URL has it (validated). */
  state: UrlState;
  /** The filter to query with: the URL's, with the default date range filled in. */
  filter: ComplaintFilter;
  interval: Interval;
  groupBy: GroupBy | null;
  top: number;
  lang: Lang;
  /** Today on the Shanghai calendar (fixed for the life of the page). */
  today: string;
  update: (change: StateUpdate, mode?: 'push' | 'replace') => void;
  setFilter: (patch: Partial<UrlFilter>) => void;
  setLang: (lang: Lang) => void;
  reset: () => void;
}

export function useFilters(): Filters {
  const search = useSyncExternalStore(subscribe, getSearch, getServerSearch);
  const state = useMemo(() => parseUrlState(search), [search]);
  const [today] = useState(() => shanghaiDate(new Date()));
  const [storedLang] = useState(readStoredLang);
  const lang: Lang = state.lang ?? storedLang ?? 'zh';

  useEffect(() => {
    if (state.lang) storeLang(state.lang);
  }, [state.lang]);

  const filter = useMemo(() => withDefaultRange(state.filter, today), [state.filter, today]);

  const update = useCallback((change: StateUpdate, mode: 'push' | 'replace' = 'push') => {
    // Read the URL afresh so that two updates in one event both land.
    const current = parseUrlState(window.location.search);
    const next = typeof change === 'function' ? change(current) : { ...current, ...change };
    navigate(serializeUrlState(next), mode);
  }, []);

  const setFilter = useCallback(
    (patch: Partial<UrlFilter>) => update((s) => ({ ...s, filter: { ...s.filter, ...patch } })),
    [update],
  );

  const setLang = useCallback(
    (next: Lang) => {
      storeLang(next);
      update({ lang: next });
    },
    [update],
  );

  const reset = useCallback(() => update((s) => ({ ...EMPTY_STATE, lang: s.lang })), [update]);

  return {
    state,
    filter,
    interval: state.interval,
    groupBy: state.groupBy,
    top: state.top,
    lang,
    today,
    update,
    setFilter,
    setLang,
    reset,
  };
}
