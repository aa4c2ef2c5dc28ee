/**
 * The worksheet reader on markup written by hand: the forms the fast paths do not take
 * (prefixes, other attribute orders, CDATA, comments, shared formulas, cells without an
 * address) must give the same grid as the plain form, and one file's formulas never
 * leak into another's.
 */
import { ReadLimits } from '../../src/workbook/xlsx/read-limits';
import { readSheetXml } from '../../src/workbook/xlsx/sheet-xml';
import { UnreadableWorkbookError } from '../../src/workbook/xlsx/unreadable';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function read(sheetData: string, options: { sharedStrings?: string[]; sheet?: string; wrapper?: (data: string) => string } = {}) {
  const xml = options.wrapper ? options.wrapper(sheetData) : `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`;
  const ctx = new ReadLimits(options.sharedStrings ?? [], new Set([7]), false, 'thu.xlsx');
  return readSheetXml(Buffer.from(xml, 'utf8'), ctx);
}

describe('reading a worksheet part', () => {
  test('the plain form: shared strings, numbers, formulas with their cached values, booleans, errors, dates', () => {
    const grid = read(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>25.5</v></c><c r="C1"><f>SUM(B1:B3)&gt;0</f><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2" s="7"><v>45838</v></c><c r="D2" t="str"><f>IF(B1&gt;0,"Tốt","")</f><v>Tốt</v></c></row>',
      { sharedStrings: ['Mã'] },
    );
    expect(grid.values).toEqual([
      ['Mã', 25.5, 1],
      [true, { error: '#DIV/0!' }, '2025-06-30', 'Tốt'],
    ]);
    expect(grid.formulas).toEqual([
      [null, null, 'SUM(B1:B3)>0'],
      [null, null, null, 'IF(B1>0,"Tốt","")'],
    ]);
    expect(grid.cells).toBe(7);
  });

  test('prefixed tags, other attribute orders and quotes, spaces, and a BOM read the same', () => {
    const plain = read('<row r="3"><c r="B3" s="2" t="s"><v>0</v></c><c r="C3"><f>B3&amp;"x"</f><v>3</v></c></row>', { sharedStrings: ['Điểm'] });
    const odd = read(
      "<x:row spans='1:3' r='3'><x:c t='s' s=\"2\" r='B3'><x:v>0</x:v></x:c><x:c  r = \"C3\" ><x:f>B3&amp;\"x\"</x:f><x:v>3</x:v></x:c></x:row>",
      { sharedStrings: ['Điểm'], wrapper: (d) => `\ufeff<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${d}</x:sheetData></x:worksheet>` },
    );
    expect(odd.values).toEqual(plain.values);
    expect(odd.formulas).toEqual(plain.formulas);
    expect(plain.formulas[2][2]).toBe('B3&"x"');
  });

  test('CDATA and comments inside text are text; phonetic runs are left out of inline strings', () => {
    const grid = read(
      '<row r="1">' +
        '<c r="A1" t="inlineStr"><is><t><![CDATA[a<b & "c"]]></t></is></c>' +
        '<c r="B1"><f><![CDATA[IF(A1<2,"x","")]]></f><v>1<!-- giữa -->2</v></c>' +
        '<c r="C1" t="inlineStr"><is><r><t>Sở </t></r><r><t>Nội vụ</t></r><rPh sb="0" eb="1"><t>ソ</t></rPh></is></c>' +
        '</row>',
    );
    expect(grid.values[0]).toEqual(['a<b & "c"', 12, 'Sở Nội vụ']);
    expect(grid.formulas[0][1]).toBe('IF(A1<2,"x","")');
  });

  test('a cell without an address follows the one before it, even an empty styled one', () => {
    const grid = read('<row r="4"><c r="B4" s="1"/><c><v>5</v></c><c t="s"><v>0</v></c></row><row><c><v>9</v></c></row>', { sharedStrings: ['x'] });
    expect(grid.values[3]).toEqual([null, null, 5, 'x']);
    expect(grid.values[4]).toEqual([9]);
  });

  test('shared formulas are expanded from their master for each dependent cell', () => {
    const grid = read(
      '<row r="8"><c r="E8"><f t="shared" ref="E8:E10" si="0">C8-D8</f><v>1</v></c></row>' +
        '<row r="9"><c r="E9"><f t="shared" si="0"/><v>2</v></c></row>' +
        '<row r="10"><c r="E10"><f t="shared" si="0"/><v>3</v></c><c r="F10"><f t="shared" si="4"/></c></row>',
    );
    expect([grid.formulas[7][4], grid.formulas[8][4], grid.formulas[9][4]]).toEqual(['C8-D8', 'C9-D9', 'C10-D10']);
    expect(grid.formulas[9][5]).toBe('#SHARED(4)');
  });

  test('formulas remembered from the previous file of the same sheet never replace what this file says', () => {
    const first = read('<row r="1"><c r="A1"><f>SUM(B1:B9)</f></c><c r="B1"><f>"Đạt"</f></c></row>', { sheet: 'Chấm điểm' });
    const second = read('<row r="1"><c r="A1"><f>SUM(B1:B8)</f></c><c r="B1"><f>"Đạt"</f></c></row>', { sheet: 'Chấm điểm' });
    const third = read('<row r="1"><c r="A1"><f>SUM(B1:B9)</f></c><c r="B1"><f>"Không đạt"</f></c></row>', { sheet: 'Chấm điểm' });
    expect(first.formulas[0]).toEqual(['SUM(B1:B9)', '"Đạt"']);
    expect(second.formulas[0]).toEqual(['SUM(B1:B8)', '"Đạt"']);
    expect(third.formulas[0]).toEqual(['SUM(B1:B9)', '"Không đạt"']);
  });

  test('markup outside <sheetData> and unknown elements are ignored; a part cut short keeps what came before', () => {
    const grid = read('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><extLst><ext><v>99</v></ext></extLst><v>2</v></c></row><row r="2"><c r="A2"><v>3', {
      wrapper: (d) => `<worksheet ${NS}><sheetViews><c r="Z9"><v>7</v></c></sheetViews><sheetData>${d}`,
    });
    expect(grid.values[0][0]).toBe(1);
    expect(grid.values).toHaveLength(1);
  });

  test('a "</sheetData>" that is not the end of the cells (comment, CDATA, attribute, before the cells) does not cut them short', () => {
    const after = '<row r="2"><c r="A2"><v>2</v></c><c r="B2" t="s"><v>0</v></c></row>';
    const expected = [[1], [2, 'Mã']];
    const cases: [string, string, ((d: string) => string)?][] = [
      ['comment among the rows', `<row r="1"><c r="A1"><v>1</v></c></row><!-- </sheetData> -->${after}`],
      ['attribute value', `<row r="1"><c r="A1" x="</sheetData>"><v>1</v></c></row>${after}`],
      ['comment before <sheetData>', `<row r="1"><c r="A1"><v>1</v></c></row>${after}`, (d) => `<worksheet ${NS}><!-- </sheetData> --><sheetData>${d}</sheetData></worksheet>`],
      ['stray end tag before <sheetData>', `<row r="1"><c r="A1"><v>1</v></c></row>${after}`, (d) => `<worksheet ${NS}></sheetData><sheetData>${d}</sheetData></worksheet>`],
      [
        'prefixed end tag, with a comment naming the unprefixed one among the rows',
        `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><!-- </sheetData> -->${after.replaceAll('<', '<x:').replaceAll('<x:/', '</x:')}`,
        (d) => `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${d}</x:sheetData><!-- </sheetData> --></x:worksheet>`,
      ],
    ];
    for (const [what, data, wrapper] of cases) {
      const grid = read(data, { sharedStrings: ['Mã'], wrapper });
      expect({ what, values: grid.values }).toEqual({ what, values: expected });
    }
    const inText = read(`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a</sheetData>b]]></t></is></c></row>${after}`, { sharedStrings: ['Mã'] });
    expect(inText.values).toEqual([['a</sheetData>b'], [2, 'Mã']]);
    // After the real end, nothing is read: not a cell-like element, not a second <sheetData>.
    const tail = read(`<row r="1"><c r="A1"><v>1</v></c></row>`, {
      wrapper: (d) => `<worksheet ${NS}><sheetData>${d}</sheetData><dataValidations><c r="Z9"><v>7</v></c></dataValidations><sheetData>${after}</sheetData></worksheet>`,
    });
    expect(tail.values).toEqual([[1]]);
  });

  test('a broken address or row number refuses the file as corrupt, naming what it found', () => {
    for (const [data, shown] of [
      ['<row r="1"><c r="A0"><v>1</v></c></row>', 'A0'],
      ['<row r="1"><c r="ABCD1"><v>1</v></c></row>', 'ABCD1'],
      ['<row r="x1"><c><v>1</v></c></row>', 'x1'],
    ]) {
      let error: unknown = null;
      try {
        read(data);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnreadableWorkbookError);
      expect((error as UnreadableWorkbookError).reason).toBe('corrupt');
      expect((error as Error).message).toContain(shown);
    }
  });
});
