// The regions page's province click: filter to that province alone, or, when it is already
// the only one, back to all provinces (its city filter goes with it).
import type { UrlState } from '../../trends/utils/urlState';

export function toggleProvince(state: UrlState, code: string): UrlState {
  const only = state.filter.provinceCodes?.length === 1 && state.filter.provinceCodes[0] === code;
  const { cityCodes: _cities, ...rest } = state.filter;
  return { ...state, filter: { ...rest, provinceCodes: only ? [] : [code] } };
}
