// Text for spreadsheet cells (xlsx, csv): a cell that starts like a formula (= + - @, or a tab or
// carriage return before one) would run as one when Excel or WPS opens a CSV or the cell is
// edited; an apostrophe in front keeps it text (formula injection, OWASP).

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text, with an apostrophe in front when it would start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
