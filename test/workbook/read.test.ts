/**
 * Reading filled workbooks back: the exceljs grid reader (values, formulas, hostile files)
 * and the interpreter (every typed value with its cell, rows found by code wherever they
 * are now). Files are filled the ways users fill them: by the template's own values, by
 * typing in a spreadsheet program (exceljs), by another program's XML (a raw writer), and
 * through LibreOffice where it is installed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findBundledSet } from '../../src/criteria';
import { a1 } from '../../src/workbook/a1';
import { loadCriteriaSet, type Assessment } from '../../src/domain';
import { gridFormula, gridValue, type SheetGrid } from '../../src/workbook/grid';
import { checkWorkbook } from '../../src/workbook/read/check';
import { interpretWorkbook } from '../../src/workbook/read/interpret';
import fc from 'fast-check';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { canonicalFormula, formulaRefs, isMovedFormula, mapFormulaRefs, ownSheetSpan, rowsMovedFormula, shiftFormula, type RefMapper } from '../../src/workbook/read/formula-refs';
import { RowShifts } from '../../src/workbook/read/row-shifts';
import { MAX_CELLS, readXlsxGrid, UnreadableWorkbookError } from '../../src/workbook/xlsx/read-grid';
import { minhHoa, readOk, renderFilled, templateRows, typedAssessment } from '../helpers/filled-workbook';
import { recalculate, sofficePath } from '../helpers/libreoffice';
import { XlsxXml } from '../helpers/xlsx-xml-edit';
import { columnLetter } from '../../src/workbook/a1';
import { SUMMARY_COL } from '../../src/workbook/layout';

/** The field target's column in Tổng hợp. */
const TARGET = columnLetter(SUMMARY_COL.target);
import { smallSet } from '../fixtures/small-set';

const S = 'Chấm điểm';
const T = 'Tổng hợp';
const rows = templateRows();
const tmp = mkdtempSync(join(tmpdir(), 'par-read-'));

describe('readXlsxGrid (exceljs)', () => {
  it('gives values, formulas, sheet states and defined names of a rendered workbook', async () => {
    const grid = await readXlsxGrid(await renderFilled(typedAssessment()), 'a.xlsx');
    expect(grid.source).toBe('a.xlsx');
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual([
      [S, 'visible'],
      [T, 'visible'],
      ['_par', 'veryHidden'],
    ]);
    const sheet = grid.sheets[0];
    expect(gridValue(sheet, 7, 1)).toBe('Mã');
    expect(gridValue(sheet, rows.row('1.1.1'), 1)).toBe('1.1.1');
    expect(gridFormula(sheet, rows.row('1.1'), 3)).toBe(`SUM(C${rows.row('1.1.1')},C${rows.row('1.1.2')},C${rows.row('1.1.3')})`);
    // exceljs writes no cached results: a formula cell's value is null until a spreadsheet calculates it.
    expect(gridValue(sheet, rows.row('1.1'), 3)).toBeNull();
    expect(gridFormula(sheet, rows.row('1.1.1'), 3)).toBeNull();
    expect(gridValue(sheet, rows.row('1.1.1'), 3)).toBe(0.5);
    expect(grid.names.PAR_SELF_TOTAL).toBe(`'${S}'!$E$${rows.total}`);
    // A merged area has its value in the first cell only, as in Excel.
    expect(gridValue(sheet, 1, 1)).toMatch(/^BẢNG TỰ ĐÁNH GIÁ/);
    expect(gridValue(sheet, 1, 2)).toBeNull();
  });

  it('flattens rich text and hyperlinks, keeps booleans, gives dates as ISO text and errors as { error }', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('X');
    ws.getCell('A1').value = { richText: [{ text: 'Kế hoạch ', font: { bold: true } }, { text: 'số 12' }] };
    ws.getCell('A2').value = { text: 'Cổng DVC', hyperlink: 'https://dichvucong.gov.vn/' };
    ws.getCell('A3').value = true;
    ws.getCell('A4').value = new Date(Date.UTC(2025, 5, 30));
    ws.getCell('A5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('A6').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A7').value = { formula: 'A3*0', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('A8').value = new Date(Date.UTC(2025, 0, 2, 8, 30));
    const grid = await readXlsxGrid(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    const s = grid.sheets[0];
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => gridValue(s, r, 1))).toEqual([
      'Kế hoạch số 12',
      'Cổng DVC',
      true,
      '2025-06-30',
      { error: '#N/A' },
      { error: '#DIV/0!' },
      0,
      '2025-01-02T08:30:00',
    ]);
    expect(gridFormula(s, 6, 1)).toBe('1/0');
    expect(gridFormula(s, 7, 1)).toBe('A3*0');
  });

  it('expands shared formulas (Excel’s fill-down) for every dependent cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('X');
    for (let r = 1; r <= 4; r++) ws.getCell(`A${r}`).value = r;
    ws.fillFormula('B1:B4', 'IF(A1>2,"lớn A1",A1*$A$1)', (row) => (row > 2 ? 'lớn A1' : row));
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/t="shared"/);
    const s = (await readXlsxGrid(buffer, 'x.xlsx')).sheets[0];
    expect([1, 2, 3, 4].map((r) => gridFormula(s, r, 2))).toEqual([
      'IF(A1>2,"lớn A1",A1*$A$1)',
      'IF(A2>2,"lớn A1",A2*$A$1)',
      'IF(A3>2,"lớn A1",A3*$A$1)',
      'IF(A4>2,"lớn A1",A4*$A$1)',
    ]);
    expect(gridValue(s, 2, 2)).toBe(2);
  });

  describe('refuses files it cannot or should not open, with a reason', () => {
    const reasonOf = async (buffer: Buffer) => {
      try {
        await readXlsxGrid(buffer, 'f.xlsx');
      } catch (e) {
        expect(e).toBeInstanceOf(UnreadableWorkbookError);
        const err = e as UnreadableWorkbookError;
        return { reason: err.reason, message: err.message };
      }
      throw new Error('expected the file to be refused');
    };

    it('an empty file, a text file, a truncated download', async () => {
      expect(await reasonOf(Buffer.alloc(0))).toEqual({ reason: 'empty', message: 'tệp rỗng (0 byte)' });
      expect(await reasonOf(Buffer.from('code,target\n1,9\n'))).toMatchObject({ reason: 'not-xlsx', message: expect.stringContaining('không phải bảng tính Excel .xlsx') });
      const full = await renderFilled();
      for (const cut of [0.3, 0.6, 0.95]) {
        expect(await reasonOf(full.subarray(0, Math.floor(full.length * cut)))).toMatchObject({ reason: 'corrupt', message: expect.stringContaining('bị hỏng hoặc chưa tải về hết') });
      }
    });

    it('a password-protected workbook and an old .xls (both OLE containers)', async () => {
      const cfb = (extra: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from(extra, 'utf16le'), Buffer.alloc(100)]);
      expect(await reasonOf(cfb('EncryptionInfo'))).toMatchObject({ reason: 'encrypted', message: expect.stringContaining('đặt mật khẩu') });
      expect(await reasonOf(cfb('Workbook'))).toMatchObject({ reason: 'xls', message: expect.stringContaining('.xls') });
    });

    it('an .ods and a zip that holds no workbook', async () => {
      const ods = new JSZip();
      ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
      ods.file('content.xml', '<office:document-content/>');
      expect(await reasonOf(await ods.generateAsync({ type: 'nodebuffer' }))).toMatchObject({ reason: 'ods' });
      const docx = new JSZip();
      docx.file('word/document.xml', '<w:document/>');
      expect(await reasonOf(await docx.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toMatchObject({ reason: 'not-xlsx', message: expect.stringContaining('xl/workbook.xml') });
    });

    it('a file over 20 MB', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 1);
      big.writeUInt32LE(0x04034b50, 0);
      expect(await reasonOf(big)).toMatchObject({ reason: 'too-big', message: expect.stringContaining('tối đa 20 MB') });
    });

    it('more than 200 000 cells, even when they zip to a few kilobytes', async () => {
      const zip = await JSZip.loadAsync(await renderFilled());
      // Rows of 16 000 cells each: too many cells long before too many rows.
      const cells = Array.from({ length: MAX_CELLS + 1 }, (_, i) => `<c r="${a1(Math.floor(i / 16_000) + 1, (i % 16_000) + 1)}"><v>1</v></c>`).join('');
      zip.file('xl/worksheets/sheet2.xml', `<worksheet><sheetData>${cells}</sheetData></worksheet>`);
      const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      expect(buffer.length).toBeLessThan(2 * 1024 * 1024);
      expect(await reasonOf(buffer)).toMatchObject({ reason: 'too-many-cells', message: expect.stringContaining('quá nhiều ô') });
    });

    it('a zip bomb whose directory lies about the inflated size', async () => {
      const zip = await JSZip.loadAsync(await renderFilled());
      const huge = Buffer.alloc(110 * 1024 * 1024, 0x20);
      zip.file('xl/worksheets/sheet2.xml', huge);
      const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      // Claim 1 KB in the central directory, as a hostile file would.
      const name = Buffer.from('xl/worksheets/sheet2.xml');
      for (let p = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
        if (buffer.subarray(p + 46, p + 46 + name.length).equals(name)) buffer.writeUInt32LE(1024, p + 24);
      }
      expect(buffer.length).toBeLessThan(1024 * 1024);
      expect(await reasonOf(buffer)).toMatchObject({ reason: 'too-big', message: expect.stringContaining('quá lớn khi giải nén') });
      // Compressing 110 MB with jszip takes seconds on a busy machine.
    }, 60_000);

    it('a broken deflate stream inside the zip', async () => {
      const good = await renderFilled();
      const broken = Buffer.from(good);
      // Overwrite the first worksheet's compressed bytes with garbage.
      const name = Buffer.from('xl/worksheets/sheet1.xml');
      let p = broken.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 0);
      while (p >= 0 && !broken.subarray(p + 30, p + 30 + name.length).equals(name)) p = broken.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), p + 4);
      const start = p + 30 + broken.readUInt16LE(p + 26) + broken.readUInt16LE(p + 28);
      broken.fill(0xff, start, start + 64);
      expect(await reasonOf(broken)).toMatchObject({ reason: 'corrupt', message: expect.stringContaining('bị hỏng') });
    });
  });
});

describe('formula references', () => {
  it('moves references, not strings, function names or numbers', () => {
    const f = `IF(TRIM(F9)="x",0,N(E9))+LOG10(A1)+'Tổng hợp'!D5+SUM(T8:T132)+0.9+"E9"`;
    const moved = mapFormulaRefs(f, (r) => ({ row: r.row + 2, col: r.col }));
    expect(moved).toEqual({ text: `IF(TRIM(F11)="x",0,N(E11))+LOG10(A3)+'Tổng hợp'!D7+SUM(T10:T134)+0.9+"E9"`, unmapped: 0 });
    expect(formulaRefs(`SUM('Chấm điểm'!K8:K9,$C$3)`)).toEqual([
      { sheet: 'Chấm điểm', row: 8, col: 11, rowAbsolute: false, colAbsolute: false },
      { sheet: 'Chấm điểm', row: 9, col: 11, rowAbsolute: false, colAbsolute: false },
      { sheet: null, row: 3, col: 3, rowAbsolute: true, colAbsolute: true },
    ]);
    expect(mapFormulaRefs('SUM(E9,E10)', (r) => (r.row === 10 ? null : r))).toEqual({ text: 'SUM(E9,#REF!)', unmapped: 1 });
    expect(shiftFormula('A1*$A$1+B$2', 3, 1)).toBe('B4*$A$1+C$2');
    expect(canonicalFormula(`= sum( 'Cham diem'!$E$8 , _xlfn.IFERROR(1,"a b") )`)).toBe('SUM(CHAMDIEM!E8,IFERROR(1,"a b"))');
  });

  it('reads the forms a token can take: numbers with exponents, names with digits, sheet prefixes, escaped quotes', () => {
    const f = `1E+3*A1+Sheet2!B$2:C3+'O''Brien x'!$D4+ABC1(E5)+XFD1+XFE1+A1048577+_x.F6+"G7"""`;
    expect(formulaRefs(f).map((r) => `${r.sheet ?? ''}|${r.col},${r.row}`)).toEqual(['|1,1', 'Sheet2|2,2', 'Sheet2|3,3', "O'Brien x|4,4", '|5,5', '|16384,1']);
    // Moved only from the second reference on: the text before it is kept as written.
    const moved = mapFormulaRefs(f, (r) => (r.row === 1 ? { row: 1, col: r.col } : { row: r.row + 10, col: r.col, sheet: r.sheet === 'Sheet2' ? 'Bảng 2' : r.sheet }));
    expect(moved.text).toBe(`1E+3*A1+'Bảng 2'!B$12:C13+'O''Brien x'!$D14+ABC1(E15)+XFD1+XFE1+A1048577+_x.F6+"G7"""`);
  });

  it('tells whether a file’s formula is the template’s moved, without making the moved text', () => {
    const f = `IF(TRIM(F9)="x",0,N(E9))+LOG10(A1)+'Tổng hợp'!D5+SUM(T8:T132)+0.9+"E9"`;
    const down2: RefMapper = (r) => ({ row: r.row + 2, col: r.col });
    const moved = `IF(TRIM(F11)="x",0,N(E11))+LOG10(A3)+'Tổng hợp'!D7+SUM(T10:T134)+0.9+"E9"`;
    expect(isMovedFormula(moved, f, down2)).toBe(true);
    expect(isMovedFormula(moved.replace('T134', 'T135'), f, down2)).toBe(false);
    expect(isMovedFormula(moved.replace('T134', 'T13'), f, down2)).toBe(false);
    expect(isMovedFormula(`${moved}+1`, f, down2)).toBe(false);
    expect(isMovedFormula(f, f, down2)).toBe(false);
    expect(isMovedFormula('SUM(E9,#REF!)', 'SUM(E9,E10)', (r) => (r.row === 10 ? null : r))).toBe(false);
    const renamed: RefMapper = (r) => ({ row: r.row, col: r.col, sheet: r.sheet === 'Tổng hợp' ? 'Bảng 2' : r.sheet });
    expect(isMovedFormula(`IF(TRIM(F9)="x",0,N(E9))+LOG10(A1)+'Bảng 2'!D5+SUM(T8:T132)+0.9+"E9"`, f, renamed)).toBe(true);
  });

  it('agrees with mapFormulaRefs on every template formula, for any rows moved (fast-check)', () => {
    const formulas = [...new Set([findBundledSet('lai-chau-so-2025')!, minhHoa].flatMap((set) => buildWorkbook(set, { createdAt: '' }).sheets.flatMap((sh) => sh.cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula])))))];
    expect(formulas.length).toBeGreaterThan(500);
    // Rows from `from` on move by `by` (deleted when that lands above `from`), columns past `colFrom` by `colBy`.
    const mapper = fc.record({ from: fc.integer({ min: 1, max: 200 }), by: fc.integer({ min: -3, max: 5 }), colFrom: fc.integer({ min: 1, max: 25 }), colBy: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.constantFrom(...formulas), mapper, fc.nat(), (f, m, edit) => {
        const map: RefMapper = (r) => {
          const row = r.row >= m.from ? r.row + m.by : r.row;
          return row < m.from && r.row >= m.from ? null : { row, col: r.col >= m.colFrom ? r.col + m.colBy : r.col };
        };
        const expected = mapFormulaRefs(f, map);
        expect(isMovedFormula(expected.text, f, map)).toBe(expected.unmapped === 0);
        // One character changed is another formula, unless it changed nothing.
        const at = edit % expected.text.length;
        const other = expected.text.slice(0, at) + (expected.text[at] === '9' ? '8' : '9') + expected.text.slice(at + 1);
        expect(isMovedFormula(other, f, map)).toBe(false);
        expect(isMovedFormula(expected.text.slice(0, at), f, map)).toBe(false);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('takes the short way only where all references moved by one amount, and then decides as isMovedFormula (fast-check)', () => {
    const formulas = [...new Set([findBundledSet('lai-chau-so-2025')!, minhHoa].flatMap((set) => buildWorkbook(set, { createdAt: '' }).sheets.flatMap((sh) => sh.cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula])))))];
    const sheet: SheetGrid = { name: 'Chấm điểm', state: 'visible', values: [], formulas: [] };
    // Rows from `from` on move by `by` (deleted when that lands above `from`); columns past `colFrom` by `colBy`.
    const moves = fc.record({ from: fc.integer({ min: 1, max: 200 }), by: fc.integer({ min: -3, max: 5 }), colFrom: fc.integer({ min: 1, max: 25 }), colBy: fc.integer({ min: 0, max: 2 }) });
    let short = 0;
    fc.assert(
      fc.property(fc.constantFrom(...formulas), moves, fc.nat(), (f, m, edit) => {
        const row = (r: number) => (r >= m.from ? (r + m.by < m.from ? null : r + m.by) : r);
        const col = (c: number) => (c >= m.colFrom ? c + m.colBy : c);
        const shifts = new RowShifts({ sheet, row, col }, 400, 30);
        // Own-sheet references follow the placement; others stay (another sheet is not moved here).
        const map: RefMapper = (r) => {
          if (r.sheet !== null) return { row: r.row, col: r.col };
          const to = row(r.row);
          return to === null ? null : { row: to, col: col(r.col) };
        };
        const span = ownSheetSpan(f);
        const by = span === null ? null : shifts.over(span);
        if (span === null || by === null) return;
        short++;
        for (let r = span.fromRow; r <= span.toRow; r++) expect(row(r)).toBe(r + by);
        for (let c = span.fromCol; c <= span.toCol; c++) expect(col(c)).toBe(c);
        const moved = rowsMovedFormula(f, by);
        const truth = mapFormulaRefs(f, map);
        const at = edit % truth.text.length;
        for (const actual of [truth.text, truth.text.slice(0, at) + (truth.text[at] === '9' ? '8' : '9') + truth.text.slice(at + 1)]) {
          expect(moved !== null && actual === moved).toBe(isMovedFormula(actual, f, map));
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
    // The short way is the usual one, so the property above was tested on many cases.
    expect(short).toBeGreaterThan(500);
  });

  it('sees a run of rows moved by one amount, and nothing past a row gone or moved otherwise', () => {
    const sheet: SheetGrid = { name: 'Chấm điểm', state: 'visible', values: [], formulas: [] };
    // Row 12 deleted: rows 13… move up one; columns stay.
    const deleted = new RowShifts({ sheet, row: (r) => (r < 12 ? r : r === 12 ? null : r - 1), col: (c) => c }, 100, 20);
    expect(deleted.over({ fromRow: 1, toRow: 11, fromCol: 1, toCol: 20 })).toBe(0);
    expect(deleted.over({ fromRow: 13, toRow: 100, fromCol: 3, toCol: 3 })).toBe(-1);
    expect(deleted.over({ fromRow: 11, toRow: 13, fromCol: 3, toCol: 3 })).toBeNull();
    expect(deleted.over({ fromRow: 12, toRow: 12, fromCol: 3, toCol: 3 })).toBeNull();
    expect(deleted.over({ fromRow: 13, toRow: 101, fromCol: 3, toCol: 3 })).toBeNull();
    expect(deleted.over({ fromRow: 13, toRow: 14, fromCol: 3, toCol: 21 })).toBeNull();
    // No reference at all: the formula is as written wherever it is.
    expect(deleted.over({ fromRow: 1, toRow: 0, fromCol: 1, toCol: 0 })).toBe(0);
    // A column inserted: no short way for any formula with a reference.
    const widened = new RowShifts({ sheet, row: (r) => r, col: (c) => (c < 5 ? c : c + 1) }, 100, 20);
    expect(widened.over({ fromRow: 8, toRow: 9, fromCol: 1, toCol: 2 })).toBeNull();
    // Unmoved only when every row and column is where the template put it.
    expect(new RowShifts({ sheet, row: (r) => r, col: (c) => c }, 100, 20).unmoved).toBe(true);
    expect(deleted.unmoved).toBe(false);
    expect(widened.unmoved).toBe(false);
    expect(new RowShifts({ sheet, row: (r) => (r === 100 ? null : r), col: (c) => c }, 100, 20).unmoved).toBe(false);
    expect(ownSheetSpan(`SUM(C9,C15:C21,$D$27)`)).toEqual({ fromRow: 9, toRow: 27, fromCol: 3, toCol: 4 });
    expect(ownSheetSpan(`IF(ISNUMBER('Tổng hợp'!D5),1,C9)`)).toBeNull();
    expect(rowsMovedFormula(`SUM(C9,C15:C21,$D$27)`, 2)).toBe(`SUM(C11,C17:C23,$D$29)`);
    expect(rowsMovedFormula(`SUM(C9,C15:C21,$D$27)`, -9)).toBeNull();
  });

  it('gives back the formula itself when no reference moves', () => {
    const f = `IF(K20="","",IFERROR(K20/P20,""))`;
    expect(mapFormulaRefs(f, (r) => ({ row: r.row, col: r.col })).text).toBe(f);
    expect(mapFormulaRefs(f, (r) => ({ row: r.row, col: r.col === 16 ? 17 : r.col })).text).toBe(`IF(K20="","",IFERROR(K20/Q20,""))`);
  });
});

describe('interpretWorkbook', () => {
  it('reads back everything typed — scores, targets, evidence, explanations, N/A, appraisal, units, deadlines — 100%', async () => {
    const typed = typedAssessment();
    const read = await readOk(await renderFilled(typed));
    expect(read.problems).toEqual([]);
    expect(read.set.id).toBe('minh-hoa-3-cap');
    expect(read.setOrigin).toBe('embedded');
    expect(read.unit).toBe('Sở Xây dựng tỉnh Lai Châu');
    expect(read.year).toBe(2025);
    expect(Object.keys(read.assessment.entries).sort()).toEqual(minhHoa.nodes.map((n) => n.code).sort());
    for (const node of minhHoa.nodes) expect([node.code, read.assessment.entries[node.code]]).toEqual([node.code, typed.entries[node.code]]);
    // Sanity: the fixture types every kind of value somewhere.
    const all = Object.values(typed.entries);
    for (const key of ['selfScore', 'appraisedScore', 'target', 'notApplicable', 'evidence', 'explanation', 'appraisalNote', 'leadUnit', 'partnerUnits', 'deadline'] as const) {
      expect([key, all.some((e) => e[key] !== undefined)]).toEqual([key, true]);
    }
    // An absent value is absent, in the entry and once serialised.
    const leafWithoutNote = minhHoa.nodes.find((n) => n.isLeaf && typed.entries[n.code]?.appraisalNote === undefined)!;
    expect(JSON.parse(JSON.stringify(read.assessment.entries[leafWithoutNote.code]))).toEqual(JSON.parse(JSON.stringify(typed.entries[leafWithoutNote.code])));
    expect('appraisalNote' in read.assessment.entries[leafWithoutNote.code]).toBe(false);
  });

  it.each([
    ['lai-chau-so-2025 (fields only)', findBundledSet('lai-chau-so-2025')!],
    ['thu-nghiem (council, survey, N/A)', smallSet],
  ])('round-trips %s too, with no problems of its own', async (_name, set) => {
    const typed = typedAssessment(set);
    const read = await readOk(await renderFilled(typed, set));
    expect(read.problems).toEqual([]);
    expect(read.set.id).toBe(set.id);
    for (const node of set.nodes) expect([node.code, read.assessment.entries[node.code]]).toEqual([node.code, typed.entries[node.code]]);
  });

  it('reads a grid whose empty cells are "" (as the Office.js reader may hand them over) the same way', async () => {
    const typed = typedAssessment();
    const grid = await readXlsxGrid(await renderFilled(typed), 'pane');
    const blanked = { ...grid, sheets: grid.sheets.map((s) => ({ ...s, values: s.values.map((row) => Array.from({ length: 21 }, (_, i) => row[i] ?? '')) })) };
    const read = interpretWorkbook(blanked);
    expect(read.ok && read.problems).toEqual([]);
    expect(read.ok && read.assessment.entries).toEqual(typed.entries);
  });

  it('does not take numbered notes under the signature block for criteria', async () => {
    const x = await XlsxXml.open(await renderFilled(typedAssessment()));
    x.setCell(S, `A${rows.total + 6}`, '1.').setCell(S, `B${rows.total + 6}`, 'Ghi chú: số liệu đến 30/11');
    expect((await readOk(await x.save())).problems).toEqual([]);
  });

  it('gives every input its cell: field targets in Tổng hợp, the rest in Chấm điểm', async () => {
    const read = await readOk(await renderFilled(typedAssessment()));
    const leaf = rows.row('1.1.1');
    expect(read.assessment.cells!['1.1.1']).toMatchObject({
      selfScore: { sheet: S, cell: `E${leaf}` },
      appraisedScore: { sheet: S, cell: `I${leaf}` },
      target: { sheet: S, cell: `D${leaf}` },
      notApplicable: { sheet: S, cell: `F${leaf}` },
      evidence: { sheet: S, cell: `G${leaf}` },
      explanation: { sheet: S, cell: `H${leaf}` },
      appraisalNote: { sheet: S, cell: `J${leaf}` },
      leadUnit: { sheet: S, cell: `Q${leaf}` },
      partnerUnits: { sheet: S, cell: `R${leaf}` },
      deadline: { sheet: S, cell: `S${leaf}` },
    });
    expect(read.assessment.cells!['3'].target).toEqual({ sheet: T, cell: `${TARGET}${rows.summaryRow('3')}` });
    expect(read.assessment.entries['3'].target).toBe(20.4);
    expect(read.rows['1.1.1']).toBe(leaf);
  });

  it('reads what a user types in a spreadsheet program: "X " for not assessed, links, rich text, dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderFilled()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(S)!;
    const r = (code: string) => rows.row(code);
    ws.getCell(`E${r('1.1.1')}`).value = 0.5;
    ws.getCell(`G${r('1.1.1')}`).value = { text: 'KH 12/KH-SXD', hyperlink: 'https://vanban.laichau.gov.vn/12' };
    ws.getCell(`H${r('1.1.1')}`).value = { richText: [{ text: 'Ban hành ', font: { bold: true } }, { text: 'ngày 10/01' }] };
    // Excel gives a typed date a date format; exceljs needs it said.
    ws.getCell(`S${r('1.1.1')}`).value = new Date(Date.UTC(2025, 5, 30));
    ws.getCell(`S${r('1.1.1')}`).numFmt = 'dd/mm/yyyy';
    ws.getCell(`F${r('2.1.1')}`).value = 'X ';
    ws.getCell(`I${r('1.1.2')}`).value = 0;
    wb.getWorksheet(T)!.getCell(`${TARGET}${rows.summaryRow('1')}`).value = 8.5;
    const read = await readOk(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.problems).toEqual([]);
    expect(read.assessment.entries['1.1.1']).toEqual({ selfScore: 0.5, evidence: 'KH 12/KH-SXD', explanation: 'Ban hành ngày 10/01', deadline: '2025-06-30' });
    expect(read.assessment.entries['2.1.1']).toEqual({ notApplicable: true });
    expect(read.assessment.entries['1.1.2']).toEqual({ appraisedScore: 0 });
    expect(read.assessment.entries['1']).toEqual({ target: 8.5 });
  });

  it('finds rows by code after rows are inserted above the table and among criteria (another program’s XML)', async () => {
    const typed = typedAssessment();
    const x = await XlsxXml.open(await renderFilled(typed));
    x.insertRows(S, 2, 2, { A: 'Ghi chú của đơn vị' });
    x.insertRows(S, rows.row('1.1.2') + 2, 1, { B: 'Ghi chú: xem phụ lục 2' });
    x.insertRows(S, rows.row('3') + 3, 3);
    x.insertRows(S, rows.total + 6, 1, { B: 'Dòng chèn trước TỔNG CỘNG' });
    x.insertRows(T, 3, 1, { A: 'Ghi chú' });
    const read = await readOk(await x.save());
    expect(read.problems).toEqual([]);
    for (const node of minhHoa.nodes) expect([node.code, read.assessment.entries[node.code]]).toEqual([node.code, typed.entries[node.code]]);
    expect(read.rows['1.1.1']).toBe(rows.row('1.1.1') + 2);
    expect(read.rows['1.1.2']).toBe(rows.row('1.1.2') + 3);
    expect(read.rows['3']).toBe(rows.row('3') + 6);
    expect(read.assessment.cells!['8.3.2'].selfScore).toEqual({ sheet: S, cell: `E${rows.row('8.3.2') + 6}` });
    expect(read.assessment.cells!['3'].target).toEqual({ sheet: T, cell: `${TARGET}${rows.summaryRow('3') + 1}` });
    expect(checkWorkbook(read).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads a code stored as a number, and tells 1.10 from 1.1 by what is still free', async () => {
    const set = loadCriteriaSet({
      id: 'muoi-tieu-chi',
      title: 'Bộ thử có tiêu chí 1.10',
      status: 'illustrative',
      source: 'kiểm thử',
      year: 2025,
      level: 'so',
      version: '1',
      items: [{ code: '1', name: 'Lĩnh vực', maxScore: 10, children: Array.from({ length: 10 }, (_, i) => ({ code: `1.${i + 1}`, name: `Tiêu chí ${i + 1}`, maxScore: 1 })) }],
    });
    const values: Assessment = { entries: { '1.1': { selfScore: 0.25, evidence: 'a' }, '1.10': { selfScore: 0.75, evidence: 'b' } } };
    const layout = templateRows(set);
    const x = await XlsxXml.open(await renderFilled(values, set));
    x.setCell(S, `A${layout.row('1.1')}`, 1.1);
    x.setCell(S, `A${layout.row('1.10')}`, 1.1);
    x.setCell(S, `A${layout.row('1.2')}`, '1.2.');
    const read = await readOk(await x.save());
    expect(read.rows['1.1']).toBe(layout.row('1.1'));
    expect(read.rows['1.10']).toBe(layout.row('1.10'));
    expect(read.rows['1.2']).toBe(layout.row('1.2'));
    expect(read.assessment.entries['1.10'].selfScore).toBe(0.75);
    expect(read.problems.map((p) => [p.code, p.severity, p.criterion, p.cell?.cell])).toEqual([
      ['code-as-number', 'warning', '1.1', `A${layout.row('1.1')}`],
      ['code-as-number', 'warning', '1.10', `A${layout.row('1.10')}`],
    ]);
  });

  it('takes the unit typed in the head block over the one the template was made for', async () => {
    const x = await XlsxXml.open(await renderFilled(undefined, minhHoa, ''));
    x.setCell(S, 'C3', 'UBND xã Bình Lư');
    expect((await readOk(await x.save())).unit).toBe('UBND xã Bình Lư');
    expect((await readOk(await renderFilled(undefined, minhHoa, 'Sở Y tế'))).unit).toBe('Sở Y tế');
  });

  const lo = sofficePath() ? it : it.skip;
  lo(
    'reads a filled file saved again by LibreOffice: same values, no false problems, and the totals LibreOffice computed',
    async () => {
      const typed = typedAssessment();
      const path = join(tmp, 'lo-filled.xlsx');
      writeFileSync(path, await renderFilled(typed));
      const [out] = await recalculate([path]);
      const read = await readOk(readFileSync(out));
      expect(read.problems).toEqual([]);
      for (const node of minhHoa.nodes) expect([node.code, read.assessment.entries[node.code]]).toEqual([node.code, typed.entries[node.code]]);
      const result = checkWorkbook(read);
      expect(result.totals.file.computed).toBe(true);
      expect(result.totals.file.selfScore).toBeCloseTo(result.totals.engine.selfScore!, 9);
      expect(result.totals.file.appraisedScore).toBeCloseTo(result.totals.engine.appraisedScore!, 9);
      expect(result.totals.file.score).toBeCloseTo(result.totals.engine.score!, 9);
      expect(result.totals.file.applicableMax).toBe(result.totals.engine.applicableMax);
      expect(result.problems.filter((p) => p.code === 'file-total-differs')).toEqual([]);
    },
    120_000,
  );
});
