/* exceljs's rows and cells are not Office.js proxies; the office-addins rules take them for ones. */
/* eslint-disable office-addins/load-object-before-read */
/** The plan document's content, before Word: which rows, which labels, whose responsibility. */
import { findBundledSet } from '../../src/criteria';
import { buildPlan, type Assessment } from '../../src/domain';
import ExcelJS from 'exceljs';
import { buildPlanSheet, PLAN_SHEET } from '../../src/workbook/plan-document/sheet';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { cellText, describePlanDocument, roundedRateLabel, type DocCell } from '../../src/workbook/plan-document/describe';

const minhHoa = findBundledSet('minh-hoa-3-cap')!;
const texts = (cells: DocCell[]) => cells.map(cellText);

function assessment(): Assessment {
  return {
    entries: {
      '1': { target: 8.5, leadUnit: 'Văn phòng', deadline: 'Quý II/2025' },
      '1.1.1': { selfScore: 0.5 },
      '1.1.3': { selfScore: 0.5, appraisedScore: 0.25, leadUnit: 'Phòng Tổ chức' },
      '1.3.2': { selfScore: 0 },
      '3': { target: 20 },
      '3.4.1': { selfScore: 2, partnerUnits: '  Bộ phận Một cửa ' },
    },
  };
}

describe('describePlanDocument', () => {
  it('lists per field the scored criteria that lost points, most lost first, with the responsibility typed on them or above them', () => {
    const a = assessment();
    const doc = describePlanDocument(minhHoa, a, buildPlan(minhHoa, a), { year: 2025, unit: 'Sở Xây dựng' });
    expect(doc.appendix.sections.map((s) => s.heading)).toEqual(['I. Công tác chỉ đạo điều hành', 'II. Cải cách TTHC']);
    const [first, third] = doc.appendix.sections.map((s) => s.table.rows.map(texts));
    // 1.3.2 lost 1 point, 1.1.3 lost 0,75 on the final basis (appraised 0,25); unscored leaves are not losses.
    expect(first.map((r) => r[1].split('\n')[0])).toEqual(['1.3.2. ' + minhHoa.byCode.get('1.3.2')!.name, '1.1.3. ' + minhHoa.byCode.get('1.1.3')!.name]);
    expect(first[0]).toEqual(['1', expect.stringContaining('Đã đạt 0/1 điểm, mất 1 điểm.'), '', 'Văn phòng', '', 'Quý II/2025', '']);
    expect(first[1]).toEqual(['2', expect.stringContaining('Đã đạt 0,25/1 điểm, mất 0,75 điểm.'), '', 'Phòng Tổ chức', '', 'Quý II/2025', '']);
    expect(third).toEqual([['1', expect.stringContaining('Đã đạt 2/4 điểm, mất 2 điểm.'), '', '', 'Bộ phận Một cửa', '', '']]);
    expect(doc.appendix.empty).toBeNull();
  });

  it('has one target row per field with two-decimal rates, the total and the goal sentence', () => {
    const a = assessment();
    // The total has a target only when every field has one: the others at their maximum.
    for (const field of minhHoa.items.slice(3).concat(minhHoa.items[1])) a.entries[field.code] = { target: field.maxScore };
    const doc = describePlanDocument(minhHoa, a, buildPlan(minhHoa, a), { year: 2025 });
    expect(doc.targets.rows.map((r) => cellText(r[1]))).toEqual(minhHoa.items.map((f) => f.name));
    expect(texts(doc.targets.rows[0].slice(2, 6))).toEqual(['10', '8,5', '85,00%', 'Văn phòng']);
    expect(texts(doc.targets.rows[2].slice(2, 5))).toEqual(['25,5', '20', '78,43%']);
    expect(texts(doc.targets.total!)).toEqual(['', 'Tổng cộng', '100', '93', '93,00%', '', '', '']);
    expect(doc.goal).toBe('Phấn đấu điểm Chỉ số cải cách hành chính năm 2025 đạt 93% trở lên và tăng hạng so với năm 2024.');
  });

  it("starts from last year's losses when the file carries Điểm năm trước, against this year's maximum", () => {
    // This year's file: nothing scored yet, last year's scores carried (a field total, two leaves, one at its maximum).
    const max = (code: string) => minhHoa.byCode.get(code)!.maxScore;
    const a: Assessment = {
      entries: {
        '1': { previousScore: 6, leadUnit: 'Văn phòng' },
        '1.1.1': { previousScore: max('1.1.1') },
        '1.1.3': { previousScore: 0.25 },
        '3.4.1': { previousScore: 1, target: 3 },
        '3.4.2': { previousScore: 0.5, notApplicable: true },
      },
    };
    const doc = describePlanDocument(minhHoa, a, buildPlan(minhHoa, a), { year: 2025 });
    expect(doc.appendix.sections.map((s) => s.heading)).toEqual(['I. Công tác chỉ đạo điều hành', 'II. Cải cách TTHC']);
    const [first, third] = doc.appendix.sections.map((s) => s.table.rows.map(texts));
    // 1.1.1 at its maximum lost nothing; 3.4.2 is not assessed this year; a field's total is not a leaf.
    expect(first).toEqual([['1', expect.stringContaining(`Năm 2024 đạt 0,25/${max('1.1.3').toLocaleString('vi-VN')} điểm`), '', 'Văn phòng', '', '', '']]);
    expect(third[0][1]).toContain(`3.4.1. ${minhHoa.byCode.get('3.4.1')!.name}\nNăm 2024 đạt 1/${max('3.4.1').toLocaleString('vi-VN')} điểm, mất ${(max('3.4.1') - 1).toLocaleString('vi-VN')} điểm.\nMục tiêu năm 2025: 3 điểm.`);
    expect(third).toHaveLength(1);
  });

  it('says so instead of tables when nothing is scored, and has no goal without targets', () => {
    const empty: Assessment = { entries: {} };
    const doc = describePlanDocument(minhHoa, empty, buildPlan(minhHoa, empty), { year: 2026 });
    expect(doc.appendix.sections).toEqual([]);
    expect(doc.appendix.empty).toContain('chưa có tiêu chí');
    expect(doc.goal).toBeNull();
    expect(cellText(doc.targets.total![4])).toBe('');
  });
});

describe('roundedRateLabel', () => {
  it('prints the seed 001 labels: whole percent, or the exact tenth, at least; 100% at the maximum', () => {
    const label = (targetRate: number | null) => roundedRateLabel({ targetRate });
    expect([5.5 / 8.5, 16 / 23, 7 / 7.5, 9 / 10, 15.3 / 25.5, 0.783, 1, null].map(label)).toEqual(['≥ 65%', '≥ 70%', '≥ 93%', '≥ 90%', '≥ 60%', '≥ 78,3%', '100%', '']);
  });
});

describe('buildPlanSheet', () => {
  it('writes the same tables on a printable sheet, figures as numbers in their formats', async () => {
    const a = assessment();
    for (const field of minhHoa.items.slice(3).concat(minhHoa.items[1])) a.entries[field.code] = { target: field.maxScore };
    const doc = describePlanDocument(minhHoa, a, buildPlan(minhHoa, a), { year: 2025, unit: 'Sở Xây dựng' });
    const spec = buildPlanSheet(doc);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx({ sheets: [spec], names: [], properties: { title: 'x', subject: 'x', creator: 'x' } })) as never);
    const ws = book.getWorksheet(PLAN_SHEET)!;
    const rowOf = (text: string) => ws.getColumn(2).values.findIndex((v) => v === text);
    const tthc = ws.getRow(rowOf('Cải cách TTHC'));
    expect([tthc.getCell(1).value, tthc.getCell(3).value, tthc.getCell(4).value, tthc.getCell(5).value]).toEqual(['3', 25.5, 20, 20 / 25.5]);
    expect(tthc.getCell(5).numFmt).toBe('0.00%');
    const total = ws.getRow(rowOf('Tổng cộng'));
    expect([total.getCell(3).value, total.getCell(4).value, total.getCell(5).value]).toEqual([100, 93, 0.93]);
    expect(ws.getColumn(1).values).toContain(doc.goal);
    // The appendix's seven columns on the sheet's eight: its tasks over two merged cells.
    const head = ws.getRow(rowOf('Mục tiêu'));
    expect([1, 2, 3, 5, 6, 7, 8].map((c) => head.getCell(c).value)).toEqual(['Stt', 'Mục tiêu', 'Nhiệm vụ/giải pháp', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Sản phẩm']);
    expect(head.getCell(4).isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9 });
  });
});
