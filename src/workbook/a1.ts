/** A1 addressing shared by the builder, both renderers and both readers. */

/** Letters of the columns a scoring workbook uses, made once (formulas are moved per file). */
const LETTERS: string[] = [];

export function columnLetter(col: number): string {
  if (col <= 256 && LETTERS[col] !== undefined) return LETTERS[col];
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (col >= 1 && col <= 256 && Number.isInteger(col)) LETTERS[col] = s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`Địa chỉ ô không hợp lệ: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [start, end = start] = range.split(':');
  const a = parseA1(start);
  const b = parseA1(end);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** 'Chấm điểm'!$E$12 — sheet names with spaces or accents need quotes. */
export function sheetRef(sheet: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}
