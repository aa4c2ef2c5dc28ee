/**
 * What units do to a scoring file that the template would not contain, and that the
 * Hội đồng thẩm định must see: each detection at the cell where it happened. Mutations are
 * made by exceljs and, as another spreadsheet program would leave them, by editing the
 * sheet XML directly; one mutated file also goes through LibreOffice where installed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Problem } from '../../src/domain';
import { checkWorkbook } from '../../src/workbook/read/check';
import type { ReadableWorkbook } from '../../src/workbook/read/interpret';
import { readBuffer, readOk, renderFilled, templateRows, typedAssessment, minhHoa } from '../helpers/filled-workbook';
import { recalculate, sofficePath } from '../helpers/libreoffice';
import { XlsxXml } from '../helpers/xlsx-xml-edit';
import { columnLetter } from '../../src/workbook/a1';
import { SUMMARY_COL } from '../../src/workbook/layout';

/** The field target's column in Tổng hợp. */
const TARGET = columnLetter(SUMMARY_COL.target);
const SCORE = columnLetter(SUMMARY_COL.score);

const S = 'Chấm điểm';
const T = 'Tổng hợp';
const rows = templateRows();
const tmp = mkdtempSync(join(tmpdir(), 'par-tamper-'));

/** code@Sheet!A1 for every problem the reader found (tamper problems only). */
const found = (read: ReadableWorkbook) => read.problems.map(at);
const at = (p: Problem) => `${p.code}@${p.cell ? `${p.cell.sheet}!${p.cell.cell}` : '-'}`;
const one = (read: ReadableWorkbook, code: string) => {
  const list = read.problems.filter((p) => p.code === code);
  expect(list).toHaveLength(1);
  return list[0];
};

let filled: Buffer;
beforeAll(async () => {
  filled = await renderFilled(typedAssessment());
});

async function mutate(edit: (x: XlsxXml) => void): Promise<ReadableWorkbook> {
  const x = await XlsxXml.open(filled);
  edit(x);
  return readOk(await x.save());
}

async function mutateWithExcelJs(edit: (wb: ExcelJS.Workbook) => void): Promise<ReadableWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(filled as unknown as ExcelJS.Buffer);
  edit(wb);
  return readOk(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('tamper detection', () => {
  it('finds nothing in a clean file (and only the set’s own warnings in the full check)', async () => {
    const read = await readOk(filled);
    expect(read.problems).toEqual([]);
    const codes = new Set<string>(checkWorkbook(read).problems.map((p) => p.code));
    for (const tamper of ['max-changed', 'formula-overwritten', 'formula-changed', 'row-missing', 'number-as-text', 'row-duplicated', 'file-total-differs']) {
      expect(codes.has(tamper)).toBe(false);
    }
  });

  describe('max-changed', () => {
    it('a leaf’s maximum raised in the XML: both values, at C<row>', async () => {
      const read = await mutate((x) => x.setCell(S, `C${rows.row('1.1.1')}`, 1));
      expect(found(read)).toEqual([`max-changed@${S}!C${rows.row('1.1.1')}`]);
      const p = one(read, 'max-changed');
      expect(p).toMatchObject({ severity: 'error', criterion: '1.1.1' });
      expect(p.message).toBe(`Điểm tối đa của tiêu chí 1.1.1 trong tệp là 1, bộ tiêu chí quy định 0,5 (ô ${S}!C${rows.row('1.1.1')} đã bị sửa)`);
    });

    it('a maximum edited with exceljs, one cleared, and one typed as text', async () => {
      const read = await mutateWithExcelJs((wb) => {
        const ws = wb.getWorksheet(S)!;
        ws.getCell(`C${rows.row('3.4.1')}`).value = 5;
        ws.getCell(`C${rows.row('3.4.2')}`).value = null;
        ws.getCell(`C${rows.row('3.4.3')}`).value = '2';
      });
      expect(found(read)).toEqual([`max-changed@${S}!C${rows.row('3.4.1')}`, `max-changed@${S}!C${rows.row('3.4.2')}`, `number-as-text@${S}!C${rows.row('3.4.3')}`]);
      expect(read.problems[0].message).toContain('trong tệp là 5, bộ tiêu chí quy định 4');
      expect(read.problems[1].message).toContain('trong tệp là để trống, bộ tiêu chí quy định 1');
    });
  });

  describe('formula-overwritten', () => {
    it('a parent’s self-score typed over: what the file shows, what it should compute, and the stated total checked', async () => {
      const row = rows.row('1.1');
      const read = await mutate((x) => x.setCell(S, `E${row}`, 9));
      expect(found(read)).toEqual([`formula-overwritten@${S}!E${row}`]);
      const p = one(read, 'formula-overwritten');
      expect(p).toMatchObject({ severity: 'error', criterion: '1.1' });
      expect(p.message).toContain(`Ô ${S}!E${row} (Điểm tự đánh giá của tiêu chí 1.1) phải là công thức =SUM(E${row + 1},E${row + 2},E${row + 3}) nhưng đang là số 9 gõ đè lên`);
      const should = checkWorkbook(read).totals.engine;
      expect(should.selfScore).not.toBeNull();
      expect(read.assessment.entries['1.1'].statedSelfTotal).toBe(9);
      const mismatch = checkWorkbook(read).problems.find((q) => q.code === 'parent-total-mismatch')!;
      expect(at(mismatch)).toBe(`parent-total-mismatch@${S}!E${row}`);
      expect(mismatch.message).toMatch(/^Tổng điểm ghi ở 1.1 là 9 nhưng cộng các tiêu chí con được /);
      expect(p.message).toContain(`giá trị tính đúng là ${mismatch.message.split('được ')[1]}`);
    });

    it('the total row’s formula typed over', async () => {
      const read = await mutate((x) => x.setCell(S, `E${rows.total}`, 95));
      expect(found(read)).toEqual([`formula-overwritten@${S}!E${rows.total}`]);
      expect(one(read, 'formula-overwritten')).toMatchObject({ criterion: null, severity: 'error' });
      expect(read.problems[0].message).toContain('(Điểm tự đánh giá dòng TỔNG CỘNG)');
    });

    it('leaf scores, rates, the head summary and Tổng hợp’s computed columns pasted as values', async () => {
      const leaf = rows.row('2.2.1');
      const sum = rows.summaryRow('2');
      const read = await mutate((x) =>
        x
          .setCell(S, `K${leaf}`, 0.5)
          .setCell(S, `L${leaf}`, 1)
          .setCell(S, `P${leaf}`, 0.5)
          .setCell(S, `O${leaf}`, null)
          .setCell(S, 'F4', 0.95)
          .setCell(S, 'G6', 'Tốt')
          .setCell(T, `${SCORE}${sum}`, 6)
          .setCell(T, `${TARGET}${rows.summaryTotal}`, 80),
      );
      expect(found(read).sort()).toEqual(
        [
          `formula-overwritten@${S}!K${leaf}`,
          `formula-overwritten@${S}!L${leaf}`,
          `formula-overwritten@${S}!P${leaf}`,
          `formula-overwritten@${S}!O${leaf}`,
          `formula-overwritten@${S}!F4`,
          `formula-overwritten@${S}!G6`,
          `formula-overwritten@${T}!${SCORE}${sum}`,
          `formula-overwritten@${T}!${TARGET}${rows.summaryTotal}`,
        ].sort(),
      );
      expect(read.problems.find((p) => p.cell?.cell === `O${leaf}`)!.message).toContain('(Điểm còn thiếu so tối đa của tiêu chí 2.2.1) phải là công thức');
      expect(read.problems.find((p) => p.cell?.cell === `O${leaf}`)!.message).toContain('nhưng đã bị xóa (ô trống)');
      const band = read.problems.find((p) => p.cell?.cell === 'G6')!;
      expect(band.message).toContain('đang là chữ "Tốt" gõ đè lên');
      expect(band.message).toMatch(/giá trị tính đúng là (Yếu|Trung bình|Khá|Tốt)/);
    });

    it('a formula rewritten to leave a child out is formula-changed', async () => {
      const row = rows.row('1.1');
      const read = await mutate((x) => x.setFormula(S, `E${row}`, `SUM(E${row + 1},E${row + 2})`));
      expect(found(read)).toEqual([`formula-changed@${S}!E${row}`]);
      expect(read.problems[0]).toMatchObject({ severity: 'error', criterion: '1.1' });
      expect(read.problems[0].message).toContain(`tệp có =SUM(E${row + 1},E${row + 2}), mẫu là =SUM(E${row + 1},E${row + 2},E${row + 3})`);
    });
  });

  describe('row-missing', () => {
    it('a criterion row deleted (later rows and every formula moved up, #REF! where it was)', async () => {
      const gone = rows.row('2.2.2');
      const read = await mutate((x) => x.deleteRow(S, gone));
      // The row, and once the parent's formulas the deletion broke (#REF!), at the first of them.
      expect(found(read)).toEqual([`formula-changed@${S}!C${rows.row('2.2')}`, `row-missing@${S}!A${rows.row('2.2')}`]);
      expect(one(read, 'row-missing').message).toContain('Không thấy dòng của tiêu chí 2.2.2');
      expect(one(read, 'formula-changed').message).toContain('trỏ tới dòng đã bị xóa (#REF!)');
      // Everything after it is read at its new row, with no false alarms.
      expect(read.rows['2.2.3']).toBe(rows.row('2.2.3') - 1);
      expect(read.rows['8.4.2']).toBe(rows.row('8.4.2') - 1);
      const typed = typedAssessment();
      for (const code of ['2.2.1', '2.2.3', '8.3.2']) expect(read.assessment.entries[code]).toEqual(typed.entries[code]);
      expect(read.assessment.entries['2.2.2']).toBeUndefined();
    });

    it('a criterion row blanked out, and a field missing from Tổng hợp', async () => {
      const read = await mutate((x) => x.clearRow(S, rows.row('6.3')).clearRow(T, rows.summaryRow('5')));
      // Sorted by the set's order: field 5 (no cell: a field has no parent row), then 6.3.
      expect(found(read)).toEqual(['row-missing@-', `row-missing@${S}!A${rows.row('6')}`]);
      expect(read.problems[0]).toMatchObject({ criterion: '5', code: 'row-missing' });
      expect(read.problems[0].message).toContain(`trang ${T}`);
      expect(read.problems[1]).toMatchObject({ criterion: '6.3', code: 'row-missing' });
    });
  });

  describe('number-as-text', () => {
    it('"15,3" typed as text into a score cell: not counted, as in Excel, and the number it should be', async () => {
      const row = rows.row('3.4.1');
      const clean = checkWorkbook(await readOk(filled));
      const read = await mutate((x) => x.setCell(S, `E${row}`, '2,5'));
      const checked = checkWorkbook(read);
      const asText = checked.problems.filter((p) => p.code === 'number-as-text');
      expect(asText.map(at)).toEqual([`number-as-text@${S}!E${row}`]);
      expect(asText[0]).toMatchObject({ severity: 'error', criterion: '3.4.1', field: 'selfScore' });
      expect(asText[0].message).toBe(
        `Điểm tự đánh giá của tiêu chí 3.4.1 được lưu dạng chữ "2,5", không phải số: như Excel, ô này không được cộng vào tổng. Hãy gõ lại thành số 2,5`,
      );
      // Kept as typed, and counted as the file's own SUM counts it: not at all.
      expect(read.assessment.entries['3.4.1'].selfScore).toBe('2,5');
      const before = typedAssessment().entries['3.4.1'].selfScore as number;
      expect(checked.result.self.points).toBeCloseTo(clean.result.self.points! - before, 9);
      expect(checked.problems.some((p) => p.code === 'file-total-differs')).toBe(false);
    });

    it('" 2.5 " as an appraised score and "15,3" as a field target in Tổng hợp', async () => {
      const read = await mutate((x) => x.setCell(S, `I${rows.row('3.4.1')}`, ' 2.5 ').setCell(T, `${TARGET}${rows.summaryRow('3')}`, '15,3'));
      const asText = checkWorkbook(read).problems.filter((p) => p.code === 'number-as-text');
      expect(asText.map(at)).toEqual([`number-as-text@${T}!${TARGET}${rows.summaryRow('3')}`, `number-as-text@${S}!I${rows.row('3.4.1')}`]);
      expect(asText[0].message).toContain('Mục tiêu của lĩnh vực 3 được lưu dạng chữ "15,3"');
      expect(asText[0].message).toContain('Hãy gõ lại thành số 15,3');
      expect(asText[1].message).toContain('Hãy gõ lại thành số 2,5');
    });

    it('text that is not a number is left to the core check (score-not-number)', async () => {
      const row = rows.row('3.4.1');
      const read = await mutate((x) => x.setCell(S, `E${row}`, 'đạt'));
      expect(found(read)).toEqual([]);
      expect(checkWorkbook(read).problems.filter((p) => p.severity === 'error').map(at)).toEqual([`score-not-number@${S}!E${row}`]);
    });
  });

  it('score-above-max and na-not-allowed come from the core check, at E<row> and F<row>', async () => {
    const read = await mutate((x) => x.setCell(S, `E${rows.row('1.1.3')}`, 1.5).setCell(S, `F${rows.row('1.1.1')}`, 'x').setCell(S, `F${rows.row('2.1.1')}`, 'có'));
    expect(found(read)).toEqual([`na-mark-unknown@${S}!F${rows.row('2.1.1')}`]);
    const errors = checkWorkbook(read).problems.filter((p) => p.severity === 'error');
    expect(errors.map(at)).toEqual([`na-not-allowed@${S}!F${rows.row('1.1.1')}`, `score-above-max@${S}!E${rows.row('1.1.3')}`]);
    expect(errors[1].message).toBe('Điểm tự đánh giá của tiêu chí 1.1.3 là 1,5, vượt điểm tối đa 1');
  });

  it('a renamed sheet is found by its header; references follow the new name', async () => {
    const read = await mutate((x) => x.renameSheet(S, 'Cham diem 2025').renameSheet(T, 'KH'));
    expect(found(read)).toEqual(['sheet-renamed@-', 'sheet-renamed@-']);
    expect(read.problems.map((p) => p.severity)).toEqual(['info', 'info']);
    expect(read.problems[0].message).toBe('Trang "Chấm điểm" đã được đổi tên thành "Cham diem 2025"; vẫn đọc được theo dòng tiêu đề');
    expect(read.assessment.cells!['1.1.1'].selfScore).toEqual({ sheet: 'Cham diem 2025', cell: `E${rows.row('1.1.1')}` });
    expect(read.assessment.cells!['1'].target).toEqual({ sheet: 'KH', cell: `${TARGET}${rows.summaryRow('1')}` });
    expect(read.assessment.entries).toEqual(typedAssessment().entries);
  });

  it('a duplicated row and a row with a code the set does not have', async () => {
    // Inserted bottom-up so each position is the template's.
    const read = await mutate((x) =>
      x
        .insertRows(S, rows.row('5.1'), 1, { A: 'Ghi chú', B: 'Không phải tiêu chí' })
        .insertRows(S, rows.row('5'), 1, { A: '4.9', B: 'Tiêu chí tự thêm', E: 2 })
        .insertRows(S, rows.row('4.1.2'), 1, { A: '4.1.1', B: 'Chép lại', C: 1, E: 1, T: 'LSE' }),
    );
    // Errors first: the duplicate, then the unknown code (a warning).
    expect(found(read)).toEqual([`row-duplicated@${S}!A${rows.row('4.1.2')}`, `unknown-row-code@${S}!A${rows.row('5') + 1}`]);
    expect(one(read, 'row-duplicated')).toMatchObject({ severity: 'error', criterion: '4.1.1' });
    expect(one(read, 'unknown-row-code')).toMatchObject({ severity: 'warning', criterion: null });
    // The first row of a duplicated code is the one read.
    expect(read.assessment.entries['4.1.1']).toEqual(typedAssessment().entries['4.1.1']);
  });

  describe('files that cannot be checked reliably get a verdict, not a guess', () => {
    it('the metadata sheet removed', async () => {
      const x = await XlsxXml.open(filled);
      x.removeSheet('_par');
      const read = await readBuffer(await x.save());
      expect(read).toMatchObject({ ok: false, reason: 'metadata-missing' });
      expect(!read.ok && read.message).toContain('không có trang dữ liệu ẩn "_par"');
    });

    it('the scoring table’s header destroyed', async () => {
      const x = await XlsxXml.open(filled);
      for (const col of ['A', 'C', 'E', 'G']) x.setCell(S, `${col}7`, null);
      const read = await readBuffer(await x.save());
      expect(read).toMatchObject({ ok: false, reason: 'scoring-sheet-missing' });
    });

    it('a stored set that cannot be read falls back to the bundled one with a warning; an unknown one is refused', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(filled as unknown as ExcelJS.Buffer);
      const meta = wb.getWorksheet('_par')!;
      let jsonRow = 0;
      meta.eachRow((row, n) => {
        if (row.getCell(1).value === 'setJson.1') jsonRow = n;
      });
      meta.getCell(`B${jsonRow}`).value = '{ hỏng';
      const broken = await readOk(Buffer.from(await wb.xlsx.writeBuffer()));
      expect(broken.setOrigin).toBe('bundled');
      expect(found(broken)).toEqual(['set-embedded-invalid@-']);
      meta.getCell('B3').value = 'bo-khong-co';
      const unknown = await readBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
      expect(unknown).toMatchObject({ ok: false, reason: 'set-unknown', message: expect.stringContaining('không nhận ra bộ tiêu chí "bo-khong-co"') });
    });
  });

  const lo = sofficePath() ? it : it.skip;
  lo(
    'a tampered file saved again by LibreOffice: the same detections at the same cells, and the total the file shows',
    async () => {
      const x = await XlsxXml.open(filled);
      x.insertRows(S, rows.row('2'), 2, { B: 'Ghi chú chèn' });
      const shift = (code: string) => rows.row(code) + (rows.row(code) >= rows.row('2') ? 2 : 0);
      x.setCell(S, `C${shift('1.1.1')}`, 1)
        .setCell(S, `E${shift('3.4')}`, 6)
        .setCell(S, `E${shift('3.4.1')}`, '2,5')
        .deleteRow(S, shift('7.2.2'));
      const path = join(tmp, 'tampered.xlsx');
      writeFileSync(path, await x.save());
      const [out] = await recalculate([path]);
      const read = await readOk(readFileSync(out));
      const after = (code: string) => shift(code) - (shift(code) > shift('7.2.2') ? 1 : 0);
      expect(found(read)).toEqual([
        `max-changed@${S}!C${after('1.1.1')}`,
        `formula-overwritten@${S}!E${after('3.4')}`,
        `formula-changed@${S}!C${after('7.2')}`,
        `row-missing@${S}!A${after('7.2')}`,
      ]);
      const result = checkWorkbook(read);
      expect(result.problems.filter((p) => p.code === 'number-as-text').map(at)).toEqual([`number-as-text@${S}!E${after('3.4.1')}`]);
      expect(result.totals.file.computed).toBe(true);
      // The deleted row left #REF! in 7.2's formula, which LibreOffice carries up to the total:
      // shown in the totals, but not said again as a problem of its own.
      expect(result.totals.file.errors.selfScore).toBe('#REF!');
      expect(result.problems.filter((p) => p.code === 'file-total-differs')).toEqual([]);
    },
    120_000,
  );
});

describe('minh-hoa fixture', () => {
  it('has every leaf kind the tamper tests rely on', () => {
    expect(minhHoa.byCode.get('2.1.1')!.allowNotApplicable).toBe(true);
    expect(minhHoa.byCode.get('1.1.1')!.allowNotApplicable).toBe(false);
    expect(minhHoa.byCode.get('3.4.1')!.method).toBe('ratio');
  });
});
