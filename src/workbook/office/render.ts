/**
 * Writes a workbook description (../spec.ts) into the workbook open in Excel, through Office.js.
 * It is the pane's twin of ../xlsx/render.ts and writes the same things: cells (values and
 * English formulas), number formats, styles, column widths, row heights, outline levels, merges,
 * freeze panes, data validation, conditional formats, print setup, tab colours, sheet
 * visibility, defined names and protection — plus the summary chart, which exceljs cannot draw.
 *
 * Round trips: three `context.sync()` calls up to ~600 criterion rows, more only as the set grows —
 *   1. load the existing sheet and name lists (and the events flag) to refuse a clash;
 *   2. queue everything, calculation suspended and events off, sending a request whenever the
 *      next piece would take it past REQUEST_BUDGET (Excel on the web refuses requests over
 *      5 MB with RequestPayloadSizeLimitExceeded; test/workbook/office-payload.test.ts weighs
 *      the requests with Microsoft's own serializer);
 *   3. recalculate, and put the events flag back (always, also after a failure).
 * If any of it fails, the sheets and names it added are removed again (rollback.ts) and the
 * error says so: the workbook is left as it was.
 * Cells go out as 2-D `numberFormat` and `formulas` assignments per sheet (in bands of rows on
 * very large sheets); styles as rectangles of equal value per attribute (fill, bold, border…),
 * never per cell; data validation once per run of rows with the same rule.
 *
 * Requirement sets (the manifest asks for ExcelApi 1.8): data validation and
 * `runtime.enableEvents` 1.8; `freezePanes`, `tabColor`, `series.add/setValues/setXAxisValues`
 * 1.7; conditional formats and `suspendApiCalculationUntilNextSync` 1.6; `context.runtime` 1.5;
 * `names.add` 1.4; `columnWidth`, `rowHeight`, `columnHidden`, `merge`, `format.protection`,
 * `protection.protect(options)`, `visibility` (set) 1.2; the rest 1.1. Feature-detected and skipped
 * below their set, with a Vietnamese note in the report: outline grouping (`Range.group`, 1.10),
 * print setup (`pageLayout`, 1.9) and indentation (`format.indentLevel`, 1.9).
 *
 * Locale: formulas are written to `formulas` (English, "," separators), never `formulasLocal`;
 * numbers as JS numbers; number formats as US codes.
 *
 * Only this folder touches the `Excel` global (enums at run time); eslint enforces it.
 */
import { columnLetter, parseRange, rangeA1 } from '../a1';
import { columnWidthPoints, rowHeights } from '../row-heights';
import type { CellSpec, ChartSpec, ConditionalFormatSpec, DataBarSpec, SheetSpec, StyleSpec, ValidationSpec, WorkbookSpec } from '../spec';
import { fontOf } from '../styles';
import { RequestBatch } from './batch';
import { removeAdded, WriteFailedError } from './rollback';

export { columnWidthPoints };

/** The workbook already has sheets with these names; nothing was written. */
export class SheetExistsError extends Error {
  constructor(readonly sheets: string[]) {
    super(
      `Workbook đã có trang tính ${sheets.map((s) => `"${s}"`).join(', ')}. ` +
        'Không ghi đè để tránh mất dữ liệu: hãy đổi tên hoặc xoá trang đó, hoặc chọn cập nhật bảng hiện có.',
    );
    this.name = 'SheetExistsError';
  }
}

/** The workbook already defines these names (e.g. left from an earlier copy); nothing was written. */
export class NameExistsError extends Error {
  constructor(readonly names: string[]) {
    super(
      `Workbook đã có tên (Name) ${names.join(', ')}. Không ghi đè: hãy xoá các tên này trong Formulas › Name Manager rồi thử lại.`,
    );
    this.name = 'NameExistsError';
  }
}

/** The host is older than the manifest's minimum (data validation needs ExcelApi 1.8). */
export class ExcelApiTooOldError extends Error {
  constructor(readonly required: string) {
    super(`Phiên bản Excel này chưa hỗ trợ ExcelApi ${required} (cần Office 2021, Microsoft 365 hoặc Excel trên web).`);
    this.name = 'ExcelApiTooOldError';
  }
}

export type SkippableFeature = 'outline' | 'print' | 'indent';

export interface SkippedFeature {
  feature: SkippableFeature;
  /** The ExcelApi requirement set the feature needs. */
  requirement: string;
  /** For the pane, in Vietnamese. */
  message: string;
}

export interface RenderReport {
  sheets: string[];
  /** Cells of the description holding a value or a formula. */
  cells: number;
  /** Cells covered by the block assignments (including blanks in the rectangles). */
  blockCells: number;
  validations: number;
  conditionalFormats: number;
  charts: number;
  names: number;
  /** Rectangles styles were applied to, and the property assignments that took. */
  formatRuns: number;
  formatCalls: number;
  /** Per sheet, for tuning and tests. */
  perSheet: Record<string, { cells: number; formatRuns: number; formatCalls: number }>;
  syncs: number;
  /**
   * Estimated bytes of each write request, in order (see batch.ts). Against Microsoft's
   * serializer the estimate is high by 5–25 %, never low (test/workbook/office-payload.test.ts).
   */
  requestEstimates: number[];
  skipped: SkippedFeature[];
  /** Things of the description Office.js cannot write at all (in Vietnamese). */
  notes: string[];
  /** Non-fatal problems after everything was written (e.g. events could not be re-enabled). */
  warnings: string[];
}

export interface RenderOptions {
  /** Feature detection; defaults to `Office.context.requirements.isSetSupported`. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Activate the first visible sheet written (default true). */
  activate?: boolean;
}

const SKIP_MESSAGES: Record<SkippableFeature, { requirement: string; message: string }> = {
  outline: {
    requirement: '1.10',
    message: 'Excel này chưa hỗ trợ nhóm dòng (ExcelApi 1.10): các dòng tiêu chí không được nhóm theo cấp, dữ liệu và công thức không bị ảnh hưởng.',
  },
  print: {
    requirement: '1.9',
    message: 'Excel này chưa hỗ trợ thiết lập in (ExcelApi 1.9): khi in hãy tự chọn khổ A4 ngang, vừa một trang chiều ngang và lặp dòng tiêu đề.',
  },
  indent: {
    requirement: '1.9',
    message: 'Excel này chưa hỗ trợ thụt lề ô (ExcelApi 1.9): tên tiêu chí con hiển thị không thụt lề.',
  },
};

const NOTES = [
  'Office.js không có lệnh đặt nút thu gọn nhóm dòng ở phía trên (summary rows above); Excel giữ mặc định của workbook.',
  'Thuộc tính tài liệu (tiêu đề, chủ đề, người tạo) của workbook đang mở không bị thay đổi.',
];

/**
 * Text Excel would parse when written through `formulas`/`values` (a number, date, boolean,
 * error literal or formula) gets an apostrophe so it stays text. Only for cells not formatted "@".
 */
export function needsQuotePrefix(text: string): boolean {
  if (text === '') return false;
  if (!/^\p{L}/u.test(text)) return true; // digits, signs, "=", "'", "#", "(", "$", spaces, "…"
  if (/^(true|false)\s*$/i.test(text)) return true;
  return /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(text);
}

export async function renderIntoWorkbook(context: Excel.RequestContext, spec: WorkbookSpec, options: RenderOptions = {}): Promise<RenderReport> {
  const supports = options.isSetSupported ?? ((name: string, version: string) => Office.context.requirements.isSetSupported(name, version));
  if (!supports('ExcelApi', '1.8')) throw new ExcelApiTooOldError('1.8');
  const features: Record<SkippableFeature, boolean> = {
    outline: supports('ExcelApi', '1.10'),
    print: supports('ExcelApi', '1.9'),
    indent: supports('ExcelApi', '1.9'),
  };

  const batch = new RequestBatch(context);

  // 1. What is already there. Never delete or overwrite the user's sheets or names.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  const runtime = context.runtime;
  runtime.load('enableEvents');
  await batch.sync();
  const existingSheets = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
  const sheetClashes = spec.sheets.map((s) => existingSheets.get(s.name.toLowerCase())).filter((n): n is string => n !== undefined);
  if (sheetClashes.length > 0) throw new SheetExistsError(sheetClashes);
  const existingNames = new Map(names.items.map((n) => [n.name.toLowerCase(), n.name]));
  const nameClashes = spec.names.map((n) => existingNames.get(n.name.toLowerCase())).filter((n): n is string => n !== undefined);
  if (nameClashes.length > 0) throw new NameExistsError(nameClashes);
  const eventsBefore = runtime.enableEvents;

  const report: RenderReport = {
    sheets: spec.sheets.map((s) => s.name),
    cells: 0,
    blockCells: 0,
    validations: 0,
    conditionalFormats: 0,
    charts: 0,
    names: spec.names.length,
    formatRuns: 0,
    formatCalls: 0,
    perSheet: {},
    syncs: 0,
    requestEstimates: [],
    skipped: [],
    notes: [...NOTES],
    warnings: [],
  };

  // 2. Everything, in as few requests as the payload limit allows.
  let failure: unknown = null;
  try {
    runtime.enableEvents = false;
    batch.eachRequest(() => context.workbook.application.suspendApiCalculationUntilNextSync());
    await queueWorkbook(context, batch, spec, features, report, options.activate !== false);
    batch.eachRequest(null);
    await batch.sync();
  } catch (error) {
    failure = error;
  } finally {
    batch.eachRequest(null);
  }

  // 3. Recalculate what was written (calculation was suspended) and restore events, whatever happened.
  try {
    if (!failure) context.workbook.application.calculate(Excel.CalculationType.recalculate);
    runtime.enableEvents = eventsBefore;
    await batch.sync();
  } catch {
    // The events flag is the user's Excel, not ours to leave off: once more, on its own.
    try {
      runtime.enableEvents = eventsBefore;
      await batch.sync();
    } catch (error) {
      if (!failure) report.warnings.push(`Không bật lại được sự kiện của Excel: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failure) {
    const left = await removeAdded(context, { sheets: spec.sheets.map((s) => s.name), names: spec.names.map((n) => n.name) });
    throw new WriteFailedError(failure, left);
  }
  report.syncs = batch.syncs;
  report.requestEstimates = batch.requestEstimates;
  return report;
}

interface Features {
  outline: boolean;
  print: boolean;
  indent: boolean;
}

async function queueWorkbook(
  context: Excel.RequestContext,
  batch: RequestBatch,
  spec: WorkbookSpec,
  features: Features,
  report: RenderReport,
  activate: boolean,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  // All sheets first: formulas, validation lists and names refer across sheets.
  const added = spec.sheets.map((sheet) => ({ sheet, handle: worksheets.add(sheet.name), generation: batch.generation, ranges: new Map<string, Excel.Range>() }));
  type Written = (typeof added)[number];
  // The objects of an earlier request are spent: after a sync, find the sheet again by name.
  const sheetOf = (w: Written): Excel.Worksheet => {
    if (w.generation !== batch.generation) {
      w.handle = worksheets.getItem(w.sheet.name);
      w.ranges.clear();
      w.generation = batch.generation;
    }
    return w.handle;
  };
  const written = added.map((w) => ({
    sheet: w.sheet,
    get ws() {
      return sheetOf(w);
    },
    get ranges() {
      sheetOf(w);
      return w.ranges;
    },
  }));
  const range = (w: (typeof written)[number], address: string) => {
    const ranges = w.ranges;
    let r = ranges.get(address);
    if (!r) ranges.set(address, (r = w.ws.getRange(address)));
    return r;
  };
  const skip = (feature: SkippableFeature) => {
    if (!report.skipped.some((s) => s.feature === feature)) report.skipped.push({ feature, ...SKIP_MESSAGES[feature] });
  };

  for (const w of written) {
    const { sheet } = w;
    let cells = 0;
    for (const band of cellBands(sheet)) {
      await batch.room(band.bytes);
      cells += writeCells(w.ws, band, report);
      batch.add(band.bytes);
    }
    writeColumns(w.ws, sheet);
    const styled = writeStyles(sheet, features, (address) => range(w, address), skip);
    batch.add(RequestBatch.formatBytes(styled));
    report.perSheet[sheet.name] = { cells, formatRuns: styled.runs, formatCalls: styled.calls };
    report.formatRuns += styled.runs;
    report.formatCalls += styled.calls;
    writeRows(w.ws, sheet);
    for (const m of sheet.merges) range(w, m).merge(false);
    batch.add(RequestBatch.rowBytes(sheet));
  }

  for (const w of written) {
    // A new range per group: the cached ones may belong to a request already sent.
    for (const group of groupValidations(w.sheet.validations)) {
      const bytes = RequestBatch.validationBytes(group.validation, group.range);
      await batch.room(bytes);
      writeValidation(w.ws.getRange(group.range), group.validation);
      batch.add(bytes);
    }
    report.validations += w.sheet.validations.length;
    // Office.js puts each new conditional format on top: add the lowest priority first.
    for (const bar of [...(w.sheet.dataBars ?? [])].reverse()) {
      const bytes = RequestBatch.conditionalFormatBytes(bar);
      await batch.room(bytes);
      writeDataBar(w.ws.getRange(bar.range), bar);
      batch.add(bytes);
    }
    for (const cf of [...w.sheet.conditionalFormats].reverse()) {
      const bytes = RequestBatch.conditionalFormatBytes(cf);
      await batch.room(bytes);
      writeConditionalFormat(w.ws.getRange(cf.range), cf);
      batch.add(bytes);
    }
    report.conditionalFormats += w.sheet.conditionalFormats.length;
  }

  await batch.room(RequestBatch.finishingBytes(spec));
  for (const w of written) {
    const { sheet } = w;
    const ws = w.ws;
    // Grouped before the sheet is protected (below), every group shown, as the exceljs renderer
    // writes them: on a protected sheet nobody can collapse them, so every row shows and prints.
    if (sheet.rows.some((r) => (r.outlineLevel ?? 0) > 0)) {
      if (features.outline) writeOutline(ws, sheet);
      else skip('outline');
    }
    if (sheet.freeze) writeFreeze(ws, sheet.freeze);
    if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
    if (sheet.print) {
      if (features.print) writePrint(ws, sheet.print);
      else skip('print');
    }
    for (const chart of sheet.charts) writeChart(ws, chart);
    report.charts += sheet.charts.length;
  }

  for (const n of spec.names) context.workbook.names.add(n.name, `=${n.ref}`);

  for (const w of written) {
    const { sheet } = w;
    const ws = w.ws;
    if (sheet.state === 'veryHidden') ws.visibility = Excel.SheetVisibility.veryHidden;
    else if (sheet.state === 'hidden') ws.visibility = Excel.SheetVisibility.hidden;
  }
  // Protection last: after it, the locked cells refuse changes.
  for (const w of written) {
    const { sheet } = w;
    const ws = w.ws;
    if (!sheet.protection) continue;
    const p = sheet.protection;
    const protectOptions: Excel.WorksheetProtectionOptions = {
      allowInsertRows: p.allowInsertRows,
      allowFormatColumns: p.allowFormatColumns,
      allowFormatRows: p.allowFormatRows,
      allowAutoFilter: p.allowAutoFilter,
      selectionMode: Excel.ProtectionSelectionMode.normal,
    };
    if (p.password) ws.protection.protect(protectOptions, p.password);
    else ws.protection.protect(protectOptions);
  }
  if (activate) (written.find((w) => w.sheet.active) ?? written.find((w) => w.sheet.state === 'visible'))?.ws.activate();
  batch.add(RequestBatch.finishingBytes(spec));
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Later entries for the same cell override earlier ones field by field, as in the exceljs renderer. */
function cellMap(sheet: SheetSpec): Map<string, CellSpec> {
  const cells = new Map<string, CellSpec>();
  for (const c of sheet.cells) {
    const k = `${c.row},${c.col}`;
    const prev = cells.get(k);
    if (!prev) {
      cells.set(k, c);
      continue;
    }
    const hasContent = c.formula !== undefined || (c.value !== undefined && c.value !== null);
    cells.set(k, {
      row: c.row,
      col: c.col,
      ...(hasContent ? { value: c.value, formula: c.formula } : { value: prev.value, formula: prev.formula }),
      ...(prev.style || c.style ? { style: { ...prev.style, ...c.style } } : {}),
    });
  }
  return cells;
}

/**
 * Cells as they end up styled: like exceljs's mergeCells, every cell of a merged area takes the
 * style of its top-left cell (so borders and fills cover the whole area). Excel's own merge keeps
 * only the top-left format on some hosts, so the renderer states it for every cell.
 */
function effectiveCells(sheet: SheetSpec): Map<string, CellSpec> {
  const cells = cellMap(sheet);
  for (const address of sheet.merges) {
    const { top, left, bottom, right } = parseRange(address);
    const master = cells.get(`${top},${left}`);
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        if (row === top && col === left) continue;
        const k = `${row},${col}`;
        const own = cells.get(k);
        if (master?.style) cells.set(k, { ...own, row, col, style: master.style });
        else if (own) cells.set(k, { ...own, style: undefined });
      }
    }
  }
  return cells;
}

function cellInput(cell: CellSpec | undefined, numberFormat: string): string | number | boolean {
  if (!cell) return '';
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return numberFormat !== '@' && needsQuotePrefix(v) ? `'${v}` : v;
  return v;
}

/** A rectangle of a sheet's cells, written as one `numberFormat` and one `formulas` assignment. */
interface CellBand {
  top: number;
  left: number;
  bottom: number;
  right: number;
  numberFormats: string[][];
  contents: Array<Array<string | number | boolean>>;
  /** Cells holding a value or a formula. */
  cells: number;
  /** Estimated bytes of the two assignments in a request. */
  bytes: number;
}

/**
 * The sheet's cells as one rectangle, cut into bands of rows when it alone would take more
 * than half a request (a sheet of several thousand criteria).
 */
function cellBands(sheet: SheetSpec): CellBand[] {
  const cells = effectiveCells(sheet);
  if (cells.size === 0) return [];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells.values()) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const rows: Array<{ formats: string[]; line: Array<string | number | boolean>; cells: number; bytes: number }> = [];
  for (let row = top; row <= bottom; row++) {
    const formats: string[] = [];
    const line: Array<string | number | boolean> = [];
    let count = 0;
    for (let col = left; col <= right; col++) {
      const cell = cells.get(`${row},${col}`);
      const numberFormat = cell?.style?.numberFormat ?? 'General';
      formats.push(numberFormat);
      line.push(cellInput(cell, numberFormat));
      if (cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== null))) count++;
    }
    rows.push({ formats, line, cells: count, bytes: RequestBatch.jsonBytes(formats) + RequestBatch.jsonBytes(line) });
  }
  const bands: CellBand[] = [];
  let first = 0;
  while (first < rows.length) {
    let last = first;
    let bytes = rows[first].bytes;
    while (last + 1 < rows.length && bytes + rows[last + 1].bytes <= RequestBatch.BAND_BYTES) bytes += rows[++last].bytes;
    const slice = rows.slice(first, last + 1);
    bands.push({
      top: top + first,
      left,
      bottom: top + last,
      right,
      numberFormats: slice.map((r) => r.formats),
      contents: slice.map((r) => r.line),
      cells: slice.reduce((n, r) => n + r.cells, 0),
      bytes: bytes + RequestBatch.OPERATION_BYTES * 4,
    });
    first = last + 1;
  }
  return bands;
}

function writeCells(ws: Excel.Worksheet, band: CellBand, report: RenderReport): number {
  const block = ws.getRange(rangeA1(band.top, band.left, band.bottom, band.right));
  // Formats first: a code such as "1.1" written into a General cell would become a number.
  block.numberFormat = band.numberFormats;
  block.formulas = band.contents;
  report.cells += band.cells;
  report.blockCells += (band.bottom - band.top + 1) * (band.right - band.left + 1);
  return band.cells;
}

// ---------------------------------------------------------------------------------------------
// Styles: rectangles of equal value, per attribute

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type AttrValue = string | number | boolean;

interface StyleAttribute {
  name: string;
  feature?: SkippableFeature;
  value: (s: StyleSpec) => AttrValue | undefined;
  /** Queues the assignments for one rectangle; returns how many properties it set. */
  apply: (range: Excel.Range, value: AttrValue, rect: Rect) => number;
}

function styleAttributes(): StyleAttribute[] {
  const horizontal = { left: Excel.HorizontalAlignment.left, center: Excel.HorizontalAlignment.center, right: Excel.HorizontalAlignment.right };
  const vertical = { top: Excel.VerticalAlignment.top, middle: Excel.VerticalAlignment.center, bottom: Excel.VerticalAlignment.bottom };
  return [
    { name: 'fill', value: (s) => s.fill, apply: (r, v) => ((r.format.fill.color = `#${v}`), 1) },
    { name: 'bold', value: (s) => (s.font?.bold ? true : undefined), apply: (r) => ((r.format.font.bold = true), 1) },
    { name: 'italic', value: (s) => (s.font?.italic ? true : undefined), apply: (r) => ((r.format.font.italic = true), 1) },
    { name: 'font', value: (s) => fontOf(s).name, apply: (r, v) => ((r.format.font.name = v as string), 1) },
    { name: 'size', value: (s) => fontOf(s).size, apply: (r, v) => ((r.format.font.size = v as number), 1) },
    { name: 'color', value: (s) => s.font?.color, apply: (r, v) => ((r.format.font.color = `#${v}`), 1) },
    {
      name: 'horizontal',
      value: (s) => s.horizontal,
      apply: (r, v) => ((r.format.horizontalAlignment = horizontal[v as keyof typeof horizontal]), 1),
    },
    { name: 'vertical', value: (s) => s.vertical, apply: (r, v) => ((r.format.verticalAlignment = vertical[v as keyof typeof vertical]), 1) },
    { name: 'wrap', value: (s) => (s.wrap ? true : undefined), apply: (r) => ((r.format.wrapText = true), 1) },
    { name: 'indent', feature: 'indent', value: (s) => s.indent || undefined, apply: (r, v) => ((r.format.indentLevel = v as number), 1) },
    { name: 'border', value: (s) => (s.border ? true : undefined), apply: (r, _v, rect) => thinBorders(r, rect) },
    { name: 'locked', value: (s) => (s.locked === false ? false : undefined), apply: (r) => ((r.format.protection.locked = false), 1) },
  ];
}

/** The exceljs renderer's border: thin, #BFBFBF, on every side of every cell. */
function thinBorders(range: Excel.Range, rect: Rect): number {
  const sides: Excel.BorderIndex[] = [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom, Excel.BorderIndex.edgeLeft, Excel.BorderIndex.edgeRight];
  if (rect.bottom > rect.top) sides.push(Excel.BorderIndex.insideHorizontal);
  if (rect.right > rect.left) sides.push(Excel.BorderIndex.insideVertical);
  for (const side of sides) {
    const border = range.format.borders.getItem(side);
    border.style = Excel.BorderLineStyle.continuous;
    border.weight = Excel.BorderWeight.thin;
    border.color = '#BFBFBF';
  }
  return sides.length * 3;
}

function writeStyles(
  sheet: SheetSpec,
  features: Features,
  range: (address: string) => Excel.Range,
  skip: (feature: SkippableFeature) => void,
): { runs: number; calls: number } {
  // Every cell, styled or not: each is written in the workbook's one font.
  const cells = [...effectiveCells(sheet).values()];
  let runs = 0;
  let calls = 0;
  for (const attr of styleAttributes()) {
    const byValue = new Map<AttrValue, Array<{ row: number; col: number }>>();
    for (const c of cells) {
      const v = attr.value(c.style ?? {});
      if (v === undefined) continue;
      let list = byValue.get(v);
      if (!list) byValue.set(v, (list = []));
      list.push({ row: c.row, col: c.col });
    }
    if (byValue.size === 0) continue;
    if (attr.feature && !features[attr.feature]) {
      skip(attr.feature);
      continue;
    }
    for (const [value, points] of byValue) {
      for (const rect of rectangles(points)) {
        calls += attr.apply(range(rangeA1(rect.top, rect.left, rect.bottom, rect.right)), value, rect);
        runs++;
      }
    }
  }
  return { runs, calls };
}

/**
 * Covers a set of cells exactly with few rectangles: runs of adjacent cells along rows stacked
 * into blocks when consecutive rows have the same run, or the same along columns —
 * whichever gives fewer. (A greedy largest-block-first cover gave no fewer on our sheets.)
 */
export function rectangles(points: ReadonlyArray<{ row: number; col: number }>): Rect[] {
  const byRows = sweep(points.map((p) => [p.row, p.col] as const));
  const byCols = sweep(points.map((p) => [p.col, p.row] as const)).map((r) => ({ top: r.left, left: r.top, bottom: r.right, right: r.bottom }));
  return byCols.length < byRows.length ? byCols : byRows;
}

/** Rectangles in (major, minor) coordinates; returned with top/bottom = major, left/right = minor. */
function sweep(points: ReadonlyArray<readonly [number, number]>): Rect[] {
  const lines = new Map<number, number[]>();
  for (const [major, minor] of points) {
    let line = lines.get(major);
    if (!line) lines.set(major, (line = []));
    line.push(minor);
  }
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const major of [...lines.keys()].sort((a, b) => a - b)) {
    const minors = [...new Set(lines.get(major))].sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    for (let i = 0; i < minors.length; ) {
      let j = i;
      while (j + 1 < minors.length && minors[j + 1] === minors[j] + 1) j++;
      const k = `${minors[i]}:${minors[j]}`;
      const rect = open.get(k);
      if (rect && rect.bottom === major - 1) {
        rect.bottom = major;
        open.delete(k);
        next.set(k, rect);
      } else {
        const created = { top: major, bottom: major, left: minors[i], right: minors[j] };
        done.push(created);
        next.set(k, created);
      }
      i = j + 1;
    }
    open = next;
  }
  return done;
}

// ---------------------------------------------------------------------------------------------
// Columns, rows, outline, freeze, print

function writeColumns(ws: Excel.Worksheet, sheet: SheetSpec): void {
  const columns = [...sheet.columns].sort((a, b) => a.col - b.col);
  // Adjacent columns of the same width share one assignment ("L:P").
  for (let i = 0; i < columns.length; ) {
    let j = i;
    while (j + 1 < columns.length && columns[j + 1].col === columns[j].col + 1 && columns[j + 1].width === columns[i].width) j++;
    ws.getRange(`${columnLetter(columns[i].col)}:${columnLetter(columns[j].col)}`).format.columnWidth = columnWidthPoints(columns[i].width);
    i = j + 1;
  }
  for (const c of columns) if (c.hidden) ws.getRange(`${columnLetter(c.col)}:${columnLetter(c.col)}`).columnHidden = true;
}

/** The heights the exceljs renderer writes (row-heights.ts); adjacent rows of one height share an assignment. */
function writeRows(ws: Excel.Worksheet, sheet: SheetSpec): void {
  const heights = [...rowHeights(sheet)].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1][0] === heights[j][0] + 1 && heights[j + 1][1] === heights[i][1]) j++;
    ws.getRange(`${heights[i][0]}:${heights[j][0]}`).format.rowHeight = heights[i][1];
    i = j + 1;
  }
  for (const r of sheet.rows) if (r.hidden) ws.getRange(`${r.row}:${r.row}`).rowHidden = true;
}

/** Each outline level is one more `group()` over the runs of rows at that level or deeper. */
function writeOutline(ws: Excel.Worksheet, sheet: SheetSpec): void {
  const level = new Map(sheet.rows.map((r) => [r.row, r.outlineLevel ?? 0]));
  const max = Math.max(0, ...level.values());
  const rows = [...level.keys()].sort((a, b) => a - b);
  for (let l = 1; l <= max; l++) {
    const deep = rows.filter((r) => (level.get(r) ?? 0) >= l);
    for (let i = 0; i < deep.length; ) {
      let j = i;
      while (j + 1 < deep.length && deep[j + 1] === deep[j] + 1) j++;
      ws.getRange(`${deep[i]}:${deep[j]}`).group(Excel.GroupOption.byRows);
      i = j + 1;
    }
  }
  // Every group shown (OutlineSpec): collapsed rows neither show nor print.
  ws.showOutlineLevels(max + 1, 0);
}

function writeFreeze(ws: Excel.Worksheet, freeze: { rows: number; cols: number }): void {
  if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRange(rangeA1(1, 1, freeze.rows, freeze.cols)));
  else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
  else if (freeze.cols > 0) ws.freezePanes.freezeColumns(freeze.cols);
}

function writePrint(ws: Excel.Worksheet, print: NonNullable<SheetSpec['print']>): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  layout.paperSize = Excel.PaperType.a4;
  // fitToHeight 0 means "as many pages as needed": leave the vertical count unset.
  layout.zoom = { horizontalFitToPages: print.fitToWidth, ...(print.fitToHeight > 0 ? { verticalFitToPages: print.fitToHeight } : {}) };
  if (print.titleRows) layout.setPrintTitleRows(ws.getRange(print.titleRows));
  if (print.titleColumns) layout.setPrintTitleColumns(ws.getRange(print.titleColumns));
  if (print.area) layout.setPrintArea(ws.getRange(print.area));
  const m = print.margins;
  layout.leftMargin = m.left;
  layout.rightMargin = m.right;
  layout.topMargin = m.top;
  layout.bottomMargin = m.bottom;
  layout.headerMargin = m.header;
  layout.footerMargin = m.footer;
  const page = layout.headersFooters.defaultForAllPages;
  if (print.header.left) page.leftHeader = print.header.left;
  if (print.header.center) page.centerHeader = print.header.center;
  if (print.header.right) page.rightHeader = print.header.right;
  if (print.footer.left) page.leftFooter = print.footer.left;
  if (print.footer.center) page.centerFooter = print.footer.center;
  if (print.footer.right) page.rightFooter = print.footer.right;
}

// ---------------------------------------------------------------------------------------------
// Validation, conditional formats, chart

/** "0" → 0; "$C12" → "=$C12". */
function operand(formula: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(formula) ? Number(formula) : `=${formula}`;
}

/** The description's list source: a quoted literal list ("x") or a range reference. */
function listSource(source: string): string {
  const literal = /^"(.*)"$/s.exec(source);
  return literal ? literal[1].replace(/""/g, '"') : `=${source}`;
}

/**
 * Validations one after another on single cells of one column, rows in sequence, with the same
 * rule once their row-relative references are read relative to their own row ("$C12" on row 12
 * and "$C13" on row 13), the same prompt and the same error: one validation over the run of
 * rows, as Excel stores it. Anything else keeps its own.
 */
export function groupValidations(validations: readonly ValidationSpec[]): Array<{ range: string; validation: ValidationSpec }> {
  const groups: Array<{ range: string; validation: ValidationSpec; top: number; bottom: number; key: string | null }> = [];
  for (const v of validations) {
    const cell = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(v.range);
    const top = cell ? Number(cell[2]) : 0;
    const key = cell ? `${cell[1]}|${relativeRule(v, top)}` : null;
    const last = groups[groups.length - 1];
    if (key !== null && last?.key === key && last.bottom === top - 1) {
      last.bottom = top;
      last.range = `${cell![1]}${last.top}:${cell![1]}${top}`;
      continue;
    }
    groups.push({ range: v.range, validation: v, top, bottom: top, key });
  }
  return groups.map(({ range, validation }) => ({ range, validation }));
}

/** The rule with each relative row number written as an offset from `row` ("$C12" at row 12 → "$C[0]"). */
function relativeRule(v: ValidationSpec, row: number): string {
  const shift = (formula: string) => formula.replace(/(\$?[A-Z]{1,3})(\d+)(?![\d(])/g, (_m, col: string, r: string) => `${col}[${Number(r) - row}]`);
  const rule = v.kind === 'decimal' ? [v.kind, shift(v.min), shift(v.max)] : [v.kind, v.source];
  return JSON.stringify([rule, v.prompt ?? null, v.error]);
}

function writeValidation(range: Excel.Range, v: ValidationSpec): void {
  const dv = range.dataValidation;
  dv.rule =
    v.kind === 'decimal'
      ? { decimal: { formula1: operand(v.min), formula2: operand(v.max), operator: Excel.DataValidationOperator.between } }
      : { list: { inCellDropDown: true, source: listSource(v.source) } };
  dv.ignoreBlanks = true;
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: v.error.title, message: v.error.message };
}

function writeConditionalFormat(range: Excel.Range, cf: ConditionalFormatSpec): void {
  const format = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
  format.custom.rule.formula = `=${cf.formula}`;
  if (cf.style.fill) format.custom.format.fill.color = `#${cf.style.fill}`;
  if (cf.style.fontColor) format.custom.format.font.color = `#${cf.style.fontColor}`;
  if (cf.style.bold) format.custom.format.font.bold = true;
}

function writeDataBar(range: Excel.Range, bar: DataBarSpec): void {
  const format = range.conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
  format.dataBar.lowerBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: String(bar.min) };
  format.dataBar.upperBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: String(bar.max) };
  format.dataBar.positiveFormat.fillColor = `#${bar.color}`;
  format.dataBar.positiveFormat.gradientFill = false;
}

function writeChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const chart = ws.charts.add(Excel.ChartType.barClustered, ws.getRange(first.values), Excel.ChartSeriesBy.columns);
  chart.title.text = spec.title;
  // charts.add made the first series from its source; name it and give it the categories.
  const series = chart.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(ws.getRange(spec.categories));
  for (const s of rest) {
    const added = chart.series.add(s.name);
    added.setValues(ws.getRange(s.values));
    added.setXAxisValues(ws.getRange(spec.categories));
  }
  chart.setPosition(spec.from, spec.to);
}
