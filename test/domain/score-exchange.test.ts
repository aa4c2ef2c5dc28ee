import fc from 'fast-check';
import { computeTotals, exportScores, importScores, parseCsv, scoreRowsFromCsv, scoreRowsFromJson, scoresToCsv, writeCsv, type Assessment } from '../../src/domain';
import { minhHoa, typedAssessment } from '../helpers/filled-workbook';

describe('CSV', () => {
  it('reads what it writes, whatever the text: separators, quotes, line breaks, diacritics', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('15,3', 'a "b", c', 'dòng 1\r\ndòng 2', 'Tài liệu; số 5', ' lề '));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0].length;
        const table = [Array.from({ length: width }, (_, i) => `c${i}`), ...rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))];
        const back = parseCsv(writeCsv(table)).map((r) => r.cells);
        // A record of one empty cell is a blank line and is skipped.
        const expected = table.filter((r) => r.length > 1 || r[0].trim() !== '');
        expect(back).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('starts with a BOM for Excel and takes ";" from Vietnamese-locale Excel, with the line of each record', () => {
    expect(writeCsv([['a']]).charCodeAt(0)).toBe(0xfeff);
    const records = parseCsv('\ufeffcode;selfScore\r\n1.1.1;"0,5"\r\n\r\n1.1.2;1\r\n');
    expect(records).toEqual([
      { line: 1, cells: ['code', 'selfScore'] },
      { line: 2, cells: ['1.1.1', '0,5'] },
      { line: 4, cells: ['1.1.2', '1'] },
    ]);
  });
});

describe('exchange of scores with online systems', () => {
  const typed = typedAssessment();

  it('a round trip through CSV and JSON keeps every leaf value and every total', () => {
    const records = exportScores(minhHoa, typed);
    expect(records.map((r) => r.code)).toEqual(minhHoa.leaves.map((l) => l.code));
    for (const rows of [scoreRowsFromCsv(scoresToCsv(records)), scoreRowsFromJson(JSON.parse(JSON.stringify({ rows: records })))]) {
      const back = importScores(minhHoa, { entries: {} }, rows);
      expect(back.rejected).toEqual([]);
      expect(back.applied).toBe(minhHoa.leaves.length);
      for (const leaf of minhHoa.leaves) {
        const before = typed.entries[leaf.code] ?? {};
        const after = back.assessment.entries[leaf.code] ?? {};
        for (const field of ['selfScore', 'appraisedScore', 'evidence', 'explanation', 'appraisalNote'] as const) expect([leaf.code, field, after[field]]).toEqual([leaf.code, field, before[field]]);
        expect(after.notApplicable === true).toBe(before.notApplicable === true);
      }
      for (const basis of ['self', 'appraised', 'final'] as const) {
        expect(computeTotals(minhHoa, back.assessment, basis).total).toEqual(computeTotals(minhHoa, leavesOnly(typed), basis).total);
      }
    }
  });

  it('text that would start a formula in Excel is kept as text in the CSV and comes back unchanged', () => {
    const evil: Assessment = { entries: { '1.1.1': { selfScore: 0.5, evidence: '=HYPERLINK("http://x","y")', explanation: '-5 điểm' } } };
    const csv = scoresToCsv(exportScores(minhHoa, evil));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const back = importScores(minhHoa, { entries: {} }, scoreRowsFromCsv(csv));
    expect(back.assessment.entries['1.1.1'].evidence).toBe('=HYPERLINK("http://x","y")');
    expect(back.assessment.entries['1.1.1'].explanation).toBe('-5 điểm');
  });

  it('refuses bad rows whole, by the rules of typing, naming the line; changes nothing else', () => {
    const base: Assessment = { entries: { '1.1.1': { selfScore: 0.5, evidence: 'QĐ 1' }, '1.1.3': { selfScore: 1, evidence: 'KH 2' } } };
    const csv = [
      'code,maxScore,selfScore,notApplicable,evidence',
      '1.1.2,0.5,"0,5",,Báo cáo 3', // good: "0,5" is a number
      '1.1.1,0.5,0.75,,', // above the maximum
      '1.2.2,1,1,,', // a council row: not the unit's to score
      '1.1.3,2,1,,', // maximum of another version
      '1.3.2,1,0.3,,', // not one of the allowed outcomes of an options row
      '9.9,1,1,,', // not in the set
      '1,,5,,', // a field: takes only a target
      '1.3.1,0.5,,có,', // not a mark
      '1.4.1,0.5,,x,', // "x" where the set does not allow it
      '1.1.2,0.5,0,,', // the same code twice
    ].join('\n');
    const result = importScores(minhHoa, base, scoreRowsFromCsv(csv));
    expect(result.applied).toBe(1);
    expect(result.assessment.entries['1.1.2']).toEqual({ selfScore: 0.5, notApplicable: false, evidence: 'Báo cáo 3' });
    expect(result.assessment.entries['1.1.1']).toEqual(base.entries['1.1.1']);
    expect(result.assessment.entries['1.1.3']).toEqual(base.entries['1.1.3']);
    expect(result.rejected.map((r) => [r.at, r.code])).toEqual([
      ['dòng 3', '1.1.1'],
      ['dòng 4', '1.2.2'],
      ['dòng 5', '1.1.3'],
      ['dòng 6', '1.3.2'],
      ['dòng 7', '9.9'],
      ['dòng 8', '1'],
      ['dòng 9', '1.3.1'],
      ['dòng 10', '1.4.1'],
      ['dòng 11', '1.1.2'],
    ]);
    const text = result.rejected.map((r) => r.messages.join(' ')).join('\n');
    expect(text).toMatch(/vượt điểm tối đa 0,5/);
    expect(text).toMatch(/Hội đồng thẩm định/);
    expect(text).toMatch(/tệp được lập cho bộ tiêu chí khác/);
    expect(text).toMatch(/không thuộc các mức được chấm/);
    expect(text).toMatch(/không có trong bộ tiêu chí minh-hoa-3-cap/);
    expect(text).toMatch(/chỉ nhận mục tiêu/);
    expect(text).toMatch(/"có"/);
    expect(text).toMatch(/Không đánh giá/);
    expect(text).toMatch(/mã "1.1.2" đã có ở dòng 2/);
  });

  it('a header it does not know is refused before any row is read', () => {
    expect(() => scoreRowsFromCsv('ma,diem\n1.1.1,0.5\n')).toThrow(/cột "ma", "diem"/);
  });
});

/** What the exchange carries: leaf values (targets of parents stay in the workbook). */
function leavesOnly(assessment: Assessment): Assessment {
  const leaves = new Set(minhHoa.leaves.map((l) => l.code));
  return { entries: Object.fromEntries(Object.entries(assessment.entries).filter(([code]) => leaves.has(code))) };
}
