/**
 * The test's window on the recording Excel double running inside the page: read its workbook
 * model, and act as the user in Excel (select, type). Each call is one page.evaluate; what
 * comes back is plain data.
 */
import type { Page } from 'playwright-core';
import type { CellModel, ExcelDouble } from '../../doubles/excel-recording-double';

type DoubleWindow = { parExcelDouble: ExcelDouble };

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as DoubleWindow).parExcelDouble.sheetNames());
}

export function cell(page: Page, sheet: string, address: string): Promise<CellModel> {
  return page.evaluate(([s, a]) => (window as unknown as DoubleWindow).parExcelDouble.sheet(s).cell(a), [sheet, address] as const);
}

/** Values of a rectangle of cells, row by row (address like "E10:E20"). */
export function values(page: Page, sheet: string, addresses: string[]): Promise<CellModel['value'][]> {
  return page.evaluate(
    ([s, list]) => list.map((a) => (window as unknown as DoubleWindow).parExcelDouble.sheet(s).cell(a).value),
    [sheet, addresses] as const,
  );
}

export function doubleState(page: Page): Promise<ReturnType<ExcelDouble['state']>> {
  return page.evaluate(() => (window as unknown as DoubleWindow).parExcelDouble.state());
}

/** The user types `text` into a cell in Excel; the sheet's onChanged handlers run. */
export function typeInCell(page: Page, sheet: string, address: string, text: string): Promise<void> {
  return page.evaluate(([s, a, t]) => (window as unknown as DoubleWindow).parExcelDouble.type(s, a, t), [sheet, address, text] as const);
}

/** Cells of a sheet holding something, keyed by A1 address (for looking up rows by their code). */
export function usedCells(page: Page, sheet: string): Promise<Record<string, CellModel['value']>> {
  return page.evaluate((s) => {
    const model = (window as unknown as DoubleWindow).parExcelDouble.sheet(s);
    const out: Record<string, unknown> = {};
    const letters = (col: number) => {
      let t = '';
      for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) t = String.fromCharCode(65 + ((n - 1) % 26)) + t;
      return t;
    };
    for (const [k, c] of model.cells) {
      if (c.value === null && c.formula === null) continue;
      const [row, col] = k.split(',').map(Number);
      out[`${letters(col)}${row}`] = c.value ?? c.formula;
    }
    return out;
  }, sheet) as Promise<Record<string, CellModel['value']>>;
}

/** The user clicks a cell in Excel (activating its sheet). */
export function selectAsUser(page: Page, sheet: string, address: string): Promise<void> {
  return page.evaluate(([s, a]) => (window as unknown as DoubleWindow).parExcelDouble.select(s, a), [sheet, address] as const);
}
