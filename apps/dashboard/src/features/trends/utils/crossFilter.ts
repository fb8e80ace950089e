// Which filter list a clicked series, bar, tile or row adds to, by the dimension it stands for.
import type { Dimension } from '@cw/domain';
import type { ListKey } from './urlState';

const FILTER_OF: Readonly<Record<Dimension, ListKey | null>> = {
  INSTITUTION: 'institutionIds',
  AGENCY: 'agencyIds',
  PROVINCE: 'provinceCodes',
  CITY: 'cityCodes',
  CATEGORY: 'categories',
  CHANNEL: 'channels',
  SOURCE: 'sources',
  PRODUCT: 'products',
  // The filter has no institution type.
  INSTITUTION_TYPE: null,
};

/** Keys that stand for no single value: the rest of a top N, an empty field, the total. */
const NOT_A_VALUE = new Set(['OTHER', 'NONE', 'ALL']);

/** The filter a click on `key` of `dimension` adds, or null when it adds none. */
export function crossFilter(
  dimension: Dimension | null,
  key: string,
): { key: ListKey; value: string } | null {
  if (!dimension || NOT_A_VALUE.has(key)) return null;
  const list = FILTER_OF[dimension];
  return list ? { key: list, value: key } : null;
}
