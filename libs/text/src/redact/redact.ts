// Redaction of personal data in complaint narratives before they are stored: phone numbers,
// resident ID numbers, bank card numbers, e-mail addresses and US SSNs become typed
// placeholders. Numbers must pass their check (GB 11643 check digit, Luhn, the mobile and
// landline number plans), so amounts, dates and order numbers stay. Placeholders carry no
// digits, so redacting twice changes nothing.
import {
  isMainlandLandline,
  isMainlandMobile,
  isServiceNumber,
  isValidBankCard,
  isValidResidentId15,
  isValidResidentId18,
  isValidSsn,
} from './validators.js';

export type PersonalDataKind =
  'EMAIL' | 'RESIDENT_ID' | 'BANK_CARD' | 'MOBILE' | 'LANDLINE' | 'US_PHONE' | 'SSN';

export type NarrativeLanguage = 'zh' | 'en';

/** The placeholder for each kind, in the narrative's language. */
export const PLACEHOLDERS: Readonly<
  Record<PersonalDataKind, Readonly<Record<NarrativeLanguage, string>>>
> = {
  EMAIL: { zh: '[邮箱]', en: '[EMAIL]' },
  RESIDENT_ID: { zh: '[身份证号]', en: '[ID_NUMBER]' },
  BANK_CARD: { zh: '[银行卡号]', en: '[CARD]' },
  MOBILE: { zh: '[手机号]', en: '[PHONE]' },
  LANDLINE: { zh: '[电话]', en: '[PHONE]' },
  US_PHONE: { zh: '[电话]', en: '[PHONE]' },
  SSN: { zh: '[社会安全号]', en: '[SSN]' },
};

export interface PersonalData {
  readonly kind: PersonalDataKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]+/g;
const EMAIL_OR_URL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+|www\.\S+/g;

/**
 * The language placeholders are written in: Chinese when the narrative has at least as many
 * CJK characters as Latin words (e-mail addresses and URLs not counted), else English. A
 * Chinese complaint that mentions WhatsApp stays Chinese; an English one quoting a Chinese
 * name stays English.
 */
export function narrativeLanguage(text: string): NarrativeLanguage {
  const plain = text.replace(EMAIL_OR_URL, ' ');
  const cjk = plain.match(CJK)?.length ?? 0;
  const latin = plain.match(LATIN_WORD)?.length ?? 0;
  return cjk > 0 && cjk >= latin ? 'zh' : 'en';
}

/**
 * Full-width ASCII (１３８, ＠, ＋, （）) as typed on Chinese keyboards, mapped one character to
 * one so that positions in the result are positions in the original.
 */
function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

interface Detector {
  readonly kind: PersonalDataKind;
  readonly pattern: RegExp;
  readonly valid: (match: RegExpExecArray) => boolean;
}

// In priority order: where two candidates overlap, the earlier detector wins.
const DETECTORS: readonly Detector[] = [
  {
    kind: 'EMAIL',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    valid: () => true,
  },
  {
    // 18 characters, optionally grouped 6-8-4.
    kind: 'RESIDENT_ID',
    pattern: /(?<!\d)\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dA-Za-z])/g,
    valid: (m) => isValidResidentId18(m[0].replace(/[ -]/g, '')),
  },
  {
    kind: 'RESIDENT_ID',
    pattern: /(?<!\d)\d{15}(?!\d)/g,
    valid: (m) => isValidResidentId15(m[0]),
  },
  {
    // 13–19 digits unbroken, in groups of four (the last shorter), or Amex's 4-6-5.
    kind: 'BANK_CARD',
    pattern:
      /(?<!\d)(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?|\d{4}[ -]\d{6}[ -]\d{5})(?!\d)/g,
    valid: (m) => isValidBankCard(digitsOf(m[0])),
  },
  {
    // +86 / 0086 / 86- prefix, then 1[3-9]X XXXX XXXX with optional spaces or hyphens.
    kind: 'MOBILE',
    pattern:
      /(?<![\d+])(?:(?:\+|00)\s?86[ -]?|\(\+?86\)\s?|86[ -])?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g,
    valid: (m) => isMainlandMobile(digitsOf(m[0]).replace(/^(?:0086|86)(?=1\d{10}$)/, '')),
  },
  {
    // 区号-号码: 010-12345678, (0755) 8888 8888, +86 10 1234 5678, 02012345678.
    kind: 'LANDLINE',
    pattern:
      /(?<![\d+])(?:(?:(?:\+|00)\s?86[ -]?\(?0?)|\(?)(0?(?:10|2\d|[3-9]\d{2}))\)?[ -]?(\d{3,4})[ -]?(\d{4})(?!\d)/g,
    valid: (m) => {
      const [whole, area = '', a = '', b = ''] = m;
      // Without +86 the area code must carry its leading 0, or any eleven digits would do.
      const international = /^(?:\+|00)/.test(whole);
      if (!international && !area.startsWith('0')) return false;
      return isMainlandLandline(area, a + b);
    },
  },
  {
    kind: 'SSN',
    pattern: /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g,
    valid: (m) => isValidSsn(m[1] ?? '', m[2] ?? '', m[3] ?? ''),
  },
  {
    // (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567, +15551234567.
    kind: 'US_PHONE',
    pattern:
      /(?<![\d+])(?:\+?1[ .-]?)?(?:\(([2-9]\d{2})\)[ .-]?|([2-9]\d{2})[ .-])\d{3}[ .-]\d{4}(?!\d)|(?<![\d+])\+1[ .-]?([2-9]\d{2})\d{7}(?!\d)/g,
    valid: (m) => !isServiceNumber(m[1] ?? m[2] ?? m[3] ?? ''),
  },
];

/** Every piece of personal data in the text, without overlaps, in reading order. */
export function findPersonalData(text: string): PersonalData[] {
  const shadow = halfWidth(text);
  const accepted: PersonalData[] = [];
  for (const detector of DETECTORS) {
    for (const m of shadow.matchAll(detector.pattern)) {
      if (!detector.valid(m)) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (accepted.some((a) => start < a.end && a.start < end)) continue;
      accepted.push({ kind: detector.kind, start, end, text: text.slice(start, end) });
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * The narrative with personal data replaced by typed placeholders ([手机号], [身份证号] … in
 * Chinese text; [PHONE], [SSN] … in English text; see narrativeLanguage). Idempotent.
 */
export function redactNarrative(text: string): string {
  const found = findPersonalData(text);
  if (found.length === 0) return text;
  const lang = narrativeLanguage(text);
  let out = '';
  let at = 0;
  for (const item of found) {
    out += text.slice(at, item.start) + PLACEHOLDERS[item.kind][lang];
    at = item.end;
  }
  return out + text.slice(at);
}
