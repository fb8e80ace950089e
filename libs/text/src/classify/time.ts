// Clock times in complaint text and whether they fall in the off-hours window of the
// collection guidelines (22:00 to 08:00 local time, OFF_HOURS in @cw/domain).
import { OFF_HOURS } from '@cw/domain';
import { isNegated, type Lang, type Span } from './negation.js';
import { parseCnNumber, parseEnNumber } from './numbers.js';

export interface ClockTime extends Span {
  readonly lang: Lang;
  /** 0–23, or null when the text does not say whether it is morning or evening. */
  readonly hour: number | null;
  readonly minute: number;
  /** "before 7 am", "早上8点前": the contact happened before this time. */
  readonly before: boolean;
  /** "打到晚上十点", "until 10 pm": the contact ended at this time. */
  readonly until: boolean;
}

/** True for a time inside the off-hours window: from 22:00 up to (not including) 08:00. */
export function isOffHour(hour: number, minute = 0): boolean {
  const t = hour * 60 + minute;
  return t >= OFF_HOURS.fromHour * 60 || t < OFF_HOURS.toHour * 60;
}

// Chinese: [period] hour (点|时|:) [minutes|半|一刻|三刻] [前|以前|之前]
const CN_HOUR = '\\d{1,2}|[零〇一二两三四五六七八九十]{1,3}';
const ZH_TIME = new RegExp(
  `(凌晨|清晨|早晨|早上|上午|中午|下午|傍晚|晚上|夜晚|夜里|夜间|半夜|深夜|午夜|今晚|昨晚|当晚|每晚|晚间)?\\s*(${CN_HOUR})\\s*(?:点钟?|时(?!间|候|期|段|常|不时)|:(?=\\d{2}))\\s*(半|一刻|三刻|\\d{1,2}(?:\\s*分)?|[零〇一二三四五六七八九十]{1,3}分)?(?:多|左右|许)?\\s*(以前|之前|前)?`,
  'g',
);

const NIGHT = new Set(['凌晨', '半夜', '深夜', '午夜', '夜里', '夜间']);
const EVENING = new Set(['傍晚', '晚上', '夜晚', '今晚', '昨晚', '当晚', '每晚', '晚间']);
const MORNING = new Set(['清晨', '早晨', '早上', '上午']);
const AFTERNOON = new Set(['中午', '下午']);

function zhHour(period: string | undefined, h: number, zeroPadded: boolean): number | null {
  if (h > 24) return null;
  if (h === 24) return 0;
  if (period === undefined) return h >= 13 || h === 0 || zeroPadded ? h : null;
  if (NIGHT.has(period)) return h === 12 ? 0 : h <= 7 ? h : h + 12 <= 23 ? h + 12 : null;
  if (EVENING.has(period)) return h === 12 ? 0 : h <= 4 || h >= 13 ? h : h + 12;
  if (MORNING.has(period)) return h === 12 ? 12 : h;
  if (AFTERNOON.has(period)) return h >= 12 ? h : h + 12;
  return null;
}

function zhMinute(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (raw === '半') return 30;
  if (raw === '一刻') return 15;
  if (raw === '三刻') return 45;
  return parseCnNumber(raw.replace(/\s*分$/, '')) ?? 0;
}

// English: "2 am", "2:30am", "11 pm", "23:15", "3 in the morning", "eleven at night".
const EN_HOUR = '\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const EN_TIME = new RegExp(
  `\\b(before |until |till |to )?(${EN_HOUR})(?::(\\d{2}))?\\s*(am|pm|o'clock|in the morning|in the evening|at night|at midnight|h\\b)?`,
  'g',
);

function enHour(
  h: number,
  suffix: string | undefined,
  zeroPadded: boolean,
  hasMinutes: boolean,
): number | null {
  if (h > 24) return null;
  if (h === 24) return 0;
  switch (suffix) {
    case 'am':
    case 'in the morning':
      return h === 12 ? 0 : h;
    case 'pm':
    case 'in the evening':
      return h === 12 ? 12 : h + 12;
    case 'at night':
      return h === 12 ? 0 : h <= 4 ? h : h + 12;
    case 'at midnight':
      return 0;
    default:
      // Without am/pm only a 24-hour clock is unambiguous: 23:15, 06:30, 0:40.
      if (!hasMinutes && suffix !== 'h') return null;
      return h >= 13 || h === 0 || zeroPadded ? h : null;
  }
}

/** Every clock time written in the sentence (normalised text). */
export function clockTimes(sentence: string): ClockTime[] {
  const found: ClockTime[] = [];
  for (const m of sentence.matchAll(ZH_TIME)) {
    const [text, period, rawHour, rawMinute, before] = m;
    const h = parseCnNumber(rawHour ?? '');
    if (h === null) continue;
    found.push({
      lang: 'zh',
      until: /(?:到|至|直到|一直到|~|-)\s*$/.test(
        sentence.slice(Math.max(0, m.index - 3), m.index),
      ),
      start: m.index,
      end: m.index + text.length,
      hour: zhHour(period, h, /^0\d$/.test(rawHour ?? '')),
      minute: zhMinute(rawMinute),
      before: before !== undefined,
    });
  }
  for (const m of sentence.matchAll(EN_TIME)) {
    const [text, before, rawHour, rawMinute, suffix] = m;
    if (rawMinute === undefined && suffix === undefined) continue;
    const h = parseEnNumber(rawHour ?? '');
    if (h === null) continue;
    found.push({
      lang: 'en',
      until: before !== undefined && before !== 'before ',
      start: m.index + (before?.length ?? 0),
      end: m.index + text.length,
      hour: enHour(h, suffix, /^0\d$/.test(rawHour ?? ''), rawMinute !== undefined),
      minute: rawMinute === undefined ? 0 : Number(rawMinute),
      before: before !== undefined,
    });
  }
  // "23:30" is read by both patterns: keep one reading of each stretch, the one that knows the hour.
  found.sort((a, b) => a.start - b.start || Number(b.hour !== null) - Number(a.hour !== null));
  return found.filter((t, i) => {
    const rival = found.find((o, j) => j !== i && o.start < t.end && t.start < o.end);
    if (rival === undefined) return true;
    if ((t.hour === null) !== (rival.hour === null)) return t.hour !== null;
    return found.indexOf(rival) > i;
  });
}

/**
 * The off-hours times in the sentence that are not denied ("不是晚上十一点", "not at 2 am"). A
 * time counts when it lies in the window, or when the contact came before it and it is no
 * later than 08:00 ("早上7点前", "before 8 am"). The end of a range at exactly 22:00 ("从早上
 * 八点打到晚上十点", "until 10 pm") does not count: the contact stopped as the window opened.
 */
export function offHourTimes(sentence: string): ClockTime[] {
  return clockTimes(sentence).filter((t) => {
    if (t.hour === null) return false;
    const endsAtWindow = t.until && t.hour === OFF_HOURS.fromHour && t.minute === 0;
    const inWindow = t.before
      ? t.hour < OFF_HOURS.toHour || (t.hour === OFF_HOURS.toHour && t.minute === 0)
      : isOffHour(t.hour, t.minute) && !endsAtWindow;
    return inWindow && !isNegated(sentence, t, t.lang);
  });
}
