import { loadCriteriaSet, type CriterionData } from '../../src/domain';
import { importCriteriaSet, type ImportResult } from '../../src/domain/import/import-set';
import type { GridValue } from '../../src/workbook/grid';
import { CAMAU_ROWS, camauItems, camauTable } from './camau';
import { renderAnnex, treeOf, type TableStyle } from './tables';

const META = { id: 'nhap-thu', title: 'Bộ nhập thử', year: 2025, level: 'so' as const, source: 'kiểm thử' };

function sheetOf(rows: GridValue[][]) {
  return { name: 'Trang1', state: 'visible' as const, values: rows, formulas: rows.map((r) => r.map(() => null)) };
}
const imp = (rows: GridValue[][]) => importCriteriaSet(sheetOf(rows), META);

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`not imported: ${JSON.stringify(result.problems, null, 2)}`);
  return result;
}
function problems(result: ImportResult) {
  if (result.ok) throw new Error('imported, but problems were expected');
  return result.problems;
}
const H = ['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa'];

describe('the Cà Mau excerpt (QĐ 1880/QĐ-UBND 2013)', () => {
  it('as retrieved, is refused on the row of field 1: 20 points but its children add up to 10', () => {
    expect(importCriteriaSet(camauTable(20).sheet, META)).toEqual({
      ok: false,
      problems: [
        {
          row: CAMAU_ROWS.field,
          message: 'điểm tối đa 20 khác tổng điểm tối đa các tiêu chí con 10 (1.1: 5; 1.2: 2; 1.3: 3)',
          messageEn: 'maximum 20 differs from the sum of its children 10',
        },
      ],
    });
    expect(CAMAU_ROWS.field).toBe(7);
  });

  it('corrected (field 1 = 10), imports to the exact tree with the options as printed', () => {
    const r = ok(importCriteriaSet(camauTable(10).sheet, META));
    expect(r.set.items).toEqual(camauItems(10));
    expect(r.set.items[0].children![0].children![0].options).toEqual([
      { label: 'Ban hành kịp thời', points: 1 },
      { label: 'Ban hành không kịp thời', points: 0.5 },
      { label: 'Không ban hành', points: 0 },
    ]);
    expect(r.rows).toEqual({
      '1': 7, '1.1': 8, '1.1.1': 9, '1.1.2': 13, '1.1.3': 16, '1.1.4': 19, '1.2': 23, '1.2.1': 24, '1.2.2': 27, '1.3': 30,
    });
    expect(r.preview).toEqual({ fields: 1, criteria: 9, leaves: 7, options: 14, totalMax: 10, byLevel: [1, 3, 6] });
    expect(r.table).toEqual({ headerRow: 5, headerLastRow: 5, lastRow: 30, totalRow: null, ignoredAfter: null });
    expect(r.set).toMatchObject({ id: 'nhap-thu', status: 'imported', source: 'kiểm thử', year: 2025, level: 'so', version: '1', bands: [] });
    const loaded = loadCriteriaSet(r.set);
    expect(loaded.byCode.get('1.1.1')!.method).toBe('options');
    expect(loaded.byCode.get('1.3')!.method).toBe('free');
  });

  it.each<[string, Partial<TableStyle>]>([
    ['roman fields, numbering restarted', { fields: 'roman', numbering: 'restart', trailingDot: true }],
    ['merged header, comma decimals with "điểm", NFD', { header: 'merged', decimal: 'comma', suffix: true, unicode: 'NFD' }],
    ['two-row header, dash options, letters at level 3', { header: 'two-row', options: 'dash', letters: true }],
    ['no STT column, paren options, line breaks, NBSP', { numberInName: true, options: 'paren', lineBreaks: true, nbsp: true }],
    ['option points in the maximum column, page-break header repeat, blank rows', { options: 'column', repeatHeaderBefore: [12], blankBefore: [3, 20] }],
  ])('corrected, printed as %s: same tree', (_, style) => {
    const items = camauItems(10);
    expect(ok(importCriteriaSet(renderAnnex(items, style).sheet, META)).set.items).toEqual(treeOf(items));
  });
});

describe('numbering', () => {
  it('numbering restarted under each roman field gives unique hierarchical codes', () => {
    const r = ok(
      imp([
        H,
        ['I.', 'Công tác chỉ đạo, điều hành', 4],
        ['1.', 'Kế hoạch CCHC', 3],
        ['1.1.', 'Ban hành kế hoạch', 1],
        ['1.2.', 'Thực hiện kế hoạch', 2],
        ['2.', 'Báo cáo', 1],
        ['II.', 'Cải cách thể chế', '2,5'],
        ['1.', 'Xây dựng văn bản', '2,5'],
      ]),
    );
    expect(r.set.items).toEqual([
      {
        code: '1',
        name: 'Công tác chỉ đạo, điều hành',
        maxScore: 4,
        children: [
          {
            code: '1.1',
            name: 'Kế hoạch CCHC',
            maxScore: 3,
            children: [
              { code: '1.1.1', name: 'Ban hành kế hoạch', maxScore: 1 },
              { code: '1.1.2', name: 'Thực hiện kế hoạch', maxScore: 2 },
            ],
          },
          { code: '1.2', name: 'Báo cáo', maxScore: 1 },
        ],
      },
      { code: '2', name: 'Cải cách thể chế', maxScore: 2.5, children: [{ code: '2.1', name: 'Xây dựng văn bản', maxScore: 2.5 }] },
    ]);
    expect(r.rows).toEqual({ '1': 2, '1.1': 3, '1.1.1': 4, '1.1.2': 5, '1.2': 6, '2': 7, '2.1': 8 });
  });

  it('roman fields with full arabic numbering, arabic-only tables and letters', () => {
    const roman = ok(imp([H, ['I', 'A', 3], ['1.1', 'B', 3], ['1.1.1', 'C', 1], ['1.1.2', 'D', 2], ['II', 'E', 1], ['2.1', 'F', 1]]));
    expect(roman.rows).toEqual({ '1': 2, '1.1': 3, '1.1.1': 4, '1.1.2': 5, '2': 6, '2.1': 7 });
    const arabic = ok(imp([H, [1, 'A', 3], [1.1, 'B', 3], ['1.1.1', 'C', 1], ['1.1.2.', 'D', 2], [2, 'E', 1]]));
    expect(arabic.rows).toEqual({ '1': 2, '1.1': 3, '1.1.1': 4, '1.1.2': 5, '2': 6 });
    const letters = ok(imp([H, ['1', 'A', 3], ['1.1', 'B', 3], ['a)', 'C', 1], ['b.', 'D', '1,5'], ['(c)', 'E', '0,5']]));
    expect(letters.set.items[0].children![0].children!.map((c) => [c.code, c.name, c.maxScore])).toEqual([
      ['1.1.1', 'C', 1],
      ['1.1.2', 'D', 1.5],
      ['1.1.3', 'E', 0.5],
    ]);
  });

  it('reads "I. CÔNG TÁC" typed in the STT cell (merged over the name) and "1.1. Tên" in the name cell', () => {
    const r = ok(
      imp([
        ['TT', 'Nội dung', 'Điểm tối đa'],
        ['I. CÔNG TÁC CHỈ ĐẠO', null, 2],
        [null, '1.1. Kế hoạch CCHC', 2],
        ['Lĩnh vực II', 'Cải cách thể chế', 1],
        ['2.1', '2.1. Văn bản', 1],
      ]),
    );
    expect(r.set.items).toEqual([
      { code: '1', name: 'CÔNG TÁC CHỈ ĐẠO', maxScore: 2, children: [{ code: '1.1', name: 'Kế hoạch CCHC', maxScore: 2 }] },
      { code: '2', name: 'Cải cách thể chế', maxScore: 1, children: [{ code: '2.1', name: 'Văn bản', maxScore: 1 }] },
    ]);
  });
});

describe('what pasted tables contain', () => {
  it('merged header cells, a header repeated after a page break, column numbers, blank rows', () => {
    const rows: GridValue[][] = [
      ['BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC NĂM 2026'],
      [],
      ['Số thứ tự', 'Lĩnh vực, tiêu chí', null, 'Điểm', null, 'Tài liệu kiểm chứng'],
      [null, null, null, 'Tối đa', 'Tự chấm', null],
      ['(1)', '(2)', null, '(3)', '(4)', '(5)'],
      ['1', 'Chỉ đạo điều hành', null, 3],
      [],
      ['1.1', null, 'Kế hoạch', 1],
      ['Số thứ tự', 'Lĩnh vực, tiêu chí', null, 'Điểm', null, 'Tài liệu kiểm chứng'],
      [null, null, null, 'Tối đa', 'Tự chấm', null],
      ['1.2', 'Báo cáo', null, 2, null, 'Báo cáo năm'],
      [null, null, null, null, null, null],
    ];
    const r = ok(imp(rows));
    expect(r.set.items).toEqual([
      {
        code: '1',
        name: 'Chỉ đạo điều hành',
        maxScore: 3,
        children: [
          { code: '1.1', name: 'Kế hoạch', maxScore: 1 },
          { code: '1.2', name: 'Báo cáo', maxScore: 2, guidance: 'Tài liệu kiểm chứng: Báo cáo năm' },
        ],
      },
    ]);
    expect(r.rows).toEqual({ '1': 6, '1.1': 8, '1.2': 11 });
    expect(r.table).toMatchObject({ headerRow: 3, headerLastRow: 4 });
  });

  it('line breaks inside cells (CR LF, Word soft breaks), options listed inside the name cell', () => {
    const r = ok(
      imp([
        H,
        ['1', 'Công tác\r\nchỉ đạo\u000bđiều hành', 3],
        ['1.1', 'Ban hành kế hoạch CCHC năm:\n- Ban hành kịp thời: 1 điểm\n- Ban hành không kịp thời: 0,5 điểm\n- Không ban hành: 0 điểm', 1],
        ['1.2', 'Báo cáo', '2\n'],
      ]),
    );
    expect(r.set.items[0]).toEqual({
      code: '1',
      name: 'Công tác chỉ đạo điều hành',
      maxScore: 3,
      children: [
        {
          code: '1.1',
          name: 'Ban hành kế hoạch CCHC năm',
          maxScore: 1,
          options: [
            { label: 'Ban hành kịp thời', points: 1 },
            { label: 'Ban hành không kịp thời', points: 0.5 },
            { label: 'Không ban hành', points: 0 },
          ],
        },
        { code: '1.2', name: 'Báo cáo', maxScore: 2 },
      ],
    });
  });

  it('decomposed (NFD) text, NBSP and zero-width marks: found and output in NFC', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const r = ok(
      imp([
        [nfd('SỐ TT'), nfd('LĨNH VỰC/TIÊU CHÍ'), nfd('ĐIỂM TỐI ĐA')],
        ['I', nfd('Cải\u00a0cách  thủ tục\u200b hành chính'), nfd('2\u00a0điểm')],
        ['1', nfd('Công khai thủ tục'), 2],
        [null, nfd('Đạt 100%: điểm tối đa')],
        [null, nfd('Dưới 100%: 0 điểm')],
      ]),
    );
    expect(r.set.items).toEqual([
      {
        code: '1',
        name: 'Cải cách thủ tục hành chính',
        maxScore: 2,
        children: [{ code: '1.1', name: 'Công khai thủ tục', maxScore: 2, options: [{ label: 'Đạt 100%', points: 2 }, { label: 'Dưới 100%', points: 0 }] }],
      },
    ]);
    const texts = JSON.stringify(r.set);
    expect(texts).toBe(texts.normalize('NFC'));
  });

  it('maxima as printed: "0,5 điểm", "0.75", "1đ", "2*", "1(1)", "3²", number cells', () => {
    const r = ok(
      imp([
        H,
        ['1', 'A', '9,25 điểm'],
        ['1.1', 'B', '0,5 điểm'],
        ['1.2', 'C', '0.75'],
        ['1.3', 'D', '1đ'],
        ['1.4', 'E', '2*'],
        ['1.5', 'F', '1(1)'],
        ['1.6', 'G', '3²'],
        ['1.7', 'H¹', 1],
      ]),
    );
    expect(r.set.items[0].children!.map((c) => [c.name, c.maxScore])).toEqual([
      ['B', 0.5],
      ['C', 0.75],
      ['D', 1],
      ['E', 2],
      ['F', 1],
      ['G', 3],
      ['H', 1],
    ]);
  });

  it('option rows in every printed form, and options listed in the "Cách chấm điểm" column', () => {
    const r = ok(
      imp([
        [...H, 'Cách chấm điểm', 'Ghi chú'],
        ['1', 'Chỉ đạo', 6],
        ['1.1', 'Kế hoạch', 2],
        [null, '+ Ban hành đúng hạn – 2 đ'],
        [null, '+ Ban hành chậm (1 điểm)'],
        [null, '+ Không ban hành = 0'],
        ['1.2', 'Báo cáo', 2, 'Theo số báo cáo gửi đúng hạn:\n- Đủ và đúng hạn: 2 điểm\n- Chậm: 0,5 điểm'],
        ['1.3', 'Tuyên truyền', 1, null, 'Do Hội đồng chấm'],
        [null, 'Có thực hiện', 1],
        [null, 'Không thực hiện', 0],
        ['1.4', 'Tỷ lệ hồ sơ đúng hạn', 1, 'Điểm = tỷ lệ × điểm tối đa'],
      ]),
    );
    expect(r.set.items[0].children).toEqual([
      {
        code: '1.1',
        name: 'Kế hoạch',
        maxScore: 2,
        options: [
          { label: 'Ban hành đúng hạn', points: 2 },
          { label: 'Ban hành chậm', points: 1 },
          { label: 'Không ban hành', points: 0 },
        ],
      },
      {
        code: '1.2',
        name: 'Báo cáo',
        maxScore: 2,
        options: [
          { label: 'Đủ và đúng hạn', points: 2 },
          { label: 'Chậm', points: 0.5 },
        ],
        guidance: 'Theo số báo cáo gửi đúng hạn:\n- Đủ và đúng hạn: 2 điểm\n- Chậm: 0,5 điểm',
      },
      {
        code: '1.3',
        name: 'Tuyên truyền',
        maxScore: 1,
        options: [
          { label: 'Có thực hiện', points: 1 },
          { label: 'Không thực hiện', points: 0 },
        ],
        guidance: 'Ghi chú: Do Hội đồng chấm',
      },
      { code: '1.4', name: 'Tỷ lệ hồ sơ đúng hạn', maxScore: 1, guidance: 'Điểm = tỷ lệ × điểm tối đa' },
    ]);
  });

  it('a "Tổng cộng" row declares the total; notes after it are not read', () => {
    const r = ok(imp([H, ['I', 'A', 2], ['II', 'B', '1,5'], [null, 'Tổng cộng (I+II)', '3,5'], ['Ghi chú:'], ['1.', 'Các tiêu chí có dấu * do Hội đồng chấm']]));
    expect(r.set.totalMax).toBe(3.5);
    expect(r.table).toMatchObject({ totalRow: 4, ignoredAfter: 4, lastRow: 4 });
    expect(r.rows).toEqual({ '1': 2, '2': 3 });
  });
});

describe('broken tables: the row and the reason, nothing fixed', () => {
  it('a parent whose children do not add up', () => {
    expect(problems(imp([H, ['1', 'Chỉ đạo', 6], ['1.1', 'Kế hoạch', 2], ['1.2', 'Báo cáo', 3], ['2', 'Thể chế', 4]]))).toEqual([
      { row: 2, message: 'điểm tối đa 6 khác tổng điểm tối đa các tiêu chí con 5 (1.1: 2; 1.2: 3)', messageEn: 'maximum 6 differs from the sum of its children 5' },
    ]);
  });

  it('a duplicated number, printed or after a restart', () => {
    expect(problems(imp([H, ['1', 'Chỉ đạo', 3], ['1.1', 'Kế hoạch', 1], ['1.1', 'Báo cáo', 2]]))).toEqual([
      { row: 4, message: 'số thứ tự "1.1" bị trùng với dòng 3', messageEn: 'numbering "1.1" (code 1.1) repeats row 3' },
    ]);
    expect(problems(imp([H, ['I', 'A', 1], ['II', 'B', 3], ['1.', 'C', 1], ['1.', 'D', 2]]))).toEqual([
      { row: 5, message: 'số thứ tự "1." (mã 2.1) bị trùng với dòng 4', messageEn: 'numbering "1." (code 2.1) repeats row 4' },
    ]);
  });

  it('a maximum written in words', () => {
    expect(problems(imp([H, ['1', 'Chỉ đạo', 3], ['1.1', 'Kế hoạch', 1], ['1.2', 'Báo cáo', 'hai điểm']]))).toEqual([
      {
        row: 4,
        message: 'điểm tối đa của "1.2" viết bằng chữ ("hai điểm"); hãy ghi bằng số, ví dụ 2 hoặc 0,5',
        messageEn: 'the maximum of "1.2" is written in words ("hai điểm"); write a number such as 2 or 0.5',
      },
    ]);
  });

  it('other unreadable or missing maxima, names and numbers', () => {
    expect(problems(imp([H, ['1', 'A', 2], ['1.1', 'B', null], ['1.2', null, 1], ['1.3', 'C', '1/2'], ['x1', 'D', 1], ['2025-01-01', 'E', 1]]))).toEqual([
      { row: 3, message: 'thiếu điểm tối đa của "1.1"', messageEn: '"1.1": the maximum is missing' },
      { row: 4, message: 'dòng có số thứ tự "1.2" nhưng không có tên tiêu chí', messageEn: 'row numbered "1.2" has no criterion name' },
      { row: 5, message: 'không đọc được điểm tối đa của "1.3": "1/2" (cần một số, ví dụ 2 hoặc 0,5)', messageEn: 'cannot read the maximum of "1.3": "1/2" (a number such as 2 or 0.5 is needed)' },
      { row: 6, message: 'không hiểu số thứ tự "x1" (cần I, II…; 1, 1.1, 1.1.1…; hoặc a), b)…)', messageEn: 'cannot read the numbering "x1" (expected I, II…; 1, 1.1, 1.1.1…; or a), b)…)' },
      {
        row: 7,
        message:
          'không hiểu số thứ tự "2025-01-01" (cần I, II…; 1, 1.1, 1.1.1…; hoặc a), b)…); Excel đã đổi số thứ tự thành ngày — hãy định dạng cột STT là Văn bản (Text) rồi dán lại',
        messageEn: 'cannot read the numbering "2025-01-01" (expected I, II…; 1, 1.1, 1.1.1…; or a), b)…); Excel turned it into a date',
      },
    ]);
  });

  it('a number without its parent row', () => {
    expect(problems(imp([H, ['1', 'A', 1], ['1.1', 'B', 1], ['2.1', 'C', 1]]))).toEqual([
      { row: 4, message: 'không có dòng "2" ở phía trên để làm tiêu chí cha của "2.1"', messageEn: 'no row "2" above to be the parent of "2.1"' },
    ]);
  });

  it('options: above the leaf maximum, under a parent, repeated, or without points', () => {
    expect(problems(imp([H, ['1', 'A', 1], [null, 'Đạt: 2 điểm'], [null, 'Không đạt: 0 điểm']]))).toEqual([
      { row: 3, message: 'mức "Đạt" có 2 điểm, vượt điểm tối đa 1', messageEn: 'option "Đạt" is worth more than the maximum' },
    ]);
    expect(problems(imp([H, ['1', 'A', 1], [null, 'Đạt: 1 điểm'], ['1.1', 'B', 1]]))).toEqual([
      {
        row: 3,
        message: 'mức chấm "Đạt" nằm dưới "1", nhưng "1" có tiêu chí con ("1.1", dòng 4); chỉ tiêu chí không có tiêu chí con mới có mức chấm',
        messageEn: 'option "Đạt" is under "1", which has sub-criteria',
      },
    ]);
    expect(problems(imp([H, ['1', 'A', 1], [null, 'Đạt: 1 điểm'], [null, 'Đạt: 0 điểm']]))).toEqual([
      { row: 4, message: 'mức "Đạt" bị trùng (dòng 3)', messageEn: 'duplicate option "Đạt"' },
    ]);
    expect(problems(imp([H, ['1', 'A', 1], [null, 'Đạt: 1 điểm'], [null, 'Không đạt']]))).toEqual([
      { row: 4, message: 'không đọc được điểm của mức chấm "Không đạt" (ghi như "Ban hành kịp thời: 1 điểm")', messageEn: 'no points found in option "Không đạt"' },
    ]);
  });

  it('a declared total that is not the sum of the fields', () => {
    expect(problems(imp([H, ['I', 'A', 2], ['II', 'B', 1], [null, 'TỔNG CỘNG', 100]]))).toEqual([
      { row: 4, message: 'dòng tổng cộng: tổng điểm tối đa các lĩnh vực là 3, không phải 100', messageEn: 'total row: fields add up to 3, not 100' },
    ]);
  });

  it('every problem at once, in row order', () => {
    const found = problems(imp([H, ['1', 'A', 5], ['1.1', 'B', 2], ['1.2', 'C', 2], ['2', 'D', 'ba'], ['2.1', 'E', 1], ['2.1', 'F', 1]]));
    expect(found.map((p) => p.row)).toEqual([2, 5, 7]);
  });

  it('no header, no criteria', () => {
    expect(problems(imp([['Tên', 'Số'], ['A', 1]]))).toEqual([
      {
        row: null,
        message: 'không tìm thấy dòng tiêu đề của bảng (cần các cột "STT", "Lĩnh vực/Tiêu chí" và "Điểm tối đa")',
        messageEn: 'no header row found (the table needs "STT", criterion and "Điểm tối đa" columns)',
      },
    ]);
    expect(problems(imp([H, [], [null, 'Ghi chú']]))).toEqual([
      { row: null, message: 'bảng không có dòng tiêu chí nào (dòng có số thứ tự) dưới dòng tiêu đề 1', messageEn: 'the table has no numbered rows under its header' },
    ]);
  });

  it('row numbers follow the sheet when the grid is a selection starting lower down', () => {
    const result = importCriteriaSet(sheetOf([H, ['1', 'A', 3], ['1.1', 'B', 1]]), { ...META, firstRow: 10 });
    expect(problems(result)).toEqual([expect.objectContaining({ row: 11 })]);
  });
});

describe('output', () => {
  it('is a valid criteria set that the core loader accepts as is', () => {
    const items: CriterionData[] = camauItems(10);
    const r = ok(importCriteriaSet(renderAnnex(items, { totalRow: true }).sheet, { ...META, version: '2026-1' }));
    expect(loadCriteriaSet(r.set).totalMax).toBe(10);
    expect(r.set.version).toBe('2026-1');
    expect(r.set.totalMax).toBe(10);
  });
});
