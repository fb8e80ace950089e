// Sequential colours for maps: ColorBrewer "Blues" (one hue, light to dark), readable by
// people with any common colour-vision deficiency, and in greyscale print.

/** Five classes, lightest first: ColorBrewer Blues 5 (Cynthia Brewer, Penn State), its fourth
 * step taken one shade darker (Blues 7) so that white text on it passes AA. */
export const SEQUENTIAL_BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5', '#08519c'] as const;

/** Fill of a tile with no value (no complaints or no rate). */
export const NO_DATA_COLOR = '#f4f4f4';

export interface ColorClass {
  /** Lower bound, inclusive. */
  from: number;
  /** Upper bound, inclusive for the last class. */
  to: number;
  color: string;
}

/**
 * Equal-interval classes from 0 to the largest value, so that a tile's colour means the same
 * on every page and the legend reads as plain ranges. Fewer classes when there are fewer
 * distinct values than colours.
 */
export function sequentialClasses(
  values: readonly number[],
  colors: readonly string[] = SEQUENTIAL_BLUES,
): ColorClass[] {
  const finite = values.filter((v) => Number.isFinite(v) && v >= 0);
  const max = finite.length ? Math.max(...finite) : 0;
  if (max === 0) return [];
  const n = Math.min(colors.length, new Set(finite.filter((v) => v > 0)).size);
  const step = max / n;
  const offset = colors.length - n; // with fewer classes, keep the darker end
  return Array.from({ length: n }, (_, i) => ({
    from: i * step,
    to: i === n - 1 ? max : (i + 1) * step,
    color: colors[offset + i]!,
  }));
}

/** The colour of a value on those classes; NO_DATA_COLOR for null or zero. */
export function colorFor(value: number | null | undefined, classes: readonly ColorClass[]): string {
  if (value === null || value === undefined || !(value > 0) || classes.length === 0)
    return NO_DATA_COLOR;
  for (const c of classes) if (value <= c.to) return c.color;
  return classes[classes.length - 1]!.color;
}

/** Text on a tile: white on the two darkest blues, near-black elsewhere (contrast >= 4.5). */
export function textColorOn(fill: string): string {
  return fill === SEQUENTIAL_BLUES[3] || fill === SEQUENTIAL_BLUES[4] ? '#ffffff' : '#1b2430';
}
