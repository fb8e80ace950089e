import { describe, expect, it } from 'vitest';
import { normalize, sentences, simplify } from './normalize.js';

describe('simplify (opencc-js, Taiwan variants to simplified)', () => {
  it('converts traditional Chinese', () => {
    expect(simplify('催收人員每天打電話恐嚇我，還爆了我的通訊錄')).toBe(
      '催收人员每天打电话恐吓我，还爆了我的通讯录',
    );
    expect(simplify('凌晨三點傳簡訊')).toBe('凌晨三点传简讯');
  });
  it('leaves simplified Chinese and other text unchanged', () => {
    const text = '他们着急了，干了坏事，后来在朋友圈发了我的照片。';
    expect(simplify(text)).toBe(text);
    expect(simplify('They called at 2 am.')).toBe('They called at 2 am.');
  });
});

describe('normalize', () => {
  it('folds width and case and drops the dots of a.m./p.m.', () => {
    expect(normalize('Ｔｈｅｙ called at ２:３０ A.M.  and 11 p.m.')).toBe(
      'they called at 2:30 am and 11 pm',
    );
  });
  it('keeps line breaks, which end sentences', () => {
    expect(sentences(normalize('第一句\n第二句。第三句！Fourth. Fifth? 2.5 stays'))).toEqual([
      '第一句',
      '第二句',
      '第三句',
      'fourth',
      'fifth',
      '2.5 stays',
    ]);
  });
});
