// The one place page state is read and written. It lives in the URL query string: every
// change is a history entry (Back undoes it) and a pasted link reproduces the view. The
// language is read and switched app-wide (useLangState); it is one more query parameter.
import { useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { shanghaiDate, type ComplaintFilter, type Interval, type Lang } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { withDefaultRange } from '../utils/datePresets';
import {
  EMPTY_STATE,
  parseUrlState,
  serializeUrlState,
  sharedQuery,
  withFilterValue,
  type GroupBy,
  type ListKey,
  type UrlFilter,
  type UrlState,
} from '../utils/urlState';

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
  /** Cross-filtering: adds one value (a clicked bar, tile, row) to a filter list. */
  addFilter: (key: ListKey, value: string) => void;
  /** Filter and language as a query string, for links to the other analysis pages. */
  shared: string;
  setLang: (lang: Lang) => void;
  reset: () => void;
}

export function useFilters(): Filters {
  const { search } = useLocation();
  const navigate = useNavigate();
  const { lang, setLang } = useI18n();
  const state = useMemo(() => parseUrlState(search), [search]);
  const [today] = useState(() => shanghaiDate(new Date()));

  const filter = useMemo(() => withDefaultRange(state.filter, today), [state.filter, today]);

  const update = useCallback(
    (change: StateUpdate, mode: 'push' | 'replace' = 'push') => {
      // Read the URL afresh so that two updates in one event both land.
      const current = parseUrlState(window.location.search);
      const next = typeof change === 'function' ? change(current) : { ...current, ...change };
      const query = serializeUrlState(next);
      const nextSearch = query ? `?${query}` : '';
      if (nextSearch === window.location.search) return;
      navigate(
        { pathname: window.location.pathname, search: nextSearch, hash: window.location.hash },
        { replace: mode === 'replace' },
      );
    },
    [navigate],
  );

  const setFilter = useCallback(
    (patch: Partial<UrlFilter>) => update((s) => ({ ...s, filter: { ...s.filter, ...patch } })),
    [update],
  );

  const addFilter = useCallback(
    (key: ListKey, value: string) => update((s) => withFilterValue(s, key, value)),
    [update],
  );

  // Resets the filter only: the page's own options (breakdown, sort, ...) stay.
  const reset = useCallback(() => update((s) => ({ ...s, filter: EMPTY_STATE.filter })), [update]);

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
    addFilter,
    shared: sharedQuery(state),
    setLang,
    reset,
  };
}
