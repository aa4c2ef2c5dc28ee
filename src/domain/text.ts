/**
 * Text that comes from users' files: compared after Unicode normalisation and
 * whitespace folding (a unit name typed on a Mac arrives decomposed, NFD), and made
 * inert before it is written into a report cell.
 */

/** NFC, spaces of every kind folded to one, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f\u2007\u200b\ufeff]+/g, ' ').trim();
}

/** For matching names: folded and case-insensitive. */
export function textKey(text: string): string {
  return foldText(text).toLocaleLowerCase('vi');
}

/**
 * A cell that starts with = + - @ (or a tab / carriage return) is taken as a formula by
 * spreadsheet programs as soon as it is exported to CSV or edited: "=HYPERLINK(...)" in
 * a unit name would run on the appraiser's machine. A leading apostrophe keeps it text
 * (the usual defence), and the value stays readable.
 */
export function neutraliseFormulaText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
