/**
 * RECORDING TEST DOUBLE OF THE EXCEL JAVASCRIPT API (Office.js) — hand-written, not Excel,
 * not office-addin-mock.
 *
 * It stands in for the small part of Excel's object model that src/workbook/office/render.ts
 * and src/workbook/office/read.ts use, and nothing else:
 *
 *  - Every API object is wrapped in a Proxy. Reading or assigning any member the double does not
 *    model throws `Excel test double: <Type>.<member> is not implemented`, so a typo or an API we
 *    never modelled fails loudly instead of passing silently. `then` reads as undefined (awaiting
 *    an object is safe), Symbol keys and a few inspection keys (toJSON, $$typeof, asymmetricMatch,
 *    nodeType, constructor…) pass through so Jest can print objects.
 *  - Writes and loads are queued like the real proxy objects and run, in order, on
 *    `context.sync()`; the first failing operation rejects the sync and drops the rest (no
 *    rollback, like the host). `syncCount()` counts syncs; `log` records every method call and
 *    property assignment (and each sync) with its target.
 *  - A property read before `load()` + `sync()` throws PropertyNotLoaded. Only the properties the
 *    reader needs are loadable.
 *  - Requirement sets are enforced: a member newer than `apiVersion` throws, so the renderer's
 *    feature detection is exercised (`Office.context.requirements.isSetSupported` answers from the
 *    same version).
 *  - It keeps an in-memory model per worksheet (cells with value / formula / number format /
 *    format / locked; border edges; columns; rows with outline levels; merges; data validation;
 *    conditional formats in priority order; freeze panes; protection; page layout; charts;
 *    visibility; tab colour) plus workbook names, for tests to inspect through `sheet(name)`.
 *
 * Host behaviour it imitates on purpose (documented by Microsoft or reported in office-js issues):
 *  - Text written to `formulas`/`values` is parsed unless the cell is formatted "@" or the text
 *    starts with an apostrophe: "=…" is a formula, "+…"/"-…" that is not a number is a formula,
 *    numbers ("1.1", "1,234", "10%"), TRUE/FALSE, error literals and ISO or m/d/y dates are
 *    converted. Reading `formulas` back drops the apostrophe (office-js #6687).
 *  - `null` in a written 2-D array leaves that cell unchanged; "" clears it.
 *  - A formula, validation source, conditional format or name that refers to a sheet that does
 *    not exist fails (Excel would turn it into an external link); ";" separators are rejected.
 *  - New conditional formats go to the top of the priority list.
 *  - `names.add(name, "Sheet!A1")` without "=" stores a text constant (office-js #2283).
 *  - Cell changes on a protected sheet fail.
 *  - Data validation titles are limited to 32 characters and messages to 255.
 * It computes no formulas: a formula cell's value is null (read as "", type Empty) unless a test
 * seeds one with `setComputed`.
 *
 * Plain TypeScript with no Node-only API, so webpack/ts-loader can bundle it into the browser
 * end-to-end page and `install(window)` it as `window.Excel` / `window.Office`.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

// ---------------------------------------------------------------------------------------------
// Public model types (what tests inspect)

export type ModelValue = number | string | boolean | null | { error: string };

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellFormatModel {
  fill?: string;
  font: { name?: string; bold?: boolean; italic?: boolean; size?: number; color?: string };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  locked: boolean;
}

export interface CellModel {
  /** A constant, or the seeded computed value of a formula cell. */
  value: ModelValue;
  /** With the leading "=", or null for a constant. */
  formula: string | null;
  numberFormat: string;
  /** Text entered with a leading apostrophe. */
  quotePrefix: boolean;
  format: CellFormatModel;
}

export interface BorderModel {
  style?: string;
  color?: string;
  weight?: string;
}

export type ValidationRuleModel =
  | { type: 'Decimal'; operator: string; formula1: string; formula2?: string }
  | { type: 'List'; source: string; inCellDropDown: boolean };

export interface ValidationModel {
  address: string;
  rect: Rect;
  rule: ValidationRuleModel;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatModel {
  address: string;
  rect: Rect;
  type: string;
  formula?: string;
  /** Data bars: the bounds and the bar's colour. */
  lowerBound?: { type: string; formula?: string };
  upperBound?: { type: string; formula?: string };
  barColor?: string;
  gradientFill?: boolean;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ChartSeriesModel {
  name: string;
  values?: string;
  xValues?: string;
}

export interface ChartModel {
  type: string;
  seriesBy: string;
  source: string;
  title?: string;
  series: ChartSeriesModel[];
  from?: string;
  to?: string;
}

export interface LogEntry {
  seq: number;
  kind: 'call' | 'set' | 'sync';
  /** "Range.formulas", "Worksheet.getRange", "RequestContext.sync"… */
  member: string;
  /** The object's label, e.g. "'Chấm điểm'!A1:T146" or "Workbook". */
  target: string;
  args: unknown[];
}

export class ExcelDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`Excel test double: ${code}: ${message}`);
    this.name = 'ExcelDoubleError';
  }
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

export class SheetModel {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor: string | null = null;
  readonly cells = new Map<string, CellModel>();
  /** Top edge of cell (row, col), keyed "row,col". */
  readonly hEdges = new Map<string, BorderModel>();
  /** Left edge of cell (row, col), keyed "row,col". */
  readonly vEdges = new Map<string, BorderModel>();
  readonly columns = new Map<number, { width?: number; hidden?: boolean }>();
  readonly rows = new Map<number, { height?: number; hidden?: boolean; outlineLevel?: number }>();
  readonly merges: Rect[] = [];
  readonly validations: ValidationModel[] = [];
  /** Index = priority (0 first). */
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  freeze: { rows: number; cols: number } | null = null;
  protection: { protected: boolean; options?: Record<string, unknown>; password?: string } = { protected: false };
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: Record<string, unknown>;
    printTitleRows?: string;
    printTitleColumns?: string;
    printArea?: string;
    /** Points, as set ("leftMargin" → left). */
    margins?: Record<string, number>;
    /** The default header/footer texts ("leftHeader", "centerFooter"…). */
    headersFooters?: Record<string, string>;
  } = {};
  /** Outline levels shown by showOutlineLevels (rows, columns), or null if never called. */
  shownOutlineLevels: { rows: number; columns: number } | null = null;
  readonly charts: ChartModel[] = [];

  constructor(public name: string) {}

  /** The cell at an A1 address (a fresh default if never touched). */
  cell(address: string): CellModel {
    const { row, col } = parseCell(address);
    return this.cells.get(key(row, col)) ?? defaultCell();
  }

  at(row: number, col: number): CellModel {
    return this.cells.get(key(row, col)) ?? defaultCell();
  }

  ensure(row: number, col: number): CellModel {
    const k = key(row, col);
    let cell = this.cells.get(k);
    if (!cell) this.cells.set(k, (cell = defaultCell()));
    return cell;
  }

  borders(address: string): { top?: BorderModel; bottom?: BorderModel; left?: BorderModel; right?: BorderModel } {
    const { row, col } = parseCell(address);
    return {
      top: this.hEdges.get(key(row, col)),
      bottom: this.hEdges.get(key(row + 1, col)),
      left: this.vEdges.get(key(row, col)),
      right: this.vEdges.get(key(row, col + 1)),
    };
  }

  mergeAddresses(): string[] {
    return this.merges.map((m) => rectAddress(m));
  }

  /** The rectangle of cells holding a value or formula (valuesOnly) or any state. */
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.formula === null && (cell.value === null || cell.value === '')) continue;
      const [row, col] = k.split(',').map(Number);
      rect = rect
        ? { top: Math.min(rect.top, row), left: Math.min(rect.left, col), bottom: Math.max(rect.bottom, row), right: Math.max(rect.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return rect;
  }
}

// ---------------------------------------------------------------------------------------------
// A1 helpers (self-contained: the double does not borrow from the code under test)

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function defaultCell(): CellModel {
  return { value: null, formula: null, numberFormat: 'General', quotePrefix: false, format: { font: {}, locked: true } };
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new ExcelDoubleError('InvalidArgument', `not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnIndex(m[1]) };
}

/** "A1", "A1:B2", "$A$1:$B$2", "7:7", "A:C" (no sheet prefix). */
export function parseRect(address: string): Rect {
  const a = address.trim();
  let m = /^\$?(\d+):\$?(\d+)$/.exec(a);
  if (m) return norm({ top: Number(m[1]), bottom: Number(m[2]), left: 1, right: MAX_COL });
  m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(a);
  if (m) return norm({ top: 1, bottom: MAX_ROW, left: columnIndex(m[1]), right: columnIndex(m[2]) });
  const [first, second = first, ...rest] = a.split(':');
  if (rest.length) throw new ExcelDoubleError('InvalidArgument', `not a range address: ${address}`);
  const p = parseCell(first);
  const q = parseCell(second);
  return norm({ top: p.row, left: p.col, bottom: q.row, right: q.col });
}

function norm(r: Rect): Rect {
  const rect = { top: Math.min(r.top, r.bottom), left: Math.min(r.left, r.right), bottom: Math.max(r.top, r.bottom), right: Math.max(r.left, r.right) };
  if (rect.top < 1 || rect.left < 1 || rect.bottom > MAX_ROW || rect.right > MAX_COL) throw new ExcelDoubleError('InvalidArgument', 'range outside the sheet');
  return rect;
}

export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (r.left === 1 && r.right === MAX_COL) return `${d}${r.top}:${d}${r.bottom}`;
  if (r.top === 1 && r.bottom === MAX_ROW) return `${d}${columnLetters(r.left)}:${d}${columnLetters(r.right)}`;
  const a = `${d}${columnLetters(r.left)}${d}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${d}${columnLetters(r.right)}${d}${r.bottom}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function area(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Sheet names a formula refers to ('Name'!… or Name!…), ignoring text in double quotes. */
function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      i++;
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === '!') out.push(name);
      i = j + 1;
    } else {
      const m = /^[A-Za-z_\u00C0-\u1EFF][\w.\u00C0-\u1EFF]*!/.exec(formula.slice(i));
      if (m && (i === 0 || !/[\w.]/.test(formula[i - 1]))) {
        out.push(m[0].slice(0, -1));
        i += m[0].length;
      } else i++;
    }
  }
  return out;
}

/**
 * Rewrites references to sheet `from` as Excel does when a sheet is renamed (to a new name)
 * or deleted (to = null: the reference becomes #REF!). Text in quotes is left alone.
 */
function retargetSheetRefs(formula: string, from: string, to: string | null): string {
  let out = '';
  let i = 0;
  const same = (name: string) => name.toLowerCase() === from.toLowerCase();
  const replaceRef = (rest: string): { text: string; skip: number } => {
    if (to !== null) return { text: `${quoteSheet(to)}!`, skip: 0 };
    const cell = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest);
    return { text: '#REF!', skip: cell ? cell[0].length : 0 };
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === '!' && same(name)) {
        const r = replaceRef(formula.slice(j + 2));
        out += r.text;
        i = j + 2 + r.skip;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
    } else {
      const m = /^[A-Za-z_\u00C0-\u1EFF][\w.\u00C0-\u1EFF]*!/.exec(formula.slice(i));
      if (m && (i === 0 || !/[\w.]/.test(formula[i - 1]))) {
        if (same(m[0].slice(0, -1))) {
          const r = replaceRef(formula.slice(i + m[0].length));
          out += r.text;
          i += m[0].length + r.skip;
        } else {
          out += m[0];
          i += m[0].length;
        }
      } else out += formula[i++];
    }
  }
  return out;
}

function hasSemicolonOutsideText(formula: string): boolean {
  let inText = false;
  for (const ch of formula) {
    if (ch === '"') inText = !inText;
    else if (ch === ';' && !inText) return true;
  }
  return false;
}

const NUMBER_TEXT = /^\s*[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?\s*%?\s*$/;
const ERROR_LITERALS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What Excel stores when a string is typed (or written through the API) into a cell. */
function coerceText(text: string, numberFormat: string): Pick<CellModel, 'value' | 'formula' | 'quotePrefix'> {
  if (numberFormat === '@') return { value: text, formula: null, quotePrefix: false };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null, quotePrefix: true };
  if (text.startsWith('=') && text.length > 1) return { value: null, formula: text, quotePrefix: false };
  const t = text.trim();
  if (/\d/.test(t) && NUMBER_TEXT.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace(/[,%\s]/g, ''));
    if (Number.isFinite(n)) return { value: pct ? n / 100 : n, formula: null, quotePrefix: false };
  }
  if (/^[+-]/.test(t) && t.length > 1) return { value: null, formula: `=${t}`, quotePrefix: false };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE', formula: null, quotePrefix: false };
  if (ERROR_LITERALS.has(t.toUpperCase())) return { value: { error: t.toUpperCase() }, formula: null, quotePrefix: false };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { value: dateSerial(+m[1], +m[2], +m[3]), formula: null, quotePrefix: false };
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (m && +m[1] <= 12 && +m[2] <= 31) return { value: dateSerial(m[3] ? +m[3] : 2025, +m[1], +m[2]), formula: null, quotePrefix: false };
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d{1,4}$/i.test(t)) return { value: dateSerial(2025, 1, 1), formula: null, quotePrefix: false };
  return { value: text, formula: null, quotePrefix: false };
}

function compareVersions(a: string, b: string): number {
  const [am, an = 0] = a.split('.').map(Number);
  const [bm, bn = 0] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

// ---------------------------------------------------------------------------------------------
// Enums (plain objects with the host's string values)

const ENUMS = {
  DataValidationOperator: {
    between: 'Between', notBetween: 'NotBetween', equalTo: 'EqualTo', notEqualTo: 'NotEqualTo', greaterThan: 'GreaterThan',
    lessThan: 'LessThan', greaterThanOrEqualTo: 'GreaterThanOrEqualTo', lessThanOrEqualTo: 'LessThanOrEqualTo',
  },
  DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
  ConditionalFormatType: {
    custom: 'Custom', dataBar: 'DataBar', colorScale: 'ColorScale', iconSet: 'IconSet', topBottom: 'TopBottom',
    presetCriteria: 'PresetCriteria', containsText: 'ContainsText', cellValue: 'CellValue',
  },
  ChartType: { barClustered: 'BarClustered', columnClustered: 'ColumnClustered', line: 'Line', pie: 'Pie' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  GroupOption: { byRows: 'ByRows', byColumns: 'ByColumns' },
  ConditionalFormatRuleType: {
    invalid: 'Invalid', automatic: 'Automatic', lowestValue: 'LowestValue', highestValue: 'HighestValue', number: 'Number',
    percent: 'Percent', formula: 'Formula', percentile: 'Percentile',
  },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  PaperType: { letter: 'Letter', legal: 'Legal', a3: 'A3', a4: 'A4', a5: 'A5' },
  ProtectionSelectionMode: { normal: 'Normal', unlocked: 'Unlocked', none: 'None' },
  BorderIndex: {
    edgeTop: 'EdgeTop', edgeBottom: 'EdgeBottom', edgeLeft: 'EdgeLeft', edgeRight: 'EdgeRight',
    insideVertical: 'InsideVertical', insideHorizontal: 'InsideHorizontal', diagonalDown: 'DiagonalDown', diagonalUp: 'DiagonalUp',
  },
  BorderLineStyle: { none: 'None', continuous: 'Continuous', dash: 'Dash', dashDot: 'DashDot', dashDotDot: 'DashDotDot', dot: 'Dot', double: 'Double', slantDashDot: 'SlantDashDot' },
  BorderWeight: { hairline: 'Hairline', thin: 'Thin', medium: 'Medium', thick: 'Thick' },
  HorizontalAlignment: {
    general: 'General', left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify',
    centerAcrossSelection: 'CenterAcrossSelection', distributed: 'Distributed',
  },
  VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' },
  CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
  RangeValueType: { unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error', richValue: 'RichValue' },
} as const;

const values = (e: Record<string, string>) => new Set(Object.values(e));

/**
 * Members newer than ExcelApi 1.1, keyed "Type.member" (option objects' fields too, e.g.
 * "WorksheetProtectionOptions.selectionMode"). test/doubles/requirements.test.ts derives this
 * table from @types/office-js's "[Api set: ExcelApi x.y]" notes for every member
 * src/workbook/office/ uses, and fails when they differ; where a note gives two sets ("1.2 for
 * options; 1.7 for password") the higher one is kept.
 */
export const REQUIRES: Readonly<Record<string, string>> = {
  'ConditionalDataBarPositiveFormat.fillColor': '1.6',
  'ConditionalDataBarPositiveFormat.gradientFill': '1.6',
  'ConditionalDataBarRule.formula': '1.6',
  'ConditionalDataBarRule.type': '1.6',
  'ConditionalFormat.dataBar': '1.6',
  'DataBarConditionalFormat.lowerBoundRule': '1.6',
  'DataBarConditionalFormat.positiveFormat': '1.6',
  'DataBarConditionalFormat.upperBoundRule': '1.6',
  'HeaderFooter.centerFooter': '1.9',
  'HeaderFooter.centerHeader': '1.9',
  'HeaderFooter.leftFooter': '1.9',
  'HeaderFooter.leftHeader': '1.9',
  'HeaderFooter.rightFooter': '1.9',
  'HeaderFooter.rightHeader': '1.9',
  'HeaderFooterGroup.defaultForAllPages': '1.9',
  'PageLayout.bottomMargin': '1.9',
  'PageLayout.footerMargin': '1.9',
  'PageLayout.headerMargin': '1.9',
  'PageLayout.headersFooters': '1.9',
  'PageLayout.leftMargin': '1.9',
  'PageLayout.rightMargin': '1.9',
  'PageLayout.setPrintTitleColumns': '1.9',
  'PageLayout.topMargin': '1.9',
  'Worksheet.showOutlineLevels': '1.10',
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  'ChartSeries.setValues': '1.7',
  'ChartSeries.setXAxisValues': '1.7',
  'ChartSeriesCollection.add': '1.7',
  'ConditionalFormat.custom': '1.6',
  'ConditionalFormatCollection.add': '1.6',
  'ConditionalFormatRule.formula': '1.6',
  'ConditionalRangeFill.color': '1.6',
  'ConditionalRangeFont.bold': '1.6',
  'ConditionalRangeFont.color': '1.6',
  'ConditionalRangeFormat.fill': '1.6',
  'ConditionalRangeFormat.font': '1.6',
  'CustomConditionalFormat.format': '1.6',
  'CustomConditionalFormat.rule': '1.6',
  'DataValidation.errorAlert': '1.8',
  'DataValidation.ignoreBlanks': '1.8',
  'DataValidation.prompt': '1.8',
  'DataValidation.rule': '1.8',
  'DataValidationErrorAlert.message': '1.8',
  'DataValidationErrorAlert.showAlert': '1.8',
  'DataValidationErrorAlert.style': '1.8',
  'DataValidationErrorAlert.title': '1.8',
  'DataValidationPrompt.message': '1.8',
  'DataValidationPrompt.showPrompt': '1.8',
  'DataValidationPrompt.title': '1.8',
  'DataValidationRule.decimal': '1.8',
  'DataValidationRule.list': '1.8',
  'FormatProtection.locked': '1.2',
  'NamedItem.delete': '1.4',
  'NamedItem.formula': '1.7',
  'NamedItemCollection.add': '1.4',
  'PageLayout.orientation': '1.9',
  'PageLayout.paperSize': '1.9',
  'PageLayout.setPrintArea': '1.9',
  'PageLayout.setPrintTitleRows': '1.9',
  'PageLayout.zoom': '1.9',
  'PageLayoutZoomOptions.horizontalFitToPages': '1.9',
  'PageLayoutZoomOptions.verticalFitToPages': '1.9',
  'Range.columnHidden': '1.2',
  'Range.conditionalFormats': '1.6',
  'Range.dataValidation': '1.8',
  'Range.group': '1.10',
  'Range.merge': '1.2',
  'Range.rowHidden': '1.2',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.indentLevel': '1.9',
  'RangeFormat.protection': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'RequestContext.runtime': '1.5',
  'Runtime.enableEvents': '1.8',
  'Worksheet.freezePanes': '1.7',
  'Worksheet.getUsedRange': '1.2',
  'Worksheet.onChanged': '1.7',
  'Worksheet.pageLayout': '1.9',
  'Worksheet.protection': '1.2',
  'Worksheet.tabColor': '1.7',
  'Worksheet.visibility': '1.2',
  'WorksheetChangedEventArgs.address': '1.7',
  'WorksheetChangedEventArgs.worksheetId': '1.7',
  'WorksheetCollection.onChanged': '1.9',
  'WorksheetFreezePanes.freezeAt': '1.7',
  'WorksheetFreezePanes.freezeColumns': '1.7',
  'WorksheetFreezePanes.freezeRows': '1.7',
  'WorksheetProtection.protect': '1.7',
  'WorksheetProtectionOptions.allowAutoFilter': '1.2',
  'WorksheetProtectionOptions.allowFormatColumns': '1.2',
  'WorksheetProtectionOptions.allowFormatRows': '1.2',
  'WorksheetProtectionOptions.allowInsertRows': '1.2',
  'WorksheetProtectionOptions.selectionMode': '1.7',
};

/** Keys Jest, pretty-format and friends probe; read through without throwing. */
const INSPECTION_KEYS = new Set([
  'toJSON', '$$typeof', 'asymmetricMatch', 'nodeType', 'tagName', 'constructor', 'toString', 'valueOf', 'inspect',
  '_isMockFunction', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '@@__IMMUTABLE_KEYED__@@', '@@__IMMUTABLE_ORDERED__@@',
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__proto__',
]);

function notImplemented(type: string, member: string, how = ''): Error {
  return new Error(`Excel test double: ${type}.${member} is not implemented${how}`);
}

function strictEnum<T extends Record<string, string>>(name: string, obj: T): T {
  return new Proxy(obj, {
    get(t, p) {
      if (typeof p === 'symbol' || p in t || INSPECTION_KEYS.has(p)) return Reflect.get(t, p);
      if (p === 'then') return undefined;
      throw notImplemented(`Excel.${name}`, p);
    },
    set(_t, p) {
      throw notImplemented(`Excel.${name}`, String(p), ' (enums are read-only)');
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Host state

const S = Symbol('excel-double-state');

interface Op {
  what: string;
  run: () => void;
}

class Host {
  readonly sheets: SheetModel[] = [];
  readonly names = new Map<string, { name: string; formula: string; comment?: string }>();
  readonly log: LogEntry[] = [];
  readonly syncDetails: Array<{ operations: number }> = [];
  queue: Op[] = [];
  staged: Array<() => void> = [];
  syncs = 0;
  seq = 0;
  enableEvents = true;
  calculationSuspended = false;
  /** Each application.calculate() call, in order. */
  readonly calculations: string[] = [];
  writesWhileSuspended = 0;
  eventsOffDuringWrites = true;
  activeSheet = '';
  /** The selected cells (Range.select(), or a test playing the user). */
  selection: { sheet: string; rect: Rect } | null = null;
  /** Worksheet.onChanged handlers registered by a sync; sheet null: WorksheetCollection.onChanged (every sheet, also ones added later). */
  readonly changeHandlers: Array<{ sheet: SheetModel | null; handler: (args: unknown) => unknown }> = [];
  /** The user is typing in a cell: the host refuses API requests until the entry ends. */
  cellEditMode = false;
  /** The one request context (event handler results hand it back for Excel.run(context, …)). */
  context: unknown = null;
  /** Operations run so far, over all syncs; the one numbered `failAt` throws instead. */
  operationsRun = 0;
  failAt: number | null = null;
  /** What each operation run was ("add sheet X", "numberFormat", "Range.load(values)"…), with the sync it ran in. */
  readonly ran: Array<{ what: string; sync: number }> = [];

  constructor(readonly apiVersion: string) {}

  supports(version: string): boolean {
    return compareVersions(version, this.apiVersion) <= 0;
  }

  enqueue(what: string, run: () => void): void {
    this.queue.push({ what, run });
  }

  /** Queue a change to a sheet's cells (counts writes made with events on / calculation live). */
  enqueueWrite(what: string, run: () => void): void {
    this.enqueue(what, () => {
      if (this.calculationSuspended) this.writesWhileSuspended++;
      if (this.enableEvents) this.eventsOffDuringWrites = false;
      run();
    });
  }

  find(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Every formula the model keeps (cells, validations, conditional formats, charts, names), rewritten. */
  retargetRefs(from: string, to: string | null): void {
    const fix = (f: string) => retargetSheetRefs(f, from, to);
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) if (cell.formula !== null) cell.formula = fix(cell.formula);
      for (const v of sheet.validations) {
        if (v.rule.type === 'List') v.rule.source = fix(v.rule.source);
        else {
          v.rule.formula1 = fix(v.rule.formula1);
          if (v.rule.formula2 !== undefined) v.rule.formula2 = fix(v.rule.formula2);
        }
      }
      for (const cf of sheet.conditionalFormats) if (cf.formula !== undefined) cf.formula = fix(cf.formula);
      for (const chart of sheet.charts) {
        chart.source = fix(chart.source);
        for (const series of chart.series) {
          if (series.values !== undefined) series.values = fix(series.values);
          if (series.xValues !== undefined) series.xValues = fix(series.xValues);
        }
      }
    }
    for (const name of this.names.values()) name.formula = fix(name.formula);
  }

  checkFormula(formula: string, where: string): void {
    if (hasSemicolonOutsideText(formula)) throw new ExcelDoubleError('InvalidArgument', `${where}: ";" in ${formula} — write English formulas with ","`);
    for (const sheet of referencedSheets(formula)) {
      if (!this.find(sheet)) throw new ExcelDoubleError('InvalidReference', `${where}: ${formula} refers to sheet "${sheet}", which does not exist (Excel would make it an external link)`);
    }
  }
}

interface ObjState {
  host: Host;
  type: string;
  label: () => string;
  loaded: Map<string, unknown>;
  children: Map<string, unknown>;
}

abstract class ApiObject {
  [S]: ObjState;
  constructor(host: Host, type: string, label: () => string) {
    this[S] = { host, type, label, loaded: new Map(), children: new Map() };
  }
}

function hasApiMember(obj: object, prop: string): boolean {
  for (let p = Object.getPrototypeOf(obj); p && p !== ApiObject.prototype && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, prop)) return true;
  }
  return false;
}

function setterOf(obj: object, prop: string): ((v: unknown) => void) | undefined {
  for (let p = Object.getPrototypeOf(obj); p && p !== ApiObject.prototype && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return d.set;
  }
  return undefined;
}

function checkRequirement(st: ObjState, prop: string): void {
  const need = REQUIRES[`${st.type}.${prop}`];
  if (need && !st.host.supports(need)) {
    throw new Error(`Excel test double: ${st.type}.${prop} needs ExcelApi ${need}; this host supports ExcelApi ${st.host.apiVersion}`);
  }
}

const RAW = new WeakMap<object, ApiObject>();

/** The object behind a proxy, for the double's own cross-object bookkeeping. */
function raw<T extends ApiObject>(x: unknown): T {
  return (RAW.get(x as object) ?? x) as T;
}

/** Wraps an API object so any member the double does not model throws. */
function wrap<T extends ApiObject>(obj: T): T {
  const proxy = new Proxy(obj, {
    get(t, prop) {
      if (typeof prop === 'symbol') return Reflect.get(t, prop);
      if (prop === 'then') return undefined;
      const st = t[S];
      if (!hasApiMember(t, prop)) {
        if (INSPECTION_KEYS.has(prop)) return Reflect.get(t, prop);
        throw notImplemented(st.type, prop);
      }
      checkRequirement(st, prop);
      const value = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      const kind = st.type === 'RequestContext' && prop === 'sync' ? 'sync' : 'call';
      return (...args: unknown[]) => {
        st.host.log.push({ seq: ++st.host.seq, kind, member: `${st.type}.${prop}`, target: st.label(), args });
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
    set(t, prop, value) {
      if (typeof prop === 'symbol') return Reflect.set(t, prop, value);
      const st = t[S];
      const setter = setterOf(t, prop);
      if (!setter) throw notImplemented(st.type, prop, hasApiMember(t, prop) ? ' for writing (read-only in the double)' : '');
      checkRequirement(st, prop);
      st.host.log.push({ seq: ++st.host.seq, kind: 'set', member: `${st.type}.${prop}`, target: st.label(), args: [value] });
      setter.call(t, value);
      return true;
    },
    // Printing an object (Jest diffs, console.log) walks its own keys: show none rather than
    // tripping over the double's internals.
    ownKeys() {
      return [];
    },
  });
  RAW.set(proxy, obj);
  return proxy;
}

function child<T>(owner: ApiObject, name: string, make: () => T): T {
  const st = owner[S];
  if (!st.children.has(name)) st.children.set(name, make());
  return st.children.get(name) as T;
}

function readLoaded(obj: ApiObject, prop: string): any {
  const st = obj[S];
  if (!st.loaded.has(prop)) {
    throw new ExcelDoubleError(
      'PropertyNotLoaded',
      `${st.type}.${prop} was read before load('${prop}') and context.sync() (the real API throws PropertyNotLoaded)`,
    );
  }
  return st.loaded.get(prop);
}

function parseLoad(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => parseLoad(p));
  throw new Error('Excel test double: load() with an options object is not implemented; pass a string or string[]');
}

/** Queue a load: `snapshot(prop)` runs when the sync reaches it; values are readable after the sync. */
function queueLoad(obj: ApiObject, props: unknown, loadable: readonly string[], snapshot: (prop: string) => unknown): void {
  const st = obj[S];
  const list = parseLoad(props);
  if (list.length === 0) throw new Error(`Excel test double: ${st.type}.load() without property names is not implemented (name what you read)`);
  for (const p of list) if (!loadable.includes(p)) throw notImplemented(st.type, p, ' for load()');
  for (const p of list) checkRequirement(st, p);
  st.host.enqueue(`${st.type}.load(${list.join(',')})`, () => {
    for (const p of list) {
      const value = snapshot(p);
      st.host.staged.push(() => st.loaded.set(p, value));
    }
  });
}

function isApiObject(x: unknown, type?: string): x is ApiObject {
  return typeof x === 'object' && x !== null && S in x && (!type || (x as ApiObject)[S].type === type);
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface SheetHandle {
  model: SheetModel | null;
  name: string;
}

function sheetOf(h: SheetHandle): SheetModel {
  if (!h.model) throw new ExcelDoubleError('ItemNotFound', `worksheet "${h.name}" does not exist`);
  return h.model;
}

function assertUnprotected(model: SheetModel, what: string): void {
  if (model.protection.protected) throw new ExcelDoubleError('InvalidOperation', `${what}: the sheet "${model.name}" is protected`);
}

class WorksheetCollectionImpl extends ApiObject {
  constructor(host: Host) {
    super(host, 'WorksheetCollection', () => 'Workbook.worksheets');
  }

  add(name?: string) {
    const host = this[S].host;
    if (typeof name !== 'string' || !name) throw new Error('Excel test double: WorksheetCollection.add() without a name is not implemented');
    const handle: SheetHandle = { model: null, name };
    host.enqueue(`add sheet ${name}`, () => {
      if (host.find(name)) throw new ExcelDoubleError('ItemAlreadyExists', `a sheet named "${name}" already exists`);
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new ExcelDoubleError('InvalidArgument', `bad sheet name "${name}"`);
      const model = new SheetModel(name);
      host.sheets.push(model);
      handle.model = model;
    });
    return newWorksheet(host, handle);
  }

  getActiveWorksheet() {
    const host = this[S].host;
    const handle: SheetHandle = { model: host.find(host.activeSheet) ?? null, name: host.activeSheet };
    host.enqueue('getActiveWorksheet', () => {
      handle.model = host.find(host.activeSheet) ?? null;
      handle.name = host.activeSheet;
      sheetOf(handle);
    });
    return newWorksheet(host, handle);
  }

  getItem(name: string) {
    const host = this[S].host;
    const handle: SheetHandle = { model: host.find(name) ?? null, name };
    host.enqueue(`get sheet ${name}`, () => {
      handle.model = host.find(name) ?? null;
      sheetOf(handle);
    });
    return newWorksheet(host, handle);
  }

  get items() {
    return readLoaded(this, 'items');
  }

  get onChanged() {
    return child(this, 'onChanged', () => wrap(new ChangedEventImpl(this[S].host, null)));
  }

  load(props?: string | string[]) {
    const host = this[S].host;
    const list = parseLoad(props);
    const itemProps = list.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    for (const p of itemProps) if (!['name', 'visibility'].includes(p)) throw notImplemented('Worksheet', p, ' for load()');
    host.enqueue('WorksheetCollection.load', () => {
      const items = host.sheets.map((model) => {
        const ws = newWorksheet(host, { model, name: model.name });
        for (const p of itemProps) {
          const value = p === 'name' ? model.name : model.visibility;
          host.staged.push(() => (ws as unknown as ApiObject)[S].loaded.set(p, value));
        }
        return ws;
      });
      host.staged.push(() => this[S].loaded.set('items', items));
    });
    return this;
  }
}

function newWorksheet(host: Host, handle: SheetHandle): WorksheetImpl {
  return wrap(new WorksheetImpl(host, handle));
}

class WorksheetImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
  ) {
    super(host, 'Worksheet', () => quoteSheet(handle.name));
  }

  get name() {
    return readLoaded(this, 'name');
  }

  get visibility() {
    return readLoaded(this, 'visibility');
  }

  /** Renaming moves every reference to the sheet along, as Excel does. */
  set name(v: unknown) {
    if (typeof v !== 'string' || !v || v.length > 31 || /[:\\/?*[\]]/.test(v)) throw new ExcelDoubleError('InvalidArgument', `bad sheet name "${String(v)}"`);
    const host = this[S].host;
    host.enqueue(`rename sheet to ${v}`, () => {
      const model = sheetOf(this.handle);
      const clash = host.find(v);
      if (clash && clash !== model) throw new ExcelDoubleError('ItemAlreadyExists', `a sheet named "${v}" already exists`);
      host.retargetRefs(model.name, v);
      if (host.activeSheet.toLowerCase() === model.name.toLowerCase()) host.activeSheet = v;
      if (host.selection && host.selection.sheet.toLowerCase() === model.name.toLowerCase()) host.selection = { ...host.selection, sheet: v };
      model.name = v;
      this.handle.name = v;
    });
  }

  /**
   * A very hidden sheet cannot be deleted (by design, office-js #365: make it hidden first),
   * nor the last visible one. References to a deleted sheet become #REF!.
   */
  delete() {
    const host = this[S].host;
    host.enqueue('delete sheet', () => {
      const model = sheetOf(this.handle);
      if (model.visibility === 'VeryHidden') throw new ExcelDoubleError('GeneralException', `the very hidden sheet "${model.name}" cannot be deleted (make it hidden first)`);
      if (model.visibility === 'Visible' && host.sheets.filter((s) => s !== model && s.visibility === 'Visible').length === 0) {
        throw new ExcelDoubleError('InvalidOperation', 'a workbook must keep at least one visible sheet');
      }
      host.sheets.splice(host.sheets.indexOf(model), 1);
      host.retargetRefs(model.name, null);
      const handlers = host.changeHandlers.filter((h) => h.sheet === model);
      for (const h of handlers) host.changeHandlers.splice(host.changeHandlers.indexOf(h), 1);
      if (host.activeSheet.toLowerCase() === model.name.toLowerCase()) host.activeSheet = host.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
      if (host.selection && host.selection.sheet.toLowerCase() === model.name.toLowerCase()) host.selection = null;
      this.handle.model = null;
    });
  }

  set visibility(v: unknown) {
    const host = this[S].host;
    if (!values(ENUMS.SheetVisibility).has(v as string)) throw new ExcelDoubleError('InvalidArgument', `visibility ${String(v)}`);
    host.enqueue('visibility', () => {
      const model = sheetOf(this.handle);
      if (v !== 'Visible' && host.sheets.filter((s) => s !== model && s.visibility === 'Visible').length === 0) {
        throw new ExcelDoubleError('InvalidOperation', 'a workbook must keep at least one visible sheet');
      }
      model.visibility = v as SheetModel['visibility'];
    });
  }

  set tabColor(v: unknown) {
    if (typeof v !== 'string' || !/^(#[0-9A-Fa-f]{6})?$/.test(v)) throw new ExcelDoubleError('InvalidArgument', `tabColor ${String(v)}`);
    this[S].host.enqueue('tabColor', () => (sheetOf(this.handle).tabColor = v || null));
  }

  getRange(address?: string) {
    if (typeof address !== 'string') throw new Error('Excel test double: Worksheet.getRange() without an address is not implemented');
    const rect = parseRect(address);
    return newRange(this[S].host, this.handle, () => rect);
  }

  getUsedRange(valuesOnly?: boolean) {
    const host = this[S].host;
    const box: { rect?: Rect } = {};
    host.enqueue('getUsedRange', () => {
      box.rect = sheetOf(this.handle).usedRect(valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    });
    return newRange(host, this.handle, () => {
      if (!box.rect) throw new Error('Excel test double: used range read before it was computed');
      return box.rect;
    });
  }

  get freezePanes() {
    return child(this, 'freezePanes', () => wrap(new FreezePanesImpl(this[S].host, this.handle)));
  }

  get protection() {
    return child(this, 'protection', () => wrap(new WorksheetProtectionImpl(this[S].host, this.handle)));
  }

  get pageLayout() {
    return child(this, 'pageLayout', () => wrap(new PageLayoutImpl(this[S].host, this.handle)));
  }

  get charts() {
    return child(this, 'charts', () => wrap(new ChartCollectionImpl(this[S].host, this.handle)));
  }

  get onChanged() {
    return child(this, 'onChanged', () => wrap(new ChangedEventImpl(this[S].host, this.handle)));
  }

  showOutlineLevels(rowLevels: unknown, columnLevels: unknown) {
    if (!Number.isInteger(rowLevels) || !Number.isInteger(columnLevels) || (rowLevels as number) < 0 || (columnLevels as number) < 0 || (rowLevels as number) > 8 || (columnLevels as number) > 8) {
      throw new ExcelDoubleError('InvalidArgument', `showOutlineLevels(${String(rowLevels)}, ${String(columnLevels)})`);
    }
    this[S].host.enqueue('showOutlineLevels', () => (sheetOf(this.handle).shownOutlineLevels = { rows: rowLevels as number, columns: columnLevels as number }));
  }

  activate() {
    const host = this[S].host;
    host.enqueue('activate', () => {
      const model = sheetOf(this.handle);
      if (model.visibility !== 'Visible') throw new ExcelDoubleError('InvalidOperation', 'cannot activate a hidden sheet');
      host.activeSheet = model.name;
    });
  }

  load(props?: string | string[]) {
    queueLoad(this, props, ['name', 'visibility'], (p) => (p === 'name' ? sheetOf(this.handle).name : sheetOf(this.handle).visibility));
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

function newRange(host: Host, handle: SheetHandle, rect: () => Rect): RangeImpl {
  return wrap(new RangeImpl(host, handle, rect));
}

class RangeImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
    readonly rect: () => Rect,
  ) {
    super(host, 'Range', () => {
      try {
        return `${quoteSheet(handle.name)}!${rectAddress(rect())}`;
      } catch {
        return `${quoteSheet(handle.name)}!<used range>`;
      }
    });
  }

  get address() {
    return readLoaded(this, 'address');
  }
  get values() {
    return readLoaded(this, 'values');
  }
  set values(v: unknown) {
    writeInputs(this, v, 'values');
  }
  get formulas() {
    return readLoaded(this, 'formulas');
  }
  set formulas(v: unknown) {
    writeInputs(this, v, 'formulas');
  }
  get valueTypes() {
    return readLoaded(this, 'valueTypes');
  }
  get numberFormat() {
    return readLoaded(this, 'numberFormat');
  }
  set numberFormat(v: unknown) {
    const host = this[S].host;
    host.enqueueWrite('numberFormat', () => {
      const model = sheetOf(this.handle);
      assertUnprotected(model, 'numberFormat');
      forEachInput(this.rect(), v, 'numberFormat', (row, col, input) => {
        if (input === null) return;
        if (typeof input !== 'string') throw new ExcelDoubleError('InvalidArgument', `numberFormat must be text, got ${typeof input}`);
        model.ensure(row, col).numberFormat = input;
      });
    });
  }

  /** true when every column of the range is hidden, false when none is, null when some are. */
  get columnHidden() {
    return readLoaded(this, 'columnHidden');
  }
  set columnHidden(v: unknown) {
    setDimension(this, 'columns', 'hidden', Boolean(v));
  }
  set rowHidden(v: unknown) {
    setDimension(this, 'rows', 'hidden', Boolean(v));
  }

  get format() {
    return child(this, 'format', () => wrap(new RangeFormatImpl(this[S].host, this)));
  }

  get dataValidation() {
    return child(this, 'dataValidation', () => wrap(new DataValidationImpl(this[S].host, this)));
  }

  get conditionalFormats() {
    return child(this, 'conditionalFormats', () => wrap(new ConditionalFormatCollectionImpl(this[S].host, this)));
  }

  merge(across?: boolean) {
    if (across) throw new Error('Excel test double: Range.merge(true) is not implemented');
    this[S].host.enqueueWrite('merge', () => {
      const model = sheetOf(this.handle);
      assertUnprotected(model, 'merge');
      const r = this.rect();
      if (model.merges.some((m) => overlaps(m, r))) throw new ExcelDoubleError('InvalidOperation', `merge ${rectAddress(r)} overlaps another merge`);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          if (row === r.top && col === r.left) continue;
          const c = model.cells.get(key(row, col));
          if (c && (c.value !== null || c.formula !== null)) throw new ExcelDoubleError('InvalidOperation', `merge ${rectAddress(r)} would discard ${columnLetters(col)}${row}`);
        }
      model.merges.push(r);
    });
  }

  group(option: unknown) {
    if (option !== 'ByRows') throw new Error(`Excel test double: Range.group(${String(option)}) is not implemented (only ByRows)`);
    this[S].host.enqueue('group', () => {
      const model = sheetOf(this.handle);
      assertUnprotected(model, 'group');
      const r = this.rect();
      for (let row = r.top; row <= r.bottom; row++) {
        const level = (model.rows.get(row)?.outlineLevel ?? 0) + 1;
        if (level > 7) throw new ExcelDoubleError('InvalidOperation', 'more than 7 outline levels');
        model.rows.set(row, { ...model.rows.get(row), outlineLevel: level });
      }
    });
  }

  /** Selects the range in the UI; the sheet must be the active one (the host refuses otherwise). */
  select() {
    const host = this[S].host;
    host.enqueue('select', () => {
      const model = sheetOf(this.handle);
      if (host.activeSheet.toLowerCase() !== model.name.toLowerCase()) {
        throw new ExcelDoubleError('InvalidSelection', `select ${rectAddress(this.rect())}: "${model.name}" is not the active sheet (activate it first)`);
      }
      host.selection = { sheet: model.name, rect: this.rect() };
    });
  }

  load(props?: string | string[]) {
    queueLoad(this, props, ['address', 'values', 'formulas', 'valueTypes', 'numberFormat', 'columnHidden'], (p) => {
      const model = sheetOf(this.handle);
      const r = this.rect();
      if (p === 'address') return `${quoteSheet(model.name)}!${rectAddress(r)}`;
      if (p === 'columnHidden') {
        let hidden = 0;
        for (let col = r.left; col <= r.right; col++) if (model.columns.get(col)?.hidden) hidden++;
        return hidden === 0 ? false : hidden === r.right - r.left + 1 ? true : null;
      }
      if (area(r) > 5_000_000) throw new ExcelDoubleError('InvalidOperation', 'more than 5 million cells loaded');
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(readCell(model.at(row, col), p));
        out.push(line);
      }
      return out;
    });
    return this;
  }
}

function setDimension(range: RangeImpl, kind: 'columns' | 'rows', prop: 'hidden' | 'width' | 'height', v: unknown): void {
  range[S].host.enqueue(`${kind}.${prop}`, () => {
    const model = sheetOf(range.handle);
    const allowed = kind === 'columns' ? model.protection.options?.allowFormatColumns : model.protection.options?.allowFormatRows;
    if (!allowed) assertUnprotected(model, `${kind} ${prop}`);
    const r = range.rect();
    const [from, to] = kind === 'columns' ? [r.left, r.right] : [r.top, r.bottom];
    const map = model[kind] as Map<number, Record<string, unknown>>;
    for (let i = from; i <= to; i++) map.set(i, { ...map.get(i), [prop]: v });
  });
}

function writeInputs(range: RangeImpl, v: unknown, mode: 'values' | 'formulas'): void {
  const host = range[S].host;
  host.enqueueWrite(mode, () => {
    const model = sheetOf(range.handle);
    // A protected sheet takes values in its unlocked cells (the inputs), like the host; a
    // locked cell refuses with AccessDenied and nothing of the write is applied.
    if (model.protection.protected) {
      forEachInput(range.rect(), v, mode, (row, col, input) => {
        if (input !== null && input !== undefined && model.at(row, col).format.locked) {
          throw new ExcelDoubleError('AccessDenied', `${mode}: ${columnLetters(col)}${row} is a locked cell and the sheet "${model.name}" is protected`);
        }
      });
    }
    forEachInput(range.rect(), v, mode, (row, col, input) => {
      if (input === null || input === undefined) return;
      const cell = model.ensure(row, col);
      if (input === '') Object.assign(cell, { value: null, formula: null, quotePrefix: false });
      else if (typeof input === 'number') {
        if (!Number.isFinite(input)) throw new ExcelDoubleError('InvalidArgument', `non-finite number at ${columnLetters(col)}${row}`);
        Object.assign(cell, { value: input, formula: null, quotePrefix: false });
      } else if (typeof input === 'boolean') Object.assign(cell, { value: input, formula: null, quotePrefix: false });
      else if (typeof input === 'string') {
        if (input.length > 32767) throw new ExcelDoubleError('InvalidArgument', 'text longer than 32,767 characters');
        const stored = coerceText(input, cell.numberFormat);
        if (stored.formula) host.checkFormula(stored.formula, `${model.name}!${columnLetters(col)}${row}`);
        Object.assign(cell, stored);
      } else throw new ExcelDoubleError('InvalidArgument', `cannot write ${typeof input} to a cell`);
    });
  });
}

function readCell(cell: CellModel, prop: string): unknown {
  const v = cell.value;
  if (prop === 'numberFormat') return cell.numberFormat;
  if (prop === 'formulas' && cell.formula !== null) return cell.formula;
  if (prop === 'valueTypes') {
    if (v === null || v === '') return 'Empty';
    if (typeof v === 'object') return 'Error';
    return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
  }
  if (v === null) return '';
  return typeof v === 'object' ? v.error : v;
}

function forEachInput(rect: Rect, v: unknown, what: string, fn: (row: number, col: number, input: unknown) => void): void {
  if (area(rect) > 1_000_000) throw new Error(`Excel test double: writing ${what} to ${rectAddress(rect)} (a whole row/column) is not implemented`);
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(v)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(rect.top + r, rect.left + c, v);
    return;
  }
  if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new ExcelDoubleError(
      'InvalidArgument',
      `${what}: the array is not ${rows}×${cols}, the size of ${rectAddress(rect)} ("The number of rows or columns in the input array doesn't match the size or dimensions of the range.")`,
    );
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(rect.top + r, rect.left + c, (v[r] as unknown[])[c]);
}

// ---------------------------------------------------------------------------------------------
// Range format

class RangeFormatImpl extends ApiObject {
  constructor(
    host: Host,
    readonly range: RangeImpl,
  ) {
    super(host, 'RangeFormat', () => range[S].label());
  }

  get fill() {
    return child(this, 'fill', () => wrap(new RangeFillImpl(this[S].host, this)));
  }
  get font() {
    return child(this, 'font', () => wrap(new RangeFontImpl(this[S].host, this)));
  }
  get borders() {
    return child(this, 'borders', () => wrap(new BorderCollectionImpl(this[S].host, this.range)));
  }
  get protection() {
    return child(this, 'protection', () => wrap(new FormatProtectionImpl(this[S].host, this)));
  }
  set horizontalAlignment(v: unknown) {
    if (!values(ENUMS.HorizontalAlignment).has(v as string)) throw new ExcelDoubleError('InvalidArgument', `horizontalAlignment ${String(v)}`);
    formatCells(this, 'horizontalAlignment', (f) => (f.horizontalAlignment = v as string));
  }
  set verticalAlignment(v: unknown) {
    if (!values(ENUMS.VerticalAlignment).has(v as string)) throw new ExcelDoubleError('InvalidArgument', `verticalAlignment ${String(v)}`);
    formatCells(this, 'verticalAlignment', (f) => (f.verticalAlignment = v as string));
  }
  set wrapText(v: unknown) {
    formatCells(this, 'wrapText', (f) => (f.wrapText = Boolean(v)));
  }
  set indentLevel(v: unknown) {
    if (typeof v !== 'number' || v < 0 || v > 250 || !Number.isInteger(v)) throw new ExcelDoubleError('InvalidArgument', `indentLevel ${String(v)}`);
    formatCells(this, 'indentLevel', (f) => (f.indentLevel = v));
  }
  set columnWidth(v: unknown) {
    if (typeof v !== 'number' || v < 0) throw new ExcelDoubleError('InvalidArgument', `columnWidth ${String(v)}`);
    setDimension(this.range, 'columns', 'width', v);
  }
  set rowHeight(v: unknown) {
    if (typeof v !== 'number' || v < 0 || v > 409) throw new ExcelDoubleError('InvalidArgument', `rowHeight ${String(v)}`);
    setDimension(this.range, 'rows', 'height', v);
  }
}

function formatCells(fmt: RangeFormatImpl, what: string, apply: (f: CellFormatModel) => void): void {
  fmt[S].host.enqueueWrite(`format.${what}`, () => {
    const model = sheetOf(fmt.range.handle);
    assertUnprotected(model, `format.${what}`);
    const r = fmt.range.rect();
    if (area(r) > 1_000_000) throw new Error(`Excel test double: formatting a whole row/column (${rectAddress(r)}) is not implemented`);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) apply(model.ensure(row, col).format);
  });
}

function checkColor(v: unknown): string {
  if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new ExcelDoubleError('InvalidArgument', `colour ${String(v)} (the double accepts #RRGGBB)`);
  return v.toUpperCase();
}

class RangeFillImpl extends ApiObject {
  constructor(
    host: Host,
    readonly format: RangeFormatImpl,
  ) {
    super(host, 'RangeFill', () => format[S].label());
  }
  set color(v: unknown) {
    const c = checkColor(v);
    formatCells(this.format, 'fill.color', (f) => (f.fill = c));
  }
}

class RangeFontImpl extends ApiObject {
  constructor(
    host: Host,
    readonly format: RangeFormatImpl,
  ) {
    super(host, 'RangeFont', () => format[S].label());
  }
  set bold(v: unknown) {
    formatCells(this.format, 'font.bold', (f) => (f.font.bold = Boolean(v)));
  }
  set italic(v: unknown) {
    formatCells(this.format, 'font.italic', (f) => (f.font.italic = Boolean(v)));
  }
  set size(v: unknown) {
    if (typeof v !== 'number' || v <= 0) throw new ExcelDoubleError('InvalidArgument', `font size ${String(v)}`);
    formatCells(this.format, 'font.size', (f) => (f.font.size = v));
  }
  set name(v: unknown) {
    if (typeof v !== 'string' || v === '') throw new ExcelDoubleError('InvalidArgument', `font name ${String(v)}`);
    formatCells(this.format, 'font.name', (f) => (f.font.name = v));
  }
  set color(v: unknown) {
    const c = checkColor(v);
    formatCells(this.format, 'font.color', (f) => (f.font.color = c));
  }
}

class FormatProtectionImpl extends ApiObject {
  constructor(
    host: Host,
    readonly format: RangeFormatImpl,
  ) {
    super(host, 'FormatProtection', () => format[S].label());
  }
  set locked(v: unknown) {
    formatCells(this.format, 'protection.locked', (f) => (f.locked = Boolean(v)));
  }
}

class BorderCollectionImpl extends ApiObject {
  constructor(
    host: Host,
    readonly range: RangeImpl,
  ) {
    super(host, 'RangeBorderCollection', () => range[S].label());
  }
  getItem(index: unknown) {
    if (!values(ENUMS.BorderIndex).has(index as string) || String(index).startsWith('Diagonal')) {
      throw new Error(`Excel test double: RangeBorderCollection.getItem(${String(index)}) is not implemented`);
    }
    return wrap(new RangeBorderImpl(this[S].host, this.range, index as string));
  }
}

class RangeBorderImpl extends ApiObject {
  constructor(
    host: Host,
    readonly range: RangeImpl,
    readonly index: string,
  ) {
    super(host, 'RangeBorder', () => `${range[S].label()} ${index}`);
  }

  set style(v: unknown) {
    if (!values(ENUMS.BorderLineStyle).has(v as string)) throw new ExcelDoubleError('InvalidArgument', `border style ${String(v)}`);
    applyBorder(this, 'style', v as string);
  }
  set weight(v: unknown) {
    if (!values(ENUMS.BorderWeight).has(v as string)) throw new ExcelDoubleError('InvalidArgument', `border weight ${String(v)}`);
    applyBorder(this, 'weight', v as string);
  }
  set color(v: unknown) {
    applyBorder(this, 'color', checkColor(v));
  }
}

function applyBorder(b: RangeBorderImpl, prop: keyof BorderModel, v: string): void {
  b[S].host.enqueueWrite(`border ${b.index}.${prop}`, () => {
    const model = sheetOf(b.range.handle);
    assertUnprotected(model, 'borders');
    const r = b.range.rect();
    const edges: Array<[Map<string, BorderModel>, number, number]> = [];
    for (let col = r.left; col <= r.right; col++) {
      if (b.index === 'EdgeTop') edges.push([model.hEdges, r.top, col]);
      if (b.index === 'EdgeBottom') edges.push([model.hEdges, r.bottom + 1, col]);
      if (b.index === 'InsideHorizontal') for (let row = r.top + 1; row <= r.bottom; row++) edges.push([model.hEdges, row, col]);
    }
    for (let row = r.top; row <= r.bottom; row++) {
      if (b.index === 'EdgeLeft') edges.push([model.vEdges, row, r.left]);
      if (b.index === 'EdgeRight') edges.push([model.vEdges, row, r.right + 1]);
      if (b.index === 'InsideVertical') for (let col = r.left + 1; col <= r.right; col++) edges.push([model.vEdges, row, col]);
    }
    for (const [map, row, col] of edges) {
      if (prop === 'style' && v === 'None') map.delete(key(row, col));
      else map.set(key(row, col), { ...map.get(key(row, col)), [prop]: v });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Data validation

function operand(x: unknown, where: string, host: Host): string {
  if (typeof x === 'number' && Number.isFinite(x)) return `=${x}`;
  if (typeof x === 'string') {
    if (x.startsWith('=')) {
      host.checkFormula(x, where);
      return x;
    }
    if (x.trim() !== '' && Number.isFinite(Number(x))) return `=${Number(x)}`;
  }
  if (isApiObject(x, 'Range')) {
    const r = raw<RangeImpl>(x);
    return `=${quoteSheet(r.handle.name)}!${rectAddress(r.rect(), true)}`;
  }
  throw new ExcelDoubleError('InvalidArgument', `${where}: ${JSON.stringify(x)} is neither a number nor a formula starting with "="`);
}

class DataValidationImpl extends ApiObject {
  constructor(
    host: Host,
    readonly range: RangeImpl,
  ) {
    super(host, 'DataValidation', () => range[S].label());
  }

  set rule(rule: unknown) {
    const host = this[S].host;
    const keys = typeof rule === 'object' && rule ? Object.keys(rule) : [];
    if (keys.length !== 1 || !['decimal', 'list'].includes(keys[0])) {
      throw new Error(`Excel test double: DataValidation.rule with ${keys.join('+') || String(rule)} is not implemented (decimal or list only)`);
    }
    host.enqueueWrite('dataValidation.rule', () => {
      const model = sheetOf(this.range.handle);
      assertUnprotected(model, 'dataValidation');
      const r = this.range.rect();
      const where = `validation ${rectAddress(r)}`;
      let parsed: ValidationRuleModel;
      if (keys[0] === 'decimal') {
        const d = (rule as { decimal: Record<string, unknown> }).decimal;
        if (!values(ENUMS.DataValidationOperator).has(d.operator as string)) throw new ExcelDoubleError('InvalidArgument', `${where}: operator ${String(d.operator)}`);
        const between = d.operator === 'Between' || d.operator === 'NotBetween';
        if (between && d.formula2 === undefined) throw new ExcelDoubleError('InvalidArgument', `${where}: ${String(d.operator)} needs formula2`);
        parsed = {
          type: 'Decimal',
          operator: d.operator as string,
          formula1: operand(d.formula1, where, host),
          ...(between ? { formula2: operand(d.formula2, where, host) } : {}),
        };
      } else {
        const l = (rule as { list: Record<string, unknown> }).list;
        let source: string;
        if (isApiObject(l.source, 'Range')) source = operand(l.source, where, host);
        else if (typeof l.source === 'string' && l.source !== '') {
          source = l.source;
          if (source.startsWith('=')) host.checkFormula(source, where);
        } else throw new ExcelDoubleError('InvalidArgument', `${where}: list source ${String(l.source)}`);
        parsed = { type: 'List', source, inCellDropDown: l.inCellDropDown !== false };
      }
      const existing = model.validations.findIndex((x) => overlaps(x.rect, r));
      if (existing >= 0 && !sameRect(model.validations[existing].rect, r)) {
        throw new Error(`Excel test double: validation on ${rectAddress(r)} partly overlapping another is not implemented`);
      }
      const entry: ValidationModel = { address: rectAddress(r), rect: r, rule: parsed };
      if (existing >= 0) model.validations[existing] = entry;
      else model.validations.push(entry);
    });
  }

  set prompt(p: unknown) {
    const x = p as ValidationModel['prompt'] & Record<string, unknown>;
    checkKeys(x, ['showPrompt', 'title', 'message'], 'prompt');
    checkLengths(x, 'prompt');
    this[S].host.enqueueWrite('dataValidation.prompt', () => (existingValidation(this, 'prompt').prompt = { ...x }));
  }

  set errorAlert(e: unknown) {
    const x = e as ValidationModel['errorAlert'] & Record<string, unknown>;
    checkKeys(x, ['showAlert', 'style', 'title', 'message'], 'errorAlert');
    if (x.style !== undefined && !values(ENUMS.DataValidationAlertStyle).has(x.style)) throw new ExcelDoubleError('InvalidArgument', `errorAlert.style ${x.style}`);
    checkLengths(x, 'errorAlert');
    this[S].host.enqueueWrite('dataValidation.errorAlert', () => (existingValidation(this, 'errorAlert').errorAlert = { ...x }));
  }

  set ignoreBlanks(v: unknown) {
    this[S].host.enqueueWrite('dataValidation.ignoreBlanks', () => (existingValidation(this, 'ignoreBlanks').ignoreBlanks = Boolean(v)));
  }
}

function existingValidation(dv: DataValidationImpl, what: string): ValidationModel {
  const model = sheetOf(dv.range.handle);
  const r = dv.range.rect();
  const v = model.validations.find((x) => sameRect(x.rect, r));
  if (!v) throw new ExcelDoubleError('InvalidOperation', `${what} on ${rectAddress(r)} before its rule (the double wants the rule first)`);
  return v;
}

function checkKeys(x: unknown, allowed: string[], what: string): void {
  if (typeof x !== 'object' || x === null) throw new ExcelDoubleError('InvalidArgument', `${what} must be an object`);
  for (const k of Object.keys(x)) if (!allowed.includes(k)) throw notImplemented(what, k);
}

function checkLengths(x: { title?: string; message?: string }, what: string): void {
  if ((x.title ?? '').length > 32) throw new ExcelDoubleError('InvalidArgument', `${what}.title longer than 32 characters: ${x.title}`);
  if ((x.message ?? '').length > 255) throw new ExcelDoubleError('InvalidArgument', `${what}.message longer than 255 characters`);
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

class ConditionalFormatCollectionImpl extends ApiObject {
  constructor(
    host: Host,
    readonly range: RangeImpl,
  ) {
    super(host, 'ConditionalFormatCollection', () => range[S].label());
  }

  add(type: unknown) {
    if (!values(ENUMS.ConditionalFormatType).has(type as string)) throw new ExcelDoubleError('InvalidArgument', `conditional format type ${String(type)}`);
    const host = this[S].host;
    const box: { model?: ConditionalFormatModel } = {};
    host.enqueueWrite('conditionalFormats.add', () => {
      const sheet = sheetOf(this.range.handle);
      assertUnprotected(sheet, 'conditionalFormats.add');
      const r = this.range.rect();
      box.model = { address: rectAddress(r), rect: r, type: type as string };
      sheet.conditionalFormats.unshift(box.model); // new formats go to the top
    });
    return wrap(new ConditionalFormatImpl(host, this.range, type as string, box));
  }
}

type CfBox = { model?: ConditionalFormatModel };

function cfModel(box: CfBox): ConditionalFormatModel {
  if (!box.model) throw new Error('Excel test double: conditional format used before it was added');
  return box.model;
}

class ConditionalFormatImpl extends ApiObject {
  constructor(
    host: Host,
    readonly range: RangeImpl,
    readonly cfType: string,
    readonly box: CfBox,
  ) {
    super(host, 'ConditionalFormat', () => range[S].label());
  }
  get custom() {
    if (this.cfType !== 'Custom') throw new ExcelDoubleError('InvalidOperation', `custom of a ${this.cfType} conditional format`);
    return child(this, 'custom', () => wrap(new CustomConditionalFormatImpl(this[S].host, this)));
  }
  get dataBar() {
    if (this.cfType !== 'DataBar') throw new ExcelDoubleError('InvalidOperation', `dataBar of a ${this.cfType} conditional format`);
    return child(this, 'dataBar', () => wrap(new DataBarConditionalFormatImpl(this[S].host, this)));
  }
}

function boundRule(v: unknown, what: string): { type: string; formula?: string } {
  checkKeys(v, ['type', 'formula'], what);
  const rule = v as { type?: unknown; formula?: unknown };
  if (!values(ENUMS.ConditionalFormatRuleType).has(rule.type as string)) throw new ExcelDoubleError('InvalidArgument', `${what}.type ${String(rule.type)}`);
  if (rule.formula !== undefined && typeof rule.formula !== 'string') throw new ExcelDoubleError('InvalidArgument', `${what}.formula must be a string`);
  return { type: rule.type as string, ...(rule.formula !== undefined ? { formula: rule.formula as string } : {}) };
}

class DataBarConditionalFormatImpl extends ApiObject {
  constructor(
    host: Host,
    readonly cf: ConditionalFormatImpl,
  ) {
    super(host, 'DataBarConditionalFormat', () => cf[S].label());
  }
  set lowerBoundRule(v: unknown) {
    const rule = boundRule(v, 'lowerBoundRule');
    this[S].host.enqueueWrite('data bar lower bound', () => (cfModel(this.cf.box).lowerBound = rule));
  }
  set upperBoundRule(v: unknown) {
    const rule = boundRule(v, 'upperBoundRule');
    this[S].host.enqueueWrite('data bar upper bound', () => (cfModel(this.cf.box).upperBound = rule));
  }
  get positiveFormat() {
    return child(this, 'positiveFormat', () => wrap(new DataBarPositiveFormatImpl(this[S].host, this.cf)));
  }
}

class DataBarPositiveFormatImpl extends ApiObject {
  constructor(
    host: Host,
    readonly cf: ConditionalFormatImpl,
  ) {
    super(host, 'ConditionalDataBarPositiveFormat', () => cf[S].label());
  }
  set fillColor(v: unknown) {
    const c = checkColor(v);
    this[S].host.enqueueWrite('data bar colour', () => (cfModel(this.cf.box).barColor = c));
  }
  set gradientFill(v: unknown) {
    if (typeof v !== 'boolean') throw new ExcelDoubleError('InvalidArgument', `gradientFill ${String(v)}`);
    this[S].host.enqueueWrite('data bar gradient', () => (cfModel(this.cf.box).gradientFill = v));
  }
}

class CustomConditionalFormatImpl extends ApiObject {
  constructor(
    host: Host,
    readonly cf: ConditionalFormatImpl,
  ) {
    super(host, 'CustomConditionalFormat', () => cf[S].label());
  }
  get rule() {
    return child(this, 'rule', () => wrap(new ConditionalFormatRuleImpl(this[S].host, this.cf)));
  }
  get format() {
    return child(this, 'format', () => wrap(new ConditionalRangeFormatImpl(this[S].host, this.cf)));
  }
}

class ConditionalFormatRuleImpl extends ApiObject {
  constructor(
    host: Host,
    readonly cf: ConditionalFormatImpl,
  ) {
    super(host, 'ConditionalFormatRule', () => cf[S].label());
  }
  set formula(f: unknown) {
    const host = this[S].host;
    if (typeof f !== 'string' || !f.startsWith('=')) throw new ExcelDoubleError('InvalidArgument', `conditional format formula must start with "=": ${String(f)}`);
    host.enqueueWrite('conditional format formula', () => {
      host.checkFormula(f, `conditional format ${this.cf[S].label()}`);
      cfModel(this.cf.box).formula = f;
    });
  }
}

class ConditionalRangeFormatImpl extends ApiObject {
  constructor(
    host: Host,
    readonly cf: ConditionalFormatImpl,
  ) {
    super(host, 'ConditionalRangeFormat', () => cf[S].label());
  }
  get fill() {
    return child(this, 'fill', () => wrap(new ConditionalRangeFillImpl(this[S].host, this.cf)));
  }
  get font() {
    return child(this, 'font', () => wrap(new ConditionalRangeFontImpl(this[S].host, this.cf)));
  }
}

class ConditionalRangeFillImpl extends ApiObject {
  constructor(
    host: Host,
    readonly cf: ConditionalFormatImpl,
  ) {
    super(host, 'ConditionalRangeFill', () => cf[S].label());
  }
  set color(v: unknown) {
    const c = checkColor(v);
    this[S].host.enqueueWrite('cf fill', () => (cfModel(this.cf.box).fill = c));
  }
}

class ConditionalRangeFontImpl extends ApiObject {
  constructor(
    host: Host,
    readonly cf: ConditionalFormatImpl,
  ) {
    super(host, 'ConditionalRangeFont', () => cf[S].label());
  }
  set color(v: unknown) {
    const c = checkColor(v);
    this[S].host.enqueueWrite('cf font colour', () => (cfModel(this.cf.box).fontColor = c));
  }
  set bold(v: unknown) {
    this[S].host.enqueueWrite('cf bold', () => (cfModel(this.cf.box).bold = Boolean(v)));
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet-level features

function rangeArg(x: unknown, handle: SheetHandle, what: string): Rect {
  if (typeof x === 'string') {
    const bang = x.lastIndexOf('!');
    return parseRect(bang >= 0 ? x.slice(bang + 1) : x);
  }
  if (isApiObject(x, 'Range')) {
    const r = raw<RangeImpl>(x);
    if (r.handle.name !== handle.name) throw new ExcelDoubleError('InvalidArgument', `${what}: range on another sheet`);
    return r.rect();
  }
  throw new ExcelDoubleError('InvalidArgument', `${what}: ${String(x)}`);
}

class FreezePanesImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
  ) {
    super(host, 'WorksheetFreezePanes', () => quoteSheet(handle.name));
  }
  freezeRows(count = 1) {
    this[S].host.enqueue('freezeRows', () => (sheetOf(this.handle).freeze = count ? { rows: count, cols: 0 } : null));
  }
  freezeColumns(count = 1) {
    this[S].host.enqueue('freezeColumns', () => (sheetOf(this.handle).freeze = count ? { rows: 0, cols: count } : null));
  }
  freezeAt(range: unknown) {
    this[S].host.enqueue('freezeAt', () => {
      const r = rangeArg(range, this.handle, 'freezeAt');
      sheetOf(this.handle).freeze = { rows: r.bottom, cols: r.right };
    });
  }
}

const PROTECTION_OPTIONS = [
  'allowAutoFilter', 'allowDeleteColumns', 'allowDeleteRows', 'allowEditObjects', 'allowEditScenarios', 'allowFormatCells',
  'allowFormatColumns', 'allowFormatRows', 'allowInsertColumns', 'allowInsertHyperlinks', 'allowInsertRows', 'allowPivotTables',
  'allowSort', 'selectionMode',
];

class WorksheetProtectionImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
  ) {
    super(host, 'WorksheetProtection', () => quoteSheet(handle.name));
  }
  protect(options?: Record<string, unknown>, password?: string) {
    const host = this[S].host;
    if (options) checkKeys(options, PROTECTION_OPTIONS, 'WorksheetProtectionOptions');
    for (const key of Object.keys(options ?? {})) {
      const need = REQUIRES[`WorksheetProtectionOptions.${key}`];
      if (need && !host.supports(need)) throw new Error(`Excel test double: WorksheetProtectionOptions.${key} needs ExcelApi ${need}; this host supports ExcelApi ${host.apiVersion}`);
    }
    if (options?.selectionMode !== undefined && !values(ENUMS.ProtectionSelectionMode).has(options.selectionMode as string)) {
      throw new ExcelDoubleError('InvalidArgument', `selectionMode ${String(options.selectionMode)}`);
    }
    if (password !== undefined && !host.supports('1.7')) throw new Error('Excel test double: protect(options, password) needs ExcelApi 1.7');
    host.enqueue('protect', () => {
      const model = sheetOf(this.handle);
      if (model.protection.protected) throw new ExcelDoubleError('InvalidOperation', `"${model.name}" is already protected`);
      model.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    });
  }
}

class PageLayoutImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
  ) {
    super(host, 'PageLayout', () => quoteSheet(handle.name));
  }
  set orientation(v: unknown) {
    if (!values(ENUMS.PageOrientation).has(v as string)) throw new ExcelDoubleError('InvalidArgument', `orientation ${String(v)}`);
    this[S].host.enqueue('orientation', () => (sheetOf(this.handle).pageLayout.orientation = v as string));
  }
  set paperSize(v: unknown) {
    if (!values(ENUMS.PaperType).has(v as string)) throw new ExcelDoubleError('InvalidArgument', `paperSize ${String(v)}`);
    this[S].host.enqueue('paperSize', () => (sheetOf(this.handle).pageLayout.paperSize = v as string));
  }
  set zoom(v: unknown) {
    checkKeys(v, ['horizontalFitToPages', 'verticalFitToPages', 'scale'], 'PageLayoutZoomOptions');
    this[S].host.enqueue('zoom', () => (sheetOf(this.handle).pageLayout.zoom = { ...(v as object) }));
  }
  setPrintTitleRows(rows: unknown) {
    this[S].host.enqueue('setPrintTitleRows', () => {
      const r = rangeArg(rows, this.handle, 'setPrintTitleRows');
      if (r.left !== 1 || r.right !== MAX_COL) throw new ExcelDoubleError('InvalidArgument', 'print title rows must be entire rows');
      sheetOf(this.handle).pageLayout.printTitleRows = rectAddress(r, true);
    });
  }
  setPrintTitleColumns(columns: unknown) {
    this[S].host.enqueue('setPrintTitleColumns', () => {
      const r = rangeArg(columns, this.handle, 'setPrintTitleColumns');
      if (r.top !== 1 || r.bottom !== MAX_ROW) throw new ExcelDoubleError('InvalidArgument', 'print title columns must be entire columns');
      sheetOf(this.handle).pageLayout.printTitleColumns = rectAddress(r, true);
    });
  }
  get headersFooters() {
    return child(this, 'headersFooters', () => wrap(new HeaderFooterGroupImpl(this[S].host, this.handle)));
  }
  set leftMargin(v: unknown) {
    setMargin(this, 'leftMargin', v);
  }
  set rightMargin(v: unknown) {
    setMargin(this, 'rightMargin', v);
  }
  set topMargin(v: unknown) {
    setMargin(this, 'topMargin', v);
  }
  set bottomMargin(v: unknown) {
    setMargin(this, 'bottomMargin', v);
  }
  set headerMargin(v: unknown) {
    setMargin(this, 'headerMargin', v);
  }
  set footerMargin(v: unknown) {
    setMargin(this, 'footerMargin', v);
  }
  setPrintArea(a: unknown) {
    this[S].host.enqueue('setPrintArea', () => (sheetOf(this.handle).pageLayout.printArea = rectAddress(rangeArg(a, this.handle, 'setPrintArea'), true)));
  }
}

/** Points, 0 to about 11 inches. */
function setMargin(layout: PageLayoutImpl, side: string, v: unknown): void {
  if (typeof v !== 'number' || v < 0 || v > 800) throw new ExcelDoubleError('InvalidArgument', `${side} ${String(v)}`);
  layout[S].host.enqueue(side, () => {
    const model = sheetOf(layout.handle).pageLayout;
    model.margins = { ...model.margins, [side.replace('Margin', '')]: v };
  });
}

/** Excel refuses header and footer sections longer than 255 characters. */
function setSection(hf: HeaderFooterImpl, name: string, v: unknown): void {
  if (typeof v !== 'string' || v.length > 255) throw new ExcelDoubleError('InvalidArgument', `${name} ${String(v)}`);
  hf[S].host.enqueue(name, () => {
    const model = sheetOf(hf.handle).pageLayout;
    model.headersFooters = { ...model.headersFooters, [name]: v };
  });
}

class HeaderFooterGroupImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
  ) {
    super(host, 'HeaderFooterGroup', () => quoteSheet(handle.name));
  }
  get defaultForAllPages() {
    return child(this, 'defaultForAllPages', () => wrap(new HeaderFooterImpl(this[S].host, this.handle)));
  }
}

class HeaderFooterImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
  ) {
    super(host, 'HeaderFooter', () => quoteSheet(handle.name));
  }
  set leftHeader(v: unknown) {
    setSection(this, 'leftHeader', v);
  }
  set centerHeader(v: unknown) {
    setSection(this, 'centerHeader', v);
  }
  set rightHeader(v: unknown) {
    setSection(this, 'rightHeader', v);
  }
  set leftFooter(v: unknown) {
    setSection(this, 'leftFooter', v);
  }
  set centerFooter(v: unknown) {
    setSection(this, 'centerFooter', v);
  }
  set rightFooter(v: unknown) {
    setSection(this, 'rightFooter', v);
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

function rangeRef(x: unknown, what: string): string {
  if (!isApiObject(x, 'Range')) throw new ExcelDoubleError('InvalidArgument', `${what} needs a Range`);
  const r = raw<RangeImpl>(x);
  return `${quoteSheet(r.handle.name)}!${rectAddress(r.rect(), true)}`;
}

class ChartCollectionImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
  ) {
    super(host, 'ChartCollection', () => quoteSheet(handle.name));
  }
  add(type: unknown, sourceData: unknown, seriesBy: unknown = 'Auto') {
    if (!values(ENUMS.ChartType).has(type as string)) throw new Error(`Excel test double: chart type ${String(type)} is not implemented`);
    if (!values(ENUMS.ChartSeriesBy).has(seriesBy as string)) throw new ExcelDoubleError('InvalidArgument', `seriesBy ${String(seriesBy)}`);
    if (!isApiObject(sourceData, 'Range')) throw new ExcelDoubleError('InvalidArgument', 'charts.add needs a Range as source data');
    const host = this[S].host;
    const model: ChartModel = { type: type as string, seriesBy: seriesBy as string, source: '', series: [] };
    host.enqueue('charts.add', () => {
      const sheet = sheetOf(this.handle);
      assertUnprotected(sheet, 'charts.add');
      const src = raw<RangeImpl>(sourceData);
      const r = src.rect();
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && r.right - r.left > r.bottom - r.top);
      model.source = rangeRef(src, 'charts.add');
      const count = byRows ? r.bottom - r.top + 1 : r.right - r.left + 1;
      for (let i = 0; i < count; i++) {
        const part = byRows ? { ...r, top: r.top + i, bottom: r.top + i } : { ...r, left: r.left + i, right: r.left + i };
        model.series.push({ name: `Series${i + 1}`, values: `${quoteSheet(src.handle.name)}!${rectAddress(part, true)}` });
      }
      sheet.charts.push(model);
    });
    return wrap(new ChartImpl(host, this.handle, model));
  }
}

class ChartImpl extends ApiObject {
  constructor(
    host: Host,
    readonly handle: SheetHandle,
    readonly model: ChartModel,
  ) {
    super(host, 'Chart', () => `${quoteSheet(handle.name)} chart`);
  }
  get title() {
    return child(this, 'title', () => wrap(new ChartTitleImpl(this[S].host, this.model)));
  }
  get series() {
    return child(this, 'series', () => wrap(new ChartSeriesCollectionImpl(this[S].host, this.model)));
  }
  setPosition(startCell: unknown, endCell?: unknown) {
    this[S].host.enqueue('setPosition', () => {
      this.model.from = rectAddress(rangeArg(startCell, this.handle, 'setPosition'));
      if (endCell !== undefined) this.model.to = rectAddress(rangeArg(endCell, this.handle, 'setPosition'));
    });
  }
}

class ChartTitleImpl extends ApiObject {
  constructor(
    host: Host,
    readonly model: ChartModel,
  ) {
    super(host, 'ChartTitle', () => 'chart title');
  }
  set text(v: unknown) {
    if (typeof v !== 'string') throw new ExcelDoubleError('InvalidArgument', 'chart title must be text');
    this[S].host.enqueue('chart title', () => (this.model.title = v));
  }
}

class ChartSeriesCollectionImpl extends ApiObject {
  constructor(
    host: Host,
    readonly model: ChartModel,
  ) {
    super(host, 'ChartSeriesCollection', () => 'chart series');
  }
  getItemAt(index: number) {
    const box: { series?: ChartSeriesModel } = {};
    this[S].host.enqueue('series.getItemAt', () => {
      box.series = this.model.series[index];
      if (!box.series) throw new ExcelDoubleError('ItemNotFound', `chart has no series ${index}`);
    });
    return wrap(new ChartSeriesImpl(this[S].host, box));
  }
  add(name?: string, index?: number) {
    if (index !== undefined) throw new Error('Excel test double: ChartSeriesCollection.add(name, index) is not implemented');
    const box: { series?: ChartSeriesModel } = {};
    this[S].host.enqueue('series.add', () => {
      box.series = { name: name ?? `Series${this.model.series.length + 1}` };
      this.model.series.push(box.series);
    });
    return wrap(new ChartSeriesImpl(this[S].host, box));
  }
}

class ChartSeriesImpl extends ApiObject {
  constructor(
    host: Host,
    readonly box: { series?: ChartSeriesModel },
  ) {
    super(host, 'ChartSeries', () => box.series?.name ?? 'chart series');
  }
  set name(v: unknown) {
    this[S].host.enqueue('series name', () => (seriesOf(this).name = String(v)));
  }
  setValues(range: unknown) {
    this[S].host.enqueue('series values', () => (seriesOf(this).values = rangeRef(range, 'setValues')));
  }
  setXAxisValues(range: unknown) {
    this[S].host.enqueue('series x values', () => (seriesOf(this).xValues = rangeRef(range, 'setXAxisValues')));
  }
}

function seriesOf(s: ChartSeriesImpl): ChartSeriesModel {
  if (!s.box.series) throw new Error('Excel test double: series used before it exists');
  return s.box.series;
}

// ---------------------------------------------------------------------------------------------
// Events: Worksheet.onChanged (ExcelApi 1.7). Handlers are registered by the sync that sends
// add() and dropped by the sync that sends remove(), as on the host; the double fires them for
// edits a test makes as the user (`double.type`), never for the add-in's own writes.

class ChangedEventImpl extends ApiObject {
  /** handle null: the collection's event, raised for a change on any sheet. */
  constructor(
    host: Host,
    readonly handle: SheetHandle | null,
  ) {
    super(host, 'EventHandlers', () => (handle ? `${quoteSheet(handle.name)}.onChanged` : 'Workbook.worksheets.onChanged'));
  }
  add(handler: unknown) {
    if (typeof handler !== 'function') throw new ExcelDoubleError('InvalidArgument', 'onChanged.add needs a function');
    const host = this[S].host;
    const entry: Host['changeHandlers'][number] = { sheet: null, handler: handler as (args: unknown) => unknown };
    host.enqueue('onChanged.add', () => {
      if (this.handle) entry.sheet = sheetOf(this.handle);
      host.changeHandlers.push(entry);
    });
    return wrap(new EventHandlerResultImpl(host, entry));
  }
}

class EventHandlerResultImpl extends ApiObject {
  constructor(
    host: Host,
    readonly entry: Host['changeHandlers'][number],
  ) {
    super(host, 'EventHandlerResult', () => 'onChanged handler');
  }
  get context() {
    return this[S].host.context;
  }
  remove() {
    const host = this[S].host;
    host.enqueue('onChanged.remove', () => {
      const i = host.changeHandlers.indexOf(this.entry);
      if (i >= 0) host.changeHandlers.splice(i, 1);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Names, application, runtime, workbook, context

class NamedItemCollectionImpl extends ApiObject {
  constructor(host: Host) {
    super(host, 'NamedItemCollection', () => 'Workbook.names');
  }
  /** The item is resolved when the batch runs: a missing name fails that sync with ItemNotFound. */
  getItem(name: string) {
    if (typeof name !== 'string' || !name) throw new ExcelDoubleError('InvalidArgument', `names.getItem(${String(name)})`);
    return wrap(new NamedItemImpl(this[S].host, name));
  }
  add(name: string, reference: unknown, comment?: string) {
    const host = this[S].host;
    if (typeof name !== 'string' || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new ExcelDoubleError('InvalidArgument', `bad name ${String(name)}`);
    }
    host.enqueue(`names.add ${name}`, () => {
      if ([...host.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw new ExcelDoubleError('ItemAlreadyExists', `name ${name} exists`);
      let formula: string;
      if (isApiObject(reference, 'Range')) formula = `=${rangeRef(reference, 'names.add')}`;
      else if (typeof reference === 'string' && reference.startsWith('=')) {
        host.checkFormula(reference, `name ${name}`);
        formula = reference;
      } else if (typeof reference === 'string') formula = `="${reference.replace(/"/g, '""')}"`; // office-js #2283
      else throw new ExcelDoubleError('InvalidArgument', `names.add(${name}) reference ${String(reference)}`);
      host.names.set(name, { name, formula, ...(comment ? { comment } : {}) });
    });
  }
  get items() {
    return readLoaded(this, 'items');
  }
  load(props?: string | string[]) {
    const host = this[S].host;
    const itemProps = parseLoad(props).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    for (const p of itemProps) if (!['name', 'formula'].includes(p)) throw notImplemented('NamedItem', p, ' for load()');
    if (itemProps.includes('formula') && !host.supports('1.7')) throw new Error('Excel test double: NamedItem.formula needs ExcelApi 1.7');
    host.enqueue('NamedItemCollection.load', () => {
      const items = [...host.names.values()].map((n) => {
        const item = wrap(new NamedItemImpl(host, n.name));
        for (const p of itemProps) host.staged.push(() => item[S].loaded.set(p, p === 'name' ? n.name : n.formula));
        return item;
      });
      host.staged.push(() => this[S].loaded.set('items', items));
    });
    return this;
  }
}

class NamedItemImpl extends ApiObject {
  constructor(host: Host, name: string) {
    super(host, 'NamedItem', () => name);
  }
  get name() {
    return readLoaded(this, 'name');
  }
  get formula() {
    return readLoaded(this, 'formula');
  }
  delete() {
    const host = this[S].host;
    const name = this[S].label();
    host.enqueue(`names.delete ${name}`, () => {
      const found = [...host.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
      if (!found) throw new ExcelDoubleError('ItemNotFound', `name ${name} does not exist`);
      host.names.delete(found);
    });
  }
}

class ApplicationImpl extends ApiObject {
  constructor(host: Host) {
    super(host, 'Application', () => 'Application');
  }
  suspendApiCalculationUntilNextSync() {
    const host = this[S].host;
    host.enqueue('suspend calculation', () => (host.calculationSuspended = true));
  }
  calculate(type: unknown) {
    if (!values(ENUMS.CalculationType).has(type as string)) throw new ExcelDoubleError('InvalidArgument', `calculate(${String(type)})`);
    const host = this[S].host;
    host.enqueue('calculate', () => host.calculations.push(type as string));
  }
}

class RuntimeImpl extends ApiObject {
  constructor(host: Host) {
    super(host, 'Runtime', () => 'Runtime');
  }
  get enableEvents() {
    return readLoaded(this, 'enableEvents');
  }
  set enableEvents(v: unknown) {
    const host = this[S].host;
    host.enqueue('enableEvents', () => (host.enableEvents = Boolean(v)));
  }
  load(props?: string | string[]) {
    queueLoad(this, props, ['enableEvents'], () => this[S].host.enableEvents);
    return this;
  }
}

class WorkbookImpl extends ApiObject {
  constructor(host: Host) {
    super(host, 'Workbook', () => 'Workbook');
  }
  get worksheets() {
    return child(this, 'worksheets', () => wrap(new WorksheetCollectionImpl(this[S].host)));
  }
  get names() {
    return child(this, 'names', () => wrap(new NamedItemCollectionImpl(this[S].host)));
  }
  get application() {
    return child(this, 'application', () => wrap(new ApplicationImpl(this[S].host)));
  }
  /** The selected cells; A1 of the active sheet when nothing was selected yet, as in a fresh workbook. */
  getSelectedRange() {
    const host = this[S].host;
    const handle: SheetHandle = { model: null, name: '' };
    const box: { rect?: Rect } = {};
    host.enqueue('getSelectedRange', () => {
      const sel = host.selection && host.find(host.selection.sheet) ? host.selection : { sheet: host.activeSheet, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
      handle.model = host.find(sel.sheet) ?? null;
      handle.name = sel.sheet;
      sheetOf(handle);
      box.rect = sel.rect;
    });
    return newRange(host, handle, () => {
      if (!box.rect) throw new Error('Excel test double: selected range read before it was computed');
      return box.rect;
    });
  }
}

class RequestContextImpl extends ApiObject {
  constructor(host: Host) {
    super(host, 'RequestContext', () => 'context');
  }
  get workbook() {
    return child(this, 'workbook', () => wrap(new WorkbookImpl(this[S].host)));
  }
  get runtime() {
    return child(this, 'runtime', () => wrap(new RuntimeImpl(this[S].host)));
  }
  async sync() {
    const host = this[S].host;
    host.syncs++;
    const ops = host.queue;
    host.queue = [];
    host.staged = [];
    host.syncDetails.push({ operations: ops.length });
    await Promise.resolve();
    if (host.cellEditMode && ops.length > 0) {
      throw new ExcelDoubleError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    try {
      for (const op of ops) {
        try {
          host.ran.push({ what: op.what.replace(/ .*/, ''), sync: host.syncs });
          if (++host.operationsRun === host.failAt) throw new ExcelDoubleError('GeneralException', `failure injected by the test at operation ${host.failAt}`);
          op.run();
        } catch (e) {
          if (e instanceof Error && !e.message.includes(op.what)) e.message += ` [while running: ${op.what}]`;
          throw e;
        }
      }
      for (const commit of host.staged) commit();
    } finally {
      host.staged = [];
      host.calculationSuspended = false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Factory

export interface SeedSheet {
  name: string;
  visibility?: SheetModel['visibility'];
  /** A1 address → constant, or { formula } (with "="), or { error }. */
  cells?: Record<string, number | string | boolean | { formula: string; value?: ModelValue } | { error: string }>;
}

export interface ExcelDoubleOptions {
  /** Highest ExcelApi requirement set the host supports. Default "1.10". */
  apiVersion?: string;
  /** Sheets the open workbook already has. Default: one empty "Sheet1". */
  sheets?: SeedSheet[];
  /** Defined names already in the workbook (name → formula with "="). */
  names?: Record<string, string>;
  enableEvents?: boolean;
  /** `Office.context.displayLanguage`. Default "vi-VN". */
  displayLanguage?: string;
  /** `Office.context.platform` ("PC", "OfficeOnline", "Mac"). Default "PC". */
  platform?: string;
}

export interface ExcelNamespaceDouble {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  [name: string]: unknown;
}

export interface OfficeDouble {
  context: { displayLanguage: string; platform: string; requirements: { isSetSupported(name: string, version?: string): boolean } };
  /** Resolves at once with host Excel, as office.js does inside Excel once the host is ready. */
  onReady(callback?: (info: { host: string; platform: string }) => unknown): Promise<{ host: string; platform: string }>;
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
}

export interface ExcelDouble {
  /** Enums and `run`, to install as the `Excel` global. */
  Excel: ExcelNamespaceDouble;
  /** `Office.context.requirements.isSetSupported`, to install as the `Office` global. */
  Office: OfficeDouble;
  context: Excel.RequestContext;
  syncCount(): number;
  /** Operations sent with each sync, in order. */
  syncDetails(): Array<{ operations: number }>;
  log: LogEntry[];
  sheet(name: string): SheetModel;
  sheetNames(): string[];
  /** Workbook names → formula text (with "="). */
  names(): Record<string, string>;
  state(): {
    enableEvents: boolean;
    calculations: string[];
    activeSheet: string;
    /** "'Chấm điểm'!E12", or null before anything was selected. */
    selection: string | null;
    writesWhileSuspended: number;
    eventsOffDuringWrites: boolean;
    pending: number;
    /** Worksheet.onChanged handlers registered. */
    changeHandlers: number;
  };
  /** The user selects cells (activating their sheet). */
  select(sheet: string, address: string): void;
  /**
   * The user types into a cell: parsed like Excel's cell entry, refused in a locked cell of a
   * protected sheet (as Excel's own alert does), then the sheet's onChanged handlers run
   * (asynchronously, as the host raises events after the edit).
   */
  type(sheet: string, address: string, text: string): Promise<void>;
  /** The user starts (true) or ends (false) typing in a cell. */
  setCellEditMode(on: boolean): void;
  /** Seed what a formula cell "computes" (the double does not calculate). */
  setComputed(sheet: string, address: string, value: ModelValue): void;
  /**
   * Makes the n-th operation from now (counted over all syncs, 1-based) fail with
   * GeneralException, as a host does when the workbook is switched or closed mid-batch; the
   * operations before it in its sync stay applied, the rest are dropped. null: no failure.
   */
  failOperation(n: number | null): void;
  /** Operations run by syncs so far (to know how many steps a write has). */
  operationsRun(): number;
  /** Each operation run so far: its kind ("add", "numberFormat", "visibility"…) and the sync it ran in. */
  operationLog(): Array<{ what: string; sync: number }>;
  /** Sets globalThis/window Excel and Office; returns a function restoring the previous ones. */
  install(target?: Record<string, unknown>): () => void;
}

export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  const host = new Host(options.apiVersion ?? '1.10');
  host.enableEvents = options.enableEvents ?? true;
  for (const seed of options.sheets ?? [{ name: 'Sheet1' }]) {
    const model = new SheetModel(seed.name);
    model.visibility = seed.visibility ?? 'Visible';
    for (const [address, content] of Object.entries(seed.cells ?? {})) {
      const { row, col } = parseCell(address);
      const cell = model.ensure(row, col);
      if (typeof content === 'object' && 'formula' in content) Object.assign(cell, { formula: content.formula, value: content.value ?? null });
      else cell.value = content as ModelValue;
    }
    host.sheets.push(model);
  }
  host.activeSheet = host.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
  for (const [name, formula] of Object.entries(options.names ?? {})) host.names.set(name, { name, formula });

  const syncLogged = wrap(new RequestContextImpl(host)) as unknown as Excel.RequestContext;
  host.context = syncLogged;

  let runs: Promise<void> = Promise.resolve();
  const enums = Object.fromEntries(Object.entries(ENUMS).map(([name, e]) => [name, strictEnum(name, e as Record<string, string>)]));
  const excel = {
    ...enums,
    /**
     * Batches share the double's one request context and queue, so runs started together are
     * run one after the other (the host gives each its own context; ours would interleave).
     */
    run<T>(first: unknown, second?: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
      const batch = (second ?? first) as (ctx: Excel.RequestContext) => Promise<T>;
      if (typeof batch !== 'function') throw new Error('Excel test double: Excel.run without a batch function');
      if (second && first !== syncLogged) throw new Error('Excel test double: Excel.run(object, batch) is implemented for a request context only');
      const result = runs.then(async () => {
        try {
          const value = await batch(syncLogged);
          if (host.queue.length > 0) await syncLogged.sync();
          return value;
        } finally {
          host.queue = []; // what a failed batch left unsent dies with its context
        }
      });
      runs = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
  const Excel = new Proxy(excel, {
    get(t, p) {
      if (typeof p === 'symbol' || p in t || INSPECTION_KEYS.has(p)) return Reflect.get(t, p);
      if (p === 'then') return undefined;
      throw notImplemented('Excel', p);
    },
  }) as unknown as ExcelNamespaceDouble;

  const requirements = {
    isSetSupported(name: string, version?: string): boolean {
      return name === 'ExcelApi' && host.supports(version ?? '1.1');
    },
  };
  const strictPlain = <T extends object>(type: string, o: T): T =>
    new Proxy(o, {
      get(t, p) {
        if (typeof p === 'symbol' || p in t || INSPECTION_KEYS.has(p)) return Reflect.get(t, p);
        if (p === 'then') return undefined;
        throw notImplemented(type, p);
      },
    });
  const ready = { host: 'Excel', platform: options.platform ?? 'PC' };
  const Office = strictPlain('Office', {
    context: strictPlain('Office.context', { displayLanguage: options.displayLanguage ?? 'vi-VN', platform: ready.platform, requirements: strictPlain('Office.context.requirements', requirements) }),
    async onReady(callback?: (info: typeof ready) => unknown) {
      if (callback) await callback({ ...ready });
      return { ...ready };
    },
    HostType: strictEnum('Office.HostType', { Excel: 'Excel' }),
    PlatformType: strictEnum('Office.PlatformType', { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' }),
  });

  return {
    Excel,
    Office,
    context: syncLogged,
    syncCount: () => host.syncs,
    syncDetails: () => host.syncDetails.map((d) => ({ ...d })),
    log: host.log,
    sheet(name) {
      const model = host.find(name);
      if (!model) throw new Error(`Excel test double: no sheet "${name}" (sheets: ${host.sheets.map((s) => s.name).join(', ')})`);
      return model;
    },
    sheetNames: () => host.sheets.map((s) => s.name),
    names: () => Object.fromEntries([...host.names.values()].map((n) => [n.name, n.formula])),
    state: () => ({
      enableEvents: host.enableEvents,
      calculations: [...host.calculations],
      activeSheet: host.activeSheet,
      selection: host.selection ? `${quoteSheet(host.selection.sheet)}!${rectAddress(host.selection.rect)}` : null,
      writesWhileSuspended: host.writesWhileSuspended,
      eventsOffDuringWrites: host.eventsOffDuringWrites,
      pending: host.queue.length,
      changeHandlers: host.changeHandlers.length,
    }),
    setCellEditMode(on) {
      host.cellEditMode = on;
    },
    select(sheet, address) {
      const model = host.find(sheet);
      if (!model) throw new Error(`Excel test double: no sheet "${sheet}"`);
      host.activeSheet = model.name;
      host.selection = { sheet: model.name, rect: parseRect(address) };
    },
    async type(sheet, address, text) {
      const model = host.find(sheet);
      if (!model) throw new Error(`Excel test double: no sheet "${sheet}"`);
      const { row, col } = parseCell(address);
      if (model.protection.protected && model.at(row, col).format.locked) {
        throw new ExcelDoubleError('AccessDenied', `${address} is locked on the protected sheet "${model.name}" (Excel refuses the entry)`);
      }
      const cell = model.ensure(row, col);
      if (text === '') Object.assign(cell, { value: null, formula: null, quotePrefix: false });
      else Object.assign(cell, coerceText(text, cell.numberFormat));
      host.activeSheet = model.name;
      host.selection = { sheet: model.name, rect: { top: row, left: col, bottom: row, right: col } };
      await Promise.resolve();
      if (!host.enableEvents) return;
      const args = { type: 'WorksheetChanged', source: 'Local', changeType: 'RangeEdited', worksheetId: model.name, address: `${columnLetters(col)}${row}` };
      for (const h of host.changeHandlers.filter((x) => x.sheet === model || x.sheet === null)) await h.handler(args);
    },
    failOperation(n) {
      host.failAt = n === null ? null : host.operationsRun + n;
    },
    operationsRun: () => host.operationsRun,
    operationLog: () => host.ran.map((r) => ({ ...r })),
    setComputed(sheet, address, value) {
      const model = host.find(sheet);
      if (!model) throw new Error(`Excel test double: no sheet "${sheet}"`);
      const { row, col } = parseCell(address);
      const cell = model.ensure(row, col);
      if (cell.formula === null) throw new Error(`Excel test double: ${address} holds no formula`);
      cell.value = value;
    },
    install(target = globalThis as unknown as Record<string, unknown>) {
      const before = { Excel: target.Excel, Office: target.Office };
      target.Excel = Excel;
      target.Office = Office;
      return () => {
        target.Excel = before.Excel;
        target.Office = before.Office;
      };
    },
  };
}
