/**
 * One worksheet part (<sheetData>) into a grid's values and formulas, read straight from
 * the inflated bytes: each cell's value — for a formula, the result the file last cached —
 * and its formula text, shared formulas (Excel's fill-down) expanded for each dependent
 * cell. Styles matter only to tell a date from a number. Merged areas need nothing: Excel,
 * LibreOffice and exceljs all keep the value in the first cell only.
 *
 * Why not a general XML parser or regular expressions: a scoring sheet is a few hundred
 * kilobytes of markup around a few kilobytes of content, and matching tags with regular
 * expressions on the decoded text cost more than the rest of a check. The bytes are
 * scanned as Latin-1 (one character per byte, so no UTF-8 work on the markup) and only
 * the text of cells is decoded as UTF-8. One forward pass, no recursion, no backtracking:
 * a hostile part costs time in proportion to its size. Namespace prefixes are dropped
 * (<c> or <x:c>); well-formedness is not checked.
 */
import type { GridValue } from '../grid';
import { shiftFormula } from '../read/formula-refs';
import type { FormulaDecoder } from './formula-markup';
import { isSpace, newTagAt, nextTag, sameAscii, utf8Of } from './markup-scan';
import { decodeOoxmlEscapes, decodeXml } from './xml-text';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Style indices (s="…") whose number format shows a date. */
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
  /** Called before a row is widened, so a far-away cell is refused before it is allocated. */
  grow(cells: number): void;
  /** Called for every <c> element (written or empty), so a flood of cells is refused early. */
  cellSeen(): void;
  /** Called for every <row> element. */
  rowSeen(): void;
  invalid(why: string): never;
}

export interface SheetData {
  values: GridValue[][];
  formulas: (string | null)[][];
  /** Cells holding a value or a formula. */
  cells: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const COLON = 58;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;

/** The elements this reader acts on, by local name. */
const enum Tag {
  Other,
  SheetData,
  Row,
  C,
  V,
  F,
  Is,
  T,
  RPh,
}

interface OpenCell {
  row: number;
  col: number;
  type: string;
  style: number;
  formula: string | null;
  shared: { si: string; master: boolean } | null;
  value: string | null;
  inline: string[] | null;
}

export function readSheetXml(xml: Buffer, ctx: SheetContext, formulasOf: FormulaDecoder): SheetData {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  // Latin-1 keeps one character per byte: offsets are byte offsets, and only the text of
  // cells is decoded as UTF-8 (utf8Of).
  const src = xml.toString('latin1');
  let cells = 0;
  let row = 0;
  let col = 0;
  let inData = false;
  let cell: OpenCell | null = null;
  /** Which text is being collected: a cell's <v>, <f>, or an inline string's <t>. */
  let capture: Tag.V | Tag.F | Tag.T | null = null;
  let captured = '';
  let phonetic = 0;
  /** Value bounds of the attributes read, by slot (see attributeSlot). */
  const found = new Int32Array(10);

  const at = newTagAt();
  for (let i = 0; nextTag(src, i, at); i = at.next) {
    if (capture !== null && at.lt > i) captured += src.slice(i, at.lt);
    if (at.kind !== 'tag') {
      // Markup inside CDATA is literal: re-escaped, so decoding the collected text keeps it.
      if (at.kind === 'cdata' && capture !== null) captured += src.slice(at.textStart, at.textEnd).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
      continue;
    }
    const { closing, selfClosing, localEnd: attrStart, attrEnd } = at;
    const tag = tagOf(src, at.localStart, at.localEnd);
    if (!inData) {
      // Everything before <sheetData> (views, columns, properties) holds no cells.
      if (tag === Tag.SheetData && !closing) inData = !selfClosing;
      continue;
    }

    if (closing) {
      if (tag === Tag.SheetData) break;
      if (tag === capture) {
        if (cell) {
          if (capture === Tag.V) cell.value = captured;
          else if (capture === Tag.F) cell.formula = formulasOf.decode(captured);
          else if (phonetic === 0) cell.inline?.push(utf8Of(captured));
        }
        capture = null;
      } else if (tag === Tag.RPh) phonetic = Math.max(0, phonetic - 1);
      else if (tag === Tag.C && cell) {
        store(cell);
        cell = null;
        capture = null;
      }
      continue;
    }
    switch (tag) {
      case Tag.Row: {
        ctx.rowSeen();
        // Only r matters on a row; when it comes first, the rest (spans, heights) is not read.
        if (!leadingR(attrStart, attrEnd)) scanAttributes(attrStart, attrEnd);
        const rFrom = found[R];
        if (rFrom < 0) row++;
        else {
          row = digitsValue(rFrom, found[R + 1]);
          if (row < 1 || row > MAX_ROW) ctx.invalid(`số dòng không hợp lệ (${clip(rFrom, found[R + 1])})`);
        }
        col = 0;
        break;
      }
      case Tag.C: {
        ctx.cellSeen();
        if (cell) store(cell);
        cell = null;
        capture = null;
        scanAttributes(attrStart, attrEnd);
        const rFrom = found[R];
        const rTo = found[R + 1];
        if (rFrom < 0) col++;
        else {
          const address = parseAddress(src, rFrom, rTo);
          if (address < 0) ctx.invalid(`địa chỉ ô không hợp lệ (${clip(rFrom, rTo)})`);
          col = address % 32_768;
          // A cell's own address wins over its row's (a writer may leave rows out).
          row = Math.floor(address / 32_768);
        }
        if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) ctx.invalid(`địa chỉ ô nằm ngoài bảng tính (${rFrom < 0 ? col : clip(rFrom, rTo)})`);
        const style = found[S] < 0 ? 0 : digitsValue(found[S], found[S + 1]);
        const type = found[T] < 0 ? 'n' : cellType(found[T], found[T + 1]);
        const open: OpenCell = { row, col, type, style: style < 0 ? NaN : style, formula: null, shared: null, value: null, inline: null };
        if (selfClosing) store(open);
        else cell = open;
        break;
      }
      case Tag.F: {
        if (!cell) break;
        scanAttributes(attrStart, attrEnd);
        if (found[T] >= 0 && attrText(found[T], found[T + 1]) === 'shared') {
          cell.shared = { si: found[SI] < 0 ? '' : attrText(found[SI], found[SI + 1]), master: found[REF] >= 0 };
        }
        if (selfClosing) cell.formula ??= '';
        else startCapture(Tag.F);
        break;
      }
      case Tag.V:
        if (cell && !selfClosing) startCapture(Tag.V);
        break;
      case Tag.Is:
        if (cell) cell.inline = [];
        break;
      case Tag.T:
        if (cell?.inline && !selfClosing) startCapture(Tag.T);
        break;
      case Tag.RPh:
        if (!selfClosing) phonetic++;
        break;
    }
  }
  if (cell) store(cell);
  formulasOf.done();
  // Dense outer arrays: rows without cells are empty rows, not holes.
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  return { values, formulas, cells };

  function startCapture(what: Tag.V | Tag.F | Tag.T) {
    capture = what;
    captured = '';
  }

  /**
   * The attributes this reader uses (r, s, t, si, ref) of the tag whose attributes are
   * src[from, to), into `found` as value start and end; -1 where absent. One pass per tag.
   */
  function scanAttributes(from: number, to: number): void {
    for (let k = 0; k < 10; k++) found[k] = -1;
    if (canonical(from, to)) return;
    let p = from;
    while (p < to) {
      while (p < to && isSpace(src.charCodeAt(p))) p++;
      const nameStart = p;
      let localStart = p;
      while (p < to && src.charCodeAt(p) !== EQUALS && !isSpace(src.charCodeAt(p))) {
        if (src.charCodeAt(p) === COLON) localStart = p + 1;
        p++;
      }
      const nameEnd = p;
      while (p < to && isSpace(src.charCodeAt(p))) p++;
      if (p >= to || src.charCodeAt(p) !== EQUALS) {
        // A bare word is not an attribute; step past it.
        if (p === nameStart) p++;
        continue;
      }
      p++;
      while (p < to && isSpace(src.charCodeAt(p))) p++;
      const quote = src.charCodeAt(p);
      if (quote !== QUOTE && quote !== APOS) return;
      const end = src.indexOf(quote === QUOTE ? '"' : "'", p + 1);
      if (end < 0 || end > to) return;
      const slot = attributeSlot(src, localStart, nameEnd);
      if (slot >= 0 && found[slot * 2] < 0) {
        found[slot * 2] = p + 1;
        found[slot * 2 + 1] = end;
      }
      p = end + 1;
    }
  }

  /**
   * The form Excel, exceljs and most writers use — ` r="B7" s="3" t="s"`: one-letter
   * names, double quotes, single spaces — read without the general loop; false (and
   * nothing found) for anything else, which the general loop then reads.
   */
  function canonical(from: number, to: number): boolean {
    let p = from;
    while (p < to) {
      if (src.charCodeAt(p) !== 32 || src.charCodeAt(p + 2) !== EQUALS || src.charCodeAt(p + 3) !== QUOTE) break;
      const name = src.charCodeAt(p + 1);
      const slot = name === 114 ? R : name === 115 ? S : name === 116 ? T : -1;
      if (slot < 0) break;
      const end = src.indexOf('"', p + 4);
      if (end < 0 || end > to) break;
      if (found[slot] < 0) {
        found[slot] = p + 4;
        found[slot + 1] = end;
      }
      p = end + 1;
    }
    if (p === to) return true;
    for (let k = 0; k < 10; k++) found[k] = -1;
    return false;
  }

  function leadingR(from: number, to: number): boolean {
    if (src.charCodeAt(from) !== 32 || src.charCodeAt(from + 1) !== 114 || src.charCodeAt(from + 2) !== EQUALS || src.charCodeAt(from + 3) !== QUOTE) return false;
    const end = src.indexOf('"', from + 4);
    if (end < 0 || end > to) return false;
    found[R] = from + 4;
    found[R + 1] = end;
    return true;
  }

  function attrText(from: number, to: number): string {
    return decodeXml(utf8Of(src.slice(from, to)));
  }

  /** The usual cell types without making a string each time. */
  function cellType(from: number, to: number): string {
    const length = to - from;
    if (length === 1) {
      const ch = src.charCodeAt(from);
      if (ch === 115) return 's';
      if (ch === 110) return 'n';
      if (ch === 98) return 'b';
      if (ch === 101) return 'e';
      if (ch === 100) return 'd';
    } else if (length === 3 && sameAscii(src, from, to, 'str')) return 'str';
    return attrText(from, to);
  }

  /** A non-negative integer written in plain digits, or -1. */
  function digitsValue(from: number, to: number): number {
    if (to === from || to - from > 9) return to - from > 9 && allDigits(from, to) ? Number(src.slice(from, to)) : -1;
    let v = 0;
    for (let p = from; p < to; p++) {
      const d = src.charCodeAt(p) - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  function allDigits(from: number, to: number): boolean {
    for (let p = from; p < to; p++) if (src.charCodeAt(p) < 48 || src.charCodeAt(p) > 57) return false;
    return true;
  }

  function clip(from: number, to: number): string {
    return utf8Of(src.slice(from, Math.min(to, from + 20)));
  }

  function store(c: OpenCell): void {
    const formula = formulaOf(c);
    const value = valueOf(c, formula !== null);
    if (value === null && formula === null) return;
    cells++;
    let v = values[c.row - 1];
    let f = formulas[c.row - 1];
    if (!v) {
      // Every row up to this one becomes an (empty) row of the grid.
      ctx.grow(Math.max(1, c.row - values.length));
      v = values[c.row - 1] = [];
      f = formulas[c.row - 1] = [];
    }
    if (v.length < c.col) {
      ctx.grow(c.col - v.length);
      while (v.length < c.col - 1) {
        v.push(null);
        f.push(null);
      }
    }
    v[c.col - 1] = value;
    f[c.col - 1] = formula;
  }

  function formulaOf(c: OpenCell): string | null {
    if (c.formula === null) return null;
    const own = c.formula.charCodeAt(0) === EQUALS ? c.formula.slice(1) : c.formula;
    if (!c.shared) return own;
    if (c.shared.master || own !== '') {
      masters.set(c.shared.si, { formula: own, row: c.row, col: c.col });
      return own;
    }
    const master = masters.get(c.shared.si);
    // Still a formula, even when its master cannot be found.
    if (!master) return `#SHARED(${c.shared.si})`;
    return shiftFormula(master.formula, c.row - master.row, c.col - master.col);
  }

  function valueOf(c: OpenCell, isFormula: boolean): GridValue {
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
        if (!isFormula && ctx.dateStyles.has(c.style)) return isoDate(new Date(Math.round((n - (ctx.date1904 ? 24107 : 25569)) * 86_400) * 1000));
        return n;
      }
    }
  }
}



/** Slots in `found`: start at 2 × slot, end at 2 × slot + 1. */
const R = 0;
const S = 2;
const T = 4;
const SI = 6;
const REF = 8;

function attributeSlot(src: string, from: number, to: number): number {
  const length = to - from;
  const a = src.charCodeAt(from);
  if (length === 1) return a === 114 ? R / 2 : a === 115 ? S / 2 : a === 116 ? T / 2 : -1;
  if (length === 2) return a === 115 && src.charCodeAt(from + 1) === 105 ? SI / 2 : -1;
  return length === 3 && sameAscii(src, from, to, 'ref') ? REF / 2 : -1;
}

function tagOf(src: string, from: number, to: number): Tag {
  const length = to - from;
  const a = src.charCodeAt(from);
  if (length === 1) return a === 99 ? Tag.C : a === 118 ? Tag.V : a === 102 ? Tag.F : a === 116 ? Tag.T : Tag.Other;
  if (length === 2) return a === 105 && src.charCodeAt(from + 1) === 115 ? Tag.Is : Tag.Other;
  if (length === 3) {
    if (sameAscii(src, from, to, 'row')) return Tag.Row;
    if (sameAscii(src, from, to, 'rPh')) return Tag.RPh;
    return Tag.Other;
  }
  return length === 9 && sameAscii(src, from, to, 'sheetData') ? Tag.SheetData : Tag.Other;
}


/** Row × 32768 + column of an A1 address in src.charCodeAt(from, to), or -1. */
function parseAddress(src: string, from: number, to: number): number {
  let p = from;
  let col = 0;
  while (p < to && p - from < 3) {
    const ch = src.charCodeAt(p) | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
    p++;
  }
  if (p === from || p === to || to - p > 7) return -1;
  let row = 0;
  for (; p < to; p++) {
    const d = src.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    row = row * 10 + d;
  }
  return row * 32_768 + col;
}




/** 2025-06-30, or 2025-06-30T08:30:00 when the cell holds a time too. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
