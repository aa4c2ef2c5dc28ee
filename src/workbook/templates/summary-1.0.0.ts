/**
 * "Tổng hợp" as template 1.0.0 wrote it: ten columns, the typed field target in column D,
 * the maximum a live copy of the applicable one. Kept only so files made with that template
 * are read (targets from their own column) and checked against the formulas they were
 * given; new files get summary-sheet.ts. Styles, rules and the chart are left out: reading
 * and checking look at labels, values and formulas only.
 */
import type { CriteriaSet } from '../../domain';
import { a1, rangeA1, sheetRef } from '../a1';
import { statusFormula } from '../formulas';
import { COL, HEAD, SHEETS, SUMMARY } from '../layout';
import type { WorkbookOptions } from '../options';
import type { ScoringSheetLayout } from '../scoring-sheet';
import type { CellLiteral, CellSpec, SheetSpec } from '../spec';

export const SUMMARY_COLUMNS_1_0_0 = ['code', 'name', 'maxScore', 'target', 'targetRate', 'score', 'scoreRate', 'completion', 'gapToTarget', 'status'] as const;

type Key = (typeof SUMMARY_COLUMNS_1_0_0)[number];
const SUMMARY_COL_1_0_0 = Object.fromEntries(SUMMARY_COLUMNS_1_0_0.map((k, i) => [k, i + 1])) as Record<Key, number>;

const HEADERS: Record<Key, string> = {
  code: 'STT',
  name: 'Chỉ số thành phần (lĩnh vực)',
  maxScore: 'Điểm tối đa',
  target: 'Mục tiêu điểm',
  targetRate: 'Tỷ lệ mục tiêu',
  score: 'Điểm đạt',
  scoreRate: 'Tỷ lệ đạt',
  completion: 'Hoàn thành mục tiêu',
  gapToTarget: 'Chênh lệch so mục tiêu',
  status: 'Đánh giá',
};

export function buildSummarySheet1_0_0(set: CriteriaSet, options: WorkbookOptions, scoring: ScoringSheetLayout): SheetSpec {
  const cells: CellSpec[] = [];
  const put = (row: number, col: number, content: { value?: CellLiteral; formula?: string }) => cells.push({ row, col, ...content });
  const near = options.nearBand ?? 0.9;
  const scoringCell = (code: string, key: keyof typeof COL) => sheetRef(SHEETS.scoring, a1(scoring.rowOf.get(code)!, COL[key]));
  const c = (row: number, key: Key) => a1(row, SUMMARY_COL_1_0_0[key]);
  const rowOf = (i: number) => SUMMARY.firstField + i;

  put(1, 1, { value: `TỔNG HỢP MỤC TIÊU VÀ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${options.year ?? set.year}` });
  put(2, 1, { formula: `"Đơn vị: "&${sheetRef(SHEETS.scoring, a1(HEAD.unit.row, HEAD.unit.col, true))}` });
  SUMMARY_COLUMNS_1_0_0.forEach((key, i) => put(SUMMARY.header, i + 1, { value: HEADERS[key] }));

  const entries = options.values?.entries ?? {};
  set.items.forEach((field, i) => {
    const row = rowOf(i);
    put(row, SUMMARY_COL_1_0_0.code, { value: field.code });
    put(row, SUMMARY_COL_1_0_0.name, { value: field.name });
    put(row, SUMMARY_COL_1_0_0.maxScore, { formula: scoringCell(field.code, 'applicableMax') });
    const typed = entries[field.code]?.target;
    put(row, SUMMARY_COL_1_0_0.target, { value: typed === undefined ? null : (typed as CellLiteral) });
    const effective = scoringCell(field.code, 'target');
    put(row, SUMMARY_COL_1_0_0.targetRate, { formula: `IF(${effective}="","",IFERROR(${effective}/${c(row, 'maxScore')},""))` });
    put(row, SUMMARY_COL_1_0_0.score, { formula: `IF(${scoringCell(field.code, 'score')}="","",${scoringCell(field.code, 'score')})` });
    addRates(row, effective);
  });
  const total = rowOf(set.items.length);
  const col = (key: Key) => rangeA1(SUMMARY.firstField, SUMMARY_COL_1_0_0[key], total - 1, SUMMARY_COL_1_0_0[key]);
  put(total, SUMMARY_COL_1_0_0.code, { value: null });
  put(total, SUMMARY_COL_1_0_0.name, { value: 'Tổng cộng' });
  put(total, SUMMARY_COL_1_0_0.maxScore, { formula: `SUM(${col('maxScore')})` });
  const totalTarget = sheetRef(SHEETS.scoring, a1(scoring.totalRow, COL.target));
  put(total, SUMMARY_COL_1_0_0.target, { formula: `IF(${totalTarget}="","",${totalTarget})` });
  put(total, SUMMARY_COL_1_0_0.targetRate, { formula: `IF(${c(total, 'target')}="","",IFERROR(${c(total, 'target')}/${c(total, 'maxScore')},""))` });
  put(total, SUMMARY_COL_1_0_0.score, { formula: `IF(COUNT(${col('score')})=0,"",SUM(${col('score')}))` });
  addRates(total, c(total, 'target'));

  function addRates(row: number, target: string) {
    const [score, max] = [c(row, 'score'), c(row, 'maxScore')];
    put(row, SUMMARY_COL_1_0_0.scoreRate, { formula: `IF(${score}="","",IFERROR(${score}/${max},""))` });
    put(row, SUMMARY_COL_1_0_0.completion, { formula: `IF(OR(${target}="",${score}=""),"",IFERROR(${score}/${target},""))` });
    put(row, SUMMARY_COL_1_0_0.gapToTarget, { formula: `IF(OR(${target}="",${score}=""),"",ROUND(${target}-${score},3))` });
    put(row, SUMMARY_COL_1_0_0.status, { formula: statusFormula(target, score, near) });
  }

  const lastCol = SUMMARY_COLUMNS_1_0_0.length;
  return {
    name: SHEETS.summary,
    state: 'visible',
    columns: [],
    rows: [],
    cells,
    merges: [rangeA1(1, 1, 1, lastCol), rangeA1(2, 1, 2, lastCol)],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}
