/**
 * Appraiser (Thẩm định), end to end: hide and show the appraisal columns, type an appraised score that
 * differs from the self-score, see the difference and go to its cell, then make the minutes —
 * a "Biên bản thẩm định" sheet naming the unit and the difference.
 */
import { COL } from '../../src/workbook/layout';
import { expectOfflineAndClean } from './harness/expect-clean';
import { openPane, type PaneSession } from './harness/pane-session';
import { byTestId, createScoringSheet, SCORING_SHEET, scoringRows, type SheetRow } from './harness/scoring-sheet';
import { doubleState, sheetNames, typeInCell, usedCells } from './harness/workbook';

const MINUTES = 'Biên bản thẩm định';
const letter = (col: number) => String.fromCharCode(64 + col);
const APPRAISED = letter(COL.appraisedScore);

/** Whether every column from `from` to `to` is hidden in the double's model of the scoring sheet. */
function columnsHidden(pane: PaneSession, from: number, to: number): Promise<boolean[]> {
  return pane.page.evaluate(
    ([sheet, a, b]) => {
      const model = (window as unknown as { parExcelDouble: { sheet(n: string): { columns: Map<number, { hidden?: boolean }> } } }).parExcelDouble.sheet(sheet);
      const out: boolean[] = [];
      for (let col = a; col <= b; col++) out.push(model.columns.get(col)?.hidden === true);
      return out;
    },
    [SCORING_SHEET, from, to] as const,
  );
}

describe('appraiser flow in Chromium', () => {
  let pane: PaneSession;
  let leaf: SheetRow;
  beforeAll(async () => {
    pane = await openPane({ ready: byTestId('start-view') });
    await createScoringSheet(pane.page, { set: 'minh-hoa-3-cap', unit: 'Sở Tư pháp', year: '2025' });
    leaf = (await scoringRows(pane.page)).find((r) => r.flags.startsWith('LS') && r.maxScore >= 1)!;
    await typeInCell(pane.page, SCORING_SHEET, `E${leaf.row}`, String(leaf.maxScore));
  });
  afterAll(async () => {
    await pane?.close();
  });

  it('switches the appraised score and opinion columns off and on, as the switch shows', async () => {
    const mode = byTestId('appraisal-mode');
    const checked = () => pane.page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, mode);
    const toggle = async () => {
      const before = await checked();
      await pane.page.click(mode);
      await pane.page.waitForFunction(([sel, want]) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === want, [mode, !before] as const);
    };
    await pane.page.click(byTestId('tab-appraiser'));
    await pane.page.waitForSelector(byTestId('appraiser-view'));
    // Whatever a new sheet starts with, the switch and the sheet agree at every step; it ends on.
    const agree = async () => expect(await columnsHidden(pane, COL.appraisedScore, COL.appraisalNote)).toEqual(Array(2).fill(!(await checked())));
    await agree();
    await toggle();
    await agree();
    await toggle();
    await agree();
    if (!(await checked())) await toggle();
    expect(await columnsHidden(pane, COL.appraisedScore, COL.appraisalNote)).toEqual([false, false]);
  });

  it('lists an appraised score that differs from the self-score and goes to its cell', async () => {
    const cellRef = `${SCORING_SHEET}!${APPRAISED}${leaf.row}`;
    await typeInCell(pane.page, SCORING_SHEET, `${APPRAISED}${leaf.row}`, String(leaf.maxScore - 1));
    const item = `${byTestId('difference-item')}[data-cell="${cellRef}"]`;
    await pane.page.waitForSelector(item, { state: 'visible' });
    expect(await pane.page.getAttribute(item, 'data-code')).toBe(leaf.code);
    await pane.screenshot('07-appraiser');
    await typeInCell(pane.page, SCORING_SHEET, `E${leaf.row}`, String(leaf.maxScore)); // the cursor is elsewhere
    await pane.page.click(item);
    await pane.page.waitForFunction(
      (want) => (window as unknown as { parExcelDouble: { state(): { selection: string | null } } }).parExcelDouble.state().selection === want,
      `'${SCORING_SHEET}'!${APPRAISED}${leaf.row}`,
    );
    expect((await doubleState(pane.page)).activeSheet).toBe(SCORING_SHEET);
  });

  it('makes the minutes: a "Biên bản thẩm định" sheet with the unit and the difference', async () => {
    expect(await sheetNames(pane.page)).not.toContain(MINUTES);
    await pane.page.click(byTestId('make-minutes'));
    await pane.page.waitForFunction(
      (name) => (window as unknown as { parExcelDouble: { sheetNames(): string[] } }).parExcelDouble.sheetNames().includes(name),
      MINUTES,
    );
    const text = Object.values(await usedCells(pane.page, MINUTES)).map(String);
    expect(text.some((t) => t.includes('Sở Tư pháp'))).toBe(true);
    expect(text).toContain(leaf.code);
    await pane.page.waitForSelector(byTestId('pane-message'), { state: 'visible' });
    expect(await pane.page.textContent(byTestId('pane-message'))).toContain(MINUTES);
    await pane.screenshot('08-appraiser-minutes');
    await expectOfflineAndClean(pane);
  });
});
