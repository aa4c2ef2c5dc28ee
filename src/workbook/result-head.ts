/**
 * The head block of "Chấm điểm": the result as domain/result.ts defines it, in live
 * formulas (Excel 2010 functions only) over the table's hidden row kinds (column T):
 * self (points, maximum, index), appraised (the same), and the final result — points,
 * applicable maximum, index, band on the published index, and whether it is provisional.
 * Points are rounded to thousandths, as the engine adds them.
 */
import { NO_BAND, PROVISIONAL, type CriteriaSet } from '../domain';
import { a1, rangeA1 } from './a1';
import { bandFormula, escapeText, ref } from './formulas';
import { COL, HEAD, ROWS, type ScoringColumnKey } from './layout';
import type { CellSpec } from './spec';
import { STYLE } from './styles';

export interface HeadBlock {
  cells: CellSpec[];
  merges: string[];
}

export function resultHead(set: CriteriaSet, totalRow: number): HeadBlock {
  const column = (key: ScoringColumnKey) => rangeA1(ROWS.firstItem, COL[key], totalRow - 1, COL[key]);
  const [flags, applicable, self, appraised, score] = [column('flags'), column('applicableMax'), column('selfScore'), column('appraisedScore'), column('score')];
  /** 1 on the applicable leaves scored by any of these (S self · C council · V survey), else 0. */
  const leaves = (...kinds: Array<'S' | 'C' | 'V'>) => {
    const kind = kinds.map((k) => `(LEFT(${flags},2)="L${k}")`).join('+');
    return `(${kinds.length > 1 ? `(${kind})` : kind}*(${applicable}>0))`;
  };
  const maxOf = (kinds: Array<'S' | 'C' | 'V'>) => `ROUND(SUMPRODUCT(${leaves(...kinds)}*${applicable}),3)`;
  // Blank until one of the figure's leaves is scored, like the engine's null.
  const pointsOf = (kinds: Array<'S' | 'C' | 'V'>, values: string) =>
    `IF(SUMPRODUCT(${leaves(...kinds)}*ISNUMBER(${values}))=0,"",ROUND(SUMPRODUCT(${leaves(...kinds)},${values}),3))`;
  const at = (cell: { row: number; col: number }) => a1(cell.row, cell.col);
  const indexOf = (points: { row: number; col: number }, max: { row: number; col: number }) =>
    `IF(ISNUMBER(${at(points)}),IF(${at(max)}>0,${at(points)}/${at(max)},""),"")`;

  const cells: CellSpec[] = [];
  const label = (row: number, col: number, value: string) => cells.push({ row, col, value, style: STYLE.label });
  // Points, "/ maximum" and the rate side by side in narrow columns: the maximum's "/ " is
  // its number format, so the cell stays a number for formulas and tools.
  const figure = (row: number, name: string, points: string, max: string, keys: { total: Cell; max: Cell; index: Cell }) => {
    label(row, 1, `${name} (điểm / tối đa áp dụng / tỷ lệ):`);
    cells.push({ ...keys.total, formula: points, style: STYLE.headValue });
    cells.push({ ...keys.max, formula: max, style: STYLE.headMax });
    cells.push({ ...keys.index, formula: indexOf(keys.total, keys.max), style: STYLE.headRate });
  };
  figure(ROWS.selfSummary, 'Tự đánh giá', pointsOf(['S'], self), maxOf(['S']), { total: HEAD.selfTotal, max: HEAD.selfMax, index: HEAD.selfIndex });
  figure(ROWS.appraisedSummary, 'Thẩm định', pointsOf(['S', 'C'], score), maxOf(['S', 'C']), {
    total: HEAD.appraisedTotal,
    max: HEAD.appraisedMax,
    index: HEAD.appraisedIndex,
  });
  // The final figure is the table's own total row: every applicable leaf's Điểm đạt.
  const total = ref(totalRow, 'score');
  figure(ROWS.finalSummary, 'Điểm đạt, chỉ số', `IF(ISNUMBER(${total}),ROUND(${total},3),"")`, `ROUND(${ref(totalRow, 'applicableMax')},3)`, {
    total: HEAD.finalTotal,
    max: HEAD.finalMax,
    index: HEAD.finalIndex,
  });
  cells.push({ ...HEAD.finalBand, formula: bandFormula(at(HEAD.finalIndex), set.bands), style: STYLE.headBand });
  // Provisional while a survey or council leaf has no score yet: TRUE/FALSE for formulas and
  // tools, in the hidden column.
  cells.push({ ...HEAD.finalProvisional, formula: `SUMPRODUCT(${leaves('C', 'V')}*(1-ISNUMBER(${appraised})))>0` });
  // Beside the band for people. Left-aligned: LibreOffice draws an invisible "###" for the
  // hidden flag where the hidden columns fold, at the right edge of this cell.
  cells.push({
    ...HEAD.finalProvisionalNote,
    formula: `IF(AND(${at(HEAD.finalProvisional)},ISNUMBER(${at(HEAD.finalIndex)})),"(${escapeText(PROVISIONAL.vi)})","")`,
    style: { ...STYLE.label, horizontal: 'left' },
  });
  return {
    cells,
    merges: [ROWS.selfSummary, ROWS.appraisedSummary, ROWS.finalSummary].map((row) => rangeA1(row, 1, row, 2)),
  };
}

type Cell = { row: number; col: number };

/** What the band cell shows when there is no band: the one "no band yet" text. */
export const NO_BAND_TEXT = NO_BAND.vi;
