// Text normalisation before matching: one spelling for every way complainants write the same
// thing. Traditional Chinese becomes simplified (opencc-js, Taiwan variants), full-width
// digits, letters and punctuation become ASCII (NFKC), Latin letters become lower case, and
// "a.m." / "p.m." lose their dots so that sentence splitting does not cut them.
import * as OpenCC from 'opencc-js/t2cn';

// The t2cn entry carries only the traditional→simplified dictionaries (about 110 kB
// minified, 52 kB gzipped), not the 1.2 MB full build. The converter builds its tries on
// first use, so nothing is paid by code that never classifies Chinese.
let toSimplified: ((text: string) => string) | undefined;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Traditional → simplified Chinese; text without CJK characters is returned unchanged. */
export function simplify(text: string): string {
  if (!CJK.test(text)) return text;
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/** The form every rule is written against: simplified, NFKC, lower case, single spaces. */
export function normalize(text: string): string {
  return simplify(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u2018\u2019\u2032`]/g, "'")
    .replace(/\b([ap])\.\s?m\.?(?![a-z])/g, '$1m')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

/**
 * Sentences: the unit in which a verb and its object must co-occur. Splits on full stops,
 * question and exclamation marks, semicolons and line breaks; an ASCII full stop only when a
 * space or the end follows, so that "2.5" and "e.g" survive.
 */
export function sentences(normalized: string): string[] {
  return normalized
    .split(/[。！？!?;\n]+|\.(?=\s|$)|\.{3,}|…+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
