// The narrative search a user types, turned into what the SQL needs: the terms (each must
// occur in the narrative as typed, case-insensitively) and a tsquery over the same tokens
// the index holds: Latin words as prefixes, and the two-character pieces of runs of Chinese
// characters. A term with no such token (a single Chinese character) is checked by the term
// test alone. The tokens stored with each narrative (narrativeSearchTokens) come from the
// same rules here, so the stored side and the searched side cannot drift apart.
import { AppError } from '../graphql/app-error.js';

/** Longest search accepted, in characters. */
export const MAX_SEARCH_LENGTH = 100;
/** Most terms (separated by spaces) one search may hold. */
export const MAX_SEARCH_TERMS = 8;

export interface NarrativeSearch {
  /** Lower-cased terms; every one must be in the narrative. */
  terms: string[];
  /** A tsquery in PostgreSQL's input syntax, or null when no term has an indexed token. */
  tsquery: string | null;
}

const TOKEN = /[0-9a-z]+|[\u4e00-\u9fff\u3400-\u4dbf]+/g;
const LATIN = /^[0-9a-z]/;

/** Longest Latin token kept, in characters; a longer word is stored and searched by its start. */
const MAX_LATIN_TOKEN = 64;

/**
 * The tokens stored for a narrative (complaints.narrative_search): each Latin word or number
 * whole, and each two adjacent characters of a run of Chinese characters (a run of one
 * character alone). Computed here rather than by the database because PostgreSQL's regular
 * expressions made the same work cost about 60 µs a row of every import.
 */
export function narrativeSearchTokens(narrative: string): string[] {
  const out = new Set<string>();
  for (const run of narrative.toLowerCase().match(TOKEN) ?? []) {
    if (LATIN.test(run)) {
      out.add(run.slice(0, MAX_LATIN_TOKEN));
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.add(run);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return [...out].sort();
}

/** The index tokens of one term that a narrative containing the term must also hold. */
export function termTokens(term: string): string[] {
  const out: string[] = [];
  for (const run of term.toLowerCase().match(TOKEN) ?? []) {
    if (LATIN.test(run)) {
      out.push(`'${run.slice(0, MAX_LATIN_TOKEN)}':*`);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(`'${chars[i]}${chars[i + 1]}'`);
  }
  return out;
}

/**
 * Parses a search box's text; null for blank text (no search). Terms are separated by
 * spaces and all must match. Chinese matches anywhere; a Latin word or number matches the
 * start of a word in the narrative ("threat" finds "threatened", "eaten" does not).
 */
export function parseNarrativeSearch(text: string | null | undefined): NarrativeSearch | null {
  const trimmed = (text ?? '').normalize('NFKC').trim();
  if (trimmed === '') return null;
  if ([...trimmed].length > MAX_SEARCH_LENGTH) {
    throw new AppError('BAD_USER_INPUT', `search must be at most ${MAX_SEARCH_LENGTH} characters`, {
      field: 'search',
    });
  }
  const terms = [...new Set(trimmed.toLowerCase().split(/\s+/u))];
  if (terms.length > MAX_SEARCH_TERMS) {
    throw new AppError('BAD_USER_INPUT', `search may hold at most ${MAX_SEARCH_TERMS} terms`, {
      field: 'search',
    });
  }
  const tokens = [...new Set(terms.flatMap(termTokens))];
  return { terms, tsquery: tokens.length > 0 ? tokens.join(' & ') : null };
}
