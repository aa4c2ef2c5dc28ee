/**
 * Writes a workbook description to .xlsx with exceljs (the CLI and tests). Formulas are
 * written without cached results and the file asks for a full calculation on load, so
 * Excel and LibreOffice compute every total themselves. exceljs cannot draw charts; the
 * summary sheet's chart is added only by the Office.js renderer.
 */
import ExcelJS from 'exceljs';
import { parseRange } from '../a1';
import type { CellSpec, ConditionalFormatSpec, SheetSpec, StyleSpec, ValidationSpec, WorkbookSpec } from '../spec';

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
  return wb;
}

async function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<void> {
  const ws = wb.addWorksheet(spec.name, {
    state: spec.state,
    properties: {
      ...(spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {}),
      outlineProperties: { summaryBelow: false, summaryRight: false },
    },
    views: spec.freeze ? [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] : [],
  });
  for (const c of spec.columns) {
    const column = ws.getColumn(c.col);
    // exceljs leaves out a width equal to its default of 9, and Excel's default is 8,43.
    column.width = c.width === 9 ? 9.01 : c.width;
    if (c.hidden) column.hidden = true;
  }
  for (const r of spec.rows) {
    const row = ws.getRow(r.row);
    if (r.height !== undefined) row.height = r.height;
    if (r.outlineLevel) row.outlineLevel = r.outlineLevel;
    if (r.hidden) row.hidden = true;
  }
  for (const cell of spec.cells) writeCell(ws, cell);
  for (const range of spec.merges) ws.mergeCells(range);
  for (const v of spec.validations) {
    // exceljs keeps a validation per cell (it merges equal ones into one range on write).
    const box = parseRange(v.range);
    const rule = validation(v);
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) ws.getCell(r, c).dataValidation = rule;
  }
  spec.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting(conditionalFormat(cf, i + 1)));
  if (spec.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: spec.print.orientation,
      fitToPage: true,
      fitToWidth: spec.print.fitToWidth,
      fitToHeight: spec.print.fitToHeight,
      ...(spec.print.titleRows ? { printTitlesRow: spec.print.titleRows } : {}),
      ...(spec.print.area ? { printArea: spec.print.area } : {}),
    };
  }
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

function writeCell(ws: ExcelJS.Worksheet, spec: CellSpec): void {
  const cell = ws.getCell(spec.row, spec.col);
  if (spec.formula !== undefined) cell.value = { formula: spec.formula } as ExcelJS.CellFormulaValue;
  else if (spec.value !== undefined && spec.value !== null) cell.value = spec.value;
  if (spec.style) applyStyle(cell, spec.style);
}

function applyStyle(cell: ExcelJS.Cell, s: StyleSpec): void {
  if (s.font) {
    cell.font = {
      ...(s.font.bold ? { bold: true } : {}),
      ...(s.font.italic ? { italic: true } : {}),
      ...(s.font.size ? { size: s.font.size } : {}),
      ...(s.font.color ? { color: { argb: argb(s.font.color) } } : {}),
    };
  }
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

function argb(rgb: string): string {
  return 'FF' + rgb.toUpperCase();
}
