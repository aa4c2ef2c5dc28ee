/**
 * From last year's file to this year's targets, across a revision of the criteria set: a
 * 2024 file on minh-hoa-3-cap 1.0.0, a 2025 template on a revised version (criterion 1.6
 * split into two new sub-criteria, sub-criterion 1.3.1 removed) made with `par-index
 * template --previous 2024.xlsx --goal 78,3%`. Last year's final scores land by code — read
 * back by our reader and computed by LibreOffice in "Tổng hợp" —, the removed one is listed
 * on stderr and in "Dữ liệu cũ", and the proposed targets add up to the goal exactly with
 * the rows already at their maximum kept there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellNumber, sumPoints, toMilli, type Assessment, type Entry } from '../../src/domain';
import { a1 } from '../../src/workbook/a1';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { COL, SHEETS, SUMMARY, SUMMARY_COL } from '../../src/workbook/layout';
import { ORPHAN_SHEET } from '../../src/workbook/orphan-sheet';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { minhHoa, readOk, typedAssessment } from '../helpers/filled-workbook';
import { recalculate, sofficePath, valueAt } from '../helpers/libreoffice';
import { runCli } from '../helpers/run-cli';
import { revisedMinhHoa } from '../fixtures/revised-set';

const tmp = mkdtempSync(join(tmpdir(), 'par-two-year-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const lo = sofficePath() ? test : test.skip;

/**
 * What the unit had in 2024: field 1 typed here row by row (so its final scores are known by
 * hand), the other fields as the reader tests fill them, and 3.7 not assessed.
 */
function lastYear(): Assessment {
  const entries: Record<string, Entry> = { ...typedAssessment(minhHoa).entries };
  for (const node of minhHoa.nodes) if (node.code.startsWith('1.') || node.code === '1') entries[node.code] = {};
  Object.assign(entries, {
    '1.1.1': { selfScore: 0.5, evidence: 'KH 1' },
    '1.1.2': { selfScore: 0.5, evidence: 'KH 2' },
    '1.1.3': { selfScore: 1, evidence: 'KH 3', appraisedScore: 0.5 }, // the council's score counts
    '1.2.1': { selfScore: 0.25, evidence: 'BC 1' },
    '1.2.2': { appraisedScore: 1 },
    '1.3.1': { selfScore: 0.25, evidence: 'KT 1' }, // removed in 2025
    '1.3.2': { selfScore: 1, evidence: 'KT 2' },
    '1.4.1': { selfScore: 0.5, evidence: 'TT 1' },
    '1.4.2': { selfScore: 1, evidence: 'TT 2' },
    '1.4.3': { appraisedScore: 0.5 }, // survey: 1.4 ends at its maximum 2
    '1.5': { appraisedScore: 0.5 },
    '1.6': { selfScore: 1.5, evidence: 'NV', appraisedScore: 1.25 },
    '3.7': { notApplicable: true },
  });
  return { entries };
}

/** Last year's final scores, added up by hand from lastYear(). */
const EXPECTED_PREVIOUS: Record<string, number | undefined> = {
  '1': 7.75, // 1,5 + 1,25 + 1,25 + 2 + 0,5 + 1,25
  '1.1': 1.5,
  '1.1.3': 0.5,
  '1.2.2': 1,
  '1.3': 1.25, // as last year's file showed it, with the sub-criterion since removed
  '1.3.2': 1,
  '1.4': 2,
  '1.5': 0.5,
  '1.6': 1.25,
  '1.6.1': undefined, // new this year
  '1.6.2': undefined,
  '3.7': undefined, // not assessed last year: no score
};

const FIELD1_2025: Record<string, Entry> = {
  '1.1.1': { selfScore: 0.5 },
  '1.1.2': { selfScore: 0.5 },
  '1.1.3': { selfScore: 1 },
  '1.2.1': { selfScore: 0.5 },
  '1.2.2': { appraisedScore: 1 },
  '1.3.2': { selfScore: 1 },
  '1.4.1': { selfScore: 0.5 },
  '1.4.2': { selfScore: 1 },
  '1.4.3': { appraisedScore: 0.5 },
  '1.5': { appraisedScore: 1 },
  '1.6.1': { selfScore: 1.5 },
  '1.6.2': { selfScore: 1 },
};

/** The 2025 file with field 1 scored, for the LibreOffice test. */
let filledFile: string | null = null;

test('last year’s scores land by code on the revised set, the removed criterion is listed, the goal is shared exactly', async () => {
  const lastFile = join(tmp, 'ket-qua-2024.xlsx');
  writeFileSync(lastFile, await renderXlsx(buildWorkbook(minhHoa, { unit: 'Sở Xây dựng', year: 2024, values: lastYear(), createdAt: '2024-12-20T00:00:00.000Z' })));
  writeFileSync(join(tmp, 'bo-2025.json'), JSON.stringify(revisedMinhHoa()));

  const made = await runCli(['template', '--set-file', 'bo-2025.json', '--unit', 'Sở Xây dựng', '--year', '2025', '--previous', 'ket-qua-2024.xlsx', '--goal', '78,3%', '--out', 'cham-diem-2025.xlsx'], tmp);
  expect(made.stderr).toContain('ket-qua-2024.xlsx');
  expect(made.stderr).toMatch(/1\.3\.1 · Điểm năm trước: 0,25 \(Chấm điểm!K\d+\)/);
  expect(made.stderr).not.toMatch(/1\.6 ·|1\.3\.2 ·/);
  expect(made.code).toBe(0);
  expect(made.stdout).toContain('Năm trước:');

  // Our reader: last year's scores by code, the targets proposed from them.
  const file = readFileSync(join(tmp, 'cham-diem-2025.xlsx'));
  const read = await readOk(file, 'cham-diem-2025.xlsx');
  expect(read.set.version).toBe('2.0.0');
  const previous = (code: string) => read.assessment.entries[code]?.previousScore;
  for (const [code, expected] of Object.entries(EXPECTED_PREVIOUS)) expect([code, previous(code)]).toEqual([code, expected]);
  expect(read.assessment.entries['1.3.1']).toBeUndefined();

  const target = (code: string) => cellNumber(read.assessment.entries[code]?.target);
  const fieldTargets = read.set.items.map((f) => target(f.code));
  expect(fieldTargets.every((t) => t !== null)).toBe(true);
  expect(toMilli(sumPoints(fieldTargets as number[]))).toBe(toMilli(78.3));
  // Rows at their maximum last year keep it; none is proposed below last year's score (or this
  // year's maximum, where the revision lowered it: 1.3 lost a sub-criterion).
  for (const code of ['1.1.1', '1.1.2', '1.4.1', '1.4.2', '1.4.3']) expect([code, target(code)]).toEqual([code, read.set.byCode.get(code)!.maxScore]);
  for (const node of read.set.nodes) {
    const [t, p] = [target(node.code), cellNumber(previous(node.code))];
    if (t !== null && p !== null) expect([node.code, t >= Math.min(p, node.maxScore)]).toEqual([node.code, true]);
  }
  // The split criterion has last year's score only as a whole: one target for it, none for its new parts.
  expect(target('1.6')).toBeGreaterThanOrEqual(1.25);
  expect(target('1.6.1')).toBeNull();
  // The proposal goes down to the sub-criteria.
  expect(target('2.2.1')).not.toBeNull();

  // "Dữ liệu cũ" lists the removed criterion with last year's score and its old cell.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const orphans = wb.getWorksheet(ORPHAN_SHEET)!;
  const listed = orphans.getRows(5, orphans.rowCount - 4)!.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value]);
  expect(listed).toEqual([['1.3.1', 'Điểm năm trước', 0.25]]);

  // plan --json: last year's score beside this year's, null where there is none.
  const plan = await runCli(['plan', 'cham-diem-2025.xlsx', '--depth', 'all', '--json'], tmp);
  const rows = new Map((JSON.parse(plan.stdout) as { rows: Array<{ code: string; previousScore: number | null; target: number | null }> }).rows.map((r) => [r.code, r]));
  expect(rows.get('1')!.previousScore).toBe(7.75);
  expect(rows.get('1.6.1')!.previousScore).toBeNull();
  expect(rows.get('3.7')!.previousScore).toBeNull();

  // The 2025 scores of field 1 typed in; LibreOffice computes Tổng hợp's last-year columns.
  const rowOf = scoringLayout(read.set).rowOf;
  const scoring = wb.getWorksheet(SHEETS.scoring)!;
  for (const [code, e] of Object.entries(FIELD1_2025)) {
    if (e.selfScore !== undefined) scoring.getCell(rowOf.get(code)!, COL.selfScore).value = e.selfScore as number;
    if (e.appraisedScore !== undefined) scoring.getCell(rowOf.get(code)!, COL.appraisedScore).value = e.appraisedScore as number;
  }
  const filled = join(tmp, 'cham-diem-2025-da-cham.xlsx');
  await wb.xlsx.writeFile(filled);
  const again = await readOk(readFileSync(filled), 'cham-diem-2025-da-cham.xlsx');
  expect(again.assessment.entries['1'].previousScore).toBe(7.75);
  const jsonAgain = JSON.parse((await runCli(['plan', 'cham-diem-2025-da-cham.xlsx', '--json'], tmp)).stdout) as { rows: Array<{ code: string; changeFromPrevious: number | null }> };
  expect(jsonAgain.rows.find((r) => r.code === '1')!.changeFromPrevious).toBe(2.25); // 10 − 7,75
  expect(jsonAgain.rows.find((r) => r.code === '2')!.changeFromPrevious).toBeNull(); // not scored yet
  filledFile = filled;
});

lo('LibreOffice computes last year’s score and the change in Tổng hợp, and the goal there', async () => {
  expect(filledFile).not.toBeNull();
  const [out] = await recalculate([filledFile!], { outDir: join(tmp, 'lo') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
  const T = SHEETS.summary;
  const at = (row: number, key: keyof typeof SUMMARY_COL) => valueAt(wb, T, a1(row, SUMMARY_COL[key]));
  const field1 = SUMMARY.firstField;
  expect(at(SUMMARY.header, 'previousScore')).toBe('Điểm năm trước');
  expect(at(field1, 'previousScore')).toBe(7.75);
  expect(at(field1, 'score')).toBe(10);
  expect(at(field1, 'changeFromPrevious')).toBeCloseTo(2.25, 9);
  expect(at(field1 + 1, 'changeFromPrevious')).toBeNull();
  const total = field1 + 8;
  const fieldPrevious = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => at(field1 + i, 'previousScore') as number);
  expect(at(total, 'previousScore')).toBeCloseTo(sumPoints(fieldPrevious), 9);
  expect(at(total, 'changeFromPrevious')).toBeCloseTo(10 - sumPoints(fieldPrevious), 9);
  expect(at(total, 'target')).toBeCloseTo(78.3, 9);
  // The scoring sheet keeps the carried numbers as they were written.
  const rowOf = scoringLayout(minhHoa).rowOf;
  expect(valueAt(wb, SHEETS.scoring, a1(rowOf.get('1.1')!, COL.previousScore))).toBe(1.5);
}, 180_000);
