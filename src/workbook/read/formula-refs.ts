/**
 * A1 references inside formula text, found without a full formula parser: string
 * literals are skipped, sheet prefixes ('Tổng hợp'!D5, Sheet1!A1) are kept with their
 * reference, function names (LOG10( …) and numbers are left alone. Enough to move a
 * template formula to where its rows are now, to expand a shared formula, and to compare
 * two formulas written by different programs.
 */
import { columnLetter, columnNumber } from '../a1';

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
const NUMBER = /[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/y;
const MAX_COL = 16384;
const MAX_ROW = 1048576;

/** Formula text split once into what stays and the references that may move. */
type Part = { ref: false; text: string; resets: boolean } | RefPart;

interface RefPart {
  ref: true;
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

/**
 * Parsed formulas by text. A check moves every template formula of a set for every
 * submission: the template's strings are the same each time, so each is parsed once.
 */
const parsed = new Map<string, Part[]>();
const PARSED_MEMO = 20_000;

export function mapFormulaRefs(formula: string, map: RefMapper): MappedFormula {
  let parts = parsed.get(formula);
  if (parts === undefined) {
    if (parsed.size >= PARSED_MEMO) parsed.clear();
    parts = parseFormula(formula);
    parsed.set(formula, parts);
  }
  let out = '';
  let unmapped = 0;
  // The sheet of the reference just written, for the second half of a range (A1:B2).
  let rangeSheet: { name: string | null } | null = null;
  for (const part of parts) {
    if (!part.ref) {
      out += part.text;
      if (part.resets) rangeSheet = null;
      continue;
    }
    const afterColon = part.colonBefore && rangeSheet !== null;
    const ref: CellReference = {
      sheet: part.writtenPrefix ? part.sheet : afterColon ? rangeSheet!.name : null,
      row: part.row,
      col: part.col,
      rowAbsolute: part.rowDollar === '$',
      colAbsolute: part.colDollar === '$',
    };
    const to = map(ref);
    if (to === null || to.row < 1 || to.col < 1 || to.row > MAX_ROW || to.col > MAX_COL) {
      unmapped++;
      out += part.writtenPrefix + '#REF!';
      rangeSheet = null;
    } else {
      let prefix = part.writtenPrefix;
      if (to.sheet !== undefined && to.sheet !== ref.sheet && !afterColon) prefix = to.sheet === null ? '' : quoteSheet(to.sheet) + '!';
      out += prefix + part.colDollar + columnLetter(to.col) + part.rowDollar + to.row;
      rangeSheet = { name: ref.sheet };
    }
  }
  return { text: out, unmapped };
}

function parseFormula(formula: string): Part[] {
  const parts: Part[] = [];
  const literal = (text: string, resets: boolean) => {
    const last = parts[parts.length - 1];
    if (last !== undefined && !last.ref) {
      last.text += text;
      last.resets ||= resets;
    } else parts.push({ ref: false, text, resets });
  };
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      const end = stringEnd(formula, i);
      literal(formula.slice(i, end), true);
      i = end;
      continue;
    }
    let sheet: string | null = null;
    let writtenPrefix = '';
    let start = i;
    if (ch === "'") {
      const end = quotedEnd(formula, i);
      if (formula[end] === '!') {
        sheet = formula.slice(i + 1, end - 1).replace(/''/g, "'");
        writtenPrefix = formula.slice(i, end + 1);
        start = end + 1;
      } else {
        literal(formula.slice(i, end), false);
        i = end;
        continue;
      }
    } else if (ch >= '0' && ch <= '9' && !isTokenChar(formula[i - 1])) {
      // A number literal: 0.9, 1E+3.
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(formula);
      const len = m ? m[0].length : 1;
      literal(formula.slice(i, i + len), true);
      i += len;
      continue;
    } else if (!tokenCode(formula.charCodeAt(i)) || isTokenChar(formula[i - 1])) {
      literal(ch, ch !== ':');
      i++;
      continue;
    }
    // A token: maybe "Sheet1!" then a reference, or a function or defined name.
    let end = start;
    while (end < n && tokenCode(formula.charCodeAt(end))) end++;
    let token = formula.slice(start, end);
    if (!writtenPrefix && formula[end] === '!') {
      sheet = token;
      writtenPrefix = formula.slice(start, end + 1);
      start = end + 1;
      end = start;
      while (end < n && tokenCode(formula.charCodeAt(end))) end++;
      token = formula.slice(start, end);
    }
    const cell = CELL.exec(token);
    const isRef = cell !== null && formula[end] !== '(' && columnNumber(cell[2]) <= MAX_COL && Number(cell[4]) <= MAX_ROW;
    if (!isRef) {
      literal(formula.slice(i, end), true);
      i = end;
      continue;
    }
    parts.push({
      ref: true,
      sheet,
      writtenPrefix,
      row: Number(cell[4]),
      col: columnNumber(cell[2]),
      colDollar: cell[1],
      rowDollar: cell[3],
      colonBefore: !writtenPrefix && formula[i - 1] === ':',
    });
    i = end;
  }
  return parts;
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
      const end = stringEnd(f, i);
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

function isTokenChar(ch: string | undefined): boolean {
  return ch !== undefined && tokenCode(ch.charCodeAt(0));
}

/** Index just past a "…" literal ("" is an escaped quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** Index just past a '…' sheet name ('' is an escaped apostrophe). */
function quotedEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

export function refAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
