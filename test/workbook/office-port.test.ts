/**
 * The pane's Office.js port run over the recording test double of the Excel API: what each
 * operation writes, how many syncs it takes, and that the state it reads back is what a user
 * would see after typing.
 */
import { findBundledSet } from '../../src/criteria';
import { importCriteriaSet } from '../../src/domain/import';
import { columnLetter } from '../../src/workbook/a1';
import { COL, HEAD, ROWS, SHEETS, SUMMARY_COL } from '../../src/workbook/layout';
import { IMPORTED_SETS_SHEET } from '../../src/workbook/imported-sets';
import type { WorkbookPort } from '../../src/workbook/port';
import { ORPHAN_SHEET } from '../../src/workbook/orphan-sheet';
import { criteriaSetToData, loadCriteriaSet } from '../../src/domain';
import { summaryRowOf } from '../../src/workbook/summary-sheet';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import type { SheetSpec } from '../../src/workbook/spec';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-recording-double';
import { ANNEX_ROWS, annexCells } from '../taskpane/annex-fixture';
import { officePortOn } from '../doubles/office-port-on-double';

const set = findBundledSet('minh-hoa-3-cap')!;
const layout = scoringLayout(set);
const firstLeaf = set.leaves.find((l) => l.scoredBy === 'self' && l.method === 'free')!;
const leafRow = layout.rowOf.get(firstLeaf.code)!;

function setup(options: Parameters<typeof createExcelDouble>[0] = {}) {
  const double = createExcelDouble(options);
  const restore = double.install();
  const port = officePortOn(double);
  return { double, port, restore };
}

let restore: () => void = () => undefined;
afterEach(() => restore());

async function withSheet(options: Parameters<typeof createExcelDouble>[0] = {}): Promise<{ double: ExcelDouble; port: WorkbookPort }> {
  const s = setup(options);
  restore = s.restore;
  await s.port.insertScoringSheet(set, { unit: 'Sở Tư pháp', year: 2026 });
  return s;
}

test('an empty workbook: no scoring sheet, no imported set, read in one sync', async () => {
  const s = setup();
  restore = s.restore;
  const state = await s.port.readState();
  expect(state).toMatchObject({ hasScoringSheet: false, workbook: null, check: null, printView: null, importedSets: [] });
  expect(s.double.syncCount()).toBe(1);
});

test('inserting the scoring sheet, then reading it back: set, unit, year, totals, three syncs each', async () => {
  const { double, port } = await withSheet();
  expect(double.sheetNames()).toEqual(['Sheet1', SHEETS.scoring, SHEETS.summary, SHEETS.meta]);
  expect(double.syncCount()).toBe(3);
  const state = await port.readState();
  expect(double.syncCount()).toBe(6);
  expect(state.workbook?.set.id).toBe('minh-hoa-3-cap');
  expect([state.workbook?.unit, state.workbook?.year]).toEqual(['Sở Tư pháp', 2026]);
  expect(state.check?.totals.engine.maxScore).toBe(set.totalMax);
  expect(state.check?.totals.engine.selfScore).toBeNull();
  // A new sheet opens on the self-assessment form: the appraisal columns are hidden until the appraiser shows them.
  expect(state.printView).toBe('tu-danh-gia');
});

test('a score typed over the maximum is found, with its cell, after the debounced change event', async () => {
  const { double, port } = await withSheet();
  const calls: number[] = [];
  const sub = port.onChanged(() => calls.push(Date.now()));
  expect(sub.live).toBe(true);
  await new Promise((r) => setTimeout(r, 20));
  expect(double.state().changeHandlers).toBe(1); // the worksheet collection's (ExcelApi 1.9+)
  const cell = `E${leafRow}`;
  await double.type(SHEETS.scoring, cell, String(firstLeaf.maxScore + 1).replace('.', ','));
  await double.type(SHEETS.scoring, cell, String(firstLeaf.maxScore + 1));
  await new Promise((r) => setTimeout(r, 40));
  expect(calls).toHaveLength(1); // two edits, one call
  const state = await port.readState();
  const problem = state.check!.problems.find((p) => p.code === 'score-above-max')!;
  expect(problem.criterion).toBe(firstLeaf.code);
  expect(problem.cell).toEqual({ sheet: SHEETS.scoring, cell });
  sub.unsubscribe();
  await new Promise((r) => setTimeout(r, 10));
  expect(double.state().changeHandlers).toBe(0);
});

test.each([
  ['1.10', 1, 'on the worksheet collection'],
  ['1.8', 2, 'on Chấm điểm and Tổng hợp, renewed after the update'],
])('edits still call back after an update replaced the sheets (ExcelApi %s: %i handler(s) %s)', async (apiVersion, handlers) => {
  const { double, port } = await withSheet({ apiVersion });
  const calls: number[] = [];
  const sub = port.onChanged(() => calls.push(Date.now()));
  await new Promise((r) => setTimeout(r, 20));
  await port.upgradeScoringSheet(set);
  await new Promise((r) => setTimeout(r, 20));
  expect(double.state().changeHandlers).toBe(handlers);
  await double.type(SHEETS.scoring, `E${leafRow}`, '0');
  await new Promise((r) => setTimeout(r, 40));
  expect(calls).toHaveLength(1);
  sub.unsubscribe();
  await new Promise((r) => setTimeout(r, 10));
  expect(double.state().changeHandlers).toBe(0);
});

test('below ExcelApi 1.7 there are no change events: onChanged says so and registers nothing', async () => {
  const s = setup({ apiVersion: '1.6' });
  restore = s.restore;
  const sub = s.port.onChanged(() => undefined);
  expect(sub.live).toBe(false);
  expect(s.double.syncCount()).toBe(0);
});

test('selectCell activates the sheet and selects the cell', async () => {
  const { double, port } = await withSheet();
  double.select('Sheet1', 'A1');
  await port.selectCell({ sheet: SHEETS.scoring, cell: `E${leafRow}` });
  expect(double.state().activeSheet).toBe(SHEETS.scoring);
  expect(double.state().selection).toBe(`'${SHEETS.scoring}'!E${leafRow}`);
});

test('writeTargets puts field targets in Tổng hợp and criterion targets in column D, on the protected sheets', async () => {
  const { double, port } = await withSheet();
  const criterion = set.items[0].children[0];
  const written = await port.writeTargets(new Map([[set.items[0].code, 12.5], [criterion.code, 3]]));
  expect(written).toBe(2);
  expect(double.sheet(SHEETS.summary).at(summaryRowOf(set, set.items[0].code), SUMMARY_COL.target).value).toBe(12.5);
  expect(double.sheet(SHEETS.scoring).at(layout.rowOf.get(criterion.code)!, 4)).toMatchObject({ value: 3, formula: null });
  const state = await port.readState();
  expect(state.workbook!.assessment.entries[set.items[0].code].target).toBe(12.5);
});

test('writePreviousScores puts last year’s scores in the “Điểm năm trước” column of any row, unlocked on the protected sheet', async () => {
  const { double, port } = await withSheet();
  const field = set.items[0];
  const criterion = field.children[0];
  const written = await port.writePreviousScores(new Map([[field.code, 7.75], [criterion.code, 1.5], [firstLeaf.code, 0.25]]));
  expect(written).toBe(3);
  const scoring = double.sheet(SHEETS.scoring);
  expect(scoring.at(layout.rowOf.get(field.code)!, COL.previousScore)).toMatchObject({ value: 7.75, formula: null });
  expect(scoring.at(leafRow, COL.previousScore).value).toBe(0.25);
  expect(columnLetter(COL.previousScore)).toBe('U');
  const state = await port.readState();
  expect(state.workbook!.assessment.entries[criterion.code].previousScore).toBe(1.5);
  // Tổng hợp shows the field's, read from the scoring sheet.
  expect(double.sheet(SHEETS.summary).at(summaryRowOf(set, field.code), SUMMARY_COL.previousScore).formula).toContain(`U${layout.rowOf.get(field.code)}`);
  await expect(port.writePreviousScores(new Map([['9.9.9', 1]]))).rejects.toThrow('Không tìm thấy ô điểm năm trước của tiêu chí 9.9.9');
});

test('a sheet of an older template, without the "Điểm năm trước" column, shows its form and refuses last year’s scores, left as it was', async () => {
  const { double, port } = await withSheet();
  const scoring = double.sheet(SHEETS.scoring);
  // Template 1.1.0 ended at the row-kind column: no header, no cells in U.
  scoring.cells.delete(`${ROWS.header},${COL.previousScore}`);
  scoring.columns.set(COL.previousScore, { ...scoring.columns.get(COL.previousScore), hidden: false });
  // Its form is judged on the columns it has: the column it lacks does not make it "set by hand".
  expect((await port.readState()).printView).toBe('tu-danh-gia');
  const before = JSON.stringify([...scoring.cells.entries()]);
  await expect(port.writePreviousScores(new Map([[firstLeaf.code, 0.25]]))).rejects.toThrow('chưa có cột "Điểm năm trước": hãy cập nhật bảng (Bắt đầu → Cập nhật)');
  expect(JSON.stringify([...scoring.cells.entries()])).toBe(before);
});

test('a locked cell of a protected sheet refuses a write with AccessDenied', async () => {
  const { double } = await withSheet();
  double.context.workbook.worksheets.getItem(SHEETS.scoring).getRange(`C${leafRow}`).values = [[99]];
  await expect(double.context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  await expect(double.type(SHEETS.scoring, `A${HEAD.unit.row}`, 'x')).rejects.toMatchObject({ code: 'AccessDenied' });
});

test('the appraisal form shows the appraised score and opinion columns; the unit\'s form hides them', async () => {
  const { double, port } = await withSheet();
  await port.setPrintView('tham-dinh');
  expect([COL.appraisedScore, COL.appraisalNote].map((c) => double.sheet(SHEETS.scoring).columns.get(c)?.hidden)).toEqual([false, false]);
  expect((await port.readState()).printView).toBe('tham-dinh');
  expect(double.state().activeSheet).toBe(SHEETS.scoring);
  await port.setPrintView('tu-danh-gia');
  expect([COL.appraisedScore, COL.appraisalNote].map((c) => double.sheet(SHEETS.scoring).columns.get(c)?.hidden)).toEqual([true, true]);
  expect((await port.readState()).printView).toBe('tu-danh-gia');
});

test('columns shown or hidden by hand into none of the forms read as no form', async () => {
  const { double, port } = await withSheet();
  await double.type(SHEETS.scoring, `E${leafRow}`, '1');
  double.sheet(SHEETS.scoring).columns.set(COL.gapToMax, { ...double.sheet(SHEETS.scoring).columns.get(COL.gapToMax), hidden: false });
  expect((await port.readState()).printView).toBeNull();
});

test('appraisal minutes go to a free sheet name, through the Office renderer', async () => {
  const { double, port } = await withSheet();
  const spec: SheetSpec = {
    name: 'Biên bản thẩm định',
    state: 'visible',
    columns: [{ col: 1, width: 10 }],
    rows: [],
    cells: [{ row: 1, col: 1, value: 'BIÊN BẢN' }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
  expect(await port.insertSheet(spec)).toBe('Biên bản thẩm định');
  expect(await port.insertSheet(spec)).toBe('Biên bản thẩm định (2)');
  expect(double.sheet('Biên bản thẩm định (2)').cell('A1').value).toBe('BIÊN BẢN');
  expect(double.state().activeSheet).toBe('Biên bản thẩm định (2)');
});

test('importing from a selection: the selected range, or the used range when one cell is selected', async () => {
  const s = setup({ sheets: [{ name: 'Phụ lục', cells: annexCells(ANNEX_ROWS) }] });
  restore = s.restore;
  s.double.select('Phụ lục', 'B2');
  const used = await s.port.importSetFromSelection();
  expect(used).toMatchObject({ sheet: 'Phụ lục', address: `A1:C${ANNEX_ROWS.length}`, firstRow: 1 });
  expect(used.values[3]).toEqual(['I', 'Công tác chỉ đạo, điều hành', 3]);
  s.double.select('Phụ lục', 'A3:C8');
  const selected = await s.port.importSetFromSelection();
  expect(selected).toMatchObject({ address: 'A3:C8', firstRow: 3 });
  expect(selected.values).toHaveLength(6);
});

test('an imported set is stored in a very hidden sheet, read back, replaced by id, and makes a scoring sheet', async () => {
  const s = setup({ sheets: [{ name: 'Phụ lục', cells: annexCells(ANNEX_ROWS) }] });
  restore = s.restore;
  const result = importCriteriaSet({ values: ANNEX_ROWS }, { id: 'phu-luc-2026', title: 'Phụ lục 2026', year: 2026, level: 'so', source: 'test' });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  await s.port.storeImportedSet(result.set);
  await s.port.storeImportedSet({ ...result.set, title: 'Phụ lục 2026 (sửa)' });
  expect(s.double.sheet(IMPORTED_SETS_SHEET).visibility).toBe('VeryHidden');
  const state = await s.port.readState();
  expect(state.importedSets.map((x) => [x.id, x.title, x.totalMax])).toEqual([['phu-luc-2026', 'Phụ lục 2026 (sửa)', 5.5]]);
  await s.port.insertScoringSheet(state.importedSets[0], { unit: 'Sở A', year: 2026 });
  const after = await s.port.readState();
  expect([after.workbook?.set.id, after.workbook?.setOrigin]).toEqual(['phu-luc-2026', 'embedded']);
});

test('updating in place keeps every typed value, replaces the three sheets and their names, in 8 syncs (one reads which form the sheet shows)', async () => {
  const { double, port } = await withSheet();
  await double.type(SHEETS.scoring, `E${leafRow}`, '0,5');
  await double.type(SHEETS.scoring, `G${leafRow}`, 'Quyết định 12/QĐ');
  const field = set.items[0];
  await double.type(SHEETS.summary, `${columnLetter(SUMMARY_COL.target)}${summaryRowOf(set, field.code)}`, '8');
  const before = (await port.readState()).workbook!.assessment.entries;
  const syncs = double.syncCount();
  const next = loadCriteriaSet({ ...criteriaSetToData(set), version: `${set.version}-2` });
  const report = await port.upgradeScoringSheet(next);
  expect(double.syncCount() - syncs).toBe(8);
  expect(report.orphaned).toBe(0);
  expect(report.carried).toBe(Object.values(before).flatMap((e) => Object.values(e).filter((v) => v !== undefined)).length);
  expect(double.sheetNames()).toEqual(['Sheet1', SHEETS.scoring, SHEETS.summary, SHEETS.meta]);
  expect(double.sheet(SHEETS.meta).visibility).toBe('VeryHidden');
  const after = await port.readState();
  expect(after.workbook!.set.version).toBe(next.version);
  // "0,5" typed where Excel kept it as text (an en-US Excel) comes back as the number it means.
  expect(before[firstLeaf.code]).toMatchObject({ selfScore: '0,5', evidence: 'Quyết định 12/QĐ' });
  expect(after.workbook!.assessment.entries).toEqual({ ...before, [firstLeaf.code]: { ...before[firstLeaf.code], selfScore: 0.5 } });
  expect(after.workbook!.assessment.entries[field.code].target).toBe(8);
  expect([after.workbook!.unit, after.workbook!.year]).toEqual(['Sở Tư pháp', 2026]);
  // The names point at the new sheets, nothing dangles.
  for (const name of ['PAR_TABLE', 'PAR_SELF_TOTAL', 'PAR_UNIT']) expect(double.names()[name]).toMatch(/^='Chấm điểm'!\$/);
  expect(Object.values(double.names()).filter((f) => f.includes('#REF!'))).toEqual([]);
});

test('updating to a set without some criteria lists their values in "Dữ liệu cũ" with the old cell', async () => {
  const { double, port } = await withSheet();
  await double.type(SHEETS.scoring, `E${leafRow}`, '0,5');
  const field = set.items.find((f) => f.code === firstLeaf.code.split('.')[0])!;
  // The other set: the field-level official set, where firstLeaf does not exist.
  const other = findBundledSet('lai-chau-so-2025')!;
  const report = await port.upgradeScoringSheet(other);
  expect(report.orphaned).toBeGreaterThan(0);
  expect(double.sheetNames()).toEqual(['Sheet1', SHEETS.scoring, SHEETS.summary, ORPHAN_SHEET, SHEETS.meta]);
  const orphans = double.sheet(ORPHAN_SHEET);
  const rows = Array.from({ length: report.orphaned }, (_, i) => [orphans.cell(`A${5 + i}`).value, orphans.cell(`C${5 + i}`).value, orphans.cell(`D${5 + i}`).value]);
  expect(rows).toContainEqual([firstLeaf.code, '0,5', `${SHEETS.scoring}!E${leafRow}`]); // as typed
  const after = await port.readState();
  expect(after.workbook!.set.id).toBe('lai-chau-so-2025');
  expect(field.code in after.workbook!.assessment.entries).toBe(true);
});
