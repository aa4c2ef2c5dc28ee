/**
 * One worksheet part (<sheetData>) into a grid's values and formulas, read straight from
 * the XML: each cell's value — for a formula, the result the file last cached — and its
 * formula text, shared formulas (Excel's fill-down) expanded for each dependent cell.
 * Styles matter only to tell a date from a number. Merged areas need nothing: Excel,
 * LibreOffice and exceljs all keep the value in the first cell only.
 */
import { columnNumber } from '../a1';
import type { GridValue } from '../grid';
import { shiftFormula } from '../read/formula-refs';
import { attribute, decodeOoxmlEscapes, decodeXml, tagPattern } from './xml-text';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Style indices (s="…") whose number format shows a date. */
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
  /** Called before a row is widened, so a far-away cell is refused before it is allocated. */
  grow(cells: number): void;
  invalid(why: string): never;
}

export interface SheetData {
  values: GridValue[][];
  formulas: (string | null)[][];
  cells: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

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

export function readSheetXml(xml: string, ctx: SheetContext): SheetData {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let cells = 0;
  let row = 0;
  let col = 0;
  let cell: OpenCell | null = null;
  /** Which text is being collected: a cell's <v>, <f>, or an inline string's <t>. */
  let capture: 'v' | 'f' | 't' | null = null;
  let captured = '';
  let phonetic = 0;
  const start = xml.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData[\s/>]/);
  if (start < 0) return { values, formulas, cells };
  const tag = tagPattern();
  tag.lastIndex = start;
  let textFrom = start;

  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    if (capture !== null) captured += xml.slice(textFrom, m.index);
    textFrom = tag.lastIndex;
    const [, closing, name, attrs, selfClosing] = m;
    if (closing) {
      if (name === 'sheetData') break;
      if (name === capture) {
        if (cell) {
          if (capture === 'v') cell.value = captured;
          else if (capture === 'f') cell.formula = decodeXml(captured);
          else if (phonetic === 0) cell.inline?.push(captured);
        }
        capture = null;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'c' && cell) {
        store(cell);
        cell = null;
        capture = null;
      }
      continue;
    }
    switch (name) {
      case 'row': {
        const r = attribute(attrs, 'r');
        row = r === undefined ? row + 1 : Number(r);
        if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) ctx.invalid(`số dòng không hợp lệ (${clip(r)})`);
        col = 0;
        break;
      }
      case 'c': {
        if (cell) store(cell);
        cell = null;
        capture = null;
        const r = attribute(attrs, 'r');
        if (r === undefined) col++;
        else {
          const at = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(r);
          if (!at) ctx.invalid(`địa chỉ ô không hợp lệ (${clip(r)})`);
          col = columnNumber(at[1]);
          // A cell's own address wins over its row's (a writer may leave rows out).
          row = Number(at[2]);
        }
        if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) ctx.invalid(`địa chỉ ô nằm ngoài bảng tính (${clip(r ?? String(col))})`);
        const s = attribute(attrs, 's');
        const open: OpenCell = { row, col, type: attribute(attrs, 't') ?? 'n', style: s === undefined ? 0 : Number(s), formula: null, shared: null, value: null, inline: null };
        if (selfClosing) store(open);
        else cell = open;
        break;
      }
      case 'f':
        if (!cell) break;
        if (attribute(attrs, 't') === 'shared') {
          const si = attribute(attrs, 'si') ?? '';
          cell.shared = { si, master: attribute(attrs, 'ref') !== undefined };
        }
        if (selfClosing) cell.formula ??= '';
        else startCapture('f');
        break;
      case 'v':
        if (cell && !selfClosing) startCapture('v');
        break;
      case 'is':
        if (cell) cell.inline = [];
        break;
      case 't':
        if (cell?.inline && !selfClosing) startCapture('t');
        break;
      case 'rPh':
        if (!selfClosing) phonetic++;
        break;
    }
  }
  if (cell) store(cell);
  // Dense outer arrays: rows without cells are empty rows, not holes.
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  return { values, formulas, cells };

  function startCapture(what: 'v' | 'f' | 't') {
    capture = what;
    captured = '';
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
    const own = c.formula.replace(/^=/, '');
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
        return decodeOoxmlEscapes(decodeXml(raw));
      case 'b':
        return raw.trim() === '1' || raw.trim() === 'true';
      case 'e':
        return { error: decodeXml(raw).trim() };
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

/** 2025-06-30, or 2025-06-30T08:30:00 when the cell holds a time too. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function clip(text: string | undefined): string {
  return (text ?? '').slice(0, 20);
}
