/**
 * A worksheet cell's value from what its markup held: the type (t="s", "str", "b", …),
 * the <v> text (Latin-1, see markup-scan.ts) or an inline string, and the style, which
 * only tells a date serial from a number.
 */
import { serialToIso } from '../excel-dates';
import type { GridValue } from '../grid';
import { utf8Of } from './markup-scan';
import { decodeOoxmlEscapes, decodeXml } from './xml-text';

export interface ValueContext {
  sharedStrings: readonly string[];
  /** Style indices (s="…") whose number format shows a date. */
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

export interface OpenCell {
  row: number;
  col: number;
  type: string;
  /** The s= index, or -1 when it is not a plain number. */
  style: number;
  formula: string | null;
  shared: { si: string; master: boolean } | null;
  /** The <v> text as read (Latin-1). */
  value: string | null;
  /** Inline string runs, already UTF-8. */
  inline: string[] | null;
}

export function cellValue(c: OpenCell, isFormula: boolean, ctx: ValueContext): GridValue {
  if (c.inline !== null) return decodeOoxmlEscapes(decodeXml(c.inline.join('')));
  if (c.value === null) return null;
  const raw = c.value;
  switch (c.type) {
    case 's': {
      const text = ctx.sharedStrings[Number(raw)];
      return text === undefined ? null : text;
    }
    case 'str':
    case 'inlineStr':
      return decodeOoxmlEscapes(decodeXml(utf8Of(raw)));
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { error: decodeXml(utf8Of(raw)).trim() };
    case 'd':
      return isoDate(new Date(decodeXml(raw).trim()));
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return { error: '#NUM!' };
      if (!isFormula && ctx.dateStyles.has(c.style)) return serialToIso(n, ctx.date1904);
      return n;
    }
  }
}

/** The usual cell types of src[from, to) without making a string each time. */
export function cellType(src: string, from: number, to: number): string {
  const length = to - from;
  if (length === 1) {
    const ch = src.charCodeAt(from);
    if (ch === 115) return 's';
    if (ch === 110) return 'n';
    if (ch === 98) return 'b';
    if (ch === 101) return 'e';
    if (ch === 100) return 'd';
  } else if (length === 3 && src.startsWith('str', from)) return 'str';
  return decodeXml(utf8Of(src.slice(from, to)));
}

/** 2025-06-30, or 2025-06-30T08:30:00 when the cell holds a time too. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
