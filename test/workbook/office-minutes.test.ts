/* exceljs's getCell() is not an Office.js proxy; the office-addins rules take it for one. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
/**
 * "Biên bản thẩm định" from a filled, appraised workbook in the recording double: what it
 * lists (per-field totals self vs appraised, differences, rows without evidence, what was
 * done to the file), written by the Office renderer and by the exceljs renderer alike.
 */
import ExcelJS from 'exceljs';
import { computeTotals, numberOrNull, toMilli } from '../../src/domain';
import { appraisalDifferences, fileFindings, scoredWithoutEvidence } from '../../src/workbook/appraisal';
import { buildAppraisalMinutes, MINUTES_SHEET } from '../../src/workbook/appraisal-minutes';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { COL, SHEETS } from '../../src/workbook/layout';
import { createOfficePort } from '../../src/workbook/office/port';
import { renderIntoWorkbook } from '../../src/workbook/office/render';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { createExcelDouble } from '../doubles/excel-recording-double';
import { minhHoa, typedAssessment } from '../helpers/filled-workbook';

const layout = scoringLayout(minhHoa);
const values = typedAssessment();
// One evidence removed on a scored leaf, so section III has a row.
const bare = minhHoa.leaves.find((l) => l.evidenceRequired && (numberOrNull(values.entries[l.code]?.selfScore) ?? 0) > 0)!;
delete values.entries[bare.code].evidence;

async function appraisedWorkbook() {
  const double = createExcelDouble();
  const restore = double.install();
  await renderIntoWorkbook(double.context, buildWorkbook(minhHoa, { unit: 'Sở Xây dựng', year: 2025, values, createdAt: '2025-01-15T00:00:00.000Z' }), {
    isSetSupported: () => true,
  });
  // Someone raised a maximum by hand: a tamper finding.
  const maxRow = layout.rowOf.get(minhHoa.leaves[0].code)!;
  double.sheet(SHEETS.scoring).ensure(maxRow, COL.maxScore).value = 99;
  const port = createOfficePort({ run: (b) => double.Excel.run(b), isSetSupported: () => true });
  const state = await port.readState();
  return { double, port, state, restore, maxRow };
}

test('the minutes list every field with self and appraised totals, the differences, missing evidence and findings', async () => {
  const { state, restore, maxRow } = await appraisedWorkbook();
  restore();
  const read = state.workbook!;
  const spec = buildAppraisalMinutes(read, state.check!, { date: '2025-11-20' });
  const text = (r: number, c: number) => spec.cells.find((x) => x.row === r && x.col === c)?.value;
  const rowOf = (value: string) => spec.cells.find((x) => x.value === value)!.row;

  expect(spec.name).toBe(MINUTES_SHEET);
  expect(text(3, 1)).toBe('Đơn vị được thẩm định: Sở Xây dựng');
  expect(text(5, 1)).toBe('Lập ngày 20/11/2025, từ sổ tính chấm điểm của đơn vị.');
  expect(spec.print).toMatchObject({ orientation: 'portrait', paperSize: 'A4', fitToWidth: 1 });

  const self = computeTotals(minhHoa, read.assessment, 'self');
  const appraised = computeTotals(minhHoa, read.assessment, 'appraised');
  const first = rowOf('Lĩnh vực') + 1;
  minhHoa.items.forEach((field, i) => {
    expect([text(first + i, 1), text(first + i, 4), text(first + i, 5)]).toEqual([field.code, self.byCode.get(field.code)!.score, appraised.byCode.get(field.code)!.score]);
  });
  expect(text(rowOf('Tổng cộng'), 4)).toBe(self.total.score);
  expect(text(rowOf('Tổng cộng'), 5)).toBe(appraised.total.score);

  const differences = appraisalDifferences(read);
  expect(differences.length).toBeGreaterThan(0);
  for (const d of differences) expect(toMilli(d.appraisedScore)).not.toBe(toMilli(d.selfScore));
  expect(text(rowOf(`II. TIÊU CHÍ CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ ĐÁNH GIÁ (${differences.length})`) + 2, 3)).toBe(differences[0].cell);
  expect(scoredWithoutEvidence(read).map((m) => m.code)).toEqual([bare.code]);
  expect(spec.cells.some((c) => c.value === `${SHEETS.scoring}!G${layout.rowOf.get(bare.code)}`)).toBe(true);

  const findings = fileFindings(state.check!);
  expect(findings.map((f) => f.code)).toContain('max-changed');
  expect(spec.cells.some((c) => c.value === `${SHEETS.scoring}!C${maxRow}`)).toBe(true);
  expect(spec.cells.some((c) => c.value === 'CHỦ TỊCH HỘI ĐỒNG')).toBe(true);
  expect(spec.cells.some((c) => c.value === 'NGƯỜI THẨM ĐỊNH')).toBe(true);
});

test('the Office renderer and the exceljs renderer write the same minutes', async () => {
  const { double, port, state, restore } = await appraisedWorkbook();
  try {
    const spec = buildAppraisalMinutes(state.workbook!, state.check!, { date: '2025-11-20' });
    const name = await port.insertSheet(spec);
    expect(name).toBe(MINUTES_SHEET);
    const model = double.sheet(MINUTES_SHEET);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx({ sheets: [spec], names: [], properties: { title: 'x', subject: 'x', creator: 'x' } })) as never);
    const ws = book.getWorksheet(MINUTES_SHEET)!;
    for (const c of spec.cells) {
      const fileCell = ws.getCell(c.row, c.col);
      // exceljs shows a merged area's value in each of its cells.
      const fileValue = fileCell.master.address === fileCell.address ? fileCell.value : null;
      const officeValue = model.at(c.row, c.col).value;
      const expected = c.value === undefined || c.value === '' ? null : c.value;
      expect([c.row, c.col, officeValue]).toEqual([c.row, c.col, expected]);
      expect([c.row, c.col, fileValue]).toEqual([c.row, c.col, expected]);
    }
    expect(model.mergeAddresses().sort()).toEqual([...spec.merges].sort());
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(model.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4' });
  } finally {
    restore();
  }
});
