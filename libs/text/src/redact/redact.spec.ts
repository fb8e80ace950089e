import { describe, expect, it } from 'vitest';
import { findPersonalData, narrativeLanguage, redactNarrative } from './redact.js';

describe('redactNarrative: Chinese text', () => {
  it.each([
    ['我的手机号是13812345678。', '我的手机号是[手机号]。'],
    ['电话 138 1234 5678 打不通', '电话 [手机号] 打不通'],
    ['请拨 138-1234-5678', '请拨 [手机号]'],
    ['对方号码+86 139 1234 5678', '对方号码[手机号]'],
    ['号码是+8615012345678', '号码是[手机号]'],
    ['号码是0086 18612345678', '号码是[手机号]'],
    ['号码是(+86)15012345678', '号码是[手机号]'],
    ['手机１３８１２３４５６７８', '手机[手机号]'],
    ['座机010-12345678', '座机[电话]'],
    ['深圳办公室 0755 8888 8888', '深圳办公室 [电话]'],
    ['电话(020)87654321', '电话[电话]'],
    ['电话02087654321', '电话[电话]'],
    ['致电+86 10 6552 9988', '致电[电话]'],
    ['身份证号11010519491231002X', '身份证号[身份证号]'],
    ['身份证号11010519491231002x', '身份证号[身份证号]'],
    ['身份证：110105 19491231 002X', '身份证：[身份证号]'],
    ['老身份证110105491231002', '老身份证[身份证号]'],
    ['银行卡6222021234567890128', '银行卡[银行卡号]'],
    ['卡号 4111 1111 1111 1111', '卡号 [银行卡号]'],
    ['邮箱zhangsan@example.com', '邮箱[邮箱]'],
    ['QQ邮箱12345678@qq.com', 'QQ邮箱[邮箱]'],
    ['他用WhatsApp联系我，号码是+1 (555) 123-4567', '他用WhatsApp联系我，号码是[电话]'],
  ])('%s', (text, expected) => {
    expect(redactNarrative(text)).toBe(expected);
  });
});

describe('redactNarrative: English text', () => {
  it.each([
    ['My SSN is 123-45-6789.', 'My SSN is [SSN].'],
    ['Call me at (555) 123-4567 please.', 'Call me at [PHONE] please.'],
    ['Call me at 555-123-4567 please.', 'Call me at [PHONE] please.'],
    ['Call me at 555.123.4567 please.', 'Call me at [PHONE] please.'],
    ['Call me at +1 555 123 4567 please.', 'Call me at [PHONE] please.'],
    ['Call me at +15551234567 please.', 'Call me at [PHONE] please.'],
    ['Call me at 1-555-123-4567 please.', 'Call me at [PHONE] please.'],
    ['Write to john.doe@example.com today.', 'Write to [EMAIL] today.'],
    ['My card 4111-1111-1111-1111 was charged.', 'My card [CARD] was charged.'],
    ['Amex 3782 822463 10005 was charged.', 'Amex [CARD] was charged.'],
    ['They texted my Chinese number 13812345678.', 'They texted my Chinese number [PHONE].'],
    ['My ID is 11010519491231002X.', 'My ID is [ID_NUMBER].'],
  ])('%s', (text, expected) => {
    expect(redactNarrative(text)).toBe(expected);
  });
});

describe('redactNarrative: leaves other numbers alone', () => {
  it.each([
    '欠款50000元，2024年7月1日逾期，逾期90天。',
    '借款金额¥1,234,567.89，年化利率24%。',
    '订单号202407011234567890',
    '借款合同编号12345678901234',
    '时间 2024-07-01 23:30:15',
    '12378热线和12315热线、95188客服都打过了',
    '服务热线400-820-8820',
    '无效身份证110105194912310021和110105491331002',
    '卡号4111 1111 1111 1112',
    '手机号12812345678不存在',
    'Invalid SSNs 000-12-3456, 666-12-3456, 900-12-3456.',
    'The toll-free line 1-800-555-0199 never answers.',
    'Dates 2024-07-01 and 07/01/2024, amount $5,000.00, account ending 1234.',
    'Order 1234567812345670 starts with 1.',
  ])('%s', (text) => {
    expect(redactNarrative(text)).toBe(text);
  });
});

describe('redactNarrative: idempotence and placeholders', () => {
  const samples = [
    '我的手机号是13812345678，身份证号11010519491231002X，银行卡6222021234567890128，邮箱a@b.cn。',
    'SSN 123-45-6789, phone (555) 123-4567, card 4111 1111 1111 1111, e-mail x@y.com, 13812345678.',
    '混合 text：+86 138 1234 5678 / 010-12345678 / 555-123-4567',
    '13812345678 13812345678,13812345678-13812345678',
  ];
  it.each(samples)('redacting twice changes nothing: %s', (text) => {
    const once = redactNarrative(text);
    expect(once).not.toBe(text);
    expect(redactNarrative(once)).toBe(once);
    expect(once).not.toMatch(/\d{7,}/);
  });
  it('is idempotent on random digit soup', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 40 }, () => '0123456789 -+()元号abc@.'[next() % 24]).join(
        '',
      );
      const once = redactNarrative(text);
      expect(redactNarrative(once)).toBe(once);
    }
  });
  it('chooses the placeholder language by the share of CJK characters', () => {
    expect(narrativeLanguage('催收员打我电话')).toBe('zh');
    expect(narrativeLanguage('他用WhatsApp和Facebook Messenger联系我')).toBe('zh');
    expect(narrativeLanguage('The collector Zhang Wei (张伟) called me')).toBe('en');
    expect(narrativeLanguage('zhangsanfeng1990@example.com 催收')).toBe('zh');
    expect(narrativeLanguage('13812345678')).toBe('en');
  });
  it('reports what it found, in reading order', () => {
    expect(findPersonalData('卡6222021234567890128，手机13812345678').map((f) => f.kind)).toEqual([
      'BANK_CARD',
      'MOBILE',
    ]);
  });
});
