// Numbers as complainants write them: digits, Chinese numerals (三十多, 二三十, 十几, 上百)
// and English words (thirty, dozens). Every parser returns a lower bound: "三十多" is 30,
// "二三十" is 20, "几十" is 20, "十几" is 11.

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese count may be written with (for building patterns). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千几数上成好';

const FUZZY: readonly (readonly [RegExp, number])[] = [
  [/^(?:上|成|数|几)千/, 1000],
  [/^(?:上|成|数|几)百/, 100],
  [/^(?:几|数)十/, 20],
  [/^十几/, 11],
  [/^好几/, 3],
  [/^几/, 3],
];

/**
 * The lower bound of a count written in digits or Chinese numerals, or null when `raw` is not
 * a number. A range such as 五六 or 二三十 counts as its lower end.
 */
export function parseCnNumber(raw: string): number | null {
  for (const [pattern, value] of FUZZY) if (pattern.test(raw.trim())) return value;
  // "三十多", "四十几", "二十来", "100余": the suffix only says "and some".
  const text = raw.trim().replace(/(?<=.)[多余几来]+$/, '');
  if (/^\d+$/.test(text)) return Number(text);
  // A range of two adjacent digits (五六, 二三十, 十五六): keep the first.
  const single = text.replace(/([一二两三四五六七八九])[一二三四五六七八九](?=[十百千]|$)/, '$1');
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(single)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const char of single) {
    const d = CN_DIGIT[char];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = CN_UNIT[char];
    if (unit === undefined) return null;
    total += (digit ?? 1) * unit;
    digit = null;
  }
  return total + (digit ?? 0);
}

const EN_NUMBER: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  several: 3,
  multiple: 3,
  many: 5,
  numerous: 10,
  dozen: 12,
  dozens: 24,
  scores: 40,
  hundreds: 200,
  countless: 100,
};

/** English number words this module understands, longest first (for building patterns). */
export const EN_NUMBER_WORDS = Object.keys(EN_NUMBER).sort((a, b) => b.length - a.length);

/** The value of "40", "forty", "twenty-five", "a dozen", "dozens"; null if not a number. */
export function parseEnNumber(raw: string): number | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^an?\s+(?=\S)/, '');
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  for (const part of text.split(/[\s-]+/)) {
    const value = EN_NUMBER[part];
    if (value === undefined) return null;
    total = part === 'hundred' ? Math.max(total, 1) * 100 : total + value;
  }
  return total;
}
