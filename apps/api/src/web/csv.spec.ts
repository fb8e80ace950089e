import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, defuseFormula } from './csv.js';

describe('CSV cells', () => {
  it('defuses text a spreadsheet would run as a formula, and only text', () => {
    for (const text of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(defuseFormula(text)).toBe(`'${text}`);
    expect(defuseFormula('催收 =1')).toBe('催收 =1');
    expect(csvCell(-0.05)).toBe('-0.05');
    expect(csvCell('-0.05')).toBe("'-0.05");
  });

  it('quotes cells with commas, quotes or line breaks, and writes nothing for no value', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', null, undefined, 3])).toBe(
      '"a,b","say ""hi""","x\ny",,,3\r\n',
    );
  });
});
