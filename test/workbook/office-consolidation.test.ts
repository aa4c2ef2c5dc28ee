/**
 * The consolidation inserted into the open workbook through the Office port, over the
 * recording double: beside a scoring workbook whose own "Tổng hợp" it must not touch, every
 * sheet under a free name, the notes following the renamed unit sheets, few syncs; and the
 * pure renaming on its own, for formulas and names that point at a renamed sheet.
 */
import { formatRate } from '../../src/domain';
import { consolidate, CONSOLIDATION_SHEETS, type CheckedFile } from '../../src/workbook/consolidation';
import { checkPickedFiles } from '../../src/workbook/check-files';
import { withFreeSheetNames } from '../../src/workbook/free-sheet-names';
import { SHEETS } from '../../src/workbook/layout';
import { createOfficePort } from '../../src/workbook/office/port';
import type { SheetSpec, WorkbookSpec } from '../../src/workbook/spec';
import { createExcelDouble, type SheetModel } from '../doubles/excel-recording-double';
import { minhHoa, renderFilled, typedAssessment } from '../helpers/filled-workbook';

let restore: () => void = () => undefined;
afterEach(() => restore());

async function checkedFiles(): Promise<CheckedFile[]> {
  const full = typedAssessment();
  // A second unit that scored less, with no errors (an erroneous file is not ranked): every
  // self-score halved, or the lowest outcome where the criterion has fixed outcomes.
  const less = typedAssessment();
  for (const [code, e] of Object.entries(less.entries)) {
    if (typeof e.selfScore !== 'number') continue;
    const node = minhHoa.byCode.get(code)!;
    e.selfScore = node.method === 'options' ? Math.min(...node.options.map((o) => o.points)) : Math.round(e.selfScore * 500) / 1000;
  }
  return checkPickedFiles([
    { name: 'so-y-te.xlsx', bytes: new Uint8Array(await renderFilled(less, minhHoa, 'Sở Y tế')) },
    { name: 'so-tai-chinh.xlsx', bytes: new Uint8Array(await renderFilled(full, minhHoa, 'Sở Tài chính')) },
    { name: 'hong.xlsx', bytes: new TextEncoder().encode('không phải bảng tính') },
  ]);
}

/** The row of the one "Hạng" header (cells are keyed "row,col"). */
function headerRow(model: SheetModel): number {
  const found = [...model.cells.entries()].filter(([, c]) => c.value === 'Hạng');
  expect(found.length).toBe(1);
  return Number(found[0][0].split(',')[0]);
}

function setup() {
  const double = createExcelDouble();
  restore = double.install();
  const port = createOfficePort({ run: (batch) => double.Excel.run(batch), isSetSupported: (name, version) => double.Office.context.requirements.isSetSupported(name, version) });
  return { double, port };
}

test('beside a scoring workbook, every consolidation sheet gets a free name and the notes follow them', async () => {
  const { double, port } = setup();
  await port.insertScoringSheet(minhHoa, { unit: 'Sở Xây dựng', year: 2025 });
  const scoringSummaryA1 = double.sheet(SHEETS.summary).cell('A1').value;
  const files = await checkedFiles();
  const spec = consolidate(files, { createdAt: '2025-11-20' });
  expect(spec.sheets.map((s) => s.name)).toEqual([CONSOLIDATION_SHEETS.summary, CONSOLIDATION_SHEETS.fields, 'Sở Tài chính', 'Sở Y tế']);
  expect(SHEETS.summary).toBe(CONSOLIDATION_SHEETS.summary);

  const before = double.syncCount();
  const names = await port.insertConsolidation(spec);
  expect(double.syncCount() - before).toBe(4);
  expect(names).toEqual([`${CONSOLIDATION_SHEETS.summary} (2)`, CONSOLIDATION_SHEETS.fields, 'Sở Tài chính', 'Sở Y tế']);
  expect(double.sheet(SHEETS.summary).cell('A1').value).toBe(scoringSummaryA1);

  const summary = double.sheet(names[0]);
  const header = headerRow(summary);
  expect([summary.at(header + 1, 1).value, summary.at(header + 2, 1).value]).toEqual([1, 2]);
  const cellsText = [...summary.cells.values()].map((c) => c.value);
  expect(cellsText).toContain('hong.xlsx');
  expect(cellsText).toContain('Chi tiết: trang "Sở Tài chính"');

  // Again: now the unit sheets clash too, and the notes point at the renamed ones.
  const again = await port.insertConsolidation(spec);
  expect(again).toEqual([`${CONSOLIDATION_SHEETS.summary} (3)`, `${CONSOLIDATION_SHEETS.fields} (2)`, 'Sở Tài chính (2)', 'Sở Y tế (2)']);
  const notes = [...double.sheet(again[0]).cells.values()].map((c) => c.value).filter((v) => typeof v === 'string' && v.startsWith('Chi tiết'));
  expect(notes).toEqual(['Chi tiết: trang "Sở Tài chính (2)"', 'Chi tiết: trang "Sở Y tế (2)"']);
  expect(double.sheet('Sở Y tế (2)').cell('A1').value).toBe('Sở Y tế');
  expect(double.state().activeSheet).toBe(again[0]);
}, 30_000);

test('the ranking in the inserted summary is the consolidation’s: higher index first', async () => {
  const { double, port } = setup();
  const files = await checkedFiles();
  const readable = files.filter((f) => f.readable);
  expect(readable.map((f) => f.readable && f.unit)).toEqual(['Sở Y tế', 'Sở Tài chính']);
  const [yTe, taiChinh] = readable.map((f) => (f.readable ? f.result.final.publishedIndex! : 0));
  expect(taiChinh).toBeGreaterThan(yTe);
  const names = await port.insertConsolidation(consolidate(files));
  expect(names[0]).toBe(CONSOLIDATION_SHEETS.summary);
  const sheet = double.sheet(names[0]);
  const row = headerRow(sheet);
  expect([sheet.at(row + 1, 2).value, sheet.at(row + 2, 2).value]).toEqual(['Sở Tài chính', 'Sở Y tế']);
  expect([sheet.at(row + 1, 9).value, sheet.at(row + 2, 9).value]).toEqual([taiChinh, yTe]);
  expect(formatRate(taiChinh)).not.toBe(formatRate(yTe));
}, 30_000);

function sheet(name: string, over: Partial<SheetSpec> = {}): SheetSpec {
  return { name, state: 'visible', columns: [], rows: [], cells: [], merges: [], validations: [], conditionalFormats: [], charts: [], ...over };
}

test('formulas, rules, validations and names that point at a renamed sheet follow it; the rest is kept', () => {
  const spec: WorkbookSpec = {
    sheets: [
      sheet('Tổng hợp', { cells: [{ row: 1, col: 1, formula: "SUM('Tổng hợp'!B1:B3)+'Đơn vị A'!C2+Khác!A1+\"Tổng hợp!A1\"" }] }),
      sheet('Đơn vị A', {
        cells: [{ row: 1, col: 1, value: 'xem trang "Tổng hợp" và trang "Khác"' }],
        conditionalFormats: [{ range: 'A1:A3', formula: "A1>'Tổng hợp'!$A$1", style: { fill: 'FF0000' }, meaning: 'below-target' }],
        validations: [{ kind: 'list', range: 'B1', source: "'Tổng hợp'!$A$1:$A$3", error: { title: 't', message: 'm' } }],
      }),
    ],
    names: [{ name: 'TONG', ref: "'Tổng hợp'!$A$1" }],
    properties: { title: '', subject: '', creator: '' },
  };
  const free = withFreeSheetNames(spec, ['Tổng hợp', 'Khác', 'Tổng hợp (2)'], ['tong']);
  expect(free.sheets.map((s) => s.name)).toEqual(['Tổng hợp (3)', 'Đơn vị A']);
  expect(free.sheets[0].cells[0].formula).toBe("SUM('Tổng hợp (3)'!B1:B3)+'Đơn vị A'!C2+Khác!A1+\"Tổng hợp!A1\"");
  expect(free.sheets[1].cells[0].value).toBe('xem trang "Tổng hợp (3)" và trang "Khác"');
  expect(free.sheets[1].conditionalFormats[0].formula).toBe("A1>'Tổng hợp (3)'!$A$1");
  expect(free.sheets[1].validations[0]).toMatchObject({ source: "'Tổng hợp (3)'!$A$1:$A$3" });
  expect(free.names).toEqual([{ name: 'TONG_2', ref: "'Tổng hợp (3)'!$A$1" }]);
  // Nothing clashes: the description is used as it is.
  expect(withFreeSheetNames(spec, ['Sheet1'], [])).toBe(spec);
});

test('a 31-character unit sheet stays within Excel’s limit when it needs a number', () => {
  const long = 'Ban Quản lý các khu công nghiệp'; // 31 characters
  expect(long.length).toBe(31);
  const free = withFreeSheetNames({ sheets: [sheet(long)], names: [], properties: { title: '', subject: '', creator: '' } }, [long]);
  expect(free.sheets[0].name).toBe('Ban Quản lý các khu công ng (2)');
  expect(free.sheets[0].name.length).toBe(31);
});
