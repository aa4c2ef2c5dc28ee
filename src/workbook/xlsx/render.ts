/**
 * Writes a workbook description to .xlsx with exceljs (the CLI and tests). Formulas are
 * written without cached results and the file asks for a full calculation on load, so
 * Excel and LibreOffice compute every total themselves. exceljs cannot draw charts; the
 * summary sheet's chart is added only by the Office.js renderer.
 */
import ExcelJS from 'exceljs';
import { parseRange } from '../a1';
import { rowHeights } from '../row-heights';
import type { CellSpec, ConditionalFormatSpec, DataBarSpec, PrintSpec, SheetSpec, StyleSpec, ValidationSpec, WorkbookSpec } from '../spec';
import { fontOf } from '../styles';

export async function renderXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = await toExcelJs(spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function toExcelJs(spec: WorkbookSpec): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.properties.creator;
  wb.title = spec.properties.title;
  wb.subject = spec.properties.subject;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of spec.sheets) await writeSheet(wb, sheet);
  for (const name of spec.names) wb.definedNames.add(name.ref, name.name);
  const active = spec.sheets.findIndex((s) => s.active);
  if (active > 0) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' }];
  return wb;
}

async function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<void> {
  const outlineLevels = Math.max(0, ...spec.rows.map((r) => r.outlineLevel ?? 0));
  const ws = wb.addWorksheet(spec.name, {
    state: spec.state,
    properties: {
      ...(spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {}),
      // Summary rows above their details; every group expanded (OutlineSpec). exceljs marks a
      // row collapsed when its level is above the sheet's outlineLevelRow, and collapsed rows
      // neither show nor print in LibreOffice or WPS: so that is the deepest level.
      outlineProperties: { summaryBelow: false, summaryRight: false },
      outlineLevelRow: outlineLevels,
    } as Partial<ExcelJS.WorksheetProperties>,
    views: spec.freeze ? [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows, ...(spec.active ? { tabSelected: true } : {}) }] : [],
  });
  for (const c of spec.columns) {
    const column = ws.getColumn(c.col);
    // exceljs leaves out a width equal to its default of 9, and Excel's default is 8,43.
    column.width = c.width === 9 ? 9.01 : c.width;
    if (c.hidden) column.hidden = true;
  }
  for (const [row, height] of rowHeights(spec)) ws.getRow(row).height = height;
  for (const r of spec.rows) {
    const row = ws.getRow(r.row);
    if (r.outlineLevel) row.outlineLevel = r.outlineLevel;
    if (r.hidden) row.hidden = true;
  }
  for (const cell of spec.cells) writeCell(ws, cell);
  for (const range of spec.merges) ws.mergeCells(range);
  for (const v of spec.validations) {
    // exceljs keeps a validation per cell and merges equal ones into ranges on write, but in
    // text order: rows 8–15 came out as U10:U15 and U8:U15, overlapping. A range is written as one.
    const box = parseRange(v.range);
    const rule = validation(v);
    if (box.top !== box.bottom || box.left !== box.right) (ws as unknown as WithValidations).dataValidations.add(v.range, rule);
    else ws.getCell(box.top, box.left).dataValidation = rule;
  }
  spec.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting(conditionalFormat(cf, i + 1)));
  const bars = spec.dataBars ?? [];
  bars.forEach((bar, i) => ws.addConditionalFormatting(dataBar(bar, spec.conditionalFormats.length + i + 1)));
  if (spec.print) writePrint(ws, spec.print);
  if (spec.protection) {
    await ws.protect(spec.protection.password ?? '', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      insertRows: spec.protection.allowInsertRows,
      formatColumns: spec.protection.allowFormatColumns,
      formatRows: spec.protection.allowFormatRows,
      autoFilter: spec.protection.allowAutoFilter,
    });
  }
}

const INCH = 72;

function writePrint(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  const m = print.margins;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    margins: { left: m.left / INCH, right: m.right / INCH, top: m.top / INCH, bottom: m.bottom / INCH, header: m.header / INCH, footer: m.footer / INCH },
    ...(print.titleRows ? { printTitlesRow: print.titleRows } : {}),
    ...(print.titleColumns ? { printTitlesColumn: print.titleColumns } : {}),
    ...(print.area ? { printArea: print.area } : {}),
  };
  const header = headerFooter(print.header);
  const footer = headerFooter(print.footer);
  ws.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) } as ExcelJS.HeaderFooter;
}

/** The three parts in Excel's one-string form: "&L…&C…&R…". */
function headerFooter(parts: PrintSpec['header']): string {
  return (parts.left ? `&L${parts.left}` : '') + (parts.center ? `&C${parts.center}` : '') + (parts.right ? `&R${parts.right}` : '');
}

function writeCell(ws: ExcelJS.Worksheet, spec: CellSpec): void {
  const cell = ws.getCell(spec.row, spec.col);
  if (spec.formula !== undefined) cell.value = { formula: spec.formula } as ExcelJS.CellFormulaValue;
  else if (spec.value !== undefined && spec.value !== null) cell.value = spec.value;
  applyStyle(cell, spec.style ?? {});
}

function applyStyle(cell: ExcelJS.Cell, s: StyleSpec): void {
  const font = fontOf(s);
  cell.font = {
    name: font.name,
    size: font.size,
    ...(font.bold ? { bold: true } : {}),
    ...(font.italic ? { italic: true } : {}),
    ...(font.color ? { color: { argb: argb(font.color) } } : {}),
  };
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  if (s.horizontal || s.vertical || s.wrap || s.indent) {
    cell.alignment = {
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
      ...(s.indent ? { indent: s.indent } : {}),
    };
  }
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.locked === false) cell.protection = { locked: false };
}

/** exceljs has the per-range collection at run time; its typings leave it out. */
type WithValidations = { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } };

function validation(v: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: v.error.title,
    error: v.error.message,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
  };
  return v.kind === 'decimal'
    ? { ...common, type: 'decimal', operator: 'between', formulae: [v.min, v.max] }
    : { ...common, type: 'list', formulae: [v.source] };
}

function conditionalFormat(cf: ConditionalFormatSpec, priority: number): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: cf.range,
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [cf.formula],
        style: {
          ...(cf.style.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } } } : {}),
          ...(cf.style.fontColor || cf.style.bold
            ? { font: { ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}), ...(cf.style.bold ? { bold: true } : {}) } }
            : {}),
        },
      },
    ],
  };
}

function dataBar(bar: DataBarSpec, priority: number): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: bar.range,
    rules: [
      {
        type: 'dataBar',
        priority,
        gradient: false,
        cfvo: [
          { type: 'num', value: bar.min },
          { type: 'num', value: bar.max },
        ],
        color: { argb: argb(bar.color) },
      } as unknown as ExcelJS.ConditionalFormattingRule,
    ],
  };
}

function argb(rgb: string): string {
  return 'FF' + rgb.toUpperCase();
}
