import { describe, expect, it } from 'vitest';
import { assignColors, OKABE_ITO, OTHER_COLOR } from './palette';

const s = (key: string) => ({ key, label: key });

describe('assignColors', () => {
  it('gives series the palette colours in order, solid', () => {
    const out = assignColors([s('a'), s('b'), s('c')]);
    expect(out.map((x) => x.color)).toEqual([OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2]]);
    expect(out.every((x) => x.dash === undefined)).toBe(true);
  });

  it('makes the rest-of-top-N series grey and dashed without using up a colour', () => {
    const out = assignColors([s('a'), s('OTHER'), s('b')], { otherKey: 'OTHER' });
    expect(out[1]).toMatchObject({ key: 'OTHER', color: OTHER_COLOR, dash: '4 4' });
    expect(out[2]!.color).toBe(OKABE_ITO[1]);
  });

  it('treats OTHER as an ordinary series when no otherKey is given', () => {
    const out = assignColors([s('OTHER')]);
    expect(out[0]!.color).toBe(OKABE_ITO[0]);
  });

  it('repeats colours past the palette with a dash pattern', () => {
    const many = Array.from({ length: OKABE_ITO.length + 1 }, (_, i) => s(`k${i}`));
    const out = assignColors(many);
    const last = out[OKABE_ITO.length]!;
    expect(last.color).toBe(OKABE_ITO[0]);
    expect(last.dash).toBeDefined();
  });

  it('keeps the fields of the input', () => {
    const out = assignColors([{ key: 'a', label: 'A', total: 3 }]);
    expect(out[0]).toEqual({ key: 'a', label: 'A', total: 3, color: OKABE_ITO[0] });
  });
});
