/**
 * A1 references inside formula text, found without a full formula parser: string
 * literals are skipped, sheet prefixes ('Tổng hợp'!D5, Sheet1!A1) are kept with their
 * reference, function names (LOG10( …) and numbers are left alone. Enough to move a
 * template formula to where its rows are now, to expand a shared formula, and to compare
 * two formulas written by different programs.
 */
import { columnLetter } from '../a1';

export interface CellReference {
  /** The sheet as written before "!", unquoted; null for a reference on the formula's own sheet. */
  sheet: string | null;
  row: number;
  col: number;
  rowAbsolute: boolean;
  colAbsolute: boolean;
}

/** Where a reference goes now; null when its target no longer exists (written as #REF!). */
export type RefMapper = (ref: CellReference) => { row: number; col: number; sheet?: string | null } | null;

export interface MappedFormula {
  text: string;
  /** References the mapper could not place. */
  unmapped: number;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]{0,6})$/;
/** [A-Za-z0-9_.$\\], by char code: this runs on every character of every template formula. */
function tokenCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36 || c === 92;
}
const MAX_COL = 16384;
const MAX_ROW = 1048576;
const DOLLAR = 36;
const QUOTE = 34;
const APOSTROPHE = 39;
const BANG = 33;
const OPEN_PAREN = 40;
const COLON = 58;

/** Formula text split once into what stays and the references that may move. */
type Part = LiteralPart | RefPart;

interface LiteralPart {
  ref: false;
  text: string;
  /** Anything but a lone ":" ends a range. */
  resets: boolean;
}

interface RefPart {
  ref: true;
  /** Where the reference starts in the formula (its sheet prefix included). */
  start: number;
  /** Sheet as written before "!" (unquoted), or null. */
  sheet: string | null;
  writtenPrefix: string;
  row: number;
  col: number;
  colDollar: string;
  rowDollar: string;
  /** Second half of a range (A1:B2) with no sheet of its own: it takes the first half's. */
  colonBefore: boolean;
}

/** Rows and columns a formula's references reach (none: fromRow > toRow). */
export interface RefSpan {
  fromRow: number;
  toRow: number;
  fromCol: number;
  toCol: number;
}

/** A formula split once, with what the check asks of it again and again. */
class ParsedFormula {
  /** Where its references reach when none of them names a sheet; null when one does. */
  readonly ownSheetSpan: Readonly<RefSpan> | null;
  /** The text with every row moved, by how far: filled as files ask. */
  private moved: Map<number, string | null> | null = null;

  constructor(
    readonly text: string,
    readonly parts: Part[],
  ) {
    let span: RefSpan | null = { fromRow: 1, toRow: 0, fromCol: 1, toCol: 0 };
    for (const part of parts) {
      if (!part.ref) continue;
      if (part.writtenPrefix !== '') {
        span = null;
        break;
      }
      if (span.fromRow > span.toRow) span = { fromRow: part.row, toRow: part.row, fromCol: part.col, toCol: part.col };
      else {
        span.fromRow = Math.min(span.fromRow, part.row);
        span.toRow = Math.max(span.toRow, part.row);
        span.fromCol = Math.min(span.fromCol, part.col);
        span.toCol = Math.max(span.toCol, part.col);
      }
    }
    this.ownSheetSpan = span;
  }

  rowsMoved(rows: number): string | null {
    if (rows === 0) return this.text;
    this.moved ??= new Map();
    let text = this.moved.get(rows);
    if (text === undefined) {
      const out = mapFormulaRefs(this.text, (r) => ({ row: r.row + rows, col: r.col }));
      text = out.unmapped > 0 ? null : out.text;
      if (this.moved.size >= MOVES_KEPT) this.moved.clear();
      this.moved.set(rows, text);
    }
    return text;
  }
}

/**
 * Parsed formulas by text. A check moves every template formula of a set for every
 * submission: the template's strings are the same each time, so each is parsed once.
 */
const parsed = new Map<string, ParsedFormula>();
const PARSED_MEMO = 20_000;
const MOVES_KEPT = 16;

function parsedOf(formula: string): ParsedFormula {
  let known = parsed.get(formula);
  if (known === undefined) {
    if (parsed.size >= PARSED_MEMO) parsed.clear();
    known = new ParsedFormula(formula, parseFormula(formula));
    parsed.set(formula, known);
  }
  return known;
}

/** Where a formula's references reach when all are on its own sheet; null when one names a sheet. */
export function ownSheetSpan(formula: string): Readonly<RefSpan> | null {
  return parsedOf(formula).ownSheetSpan;
}

/**
 * The formula with every reference's row moved by `rows`, $ or not — what Excel writes
 * when the formula's rows and all the rows it refers to move together — or null when a
 * reference would leave the sheet. Kept per formula and shift: files with rows inserted
 * or deleted at the same place share it.
 */
export function rowsMovedFormula(formula: string, rows: number): string | null {
  return parsedOf(formula).rowsMoved(rows);
}

/**
 * Where the references of a parsed formula go, one after another, and how each one's sheet
 * is then written: the second half of a range (A1:B2) takes the first half's sheet.
 */
class RefMover {
  row = 0;
  col = 0;
  prefix = '';
  private inRange = false;
  private rangeSheet: string | null = null;

  constructor(private readonly map: RefMapper) {}

  literal(part: LiteralPart): void {
    if (part.resets) this.inRange = false;
  }

  /** The reference moved into row, col and prefix; false when it does not map (it becomes #REF!). */
  move(part: RefPart): boolean {
    const afterColon = part.colonBefore && this.inRange;
    const sheet: string | null = part.writtenPrefix ? part.sheet : afterColon ? this.rangeSheet : null;
    const to = this.map({ sheet, row: part.row, col: part.col, rowAbsolute: part.rowDollar === '$', colAbsolute: part.colDollar === '$' });
    if (to === null || to.row < 1 || to.col < 1 || to.row > MAX_ROW || to.col > MAX_COL) {
      this.inRange = false;
      return false;
    }
    this.prefix = to.sheet !== undefined && to.sheet !== sheet && !afterColon ? (to.sheet === null ? '' : quoteSheet(to.sheet) + '!') : part.writtenPrefix;
    this.inRange = true;
    this.rangeSheet = sheet;
    this.row = to.row;
    this.col = to.col;
    return true;
  }
}

export function mapFormulaRefs(formula: string, map: RefMapper): MappedFormula {
  const parts = parsedOf(formula).parts;
  const mover = new RefMover(map);
  // Built only from the first reference that moves: most references of a moved file's
  // formulas stay where they were, and then the formula is returned as it is.
  let out: string | null = null;
  let unmapped = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.ref) {
      if (out !== null) out += part.text;
      mover.literal(part);
      continue;
    }
    if (!mover.move(part)) {
      unmapped++;
      out = (out ?? formula.slice(0, part.start)) + part.writtenPrefix + '#REF!';
      continue;
    }
    if (out === null) {
      if (mover.row === part.row && mover.col === part.col && mover.prefix === part.writtenPrefix) continue;
      out = formula.slice(0, part.start);
    }
    out += mover.prefix + part.colDollar + columnLetter(mover.col) + part.rowDollar + mover.row;
  }
  return { text: out ?? formula, unmapped };
}

/**
 * Whether `actual` is exactly `formula` with every reference moved by `map` — what
 * `mapFormulaRefs(formula, map)` gives when every reference maps — decided without making
 * the moved text: a file with rows inserted has a thousand moved formulas to compare, and
 * nearly all of them are as they should be. False when a reference does not map.
 */
export function isMovedFormula(actual: string, formula: string, map: RefMapper): boolean {
  const parts = parsedOf(formula).parts;
  const mover = new RefMover(map);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.ref) {
      if (!actual.startsWith(part.text, at)) return false;
      at += part.text.length;
      mover.literal(part);
      continue;
    }
    if (!mover.move(part) || !actual.startsWith(mover.prefix, at)) return false;
    at += mover.prefix.length;
    if (part.colDollar !== '') {
      if (actual.charCodeAt(at) !== DOLLAR) return false;
      at++;
    }
    const letters = columnLetter(mover.col);
    if (!actual.startsWith(letters, at)) return false;
    at += letters.length;
    if (part.rowDollar !== '') {
      if (actual.charCodeAt(at) !== DOLLAR) return false;
      at++;
    }
    at = digitsAt(actual, at, mover.row);
    if (at < 0) return false;
  }
  return at === actual.length;
}

/** Index past the decimal digits of n (≥ 1) written at text[at], or -1 when they are not there. */
function digitsAt(text: string, at: number, n: number): number {
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  const end = at + digits;
  if (end > text.length) return -1;
  for (let i = end - 1, v = n; i >= at; i--, v = Math.floor(v / 10)) if (text.charCodeAt(i) !== 48 + (v % 10)) return -1;
  return end;
}

/**
 * One pass, literal text taken in runs between references (not character by character):
 * the first moved file of a set parses every template formula before anything is warm.
 */
function parseFormula(formula: string): Part[] {
  // Every read is inside the text (end < n before charCodeAt(end)): a read past its end gives
  // NaN, but the first one made compiled code start over.
  const parts: Part[] = [];
  const n = formula.length;
  let literalFrom = 0;
  const literalUpTo = (to: number) => {
    if (to > literalFrom) parts.push({ ref: false, text: formula.slice(literalFrom, to), resets: to - literalFrom !== 1 || formula.charCodeAt(literalFrom) !== COLON });
  };
  let i = 0;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === QUOTE) {
      i = quotedEnd(formula, i);
      continue;
    }
    let prefixEnd = i;
    if (c === APOSTROPHE) {
      prefixEnd = quotedEnd(formula, i);
      if (prefixEnd >= n || formula.charCodeAt(prefixEnd) !== BANG) {
        i = prefixEnd;
        continue;
      }
      prefixEnd++;
    } else if (!tokenCode(c)) {
      i++;
      continue;
    } else if (c >= 48 && c <= 57) {
      // A number literal (0.9, 1E+3): skipped whole, so its digits are never a row.
      while (i < n && tokenCode(formula.charCodeAt(i))) i++;
      continue;
    }
    // A token — a function or defined name, or a reference — maybe after "Sheet1!".
    let end = prefixEnd;
    while (end < n && tokenCode(formula.charCodeAt(end))) end++;
    if (prefixEnd === i && end < n && formula.charCodeAt(end) === BANG) {
      prefixEnd = end + 1;
      end = prefixEnd;
      while (end < n && tokenCode(formula.charCodeAt(end))) end++;
    }
    const cell = end < n && formula.charCodeAt(end) === OPEN_PAREN ? null : cellToken(formula, prefixEnd, end);
    if (cell !== null) {
      literalUpTo(i);
      const writtenPrefix = formula.slice(i, prefixEnd);
      const sheet = writtenPrefix === '' ? null : c === APOSTROPHE ? formula.slice(i + 1, prefixEnd - 2).replace(/''/g, "'") : formula.slice(i, prefixEnd - 1);
      parts.push({
        ref: true,
        start: i,
        sheet,
        writtenPrefix,
        row: cell.row,
        col: cell.col,
        colDollar: cell.colDollar,
        rowDollar: cell.rowDollar,
        colonBefore: writtenPrefix === '' && i > 0 && formula.charCodeAt(i - 1) === COLON,
      });
      literalFrom = end;
    }
    i = end;
  }
  literalUpTo(n);
  return parts;
}

/**
 * formula[from, to) as a cell reference — $?[A-Za-z]{1,3}$?[1-9][0-9]{0,6} within the
 * sheet's bounds — or null. By char code: it runs on every token of every template formula.
 */
function cellToken(formula: string, from: number, to: number): Pick<RefPart, 'row' | 'col' | 'colDollar' | 'rowDollar'> | null {
  let i = from;
  const colDollar = formula.charCodeAt(i) === DOLLAR ? '$' : '';
  if (colDollar) i++;
  let col = 0;
  const lettersFrom = i;
  for (; i < to; i++) {
    const c = formula.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  if (i === lettersFrom || i - lettersFrom > 3 || col > MAX_COL) return null;
  const rowDollar = formula.charCodeAt(i) === DOLLAR ? '$' : '';
  if (rowDollar) i++;
  const first = formula.charCodeAt(i);
  if (first < 49 || first > 57 || to - i > 7) return null;
  let row = 0;
  for (; i < to; i++) {
    const c = formula.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + c - 48;
  }
  return row > MAX_ROW ? null : { row, col, colDollar, rowDollar };
}

/** Every reference in a formula, in order (for tests and for "which rows does this sum"). */
export function formulaRefs(formula: string): CellReference[] {
  const refs: CellReference[] = [];
  mapFormulaRefs(formula, (r) => {
    refs.push(r);
    return { row: r.row, col: r.col };
  });
  return refs;
}

/** A shared formula moved from its master cell to a dependent: relative parts move, $ parts stay. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return mapFormulaRefs(formula, (r) => ({ row: r.rowAbsolute ? r.row : r.row + rows, col: r.colAbsolute ? r.col : r.col + cols })).text;
}

/**
 * A form two programs agree on: no "=", no spaces or $ outside strings, capitals,
 * no _xlfn. prefixes, sheet names unquoted. Text inside strings is kept exactly.
 */
export function canonicalFormula(formula: string): string {
  const f = formula.normalize('NFC').trim().replace(/^=/, '');
  let out = '';
  let i = 0;
  while (i < f.length) {
    if (f[i] === '"') {
      const end = quotedEnd(f, i);
      out += f.slice(i, end);
      i = end;
      continue;
    }
    if (f[i] === "'") {
      const end = quotedEnd(f, i);
      out += f.slice(i + 1, end - 1).replace(/''/g, "'").replace(/\s+/g, '').toUpperCase();
      i = end;
      continue;
    }
    const ch = f[i];
    if (!/\s/.test(ch) && ch !== '$') out += ch.toUpperCase();
    i++;
  }
  return out.replace(/_XL(FN|WS|UDF)\./g, '');
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !CELL.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Index just past a quoted run that starts at `start` — a "…" string literal or a '…'
 * sheet name — where the quote doubled ("" or '') stands for itself.
 */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (i + 1 < text.length && text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

export function refAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
