import { describe, expect, it } from 'vitest';
import { isIntended, isNegated, type Lang } from './negation.js';

function at(sentence: string, cue: string) {
  const start = sentence.indexOf(cue);
  if (start < 0) throw new Error(`${cue} not in ${sentence}`);
  return { start, end: start + cue.length };
}
const negated = (sentence: string, cue: string, lang: Lang) =>
  isNegated(sentence, at(sentence, cue), lang);
const intended = (sentence: string, cue: string, lang: Lang) =>
  isIntended(sentence, at(sentence, cue), lang);

describe('isNegated', () => {
  it.each([
    ['没有威胁我', '威胁'],
    ['并未上门', '上门'],
    ['他们从来没有上门', '上门'],
    ['从未辱骂过我', '辱骂'],
    ['不再上门', '上门'],
    ['不是半夜打的', '半夜'],
  ])('zh negated: %s', (sentence, cue) => expect(negated(sentence, cue, 'zh')).toBe(true));
  it.each([
    ['没还钱，他们就上门了', '上门'],
    ['没接电话就一直打', '一直打'],
    ['电话没完没了地打', '打'],
    ['未经同意联系我家人', '联系'],
    ['不停地威胁我', '威胁'],
    ['不还就上门', '上门'],
    ['没想到他们竟然上门了', '上门'],
    ['无数次威胁', '威胁'],
  ])('zh not negated: %s', (sentence, cue) => expect(negated(sentence, cue, 'zh')).toBe(false));
  it.each([
    ["they didn't threaten me", 'threaten'],
    ['they never came to my house', 'came'],
    ['they call but not at night', 'at night'],
    ['no one contacted my family', 'contacted'],
  ])('en negated: %s', (sentence, cue) => expect(negated(sentence, cue, 'en')).toBe(true));
  it.each([
    ["i didn't pay, so they came to my house", 'came'],
    ['they would not stop calling', 'calling'],
    ['they contacted my employer without my consent', 'contacted'],
    ["i don't know why they threatened me", 'threatened'],
    ['not only did they threaten me', 'threaten'],
  ])('en not negated: %s', (sentence, cue) => expect(negated(sentence, cue, 'en')).toBe(false));
});

describe('isIntended', () => {
  it.each([
    ['扬言要上门', '上门', 'zh', true],
    ['说不还就上门找我', '上门', 'zh', true],
    ['威胁要曝光我', '曝光', 'zh', true],
    ['昨天上门了', '上门', 'zh', false],
    ['扬言要来，结果真的上门了', '上门', 'zh', false],
    ['they threatened to come to my house', 'come', 'en', true],
    ['they said they would post my photo', 'post', 'en', true],
    ['they came to my house', 'came', 'en', false],
  ] as const)('%s', (sentence, cue, lang, expected) =>
    expect(intended(sentence, cue, lang)).toBe(expected),
  );
});
