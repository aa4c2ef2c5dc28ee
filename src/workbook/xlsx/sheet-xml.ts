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
 * a hostile part costs time in proportion to its size. The reader is a class rather than
 * a function with inner helpers so that its code is compiled once, not re-specialised for
 * each sheet's new closures.
 */
import type { CellRange, GridValue } from '../grid';
import { shiftFormula } from '../read/formula-refs';
import { AttributeScan, digitsValue, parseAddress, R, REF, S, SI, T } from './cell-attributes';
import { cellType, cellValue, type OpenCell, type ValueContext } from './cell-value';
import { decodeFormula } from './formula-markup';
import { hasAt, newTagAt, nextTag, sameAscii, utf8Of, type TagAt } from './markup-scan';
import { attributes, decodeXml } from './xml-text';

export interface SheetContext extends ValueContext {
  /** Called before a row is widened, so a far-away cell is refused before it is allocated. */
  grow(cells: number): void;
  /** Called for every <row> and <c> element (written or empty), so a flood of them is refused early. */
  elementSeen(): void;
  /** Called for every cell that holds a value or a formula. */
  cellSeen(): void;
  /** Called for every row that comes to hold such a cell. */
  rowSeen(): void;
  invalid(why: string): never;
}

export interface SheetData {
  values: GridValue[][];
  formulas: (string | null)[][];
  /** Cells holding a value or a formula. */
  cells: number;
  merges: CellRange[];
}

export function readSheetXml(xml: Buffer, ctx: SheetContext): SheetData {
  return new SheetReader(xml, ctx).read();
}

const CELLS_END = Buffer.from('</sheetData>', 'latin1');

/**
 * The part as Latin-1 up to the first "</sheetData>": what follows the cells (data
 * validations, conditional formats) is half of a scoring sheet's bytes and is never read,
 * so it is not copied into a string either. Should that first one not be the real end tag
 * (inside a comment, say), the reader finds out and goes on in the whole part.
 */
function cellsMarkup(xml: Buffer): string {
  const end = xml.indexOf(CELLS_END);
  return end < 0 ? xml.toString('latin1') : xml.toString('latin1', 0, end + CELLS_END.length);
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
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

class SheetReader {
  private readonly values: GridValue[][] = [];
  private readonly formulas: (string | null)[][] = [];
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();
  private readonly attributes = new AttributeScan();
  private cells = 0;
  private row = 0;
  private col = 0;
  /** The cell being read: one object, refilled for every <c>, rather than one per cell. */
  private readonly cell: OpenCell = { row: 0, col: 0, type: 'n', style: 0, formula: null, shared: null, value: null, inline: null };
  private inCell = false;
  /** Which text is being collected: a cell's <v>, <f>, or an inline string's <t>. */
  private capture: Tag = Tag.Other;
  private captured = '';
  private phonetic = 0;

  private src: string;

  constructor(
    private readonly xml: Buffer,
    private readonly ctx: SheetContext,
  ) {
    this.src = cellsMarkup(xml);
  }

  read(): SheetData {
    let src = this.src;
    const at = newTagAt();
    let inData = false;
    for (let i = 0; ; i = at.next) {
      const found = nextTag(src, i, at);
      if (src.length < this.xml.length && (!found || at.next >= src.length) && !(found && this.endsCells(at))) {
        // The cut fell inside this token (a comment, say), or the cells go on past it: the
        // rest is read from the whole part, from this token on, at the same offsets.
        src = this.src = this.xml.toString('latin1');
        at.next = i;
        continue;
      }
      if (!found) break;
      if (this.capture !== Tag.Other) {
        if (at.lt > i) this.captured += src.slice(i, at.lt);
        // Markup inside CDATA is literal: re-escaped, so decoding the collected text keeps it.
        if (at.kind === 'cdata') this.captured += src.slice(at.textStart, at.textEnd).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
      }
      if (at.kind !== 'tag') continue;
      const tag = tagOf(src, at.localStart, at.localEnd);
      if (!inData) {
        // Everything before <sheetData> (views, columns, properties) holds no cells.
        if (tag === Tag.SheetData && !at.closing) inData = !at.selfClosing;
        continue;
      }
      if (at.closing) {
        if (tag === Tag.SheetData) break;
        this.close(tag);
      } else {
        this.open(tag, at.localEnd, at.attrEnd, at.selfClosing);
        if (tag === Tag.C && this.inCell) at.next = this.plainBody(at.next);
      }
    }
    if (this.inCell) this.store(this.cell);
    const { values, formulas } = this;
    // Dense outer arrays: rows without cells are empty rows, not holes.
    for (let r = 0; r < values.length; r++) {
      values[r] ??= [];
      formulas[r] ??= [];
    }
    return { values, formulas, cells: this.cells, merges: mergesOf(this.xml) };
  }

  private open(tag: Tag, attrStart: number, attrEnd: number, selfClosing: boolean): void {
    const { src, ctx, attributes } = this;
    const found = attributes.found;
    switch (tag) {
      case Tag.Row: {
        ctx.elementSeen();
        attributes.scanRow(src, attrStart, attrEnd);
        if (found[R] < 0) this.row++;
        else {
          this.row = digitsValue(src, found[R], found[R + 1]);
          if (this.row < 1 || this.row > MAX_ROW) ctx.invalid(`số dòng không hợp lệ (${this.clip(found[R], found[R + 1])})`);
        }
        this.col = 0;
        return;
      }
      case Tag.C: {
        ctx.elementSeen();
        if (this.inCell) this.store(this.cell);
        this.inCell = false;
        this.capture = Tag.Other;
        attributes.scan(src, attrStart, attrEnd);
        const from = found[R];
        const to = found[R + 1];
        if (from < 0) this.col++;
        else {
          const address = parseAddress(src, from, to);
          if (address < 0) ctx.invalid(`địa chỉ ô không hợp lệ (${this.clip(from, to)})`);
          this.col = address % 32_768;
          // A cell's own address wins over its row's (a writer may leave rows out).
          this.row = Math.floor(address / 32_768);
        }
        const { row, col } = this;
        if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) ctx.invalid(`địa chỉ ô nằm ngoài bảng tính (${from < 0 ? col : this.clip(from, to)})`);
        // <c r="B1" s="4"/>: a styled empty cell, often a third of a sheet; nothing to keep.
        if (selfClosing) return;
        const style = found[S] < 0 ? 0 : digitsValue(src, found[S], found[S + 1]);
        const type = found[T] < 0 ? 'n' : cellType(src, found[T], found[T + 1]);
        const cell = this.cell;
        cell.row = row;
        cell.col = col;
        cell.type = type;
        cell.style = style;
        cell.formula = null;
        cell.shared = null;
        cell.value = null;
        cell.inline = null;
        this.inCell = true;
        return;
      }
      case Tag.F: {
        if (!this.inCell) return;
        const cell = this.cell;
        attributes.scan(src, attrStart, attrEnd);
        if (found[T] >= 0 && this.text(found[T], found[T + 1]) === 'shared') {
          cell.shared = { si: found[SI] < 0 ? '' : this.text(found[SI], found[SI + 1]), master: found[REF] >= 0 };
        }
        if (selfClosing) cell.formula ??= '';
        else this.startCapture(Tag.F);
        return;
      }
      case Tag.V:
        if (this.inCell && !selfClosing) this.startCapture(Tag.V);
        return;
      case Tag.Is:
        if (this.inCell) this.cell.inline = [];
        return;
      case Tag.T:
        if (this.inCell && this.cell.inline && !selfClosing) this.startCapture(Tag.T);
        return;
      case Tag.RPh:
        if (!selfClosing) this.phonetic++;
        return;
    }
  }

  /**
   * A cell's content as most writers write it — `<f>…</f>`, `<v>…</v>`, `</c>`, without
   * prefixes or attributes — read straight through; the first anything else is left to
   * the tag loop, from where this stopped. Returns that position.
   */
  private plainBody(from: number): number {
    const { src } = this;
    const cell = this.cell;
    let p = from;
    if (hasAt(src, p, '<f>')) {
      const end = src.indexOf('<', p + 3);
      if (end < 0 || !hasAt(src, end, '</f>')) return p;
      cell.formula = decodeFormula(src.slice(p + 3, end));
      p = end + 4;
    }
    if (hasAt(src, p, '<v>')) {
      const end = src.indexOf('<', p + 3);
      if (end < 0 || !hasAt(src, end, '</v>')) return p;
      cell.value = src.slice(p + 3, end);
      p = end + 4;
    }
    if (!hasAt(src, p, '</c>')) return p;
    this.store(cell);
    this.inCell = false;
    return p + 4;
  }

  private close(tag: Tag): void {
    const cell = this.inCell ? this.cell : null;
    if (tag === this.capture && tag !== Tag.Other) {
      if (cell) {
        if (tag === Tag.V) cell.value = this.captured;
        else if (tag === Tag.F) cell.formula = decodeFormula(this.captured);
        else if (this.phonetic === 0) cell.inline?.push(utf8Of(this.captured));
      }
      this.capture = Tag.Other;
    } else if (tag === Tag.RPh) this.phonetic = Math.max(0, this.phonetic - 1);
    else if (tag === Tag.C && cell) {
      this.store(cell);
      this.inCell = false;
      this.capture = Tag.Other;
    }
  }

  private endsCells(at: TagAt): boolean {
    return at.kind === 'tag' && at.closing && tagOf(this.src, at.localStart, at.localEnd) === Tag.SheetData;
  }

  private startCapture(what: Tag): void {
    this.capture = what;
    this.captured = '';
  }

  private text(from: number, to: number): string {
    return decodeXml(utf8Of(this.src.slice(from, to)));
  }

  private clip(from: number, to: number): string {
    return utf8Of(this.src.slice(from, Math.min(to, from + 20)));
  }

  private store(c: OpenCell): void {
    const formula = this.formulaOf(c);
    const value = cellValue(c, formula !== null, this.ctx);
    if (value === null && formula === null) return;
    this.cells++;
    this.ctx.cellSeen();
    const { values, formulas } = this;
    let v = values[c.row - 1];
    let f = formulas[c.row - 1];
    if (!v) {
      // Every row up to this one becomes an (empty) row of the grid.
      this.ctx.grow(Math.max(1, c.row - values.length));
      this.ctx.rowSeen();
      v = values[c.row - 1] = [];
      f = formulas[c.row - 1] = [];
    }
    if (v.length < c.col) {
      this.ctx.grow(c.col - v.length);
      while (v.length < c.col - 1) {
        v.push(null);
        f.push(null);
      }
    }
    v[c.col - 1] = value;
    f[c.col - 1] = formula;
  }

  private formulaOf(c: OpenCell): string | null {
    if (c.formula === null) return null;
    const own = c.formula.charCodeAt(0) === EQUALS ? c.formula.slice(1) : c.formula;
    if (!c.shared) return own;
    if (c.shared.master || own !== '') {
      this.masters.set(c.shared.si, { formula: own, row: c.row, col: c.col });
      return own;
    }
    const master = this.masters.get(c.shared.si);
    // Still a formula, even when its master cannot be found.
    if (!master) return `#SHARED(${c.shared.si})`;
    return shiftFormula(master.formula, c.row - master.row, c.col - master.col);
  }
}

const MERGE_CELLS = Buffer.from('mergeCells', 'latin1');

/**
 * The merged areas (<mergeCells>, after the cells): found with one search of the bytes,
 * then read tag by tag up to their end.
 */
function mergesOf(xml: Buffer): CellRange[] {
  const start = xml.indexOf(MERGE_CELLS);
  if (start < 0) return [];
  const end = xml.indexOf(MERGE_CELLS, start + MERGE_CELLS.length);
  const src = xml.toString('latin1', Math.max(0, xml.lastIndexOf('<', start)), end < 0 ? xml.length : end + MERGE_CELLS.length + 1);
  const out: CellRange[] = [];
  const at = newTagAt();
  for (let i = 0; nextTag(src, i, at); i = at.next) {
    if (at.kind !== 'tag' || at.closing || !sameAscii(src, at.localStart, at.localEnd, 'mergeCell')) continue;
    const ref = attributes(src.slice(at.localEnd, at.attrEnd)).ref ?? '';
    const [from, to = from] = ref.split(':');
    const a = parseAddress(from, 0, from.length);
    const b = parseAddress(to, 0, to.length);
    if (a < 0 || b < 0) continue;
    out.push({ top: Math.floor(a / 32_768), left: a % 32_768, bottom: Math.floor(b / 32_768), right: b % 32_768 });
  }
  return out;
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
