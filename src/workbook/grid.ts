/**
 * What a reader hands to the interpreter: a sheet's cells as values and formulas,
 * whatever library or host they came from. Interpreting a filled workbook (finding rows
 * by code, spotting overwritten formulas) is then written once, as pure code, for both
 * the Office.js reader and the exceljs reader.
 */

/** Numbers, text and booleans as stored; dates as ISO text; errors as { error: "#DIV/0!" }. */
export type GridValue = number | string | boolean | null | { error: string };

export interface SheetGrid {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** 0-based: values[0][0] is A1. Rows may be shorter than the widest row. */
  values: GridValue[][];
  /** The formula of each cell without "=", or null for a constant. Same shape as values. */
  formulas: (string | null)[][];
  /** Merged areas, where the reader knows them: the value lives in the top-left cell only. */
  merges?: CellRange[];
}

/** 1-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookGrid {
  /** A file name or "workbook hiện tại", for messages. */
  source: string;
  sheets: SheetGrid[];
  /** Defined names → their reference text. */
  names: Record<string, string>;
}

export function gridValue(sheet: SheetGrid, row: number, col: number): GridValue {
  return cellAt(sheet.values, row, col);
}

export function gridFormula(sheet: SheetGrid, row: number, col: number): string | null {
  return cellAt(sheet.formulas, row, col);
}

/** Rows are shorter than the widest one: anything outside them is empty. */
function cellAt<T>(rows: readonly (readonly T[])[], row: number, col: number): T | null {
  return rows[row - 1]?.[col - 1] ?? null;
}

/** The merged area a cell lies in, if any. */
export function mergeAt(sheet: SheetGrid, row: number, col: number): CellRange | null {
  return sheet.merges?.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? null;
}

export function gridRowCount(sheet: SheetGrid): number {
  return sheet.values.length;
}
