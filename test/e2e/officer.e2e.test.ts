/**
 * Officer (Tự đánh giá), end to end: create the scoring sheet from the pane, type a self-score
 * above the maximum in Excel, see the problem appear on its own (worksheet onChanged), and
 * click it to have Excel select the cell.
 */
import { expectOfflineAndClean } from './harness/expect-clean';
import { openPane, type PaneSession } from './harness/pane-session';
import { byTestId, createScoringSheet, SCORING_SHEET, scoringRows, type SheetRow } from './harness/scoring-sheet';
import { cell, doubleState, selectAsUser, sheetNames, typeInCell } from './harness/workbook';

describe('officer flow in Chromium', () => {
  let pane: PaneSession;
  let leaf: SheetRow;
  beforeAll(async () => {
    pane = await openPane({ ready: byTestId('start-view') });
  });
  afterAll(async () => {
    await pane?.close();
  });

  it('creates the scoring sheet for minh-hoa-3-cap, unit and year', async () => {
    expect(await sheetNames(pane.page)).not.toContain(SCORING_SHEET);
    await pane.screenshot('01-start-empty-workbook');
    await createScoringSheet(pane.page, { set: 'minh-hoa-3-cap', unit: 'Sở Xây dựng', year: '2025' });
    expect(await sheetNames(pane.page)).toContain(SCORING_SHEET);
    const rows = await scoringRows(pane.page);
    expect(rows.length).toBeGreaterThan(10);
    leaf = rows.find((r) => r.flags.startsWith('LS') && r.maxScore > 0)!;
    expect(leaf).toBeDefined();
    expect(await pane.page.textContent(byTestId('index-value'))).toBeTruthy();
    await pane.screenshot('02-start-sheet-created');
  });

  it('shows score-above-max for a self-score typed over the maximum, without pressing Kiểm tra again', async () => {
    const address = `E${leaf.row}`;
    const cellRef = `${SCORING_SHEET}!${address}`;
    const item = `${byTestId('problem-item')}[data-code="score-above-max"][data-cell="${cellRef}"]`;
    await pane.page.click(byTestId('tab-officer'));
    await pane.page.click(byTestId('run-check'));
    await pane.page.waitForSelector(byTestId('problem-list'));
    expect(await pane.page.locator(item).count()).toBe(0);
    expect((await doubleState(pane.page)).changeHandlers).toBeGreaterThan(0);

    const over = String(leaf.maxScore + 1);
    await typeInCell(pane.page, SCORING_SHEET, address, over);
    expect((await cell(pane.page, SCORING_SHEET, address)).value).toBe(leaf.maxScore + 1);
    await pane.page.waitForSelector(item, { state: 'visible' });
    expect(await pane.page.locator(item).count()).toBe(1);
    await pane.screenshot('03-officer-problem');
  });

  it('selects the cell in Excel when the problem is clicked', async () => {
    await selectAsUser(pane.page, SCORING_SHEET, 'A1'); // the user is elsewhere first
    expect((await doubleState(pane.page)).selection).toBe(`'${SCORING_SHEET}'!A1`);
    await pane.page.click(`${byTestId('problem-item')}[data-code="score-above-max"]`);
    await pane.page.waitForFunction(
      (want) => (window as unknown as { parExcelDouble: { state(): { selection: string | null } } }).parExcelDouble.state().selection === want,
      `'${SCORING_SHEET}'!E${leaf.row}`,
    );
    const state = await doubleState(pane.page);
    expect(state.activeSheet).toBe(SCORING_SHEET);
    await expectOfflineAndClean(pane);
  });
});
