/**
 * Reads an .xlsx into the neutral grid with exceljs (CLI and tests; the pane has its own
 * Office.js reader). Every cell keeps its value — for a formula, the result the file last
 * cached — and its formula text; shared formulas (Excel's fill-down) are expanded for
 * each dependent cell. Hostile or broken files are refused before exceljs sees them,
 * with a reason a unit can act on.
 */
import ExcelJS from 'exceljs';
import type { GridValue, SheetGrid, WorkbookGrid } from '../grid';
import { shiftFormula } from '../read/formula-refs';
import { parseA1 } from '../a1';
import { inspectXlsx, MAX_CELLS } from './zip-guard';
import { UnreadableWorkbookError } from './unreadable';

export { UnreadableWorkbookError, type UnreadableReason } from './unreadable';
export { MAX_CELLS, MAX_FILE_BYTES } from './zip-guard';

/** Cells a grid may span once gaps are filled (a stray value at XFD1048576 would be 17 billion). */
const MAX_GRID_AREA = 5_000_000;

export async function readXlsxGrid(buffer: Buffer, source: string): Promise<WorkbookGrid> {
  inspectXlsx(buffer, source);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer interface; a Node Buffer is what it reads.
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableWorkbookError(
      'corrupt',
      `tệp .xlsx bị hỏng, không đọc được (${shortMessage(e)})`,
      `the .xlsx is corrupt and cannot be read (${shortMessage(e)})`,
      source,
    );
  }
  const sheets: SheetGrid[] = [];
  let area = 0;
  let cells = 0;
  for (const ws of wb.worksheets) {
    const sheet = readSheet(ws);
    cells += sheet.cells;
    area += sheet.grid.values.reduce((s, row) => s + row.length + 1, 0);
    if (cells > MAX_CELLS) {
      throw new UnreadableWorkbookError('too-many-cells', `bảng tính có quá nhiều ô (hơn ${MAX_CELLS.toLocaleString('vi-VN')} ô)`, `the workbook has more than ${MAX_CELLS} cells`, source);
    }
    if (area > MAX_GRID_AREA) {
      throw new UnreadableWorkbookError('too-many-cells', `trang "${ws.name}" có ô nằm quá xa bảng chính (vùng dữ liệu quá rộng)`, `sheet "${ws.name}" spans too large an area`, source);
    }
    sheets.push(sheet.grid);
  }
  return { source, sheets, names: definedNames(wb) };
}

function readSheet(ws: ExcelJS.Worksheet): { grid: SheetGrid; cells: number } {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  let cells = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const v: GridValue[] = [];
    const f: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs repeats a merged area's value in every cell of it; Excel has it in the first only.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const read = readCell(ws, cell);
      if (read.value === null && read.formula === null) return;
      cells++;
      while (v.length < col - 1) {
        v.push(null);
        f.push(null);
      }
      v[col - 1] = read.value;
      f[col - 1] = read.formula;
    });
    if (v.length > 0) {
      values[rowNumber - 1] = v;
      formulas[rowNumber - 1] = f;
    }
  });
  // Dense outer arrays: rows without cells are empty rows, not holes.
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  const state = ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
  return { grid: { name: ws.name, state, values, formulas }, cells };
}

function readCell(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): { value: GridValue; formula: string | null } {
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.value drops falsy results (a cached 0 would read as "not calculated"); the model keeps them.
    const model = cell.model as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
    return { value: plain(model.result), formula: formulaOf(ws, cell, model) };
  }
  return { value: plain(cell.value), formula: null };
}

/** The formula text; a shared formula's dependent gets the master's, moved to its own cell. */
function formulaOf(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, model: { formula?: string; sharedFormula?: string }): string {
  if (model.formula) return model.formula.replace(/^=/, '');
  if (model.sharedFormula) {
    const from = parseA1(model.sharedFormula);
    const masterModel = ws.findCell(from.row, from.col)?.model as { formula?: string } | undefined;
    const masterFormula = masterModel?.formula;
    if (masterFormula) {
      const to = parseA1(cell.address);
      return shiftFormula(masterFormula.replace(/^=/, ''), to.row - from.row, to.col - from.col);
    }
    // Still a formula, even when its master cannot be found.
    return `#SHARED(${model.sharedFormula})`;
  }
  return '';
}

function plain(value: ExcelJS.CellValue | undefined): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: '#NUM!' };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('error' in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      const flat = typeof text === 'string' ? text : text && typeof text === 'object' ? plain(text as ExcelJS.CellValue) : null;
      return typeof flat === 'string' && flat !== '' ? flat : ((value as ExcelJS.CellHyperlinkValue).hyperlink ?? '');
    }
    if ('formula' in value || 'sharedFormula' in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  return String(value);
}

/** 2025-06-30, or 2025-06-30T08:30:00 when the cell holds a time too. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function definedNames(wb: ExcelJS.Workbook): Record<string, string> {
  const names: Record<string, string> = {};
  const model = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model ?? [];
  for (const { name, ranges } of model) names[name] = ranges.join(',');
  return names;
}

function shortMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].slice(0, 160);
}
