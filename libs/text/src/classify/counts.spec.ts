import { describe, expect, it } from 'vitest';
import { contactCounts, excessiveCounts } from './counts.js';

describe('contactCounts', () => {
  it.each([
    ['一天打了三十多个电话', 30, 'day'],
    ['半小时内打了5个电话', 5, 'hour'],
    ['连续打了六次', 6, 'hour'],
    ['每天发二三十条短信', 20, 'day'],
    ['打了几十个电话', 20, 'none'],
    ['一周打了二十次电话', 20, 'week'],
    ['they called 40 times a day', 40, 'day'],
    ['dozens of calls in an hour', 24, 'hour'],
    ['five calls in a row', 5, 'hour'],
  ])('%s', (sentence, value, period) => {
    expect(contactCounts(sentence)).toEqual([expect.objectContaining({ value, period })]);
  });
  it('does not count months, amounts or people', () => {
    expect(contactCounts('逾期三个月')).toEqual([]);
    expect(contactCounts('借了五个平台')).toEqual([]);
    expect(contactCounts('来了三个人')).toEqual([]);
    expect(contactCounts('i paid 3 times')).toEqual([]);
  });
});

describe('excessiveCounts', () => {
  it.each([
    ['一天打了三十多个电话', 1],
    ['每天打五六次电话', 1],
    ['一天打了三个电话', 0],
    ['打了两次电话', 0],
    ['打了十几个电话', 1],
    ['换了五个号码打', 1],
    ['换了一个号码打', 0],
    ['没有一天打三十个电话', 0],
    ['they called me 8 times a day', 1],
    ['they called me twice a day', 0],
    ['they texted from 4 different numbers', 1],
  ])('%s', (sentence, count) => expect(excessiveCounts(sentence)).toHaveLength(count));
});
