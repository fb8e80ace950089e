import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  firstErrorField,
  intakeErrorFromApi,
  intakeFieldOf,
  parseAmount,
  parseDays,
  toIntakeInput,
  validateIntake,
  type IntakeDraft,
} from './intakeForm';

const NOW = new Date('2026-03-02T06:05:00Z'); // 14:05 in Beijing

const filled = (patch: Partial<IntakeDraft> = {}): IntakeDraft => ({
  ...emptyDraft(NOW),
  institution: { id: '12', name: '示例网商银行' },
  provinceCode: '330000',
  ...patch,
});

describe('emptyDraft', () => {
  it('starts at the current Beijing time with nothing else filled', () => {
    const draft = emptyDraft(NOW);
    expect(draft.receivedAt).toBe('2026-03-02T14:05');
    expect(draft.institution).toBeNull();
    expect(draft.categories).toEqual([]);
  });
});

describe('number fields', () => {
  it('reads amounts as typed, with separators, full-width digits and units', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('50,000')).toBe(50000);
    expect(parseAmount('５００００元')).toBe(50000);
    expect(parseAmount('¥1200.50')).toBe(1200.5);
    expect(parseAmount('-5')).toBeNaN();
    expect(parseAmount('a lot')).toBeNaN();
  });

  it('reads overdue days as whole numbers', () => {
    expect(parseDays(' 30 ')).toBe(30);
    expect(parseDays('３０天')).toBe(30);
    expect(parseDays('1.5')).toBeNaN();
    expect(parseDays('')).toBeNull();
  });
});

describe('validateIntake', () => {
  it('accepts a draft with time, institution and province', () => {
    expect(validateIntake(filled(), NOW, 'zh')).toEqual({});
  });

  it('accepts a typed institution name that was not picked', () => {
    expect(
      validateIntake(filled({ institution: null, institutionQuery: '某某小贷' }), NOW, 'zh'),
    ).toEqual({});
  });

  it('names every missing or wrong field at once', () => {
    const errors = validateIntake(
      filled({
        receivedAt: '',
        institution: null,
        institutionQuery: '  ',
        provinceCode: '',
        amountOwed: 'abc',
        overdueDays: '-1',
      }),
      NOW,
      'en',
    );
    expect(errors).toEqual({
      receivedAt: 'Enter when the complaint was received.',
      institution: 'Enter the institution.',
      provinceCode: 'Choose a province.',
      amountOwed: 'Enter an amount of 0 or more.',
      overdueDays: 'Enter a whole number of days, 0 or more.',
    });
    expect(firstErrorField(errors)).toBe('receivedAt');
    expect(firstErrorField({ overdueDays: 'x', provinceCode: 'y' })).toBe('provinceCode');
    expect(firstErrorField({})).toBeNull();
  });

  it('refuses a time in the future', () => {
    expect(validateIntake(filled({ receivedAt: '2026-03-02T18:00' }), NOW, 'zh')).toEqual({
      receivedAt: '受理时间不能晚于当前时间。',
    });
  });
});

describe('toIntakeInput', () => {
  it('sends Beijing time with its offset, numbers as numbers, and empty text as null', () => {
    expect(
      toIntakeInput(
        filled({
          receivedAt: '2026-03-01T22:30',
          agency: '  ',
          product: 'BUSINESS_LOAN',
          cityCode: '330100',
          channels: ['PHONE_CALL'],
          categories: ['OFF_HOURS'],
          narrative: ' 晚上十一点打电话 ',
          amountOwed: '50,000',
          overdueDays: '12',
          evidence: ['RECORDING'],
        }),
      ),
    ).toEqual({
      receivedAt: '2026-03-01T22:30:00+08:00',
      institution: '示例网商银行',
      agency: null,
      product: 'BUSINESS_LOAN',
      provinceCode: '330000',
      cityCode: '330100',
      channels: ['PHONE_CALL'],
      categories: ['OFF_HOURS'],
      narrative: '晚上十一点打电话',
      amountOwed: 50000,
      overdueDays: 12,
      evidence: ['RECORDING'],
    });
  });

  it('sends the typed name when no registry entry was picked', () => {
    const input = toIntakeInput(filled({ institution: null, institutionQuery: ' 某某小贷 ' }));
    expect(input.institution).toBe('某某小贷');
    expect(input.product).toBeNull();
    expect(input.cityCode).toBeNull();
    expect(input.amountOwed).toBeNull();
  });
});

describe('API errors', () => {
  const apiError = (field: string | null, message: string, code = 'BAD_USER_INPUT') => ({
    code,
    field,
    message,
    retryAfterSeconds: null,
  });

  it('finds the field an error names', () => {
    expect(intakeFieldOf('input.provinceCode')).toBe('provinceCode');
    expect(intakeFieldOf('input.channels[1]')).toBe('channels');
    expect(intakeFieldOf('cityCode')).toBe('cityCode');
    expect(intakeFieldOf('input.colour')).toBeNull();
    expect(intakeFieldOf(null)).toBeNull();
  });

  it('shows a field’s error next to it, in the page’s language when it is known', () => {
    expect(
      intakeErrorFromApi(apiError('input.provinceCode', 'provinceCode is required'), 'zh'),
    ).toEqual({
      field: 'provinceCode',
      message: '请选择省份。',
    });
    expect(
      intakeErrorFromApi(apiError('input.cityCode', 'City 110100 is not in province 330000'), 'en'),
    ).toEqual({
      field: 'cityCode',
      message: 'The complaint was not recorded: City 110100 is not in province 330000',
    });
  });

  it('keeps an error without a known field for the whole form', () => {
    expect(intakeErrorFromApi(apiError(null, 'Not allowed', 'FORBIDDEN'), 'en')).toEqual({
      field: null,
      message: 'You are not allowed to do this.',
    });
    expect(intakeErrorFromApi(null, 'zh').field).toBeNull();
  });
});
