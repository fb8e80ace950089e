// CSV cells for spreadsheets: quoted when needed, and text defused when a spreadsheet would
// run it as a formula (a leading =, +, -, @, tab or carriage return gets a leading quote).
// Numbers are written as they are: -0.05 is a number, not a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as text, never evaluate. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : defuseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
