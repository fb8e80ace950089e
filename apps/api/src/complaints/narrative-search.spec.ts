import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, parseNarrativeSearch, termTokens } from './narrative-search.js';

describe('narrative search', () => {
  it('splits Chinese runs into overlapping pairs of characters', () => {
    expect(termTokens('爆通讯录')).toEqual(["'爆通'", "'通讯'", "'讯录'"]);
  });

  it('keeps Latin words and numbers whole, lower-cased, as prefixes', () => {
    expect(termTokens('Threat 12378')).toEqual(["'threat':*", "'12378':*"]);
  });

  it('gives a single Chinese character no token: the term test alone decides', () => {
    expect(termTokens('我')).toEqual([]);
    expect(parseNarrativeSearch('我')).toEqual({ terms: ['我'], tsquery: null });
  });

  it('combines every term with AND and keeps the terms for the exact test', () => {
    expect(parseNarrativeSearch('  威胁  Police ')).toEqual({
      terms: ['威胁', 'police'],
      tsquery: "'威胁' & 'police':*",
    });
  });

  it('folds full-width forms before matching', () => {
    expect(parseNarrativeSearch('ＡＢＣ')?.terms).toEqual(['abc']);
  });

  it('treats blank text as no search', () => {
    expect(parseNarrativeSearch('   ')).toBeNull();
    expect(parseNarrativeSearch(null)).toBeNull();
  });

  it('refuses over-long searches and too many terms', () => {
    expect(() => parseNarrativeSearch('催'.repeat(101))).toThrow(/at most 100/);
    const many = Array.from({ length: MAX_SEARCH_TERMS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(() => parseNarrativeSearch(many)).toThrow(/terms/);
  });

  it('never lets a quote or backslash reach the tsquery', () => {
    const parsed = parseNarrativeSearch(`a'b\\c 'x`);
    expect(parsed?.tsquery).toBe("'a':* & 'b':* & 'c':* & 'x':*");
  });
});
