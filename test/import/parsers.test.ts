import { findHeader, findTitle, yearInTitle } from '../../src/domain/import/header';
import { classifyLabel, splitLabelPrefix } from '../../src/domain/import/numbering';
import { parseMaxCell, parseOptionText } from '../../src/domain/import/options';
import { cellText, foldKey } from '../../src/domain/import/text';

describe('cell text normalisation', () => {
  it('NFC, spaces, line breaks, invisible marks', () => {
    expect(cellText('Cải\u00a0cách\u202fthủ\ttục  hành chính'.normalize('NFD'))).toBe('Cải cách thủ tục hành chính');
    expect(cellText('  Kế hoạch\r\n\r\nCCHC\u000bnăm\u2028 \u200b')).toBe('Kế hoạch\nCCHC\nnăm');
    expect(cellText('\ufeffBáo\u00adcáo')).toBe('Báocáo');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
    expect(cellText(null)).toBe('');
    expect(foldKey('ĐIỂM TỐI ĐA'.normalize('NFD'))).toBe('diem toi da');
    expect(foldKey('Lĩnh vực/Tiêu chí/Tiêu chí thành phần')).toBe('linh vuc tieu chi tieu chi thanh phan');
  });
});

describe('numbering labels', () => {
  it.each([
    ['I', { kind: 'roman', value: 1 }],
    ['II.', { kind: 'roman', value: 2 }],
    ['IV)', { kind: 'roman', value: 4 }],
    ['XIV', { kind: 'roman', value: 14 }],
    ['Lĩnh vực III', { kind: 'roman', value: 3 }],
    ['1', { kind: 'arabic', segments: [1] }],
    ['1.', { kind: 'arabic', segments: [1] }],
    ['2.10', { kind: 'arabic', segments: [2, 10] }],
    ['1.1.1.', { kind: 'arabic', segments: [1, 1, 1] }],
    ['1. 2', { kind: 'arabic', segments: [1, 2] }],
    ['3)', { kind: 'arabic', segments: [3] }],
    ['1.2*', { kind: 'arabic', segments: [1, 2] }],
    ['a)', { kind: 'letter', letter: 'a' }],
    ['b.', { kind: 'letter', letter: 'b' }],
    ['(c)', { kind: 'letter', letter: 'c' }],
    ['đ)', { kind: 'letter', letter: 'đ' }],
    ['i)', { kind: 'letter', letter: 'i' }],
    ['', { kind: 'none' }],
    ['-', { kind: 'none' }],
    ['+', { kind: 'none' }],
    ['•', { kind: 'none' }],
    ['IIII', { kind: 'unknown' }],
    ['1a', { kind: 'unknown' }],
    ['2025-01-01', { kind: 'unknown' }],
  ])('%j', (text, expected) => {
    expect(classifyLabel(text)).toMatchObject(expected);
  });

  it('a label printed at the start of a name needs a separator', () => {
    expect(splitLabelPrefix('I. CÔNG TÁC CHỈ ĐẠO')).toMatchObject({ label: { kind: 'roman', value: 1 }, rest: 'CÔNG TÁC CHỈ ĐẠO' });
    expect(splitLabelPrefix('1.1. Kế hoạch')).toMatchObject({ label: { kind: 'arabic', segments: [1, 1] }, rest: 'Kế hoạch' });
    expect(splitLabelPrefix('1.1 Kế hoạch')).toMatchObject({ label: { kind: 'arabic', segments: [1, 1] }, rest: 'Kế hoạch' });
    expect(splitLabelPrefix('2. Báo cáo')).toMatchObject({ label: { kind: 'arabic', segments: [2] }, rest: 'Báo cáo' });
    expect(splitLabelPrefix('a) Ban hành')).toMatchObject({ label: { kind: 'letter', letter: 'a' }, rest: 'Ban hành' });
    expect(splitLabelPrefix('Tiêu chí 1.2: Báo cáo')).toBeNull(); // "1.2:" is not "1.2 " or "1.2. "
    expect(splitLabelPrefix('5 năm liền')).toBeNull();
    expect(splitLabelPrefix('100% hồ sơ')).toBeNull();
    expect(splitLabelPrefix('Ban hành kế hoạch')).toBeNull();
  });
});

describe('maximum cells', () => {
  it.each([
    [2, 2],
    ['2', 2],
    ['0,5', 0.5],
    ['0.5', 0.5],
    ['0,5 điểm', 0.5],
    ['1 Điểm', 1],
    ['1đ', 1],
    ['2*', 2],
    ['2 điểm (*)', 2],
    ['1(1)', 1],
    ['3²', 3],
    ['\u00a01,25\u00a0', 1.25],
    ['1,5'.normalize('NFD') + ' điểm'.normalize('NFD'), 1.5],
  ])('%j → %d', (cell, value) => {
    expect(parseMaxCell(cell)).toEqual({ kind: 'number', value });
  });

  it('words, other text and empty cells', () => {
    expect(parseMaxCell('hai điểm')).toEqual({ kind: 'words', text: 'hai điểm' });
    expect(parseMaxCell('Hai mươi lăm')).toEqual({ kind: 'words', text: 'Hai mươi lăm' });
    expect(parseMaxCell('một điểm rưỡi')).toEqual({ kind: 'words', text: 'một điểm rưỡi' });
    expect(parseMaxCell('1/2')).toEqual({ kind: 'invalid', text: '1/2' });
    expect(parseMaxCell('1.000,5')).toEqual({ kind: 'invalid', text: '1.000,5' });
    expect(parseMaxCell('điểm')).toEqual({ kind: 'invalid', text: 'điểm' });
    expect(parseMaxCell(null)).toEqual({ kind: 'empty' });
    expect(parseMaxCell(' ')).toEqual({ kind: 'empty' });
  });
});

describe('option text', () => {
  it.each([
    ['Ban hành kịp thời: 1 điểm', 'Ban hành kịp thời', 1],
    ['- Ban hành không kịp thời: 0,5 điểm', 'Ban hành không kịp thời', 0.5],
    ['+ Không ban hành: 0 điểm.', 'Không ban hành', 0],
    ['Đạt 100%: điểm tối đa', 'Đạt 100%', 'max'],
    ['Hoàn thành: được điểm tối đa', 'Hoàn thành', 'max'],
    ['Trên 90%: 2', 'Trên 90%', 2],
    ['Từ 70% - 90%: 1 điểm', 'Từ 70% - 90%', 1],
    ['Từ 70% – 90% – 1 đ', 'Từ 70% – 90%', 1],
    ['Không đạt – 0 đ', 'Không đạt', 0],
    ['Đúng hạn (1 điểm)', 'Đúng hạn', 1],
    ['Đúng hạn = 0.5', 'Đúng hạn', 0.5],
    ['Ban hành kịp thời được 1 điểm', 'Ban hành kịp thời', 1],
    ['Chậm 0,25 điểm;', 'Chậm', 0.25],
    ['• Có: 1đ', 'Có', 1],
    ['Đạt yêu cầu: 1 điểm'.normalize('NFD'), 'Đạt yêu cầu', 1],
  ])('%j', (line, label, points) => {
    expect(parseOptionText(line)).toEqual({ label, points });
  });

  it.each(['Ban hành kế hoạch CCHC năm', 'Từ 70 - 90', 'Tỷ lệ 100%', 'Dưới 70% (1)', 'Kế hoạch (quý I, quý III, 6 tháng, năm)', ''])('%j is not an option', (line) => {
    expect(parseOptionText(line)).toBeNull();
  });
});

describe('header row', () => {
  const grid = (rows: unknown[][]) => ({ values: rows });

  it('whatever the wording and accents', () => {
    const variants: string[][] = [
      ['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa'],
      ['TT', 'NỘI DUNG', 'ĐIỂM TỐI ĐA'],
      ['Số thứ tự', 'Chỉ số/Chỉ số thành phần', 'Thang điểm'],
      ['Mã', 'Tên tiêu chí', 'Điểm chuẩn'],
      ['STT', 'Tiêu chí', 'Điểm'],
      ['STT'.normalize('NFD'), 'Lĩnh vực, tiêu chí'.normalize('NFD'), 'Điểm tối đa'.normalize('NFD')],
    ];
    for (const v of variants) {
      expect(findHeader(grid([['PHỤ LỤC'], [], v]))).toMatchObject({ firstRow: 2, lastRow: 2, spans: { stt: { from: 0, to: 1 }, name: { from: 1, to: 2 }, max: { from: 2, to: 3 } } });
    }
  });

  it('optional columns, merged cells, "Điểm" over "Tối đa", and a name-like result column', () => {
    const h = findHeader(
      grid([
        ['STT', 'Lĩnh vực/Tiêu chí', null, 'Điểm', null, 'Cách chấm điểm', 'Tài liệu kiểm chứng', 'Chỉ số', 'Ghi chú'],
        [null, null, null, 'Tối đa', 'Tự chấm', null, null, null, null],
      ]),
    );
    expect(h).toMatchObject({
      firstRow: 0,
      lastRow: 1,
      spans: {
        stt: { from: 0, to: 1 },
        name: { from: 1, to: 3 },
        max: { from: 3, to: 4 },
        method: { from: 5, to: 6 },
        evidence: { from: 6, to: 7 },
        note: { from: 8, to: 9 },
      },
    });
    expect(findHeader(grid([['STT', 'Tiêu chí', 'Điểm tự chấm']]))).toBeNull();
  });

  it('title and year above the header', () => {
    const g = grid([['PHỤ LỤC I'], ['BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC NĂM 2025'], ['(Kèm theo Quyết định số 608/QĐ-UBND ngày 02/4/2025)'], ['STT', 'Tiêu chí', 'Điểm tối đa']]);
    expect(findTitle(g)).toBe('BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC NĂM 2025');
    expect(findTitle(grid([['Phụ lục II'], ['STT', 'Tiêu chí', 'Điểm tối đa']]))).toBe('Phụ lục II');
    expect(yearInTitle('Chỉ số CCHC tỉnh Cà Mau (Quyết định 1880/QĐ-UBND năm 2013)')).toBe(2013);
    expect(yearInTitle('Bộ tiêu chí giai đoạn 2022-2030')).toBe(2030);
    expect(yearInTitle('Bộ tiêu chí 2024, áp dụng từ năm 2025')).toBe(2025);
    expect(yearInTitle('Bộ tiêu chí')).toBeNull();
  });
});
