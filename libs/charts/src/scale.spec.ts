import { describe, expect, it } from 'vitest';
import { colorFor, NO_DATA_COLOR, SEQUENTIAL_BLUES, sequentialClasses, textColorOn } from './scale';

/** WCAG relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('sequential colour classes', () => {
  it('splits 0..max into five equal ranges, lightest first', () => {
    const classes = sequentialClasses([0, 10, 20, 50, 100, 30]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 20],
      [20, 40],
      [40, 60],
      [60, 80],
      [80, 100],
    ]);
    expect(classes.map((c) => c.color)).toEqual([...SEQUENTIAL_BLUES]);
  });

  it('colours each value by the class it falls in, and zero or missing as no data', () => {
    const classes = sequentialClasses([100, 1, 2, 3, 4]);
    expect(colorFor(100, classes)).toBe(SEQUENTIAL_BLUES[4]);
    expect(colorFor(20, classes)).toBe(SEQUENTIAL_BLUES[0]);
    expect(colorFor(21, classes)).toBe(SEQUENTIAL_BLUES[1]);
    expect(colorFor(0, classes)).toBe(NO_DATA_COLOR);
    expect(colorFor(null, classes)).toBe(NO_DATA_COLOR);
  });

  it('uses fewer, darker classes when there are few distinct values, none for all zero', () => {
    expect(sequentialClasses([5, 5, 10]).map((c) => c.color)).toEqual(SEQUENTIAL_BLUES.slice(3));
    expect(sequentialClasses([0, 0])).toEqual([]);
  });

  it('picks a tile text colour with AA contrast on every class', () => {
    for (const fill of [...SEQUENTIAL_BLUES, NO_DATA_COLOR])
      expect(contrast(fill, textColorOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
  });
});
