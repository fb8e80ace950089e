// Counted contact: "一天打了三十多个电话", "半小时内打了5次", "dozens of calls", "40 calls a
// day". The collection guidelines cap connected calls at about 3 a day and unanswered
// attempts at about 6; a complainant who counts usually counts because it was more. A count
// is excessive when it reaches the threshold for the period it is given over.
import { isNegated, type Span } from './negation.js';
import { CN_NUMERAL_CHARS, EN_NUMBER_WORDS, parseCnNumber, parseEnNumber } from './numbers.js';

export type Period = 'hour' | 'day' | 'week' | 'month' | 'none';

/** The smallest count that is excessive over each period. */
export const EXCESSIVE_COUNT: Readonly<Record<Period, number>> = {
  hour: 3,
  day: 5,
  week: 20,
  month: 60,
  // No period given ("打了几十个电话"): ten or more contacts is what people count when they
  // complain; fewer is not evidence of excess.
  none: 10,
};
/** Different numbers used to call or text ("换了五个号码打"): evasion after blocking. */
export const EXCESSIVE_NUMBERS = 3;

export interface Count extends Span {
  readonly value: number;
  readonly period: Period;
  /** The count is of phone numbers used, not of contacts made. */
  readonly numbers: boolean;
}

const ZH_PERIOD: readonly (readonly [RegExp, Period])[] = [
  // Calls "in a row" (连续打了六次) come minutes apart.
  [
    /(?:一|每|半|1|几|两|两三)个?(?:小时|钟头)|分钟|半天之内|一会儿?|连续|接连|一连|连着|连打|连环/,
    'hour',
  ],
  [
    /一天|每天|天天|一日|每日|当天|当日|今天|昨天|一上午|一下午|一晚上?|一夜|整天|一整天|半天|上午|下午|晚上|一早上|早上/,
    'day',
  ],
  [/一周|每周|一个?星期|一个?礼拜|这周|本周/, 'week'],
  [/一个?月|每月|这个月|本月/, 'month'],
];

const CN_COUNT = `\\d+|[${CN_NUMERAL_CHARS}]{1,5}`;
// A count of contacts: NUM [多|余|来] (个|通|次|条|遍|回|轮) … then a contact noun, or a
// contact verb in front.
const ZH_COUNT = new RegExp(
  `(${CN_COUNT})\\s*(?:多|余|来|几)?\\s*(个|通|次|条|遍|回|轮|波)(?:以上|之多)?([^,，。]{0,6})`,
  'g',
);
const ZH_CONTACT_AFTER =
  /^[^,，。]{0,4}?(?:电话|来电|短信|信息|消息|微信|语音|未接|催收|骚扰|呼叫|call|号码|手机号|不同的?号)/;
const ZH_CONTACT_BEFORE =
  /(?:打|拨|呼|发|来电|致电|收到|接到|接了|催|骚扰|联系|call)[了过来给我]{0,3}$|(?:用|换|换了)[^,，。]{0,3}$/;
const ZH_NOT_CONTACT =
  /^(?:月|小时|钟头|星期|礼拜|工作日|人|家|平台|app|万|千|元|块|期|笔|网贷|贷款|借款)/;
const ZH_NUMBERS = /^[^,，。]{0,4}?(?:号码|手机号|不同的?号|号)/;

const EN_COUNT = `\\d+|(?:${EN_NUMBER_WORDS.join('|')})(?:[- ](?:${EN_NUMBER_WORDS.join('|')}))?`;
const EN_COUNT_RE = new RegExp(
  `\\b(${EN_COUNT})(?:\\s*(?:-|to|or)\\s*\\d+)?\\+?\\s*(?:or more |plus |of )?(?:(?:phone|robo|collection|missed|harassing|different|separate|unknown|new|automated|text)\\s*)?(calls|phone calls|texts|text messages|messages|voicemails|emails|e-mails|times|numbers|phone numbers)\\b`,
  'g',
);
const EN_PERIOD: readonly (readonly [RegExp, Period])[] = [
  [
    /\b(?:an?|per|each|every|one|the same|a single|in (?:an?|one|the same|a single|\d+|half an?)) (?:hour|minutes?)\b|\bhourly\b|\bin a row\b|\bback[- ]to[- ]back\b|\bconsecutive\b/,
    'hour',
  ],
  [
    /\b(?:a|per|each|every|one|the same|a single|in (?:a|one|the same|a single)|that|in one|within one) (?:day|morning|afternoon|evening|night)\b|\bdaily\b|\btoday\b|\byesterday\b/,
    'day',
  ],
  [/\b(?:a|per|each|every|one|in (?:a|one)) week\b|\bweekly\b/, 'week'],
  [/\b(?:a|per|each|every|one|in (?:a|one)) month\b|\bmonthly\b/, 'month'],
];

function periodOf(context: string, table: readonly (readonly [RegExp, Period])[]): Period {
  for (const [pattern, period] of table) if (pattern.test(context)) return period;
  return 'none';
}

/** Counted contacts in a sentence (normalised text), with the period they are given over. */
export function contactCounts(sentence: string): Count[] {
  const found: Count[] = [];
  for (const m of sentence.matchAll(ZH_COUNT)) {
    const [text, rawCount, , after] = m;
    const value = parseCnNumber(rawCount ?? '');
    if (value === null || ZH_NOT_CONTACT.test(after ?? '')) continue;
    const before = sentence.slice(Math.max(0, m.index - 12), m.index);
    const numbers = ZH_NUMBERS.test(after ?? '');
    if (!numbers && !ZH_CONTACT_AFTER.test(after ?? '') && !ZH_CONTACT_BEFORE.test(before))
      continue;
    found.push({
      start: m.index,
      end: m.index + text.length,
      value,
      period: periodOf(sentence.slice(Math.max(0, m.index - 16), m.index + text.length), ZH_PERIOD),
      numbers,
    });
  }
  for (const m of sentence.matchAll(EN_COUNT_RE)) {
    const [text, rawCount, noun] = m;
    const value = parseEnNumber(rawCount ?? '');
    if (value === null) continue;
    // "times" counts contact only in a sentence about calling or writing.
    if (
      noun === 'times' &&
      !/\b(?:call|phon|text|messag|dial|rang|ring|contact|email|e-mail)/.test(sentence)
    )
      continue;
    const around = sentence.slice(Math.max(0, m.index - 30), m.index + text.length + 30);
    found.push({
      start: m.index,
      end: m.index + text.length,
      value,
      period: periodOf(around, EN_PERIOD),
      numbers: noun === 'numbers' || noun === 'phone numbers',
    });
  }
  return found;
}

/** The counts in the sentence that show excessive contact and are not denied. */
export function excessiveCounts(sentence: string): Count[] {
  return contactCounts(sentence).filter((c) => {
    const threshold = c.numbers ? EXCESSIVE_NUMBERS : EXCESSIVE_COUNT[c.period];
    const lang = /[a-z]/.test(sentence.slice(c.start, c.end)) ? 'en' : 'zh';
    return c.value >= threshold && !isNegated(sentence, c, lang);
  });
}
