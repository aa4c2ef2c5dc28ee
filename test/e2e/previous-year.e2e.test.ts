/**
 * Mục tiêu › Lấy kết quả năm trước, end to end in Chromium: last year's file (on a revised
 * version of the set) is read in the page by the exceljs chunk, its final scores land by code
 * in the open workbook's "Điểm năm trước" column, the plan table shows them and the criteria
 * that no longer exist are listed, in the pane and on "Dữ liệu cũ".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCriteriaSet } from '../../src/domain';
import { columnLetter } from '../../src/workbook/a1';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { COL } from '../../src/workbook/layout';
import { ORPHAN_SHEET } from '../../src/workbook/orphan-sheet';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { revisedMinhHoa } from '../fixtures/revised-set';
import { expectOfflineAndClean } from './harness/expect-clean';
import { openPane, type PaneSession } from './harness/pane-session';
import { byTestId, createScoringSheet, SCORING_SHEET, scoringRows } from './harness/scoring-sheet';
import { sheetNames, values } from './harness/workbook';

describe('last year’s results picked in Chromium', () => {
  let pane: PaneSession;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'par-e2e-previous-'));
    const lastSet = loadCriteriaSet(revisedMinhHoa('2.0.0', 2024));
    const entries = { '1.1.1': { selfScore: 0.5 }, '1.6.1': { selfScore: 1.5 }, '1.6.2': { selfScore: 1, appraisedScore: 0.5 } };
    writeFileSync(join(dir, 'ket-qua-2024.xlsx'), await renderXlsx(buildWorkbook(lastSet, { unit: 'Sở Xây dựng', year: 2024, values: { entries }, createdAt: '2024-12-01T00:00:00.000Z' })));
    pane = await openPane({ ready: byTestId('start-view') });
    await createScoringSheet(pane.page, { set: 'minh-hoa-3-cap', unit: 'Sở Xây dựng', year: '2025' });
  });
  afterAll(async () => {
    await pane?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes last year’s scores by code and lists what no longer exists', async () => {
    await pane.page.click(byTestId('tab-planner'));
    await pane.page.setInputFiles(byTestId('previous-year-file'), join(dir, 'ket-qua-2024.xlsx'));
    await pane.page.waitForSelector(byTestId('previous-year-orphans'), { state: 'visible', timeout: 60_000 });
    const orphans = await pane.page.textContent(byTestId('previous-year-orphans'));
    expect(orphans).toContain('1.6.1 · Điểm năm trước: 1,5');
    expect(orphans).toContain('1.6.2 · Điểm năm trước: 0,5');
    expect(await sheetNames(pane.page)).toContain(ORPHAN_SHEET);

    const rows = new Map((await scoringRows(pane.page)).map((r) => [r.code, r.row]));
    const U = columnLetter(COL.previousScore);
    // 1 = 0,5 (1.1.1) + 2 (1.6, last year's two sub-criteria); 1.2 had nothing.
    expect(await values(pane.page, SCORING_SHEET, ['1', '1.1', '1.1.1', '1.6', '1.2'].map((c) => `${U}${rows.get(c)}`))).toEqual([2.5, 0.5, 0.5, 2, null]);
    await pane.page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '2,5', byTestId('previous-1'));
    await pane.screenshot('05-planner-previous-year');
    await expectOfflineAndClean(pane);
  });
});
