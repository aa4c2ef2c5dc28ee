/**
 * Steps every flow shares: create the scoring sheet through the Start view, and find rows of
 * the sheet the double now holds (by reading its model, as a user would read the sheet).
 */
import type { Page } from 'playwright-core';
import { usedCells } from './workbook';

export const SCORING_SHEET = 'Chấm điểm';
/** First row of criteria, and the columns read here (src/workbook/layout.ts). */
const FIRST_ITEM_ROW = 8;

export const byTestId = (id: string) => `[data-testid="${id}"]`;

export interface NewSheet {
  set: string;
  unit: string;
  year: string;
}

/** Fills Start's form and clicks "Tạo bảng chấm điểm"; resolves when the live index shows. */
export async function createScoringSheet(page: Page, sheet: NewSheet): Promise<void> {
  await page.waitForSelector(byTestId('create-sheet'), { state: 'visible' });
  await page.selectOption(byTestId('set-select'), sheet.set);
  await page.fill(byTestId('unit-input'), sheet.unit);
  await page.fill(byTestId('year-input'), sheet.year);
  await page.click(byTestId('create-sheet'));
  await page.waitForSelector(byTestId('index-value'), { state: 'visible' });
}

export interface SheetRow {
  row: number;
  code: string;
  maxScore: number;
  /** The hidden "Loại dòng" column: L leaf · P parent · S self-scored · E evidence required… */
  flags: string;
}

/** The criteria rows of the scoring sheet, as the double's model holds them. */
export async function scoringRows(page: Page): Promise<SheetRow[]> {
  const cells = await usedCells(page, SCORING_SHEET);
  const rows: SheetRow[] = [];
  for (let row = FIRST_ITEM_ROW; cells[`A${row}`] !== undefined; row++) {
    rows.push({ row, code: String(cells[`A${row}`]), maxScore: Number(cells[`C${row}`]), flags: String(cells[`T${row}`] ?? '') });
  }
  return rows;
}
