import { describe, expect, it } from 'vitest';
import {
  MAX_SEARCH_TERMS,
  narrativeSearchTokens,
  parseNarrativeSearch,
  termTokens,
} from './narrative-search.js';

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

  it('stores a narrative as its Latin words and the pairs of its Chinese runs, once each', () => {
    expect(narrativeSearchTokens('催收员 Called 30 times，威胁威胁。我')).toEqual(
      ['30', 'called', 'times', '催收', '威胁', '我', '收员', '胁威'].sort(),
    );
    expect(narrativeSearchTokens('')).toEqual([]);
    expect(narrativeSearchTokens('x'.repeat(100))).toEqual(['x'.repeat(64)]);
  });

  it('stores every token a search for a phrase in the narrative asks for', () => {
    const narrative = '对方冒充公安局，发来伪造的律师函。The collector threatened me.';
    const stored = new Set(narrativeSearchTokens(narrative));
    for (const term of ['冒充公安', '律师函', 'threat', 'COLLECTOR']) {
      for (const token of termTokens(term)) {
        const word = token.replace(/^'|'(:\*)?$/g, '');
        const found = token.endsWith(':*')
          ? [...stored].some((s) => s.startsWith(word))
          : stored.has(word);
        expect(found, `${term}: ${token}`).toBe(true);
      }
    }
  });
});
