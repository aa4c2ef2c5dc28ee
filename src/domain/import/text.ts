/**
 * What pasted annex tables do to text, undone once: composed (NFC) Vietnamese whatever
 * the source used, every kind of space as a plain space, line breaks as "\n", zero-width
 * marks dropped, footnote marks recognised. Matching (header words, "điểm", "tối đa")
 * works on a folded key without accents, so "ĐIỂM TỐI ĐA", "Điểm tối đa" and a
 * decomposed "Điểm tối đa" all read the same.
 */

/** A cell as any reader hands it over (SheetGrid values, Office.js values, raw strings). */
export type CellInput = unknown;

/** The part of a grid the importer reads; a workbook SheetGrid fits it. */
export interface TableGrid {
  name?: string;
  /** 0-based rows and columns; rows may be ragged. */
  values: ReadonlyArray<ReadonlyArray<CellInput> | undefined>;
}

// NBSP, figure/narrow/ideographic spaces, en/em spaces, tabs.
const SPACES = /[\t\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Zero-width space/joiners, BOM, soft hyphen, word joiner.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Windows/Mac line ends, Word's soft line break (vertical tab), Unicode line/paragraph separators.
const LINE_BREAKS = /\r\n|[\r\v\u2028\u2029\u0085]/g;

export const SUPERSCRIPT_DIGITS = '\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079';
const SUPERSCRIPTS = new RegExp(`[${SUPERSCRIPT_DIGITS}\u207a-\u207e]+`, 'g');

/** A cell's text: NFC, "\n" line breaks, plain spaces collapsed, each line trimmed, blank lines dropped. */
export function cellText(value: CellInput): string {
  return cellLines(value).join('\n');
}

export function cellLines(value: CellInput): string[] {
  return rawText(value)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAKS, '\n')
    .replace(SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '');
}

function rawText(value: CellInput): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'error' in value) return String((value as { error: unknown }).error);
  return '';
}

/** Accent- and case-free key for matching words: "Điểm tối đa" → "diem toi da". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Removes superscript footnote digits anywhere and trailing "*", "(*)", "(**)" marks. */
export function stripFootnoteMarks(text: string): string {
  return text
    .replace(SUPERSCRIPTS, '')
    .replace(/(\s*\(\*+\)|\s*\*+)+$/u, '')
    .trim();
}

/** All dash-like characters as "-" (en/em dash, minus, hyphens). */
export function plainDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-');
}
