/**
 * A file made with an earlier template is checked against that template's formulas: the
 * fixture was made by the 1.0.0 template (par-index template, then filled by
 * test/fixtures/template-1.0.0/fill.js) before the head block changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { columnLetter } from '../../src/workbook/a1';
import { SUMMARY_COL, TEMPLATE_VERSION } from '../../src/workbook/layout';
import { checkWorkbook } from '../../src/workbook/read/check';
import { templateVersionOf } from '../../src/workbook/template-versions';
import { planUpgrade } from '../../src/workbook/upgrade';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { minhHoa, readOk } from '../helpers/filled-workbook';

const fixture = readFileSync(join(__dirname, '../fixtures/template-1.0.0/minh-hoa-3-cap-filled.xlsx'));

test('a file filled with the 1.0.0 template checks clean after today’s formula changes', async () => {
  const read = await readOk(fixture, 'cu.xlsx');
  const problems = checkWorkbook(read).problems;
  expect(problems.filter((p) => p.code === 'formula-changed' || p.code === 'formula-overwritten')).toEqual([]);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  // The check is meaningful: today's template writes other formulas in that head.
  const today = buildWorkbook(minhHoa, { year: 2025 }).sheets[0].cells;
  const old = buildWorkbook(minhHoa, { year: 2025, templateVersion: '1.0.0' }).sheets[0].cells;
  const formulaAt = (cells: typeof today, row: number, col: number) => cells.find((c) => c.row === row && c.col === col)?.formula;
  expect(formulaAt(today, 4, 9)).not.toBe(formulaAt(old, 4, 9));
  expect(TEMPLATE_VERSION).not.toBe('1.0.0');
});

test('the template version to compare with: the file’s own, 1.0.0 before versions were kept, ours for a newer one', () => {
  expect(templateVersionOf('1.0.0')).toBe('1.0.0');
  expect(templateVersionOf(TEMPLATE_VERSION)).toBe(TEMPLATE_VERSION);
  expect(templateVersionOf(null)).toBe('1.0.0');
  expect(templateVersionOf('9.9.9')).toBe(TEMPLATE_VERSION);
});

/**
 * What a 1.0.0 planner typed where that template asked for it: field targets in Tổng hợp's
 * column D (today's template has them in E) and the year in the head's I3 (today's H3).
 * fill.js typed only the scoring sheet, so the test types these the same way, with exceljs.
 */
const TYPED_TARGETS: Record<string, number> = { '1': 5.5, '2': 4, '4': 3.25 };
const TYPED_YEAR = 2026;

async function plannedFixture(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fixture as unknown as ExcelJS.Buffer);
  const summary = wb.getWorksheet('Tổng hợp')!;
  for (let row = 5; row <= 4 + minhHoa.items.length; row++) {
    const target = TYPED_TARGETS[String(summary.getCell(row, 1).value)];
    if (target !== undefined) summary.getCell(row, 4).value = target;
  }
  wb.getWorksheet('Chấm điểm')!.getCell('I3').value = TYPED_YEAR;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const fieldTargets = (entries: Record<string, { target?: unknown }>) =>
  Object.fromEntries(minhHoa.items.filter((f) => entries[f.code]?.target !== undefined).map((f) => [f.code, entries[f.code].target]));

test('a 1.0.0 file’s field targets are read from its column D and its year from I3', async () => {
  const read = await readOk(await plannedFixture(), 'cu.xlsx');
  expect(fieldTargets(read.assessment.entries)).toEqual(TYPED_TARGETS);
  expect(read.year).toBe(TYPED_YEAR);
  expect(read.assessment.cells?.['1']?.target).toMatchObject({ cell: 'D5' });
  expect(read.unit).toBe('Sở Xây dựng');
  expect(checkWorkbook(read).problems.filter((p) => p.severity === 'error')).toEqual([]);
});

test('updating a 1.0.0 file to today’s template keeps its field targets and year', async () => {
  const plan = planUpgrade(await readXlsxGrid(await plannedFixture(), 'cu.xlsx'), minhHoa, { createdAt: '2026-12-02T00:00:00.000Z' });
  expect(plan.orphaned).toEqual([]);
  const again = await readOk(await renderXlsx(plan.spec), 'moi.xlsx');
  expect(fieldTargets(again.assessment.entries)).toEqual(TYPED_TARGETS);
  expect(again.year).toBe(TYPED_YEAR);
  // Today's template has them in its own target column.
  expect(again.assessment.cells?.['1']?.target).toMatchObject({ cell: `${columnLetter(SUMMARY_COL.target)}5` });
});

/**
 * A file of template 1.1.0 (test/fixtures/template-1.1.0, made by `par-index template` of that
 * version and filled by its fill.js) has no "Điểm năm trước" columns: it keeps checking clean,
 * and its field targets are read from its own column E.
 */
const fixture110 = readFileSync(join(__dirname, '../fixtures/template-1.1.0/minh-hoa-3-cap-filled.xlsx'));

test('a file filled with the 1.1.0 template checks clean and keeps its targets after the last-year columns were added', async () => {
  const read = await readOk(fixture110, 'cu-1.1.0.xlsx');
  const problems = checkWorkbook(read).problems;
  expect(problems.filter((p) => p.code === 'formula-changed' || p.code === 'formula-overwritten' || p.code === 'row-missing')).toEqual([]);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(fieldTargets(read.assessment.entries)).toEqual({ '1': 5.5, '2': 4 });
  expect(read.assessment.cells?.['1']?.target).toMatchObject({ cell: 'E5' });
  expect(Object.values(read.assessment.entries).some((e) => e.previousScore !== undefined)).toBe(false);
  // The check is meaningful: today's "Tổng hợp" has the target elsewhere and more formulas.
  expect(templateVersionOf('1.1.0')).toBe('1.1.0');
  expect(TEMPLATE_VERSION).not.toBe('1.1.0');
  const summaryOf = (version?: string) => buildWorkbook(minhHoa, { year: 2025, ...(version ? { templateVersion: version } : {}) }).sheets[1].cells;
  expect(summaryOf().find((c) => c.row === 5 && c.col === 5)?.formula).toBeDefined();
  expect(summaryOf('1.1.0').find((c) => c.row === 5 && c.col === 5)?.formula).toBeUndefined();
});
