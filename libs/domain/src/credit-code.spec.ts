import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A code with a correct check character. */
function withCheck(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`not a credit code prefix: ${first17}`);
  return first17 + check;
}

describe('creditCodeCheckChar', () => {
  it('computes the GB 32100 check character', () => {
    // Weights are 3^(i-1) mod 31: a single 1 in position i contributes the weight alone.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(creditCodeCheckChar('10000000000000000')).toBe(ALPHABET[30]); // 31 - 1
    expect(creditCodeCheckChar('01000000000000000')).toBe(ALPHABET[28]); // 31 - 3
    expect(creditCodeCheckChar('00001000000000000')).toBe(ALPHABET[12]); // 31 - 81 mod 31
    expect(creditCodeCheckChar('00000000000000001')).toBe(ALPHABET[3]); // 31 - 28
  });

  it('refuses characters outside the alphabet and short input', () => {
    expect(creditCodeCheckChar('9133010079965505I')).toBeNull();
    expect(creditCodeCheckChar('9133010079965505o')).toBeNull();
    expect(creditCodeCheckChar('9133010079965505')).toBeNull(); // 16 characters
    expect(creditCodeCheckChar('')).toBeNull();
  });
});

describe('isValidCreditCode', () => {
  it('accepts published codes', () => {
    // Codes of well-known companies as shown on their business licences, recalled and
    // confirmed by their check characters.
    expect(isValidCreditCode('91330100799655058B')).toBe(true); // 阿里巴巴（中国）有限公司
    expect(isValidCreditCode('914403001922038216')).toBe(true); // 华为技术有限公司
    expect(isValidCreditCode('91440300708461136T')).toBe(true); // 深圳市腾讯计算机系统有限公司
    expect(isValidCreditCode('91110000802100433B')).toBe(true); // 北京百度网讯科技有限公司
  });

  it('accepts constructed codes with every check character', () => {
    const seen = new Set<string>();
    for (let n = 0; seen.size < ALPHABET.length && n < 10_000; n++) {
      const code = withCheck(`91330106MA${String(n).padStart(7, '0')}`);
      expect(isValidCreditCode(code)).toBe(true);
      seen.add(code[17]!);
    }
    expect(seen.size).toBe(ALPHABET.length);
  });

  it('catches every single-character substitution and adjacent transposition', () => {
    const code = withCheck('91330106MA2B3C4D5');
    for (let i = 0; i < 18; i++) {
      for (const c of ALPHABET) {
        if (c === code[i]) continue;
        expect(isValidCreditCode(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
      }
      if (i < 17 && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(isValidCreditCode(swapped)).toBe(false);
      }
    }
  });

  it.each([
    ['', 'empty'],
    ['91330100799655058', '17 characters'],
    ['91330100799655058B0', '19 characters'],
    ['91330100799655058b', 'lower case'],
    [' 91330100799655058B', 'whitespace'],
    ['91330100799655058C', 'wrong check character'],
  ])('refuses %j (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('refuses the letters I, O, S, V and Z even with a matching sum', () => {
    for (const letter of 'IOSVZ') {
      const first17 = `9133010${letter}799655058`;
      expect(creditCodeCheckChar(first17)).toBeNull();
      for (const check of ALPHABET) expect(isValidCreditCode(first17 + check)).toBe(false);
    }
  });
});
