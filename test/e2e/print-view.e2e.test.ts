/**
 * "Biểu in", end to end: the user picks a printed form in Start and the sheet follows — the
 * columns the form hides (print-views.ts, the rule `par-index template --print` writes) and the
 * sheet Print prints — and a row grows with the long text typed in it.
 */
import { columnLetter } from '../../src/workbook/a1';
import { COL, SCORING_COLUMNS } from '../../src/workbook/layout';
import { lineHeight } from '../../src/workbook/row-heights';
import { FONT } from '../../src/workbook/styles';
import { hiddenScoringColumns, PRINT_VIEW, type PrintView } from '../../src/workbook/print-views';
import { expectOfflineAndClean } from './harness/expect-clean';
import { openPane, type PaneSession } from './harness/pane-session';
import { byTestId, createScoringSheet, SCORING_SHEET, scoringRows } from './harness/scoring-sheet';
import { doubleState, typeInCell } from './harness/workbook';

/** The scoring columns hidden in the double's model of the sheet. */
function hiddenColumns(pane: PaneSession): Promise<number[]> {
  return pane.page.evaluate(
    ([sheet, count]) => {
      const model = (window as unknown as { parExcelDouble: { sheet(n: string): { columns: Map<number, { hidden?: boolean }> } } }).parExcelDouble.sheet(sheet);
      const out: number[] = [];
      for (let col = 1; col <= count; col++) if (model.columns.get(col)?.hidden === true) out.push(col);
      return out;
    },
    [SCORING_SHEET, SCORING_COLUMNS.length] as const,
  );
}

describe('the printed form chosen in the pane, in Chromium', () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane({ ready: byTestId('start-view') });
    await createScoringSheet(pane.page, { set: 'minh-hoa-3-cap', unit: 'Sở Nội vụ', year: '2025' });
  });
  afterAll(async () => {
    await pane?.close();
  });

  it('opens on the unit\'s form; picking another form changes the columns and the sheet that prints', async () => {
    const select = byTestId('print-view');
    expect(await pane.page.inputValue(select)).toBe('tu-danh-gia');
    expect(await hiddenColumns(pane)).toEqual(hiddenScoringColumns('tu-danh-gia'));
    const labels = await pane.page.$$eval(`${select} option`, (options) => options.map((o) => o.textContent));
    expect(labels).toEqual(['tu-danh-gia', 'tham-dinh', 'ke-hoach'].map((v) => PRINT_VIEW[v as PrintView].label));
    for (const view of ['ke-hoach', 'tham-dinh', 'tu-danh-gia'] as const) {
      await pane.page.selectOption(select, view);
      await pane.page.waitForFunction((sheet) => (window as unknown as { parExcelDouble: { state(): { activeSheet: string } } }).parExcelDouble.state().activeSheet === sheet, PRINT_VIEW[view].sheet);
      await pane.page.waitForSelector(`${select}:not([disabled])`);
      expect([view, await hiddenColumns(pane)]).toEqual([view, hiddenScoringColumns(view)]);
      expect([view, await pane.page.inputValue(select)]).toEqual([view, view]);
      if (view === 'ke-hoach') await pane.screenshot('12-start-print-view');
    }
    expect((await doubleState(pane.page)).activeSheet).toBe(SCORING_SHEET);
  });

  it('a long evidence text typed in the sheet makes its row grow, so it prints whole', async () => {
    const leaf = (await scoringRows(pane.page)).find((r) => r.flags.startsWith('LS'))!;
    const rowHeight = () =>
      pane.page.evaluate(
        ([sheet, row]) => (window as unknown as { parExcelDouble: { sheet(n: string): { rows: Map<number, { height?: number }> } } }).parExcelDouble.sheet(sheet).rows.get(row)?.height ?? 0,
        [SCORING_SHEET, leaf.row] as const,
      );
    const created = await rowHeight();
    const evidence = Array.from({ length: 12 }, (_, i) => `Quyết định số ${100 + i}/QĐ-UBND ngày 15/3/2025 về cải cách hành chính;`).join(' ');
    await typeInCell(pane.page, SCORING_SHEET, `${columnLetter(COL.evidence)}${leaf.row}`, evidence);
    // Twenty-odd lines in the evidence column: well over ten lines of the body font.
    await pane.page.waitForFunction(
      ([sheet, row, min]) => ((window as unknown as { parExcelDouble: { sheet(n: string): { rows: Map<number, { height?: number }> } } }).parExcelDouble.sheet(sheet).rows.get(row)?.height ?? 0) > min,
      [SCORING_SHEET, leaf.row, lineHeight(10, FONT.size)] as const,
    );
    expect(await rowHeight()).toBeGreaterThan(created);
    await expectOfflineAndClean(pane);
  });
});
