// Categories and channels the narrative analysis suggests: shown as chips until the
// operator accepts one (which ticks its box) or ticks it anyway. Never ticked for them.
import { CATEGORY, CHANNEL, type Category, type Channel } from '@cw/domain';

export type Suggestion = { kind: 'category'; code: Category } | { kind: 'channel'; code: Channel };

export interface Analysis {
  categories: readonly string[];
  channels: readonly string[];
}

export interface Ticked {
  categories: readonly Category[];
  channels: readonly Channel[];
}

/**
 * Suggestions not yet ticked, categories first, each list in vocabulary order; codes the
 * vocabulary does not know (a newer API) and repeats are dropped.
 */
export function pendingSuggestions(analysis: Analysis | null, ticked: Ticked): Suggestion[] {
  if (!analysis) return [];
  const categories = new Set(analysis.categories);
  const channels = new Set(analysis.channels);
  return [
    ...CATEGORY.codes
      .filter((c) => categories.has(c) && !ticked.categories.includes(c))
      .map((code): Suggestion => ({ kind: 'category', code })),
    ...CHANNEL.codes
      .filter((c) => channels.has(c) && !ticked.channels.includes(c))
      .map((code): Suggestion => ({ kind: 'channel', code })),
  ];
}

/** The list with `code` in or out, kept in vocabulary order and without repeats. */
export function withCode<T extends string>(
  list: readonly T[],
  code: T,
  on: boolean,
  order: readonly T[],
): T[] {
  const set = new Set(list);
  if (on) set.add(code);
  else set.delete(code);
  return order.filter((c) => set.has(c));
}

/** The ticked lists after accepting a suggestion. */
export function accept(
  ticked: Ticked,
  suggestion: Suggestion,
): { categories: Category[]; channels: Channel[] } {
  return {
    categories:
      suggestion.kind === 'category'
        ? withCode(ticked.categories, suggestion.code, true, CATEGORY.codes)
        : [...ticked.categories],
    channels:
      suggestion.kind === 'channel'
        ? withCode(ticked.channels, suggestion.code, true, CHANNEL.codes)
        : [...ticked.channels],
  };
}
