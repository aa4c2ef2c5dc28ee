/**
 * The head block as template 1.0.0 wrote it (two rows: self and appraised, each with a
 * band of its own). Kept only so files made with that template are checked against the
 * formulas they were given; new files get result-head.ts.
 */
import { a1, rangeA1 } from '../a1';
import { bandFormula1_0_0, ref } from '../formulas';
import { COL, ROWS, type ScoringColumnKey } from '../layout';
import type { CriteriaSet } from '../../domain';
import type { HeadBlock } from '../result-head';
import { STYLE } from '../styles';

const HEAD_1_0_0 = {
  selfTotal: { row: ROWS.selfSummary, col: 5 },
  selfIndex: { row: ROWS.selfSummary, col: 9 },
  selfBand: { row: ROWS.selfSummary, col: 12 },
  appraisedTotal: { row: ROWS.appraisedSummary, col: 5 },
  appraisedIndex: { row: ROWS.appraisedSummary, col: 9 },
  appraisedBand: { row: ROWS.appraisedSummary, col: 12 },
} as const;

export function headBlock1_0_0(set: CriteriaSet, totalRow: number): HeadBlock {
  const cells: HeadBlock['cells'] = [];
  const summary = (row: number, label: string, key: 'selfScore' | 'appraisedScore') => {
    const self = key === 'selfScore';
    const total = self ? HEAD_1_0_0.selfTotal : HEAD_1_0_0.appraisedTotal;
    const index = self ? HEAD_1_0_0.selfIndex : HEAD_1_0_0.appraisedIndex;
    const band = self ? HEAD_1_0_0.selfBand : HEAD_1_0_0.appraisedBand;
    const column = (k: ScoringColumnKey) => rangeA1(ROWS.firstItem, COL[k], totalRow - 1, COL[k]);
    const scored = `SUMPRODUCT((LEFT(${column('flags')},1)="L")*ISNUMBER(${column(key)})*(${column('applicableMax')}>0))`;
    cells.push({ row, col: 1, value: `Tổng điểm ${label}:`, style: STYLE.label });
    cells.push({ row: total.row, col: total.col, formula: `IF(${scored}=0,"",${ref(totalRow, key)})`, style: STYLE.headValue });
    cells.push({ row, col: 6, value: `Chỉ số ${label}:`, style: STYLE.label });
    cells.push({ row: index.row, col: index.col, formula: `IF(${a1(total.row, total.col)}="","",IFERROR(${a1(total.row, total.col)}/${ref(totalRow, 'applicableMax')},""))`, style: STYLE.headRate });
    cells.push({ row, col: 10, value: 'Xếp loại:', style: STYLE.label });
    cells.push({ row: band.row, col: band.col, formula: bandFormula1_0_0(a1(index.row, index.col), set.bands), style: STYLE.headValue });
  };
  summary(ROWS.selfSummary, 'tự đánh giá', 'selfScore');
  summary(ROWS.appraisedSummary, 'thẩm định', 'appraisedScore');
  return {
    cells,
    merges: [
      rangeA1(ROWS.selfSummary, 1, ROWS.selfSummary, 4),
      rangeA1(ROWS.appraisedSummary, 1, ROWS.appraisedSummary, 4),
      rangeA1(ROWS.selfSummary, 6, ROWS.selfSummary, 8),
      rangeA1(ROWS.appraisedSummary, 6, ROWS.appraisedSummary, 8),
    ],
  };
}
