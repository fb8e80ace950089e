// Colour-blind-safe series colours: the Okabe-Ito palette, ordered so that the colours with
// the most contrast against white come first (most charts show only a few series).

/** Okabe & Ito (2008), "Color Universal Design". Yellow last: it is faint on white. */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#000000', // black
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#F0E442', // yellow
] as const;

/** The colour of the "everything else" series. */
export const OTHER_COLOR = '#6B6B6B';

/** Series key the API uses for the rest of a top-N breakdown. */
export const OTHER_KEY = 'OTHER';

export interface ColoredSeries {
  key: string;
  label: string;
  color: string;
  /** SVG stroke-dasharray, a second cue besides colour; undefined = solid. */
  dash?: string;
}

const DASHES = [undefined, '6 3', '2 3', '8 3 2 3'] as const;

/**
 * Gives each series a colour in order. The rest-of-top-N series (`OTHER`, when `otherKey`
 * is passed) is grey and dashed. Colours repeat past eight series, with a dash pattern to
 * tell the repeats apart.
 */
export function assignColors<T extends { key: string; label: string }>(
  series: readonly T[],
  options: { otherKey?: string } = {},
): (T & ColoredSeries)[] {
  let i = 0;
  return series.map((s) => {
    if (options.otherKey !== undefined && s.key === options.otherKey) {
      return { ...s, color: OTHER_COLOR, dash: '4 4' };
    }
    const n = i++;
    const color = OKABE_ITO[n % OKABE_ITO.length] ?? OKABE_ITO[0];
    const dash = DASHES[Math.floor(n / OKABE_ITO.length) % DASHES.length];
    return dash === undefined ? { ...s, color } : { ...s, color, dash };
  });
}
