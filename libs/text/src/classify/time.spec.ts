import { describe, expect, it } from 'vitest';
import { clockTimes, isOffHour, offHourTimes } from './time.js';

describe('isOffHour', () => {
  it('is the window from 22:00 to 08:00', () => {
    expect(isOffHour(22, 0)).toBe(true);
    expect(isOffHour(21, 59)).toBe(false);
    expect(isOffHour(0, 0)).toBe(true);
    expect(isOffHour(7, 59)).toBe(true);
    expect(isOffHour(8, 0)).toBe(false);
  });
});

describe('clockTimes', () => {
  const hours = (sentence: string) => clockTimes(sentence).map((t) => [t.hour, t.minute]);
  it.each([
    ['晚上十一点', [[23, 0]]],
    ['凌晨两点半', [[2, 30]]],
    ['半夜12点', [[0, 0]]],
    ['晚上1点', [[1, 0]]],
    ['下午三点一刻', [[15, 15]]],
    ['早上6点20分', [[6, 20]]],
    ['23:30', [[23, 30]]],
    ['06:15', [[6, 15]]],
    ['十点', [[null, 0]]],
    ['at 2 am', [[2, 0]]],
    ['at 11:45pm', [[23, 45]]],
    ['at 12 am', [[0, 0]]],
    ['three in the morning', [[3, 0]]],
    ['eleven at night', [[23, 0]]],
    ['9:30', [[null, 30]]],
  ])('%s', (sentence, expected) => expect(hours(sentence)).toEqual(expected));
  it('ignores words that only look like times', () => {
    expect(clockTimes('早一点还钱，小心一点').every((t) => t.hour === null)).toBe(true);
    expect(clockTimes('当时同时有时')).toEqual([]);
    expect(clockTimes('2 apples and 24 hours')).toEqual([]);
  });
});

describe('offHourTimes', () => {
  it.each([
    ['凌晨两点打电话', 1],
    ['晚上十点多', 1],
    ['早上七点前就打来', 1],
    ['早上八点前就打来', 1],
    ['before 8 am', 1],
    ['after 10pm', 1],
    ['晚上九点', 0],
    ['早上八点', 0],
    ['从早上八点打到晚上十点', 0],
    ['打到晚上十一点', 1],
    ['before 9 am', 0],
    ['不是凌晨两点', 0],
    ['not at 2 am', 0],
  ])('%s', (sentence, count) => expect(offHourTimes(sentence)).toHaveLength(count));
});
