import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isMainlandLandline,
  isMainlandMobile,
  isServiceNumber,
  isValidBankCard,
  isValidResidentId15,
  isValidResidentId18,
  isValidSsn,
  passesLuhn,
  residentIdCheckChar,
} from './validators.js';

describe('resident ID (GB 11643)', () => {
  it('computes the check character', () => {
    // The standard's own example number.
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030419900101001')).toBe('1');
    expect(residentIdCheckChar('1101051949123100')).toBeNull();
  });
  it('accepts valid 18-character numbers, with x in either case', () => {
    expect(isValidResidentId18('11010519491231002X')).toBe(true);
    expect(isValidResidentId18('11010519491231002x')).toBe(true);
    expect(isValidResidentId18('440304199001010011')).toBe(true);
  });
  it('rejects a wrong check character, an impossible date or a 0 region', () => {
    expect(isValidResidentId18('110105194912310021')).toBe(false);
    expect(isValidResidentId18('110105194902300028')).toBe(false); // 30 February
    expect(isValidResidentId18('010105194912310020')).toBe(false);
    expect(isValidResidentId18('11010519491231002')).toBe(false);
  });
  it('accepts 15-digit first-generation numbers with a real birth date', () => {
    expect(isValidResidentId15('110105491231002')).toBe(true);
    expect(isValidResidentId15('110105491331002')).toBe(false); // month 13
    expect(isValidResidentId15('910105491231002')).toBe(false); // region 9
  });
  it('knows calendar dates', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(1899, 12, 31)).toBe(false);
  });
});

describe('bank cards (Luhn)', () => {
  it('runs the Luhn check', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('12a4')).toBe(false);
  });
  it('accepts card numbers of 13 to 19 digits with a card-scheme prefix', () => {
    expect(isValidBankCard('4111111111111111')).toBe(true); // Visa
    expect(isValidBankCard('378282246310005')).toBe(true); // Amex, 15
    expect(isValidBankCard('6222021234567890128')).toBe(true); // UnionPay, 19
    expect(isValidBankCard('2221000000000009')).toBe(true); // Mastercard 2-series
    expect(isValidBankCard('4222222222222')).toBe(true); // Visa, 13
  });
  it('rejects numbers that fail Luhn, the length or the prefix', () => {
    expect(isValidBankCard('4111111111111112')).toBe(false);
    expect(isValidBankCard('411111111111')).toBe(false);
    expect(isValidBankCard('20240701123456000')).toBe(false);
    expect(isValidBankCard('1234567812345670')).toBe(false); // passes Luhn, prefix 1
  });
});

describe('phone numbers and SSNs', () => {
  it('knows mainland mobiles', () => {
    expect(isMainlandMobile('13812345678')).toBe(true);
    expect(isMainlandMobile('19912345678')).toBe(true);
    expect(isMainlandMobile('12812345678')).toBe(false);
    expect(isMainlandMobile('1381234567')).toBe(false);
  });
  it('knows mainland landlines', () => {
    expect(isMainlandLandline('010', '12345678')).toBe(true);
    expect(isMainlandLandline('10', '65529988')).toBe(true);
    expect(isMainlandLandline('0755', '88888888')).toBe(true);
    expect(isMainlandLandline('0571', '8765432')).toBe(true);
    expect(isMainlandLandline('010', '1234567')).toBe(false);
    expect(isMainlandLandline('012', '12345678')).toBe(false);
    expect(isMainlandLandline('0755', '08888888')).toBe(false);
  });
  it('knows SSNs as issued', () => {
    expect(isValidSsn('123', '45', '6789')).toBe(true);
    expect(isValidSsn('000', '45', '6789')).toBe(false);
    expect(isValidSsn('666', '45', '6789')).toBe(false);
    expect(isValidSsn('912', '45', '6789')).toBe(false);
    expect(isValidSsn('123', '00', '6789')).toBe(false);
    expect(isValidSsn('123', '45', '0000')).toBe(false);
  });
  it('knows service prefixes', () => {
    expect(isServiceNumber('800')).toBe(true);
    expect(isServiceNumber('400')).toBe(true);
    expect(isServiceNumber('555')).toBe(false);
  });
});
