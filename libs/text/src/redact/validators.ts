// Check-digit and shape validators for the personal numbers the redactor looks for. A number
// that fails its check is left in the text: it is more likely an order number, an amount or a
// date than personal data.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits of a resident ID, or null. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? null;
}

/** True for a real calendar date between 1900-01-01 and 2099-12-31. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/**
 * True for an 18-character resident ID number (居民身份证号码, GB 11643-1999): a region code that
 * does not start with 0, a real birth date, a sequence number and a correct check character.
 */
export function isValidResidentId18(id: string): boolean {
  const m = /^([1-9]\d{5})(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(id.toUpperCase());
  if (m === null) return false;
  if (!isCalendarDate(Number(m[2]), Number(m[3]), Number(m[4]))) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id.slice(17).toUpperCase();
}

/**
 * True for a 15-digit first-generation resident ID (issued until 2004): a region code starting
 * 1–8, a real birth date in the 1900s (YYMMDD), a sequence number. It has no check digit.
 */
export function isValidResidentId15(id: string): boolean {
  const m = /^[1-8]\d{5}(\d{2})(\d{2})(\d{2})\d{3}$/.exec(id);
  return m !== null && isCalendarDate(1900 + Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The Luhn (mod 10) check over a string of digits. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * True for a payment card number: 13–19 digits, passing Luhn, with an issuer prefix card
 * schemes use (3 Amex/JCB/Diners, 4 Visa, 5 Mastercard, 6 UnionPay/Discover, 2221–2720
 * Mastercard, 8 and 9 UnionPay and domestic debit). The prefix rule keeps timestamps and
 * order numbers that start 1, 20xx or 0 out, even when they happen to pass Luhn.
 */
export function isValidBankCard(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits) || !passesLuhn(digits)) return false;
  const first = digits[0];
  if (first === '2') {
    const prefix = Number(digits.slice(0, 4));
    return prefix >= 2221 && prefix <= 2720;
  }
  return first !== undefined && '345689'.includes(first);
}

/** True for a mainland mobile number once +86 and separators are removed. */
export function isMainlandMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

/**
 * True for a mainland landline: area code 010, 02X or a four-digit 0[3-9]XX code, then a
 * seven- or eight-digit local number not starting with 0 (eight after a three-digit code).
 */
export function isMainlandLandline(area: string, local: string): boolean {
  const code = area.startsWith('0') ? area : `0${area}`;
  if (/^0(?:10|2\d)$/.test(code)) return /^[1-9]\d{7}$/.test(local);
  if (/^0[3-9]\d{2}$/.test(code)) return /^[1-9]\d{6,7}$/.test(local);
  return false;
}

/** True for a US Social Security number AAA-GG-SSSS as the SSA issues them. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  return (
    /^\d{3}$/.test(area) &&
    area !== '000' &&
    area !== '666' &&
    !area.startsWith('9') &&
    /^\d{2}$/.test(group) &&
    group !== '00' &&
    /^\d{4}$/.test(serial) &&
    serial !== '0000'
  );
}

/** Toll-free and service prefixes (US 8XX, China 400/800): businesses, not persons. */
export function isServiceNumber(areaOrPrefix: string): boolean {
  return /^(?:800|833|844|855|866|877|888|400)$/.test(areaOrPrefix);
}
