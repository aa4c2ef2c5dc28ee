/**
 * Reads the scoring workbook open in Excel into the renderer-neutral grid (../grid.ts), so the
 * same pure interpreter serves the pane and the CLI.
 *
 * Two syncs: the sheet list (with visibility) and the defined names first, then the used range
 * of each scoring-workbook sheet that exists (`values`, `formulas`, `valueTypes`, `numberFormat`,
 * `address`). Dates come back as ISO text, like the exceljs reader gives them.
 * ExcelApi 1.7 (NamedItem.formula; getUsedRange(valuesOnly) is 1.2).
 */
import { parseRange } from '../a1';
import type { GridValue, SheetGrid, WorkbookGrid } from '../grid';
import { SHEETS } from '../layout';
import { isDateFormat, serialToIso } from '../excel-dates';

export interface ReadOptions {
  /** Sheets to read; default the scoring workbook's (Chấm điểm, Tổng hợp, _par). */
  sheets?: readonly string[];
}

export async function readGrid(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookGrid> {
  const wanted = (options.sheets ?? Object.values(SHEETS)).map((s) => s.toLowerCase());
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  await context.sync();

  const present = worksheets.items
    .filter((ws) => wanted.includes(ws.name.toLowerCase()))
    .map((ws) => {
      const used = ws.getUsedRange(true);
      used.load('address,values,formulas,valueTypes,numberFormat');
      return { ws, used };
    });
  if (present.length > 0) await context.sync();

  return {
    source: 'workbook hiện tại',
    sheets: present.map(({ ws, used }) => toSheetGrid(ws.name, visibilityState(ws.visibility), used.address, used.values, used.formulas, used.valueTypes, used.numberFormat)),
    names: Object.fromEntries(names.items.map((n) => [n.name, n.formula.startsWith('=') ? n.formula.slice(1) : n.formula])),
  };
}

function visibilityState(visibility: string): SheetGrid['state'] {
  return visibility === 'VeryHidden' ? 'veryHidden' : visibility === 'Hidden' ? 'hidden' : 'visible';
}

/**
 * Excel hands back the used rectangle; the grid starts at A1. `formulas` repeats constants and
 * drops the apostrophe of quoted text (office-js #6687), so a cell is a formula only when its
 * formula text starts with "=" and differs from its value.
 */
export function toSheetGrid(
  name: string,
  state: SheetGrid['state'],
  address: string,
  values: unknown[][],
  formulas: unknown[][],
  valueTypes: string[][],
  numberFormats: unknown[][] = [],
): SheetGrid {
  const { top, left } = parseRange(address.slice(address.lastIndexOf('!') + 1));
  const gridValues: GridValue[][] = Array.from({ length: top - 1 }, () => []);
  const gridFormulas: (string | null)[][] = Array.from({ length: top - 1 }, () => []);
  values.forEach((line, i) => {
    const rowValues: GridValue[] = Array.from({ length: left - 1 }, () => null);
    const rowFormulas: (string | null)[] = Array.from({ length: left - 1 }, () => null);
    line.forEach((raw, j) => {
      const f = formulas[i]?.[j];
      const isFormula = typeof f === 'string' && f.startsWith('=') && f !== raw;
      rowFormulas.push(isFormula ? f.slice(1) : null);
      const value = gridValue(raw, valueTypes[i]?.[j]);
      rowValues.push(typeof value === 'number' && isDateFormat(numberFormats[i]?.[j]) ? serialToIso(value) : value);
    });
    gridValues.push(rowValues);
    gridFormulas.push(rowFormulas);
  });
  return { name, state, values: gridValues, formulas: gridFormulas };
}

function gridValue(raw: unknown, type: string | undefined): GridValue {
  if (type === 'Error') return { error: String(raw) };
  if (type === 'Empty' || raw === '' || raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  return String(raw);
}
