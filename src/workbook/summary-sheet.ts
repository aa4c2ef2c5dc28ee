/**
 * "Tổng hợp": the plan table units print in their yearly plan, one row per field —
 * Điểm tối đa · Mục tiêu · Tỷ lệ mục tiêu · Điểm đạt · Tỷ lệ đạt · Hoàn thành · Chênh lệch.
 * Planners type field targets here; everything else is live from the scoring sheet.
 */
import { formatPoints, STATUS_LABELS, type CriteriaSet } from '../domain';
import { a1, rangeA1, sheetRef } from './a1';
import { statusFormula } from './formulas';
import { COL, HEAD, SHEETS, SUMMARY, SUMMARY_COL } from './layout';
import type { WorkbookOptions } from './options';
import type { ScoringSheetLayout } from './scoring-sheet';
import type { CellLiteral, CellSpec, ConditionalFormatSpec, SheetSpec, StyleSpec, ValidationSpec } from './spec';
import { HIGHLIGHT, STYLE } from './styles';

export function summaryRowOf(set: CriteriaSet, fieldCode: string): number {
  return SUMMARY.firstField + set.items.findIndex((f) => f.code === fieldCode);
}

export function summaryTotalRow(set: CriteriaSet): number {
  return SUMMARY.firstField + set.items.length;
}

export function summaryTargetCell(set: CriteriaSet, fieldCode: string): string {
  return a1(summaryRowOf(set, fieldCode), SUMMARY_COL.target);
}

const HEADERS: Record<(typeof SUMMARY.columns)[number], string> = {
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

export function buildSummarySheet(set: CriteriaSet, options: WorkbookOptions, scoring: ScoringSheetLayout): SheetSpec {
  const cells: CellSpec[] = [];
  const validations: ValidationSpec[] = [];
  const put = (row: number, col: number, content: { value?: CellLiteral; formula?: string }, style?: StyleSpec) =>
    cells.push({ row, col, ...content, ...(style ? { style } : {}) });
  const near = options.nearBand ?? 0.9;
  const scoringCell = (code: string, key: keyof typeof COL) => sheetRef(SHEETS.scoring, a1(scoring.rowOf.get(code)!, COL[key]));
  const c = (row: number, key: keyof typeof SUMMARY_COL) => a1(row, SUMMARY_COL[key]);

  put(1, 1, { value: `TỔNG HỢP MỤC TIÊU VÀ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${options.year ?? set.year}` }, STYLE.title);
  put(2, 1, { formula: `"Đơn vị: "&${sheetRef(SHEETS.scoring, a1(HEAD.unit.row, HEAD.unit.col, true))}` }, STYLE.subtitle);
  SUMMARY.columns.forEach((key, i) => put(SUMMARY.header, i + 1, { value: HEADERS[key] }, STYLE.header));

  const entries = options.values?.entries ?? {};
  for (const field of set.items) {
    const row = summaryRowOf(set, field.code);
    put(row, SUMMARY_COL.code, { value: field.code }, STYLE.code);
    put(row, SUMMARY_COL.name, { value: field.name }, STYLE.leaf);
    // The applicable maximum: a field the unit is not assessed on shrinks here too.
    put(row, SUMMARY_COL.maxScore, { formula: scoringCell(field.code, 'applicableMax') }, STYLE.number);
    const typed = entries[field.code]?.target;
    put(row, SUMMARY_COL.target, { value: typed === undefined ? null : (typed as CellLiteral) }, STYLE.input);
    validations.push({
      kind: 'decimal',
      range: c(row, 'target'),
      min: '0',
      // The field's full maximum, like the scoring sheet's rule (column C here is the applicable one).
      max: String(field.maxScore),
      prompt: { title: `Mục tiêu lĩnh vực ${field.code}`, message: `Số điểm phấn đấu đạt, từ 0 đến ${formatPoints(field.maxScore)}.` },
      error: { title: 'Mục tiêu không hợp lệ', message: `Mục tiêu của lĩnh vực ${field.code} phải là số từ 0 đến điểm tối đa ${formatPoints(field.maxScore)}.` },
    });
    // Rates use the field's target as the scoring sheet settles it: typed here, else the
    // sum of its criteria's targets, and none for a field the unit is not assessed on.
    const effective = scoringCell(field.code, 'target');
    put(row, SUMMARY_COL.targetRate, { formula: `IF(${effective}="","",IFERROR(${effective}/${c(row, 'maxScore')},""))` }, STYLE.rate);
    put(row, SUMMARY_COL.score, { formula: `IF(${scoringCell(field.code, 'score')}="","",${scoringCell(field.code, 'score')})` }, STYLE.number);
    addRates(row, effective);
  }
  const total = summaryTotalRow(set);
  const first = SUMMARY.firstField;
  const last = total - 1;
  const col = (key: keyof typeof SUMMARY_COL) => rangeA1(first, SUMMARY_COL[key], last, SUMMARY_COL[key]);
  put(total, SUMMARY_COL.code, { value: null }, STYLE.total);
  put(total, SUMMARY_COL.name, { value: 'Tổng cộng' }, STYLE.total);
  put(total, SUMMARY_COL.maxScore, { formula: `SUM(${col('maxScore')})` }, STYLE.total);
  // Like the engine: the overall target is known once every assessed field has one.
  const totalTarget = sheetRef(SHEETS.scoring, a1(scoring.totalRow, COL.target));
  put(total, SUMMARY_COL.target, { formula: `IF(${totalTarget}="","",${totalTarget})` }, STYLE.total);
  put(total, SUMMARY_COL.targetRate, { formula: `IF(${c(total, 'target')}="","",IFERROR(${c(total, 'target')}/${c(total, 'maxScore')},""))` }, STYLE.totalRate);
  put(total, SUMMARY_COL.score, { formula: `IF(COUNT(${col('score')})=0,"",SUM(${col('score')}))` }, STYLE.total);
  addRates(total, c(total, 'target'), true);

  function addRates(row: number, target: string, isTotal = false) {
    const [score, max] = [c(row, 'score'), c(row, 'maxScore')];
    put(row, SUMMARY_COL.scoreRate, { formula: `IF(${score}="","",IFERROR(${score}/${max},""))` }, isTotal ? STYLE.totalRate : STYLE.rate);
    put(row, SUMMARY_COL.completion, { formula: `IF(OR(${target}="",${score}=""),"",IFERROR(${score}/${target},""))` }, isTotal ? STYLE.totalRate : STYLE.rate);
    put(row, SUMMARY_COL.gapToTarget, { formula: `IF(OR(${target}="",${score}=""),"",ROUND(${target}-${score},3))` }, isTotal ? STYLE.total : STYLE.number);
    put(row, SUMMARY_COL.status, { formula: statusFormula(target, score, near) }, isTotal ? STYLE.total : STYLE.leaf);
  }

  const abs = (key: keyof typeof SUMMARY_COL) => `$${a1(first, SUMMARY_COL[key])}`;
  // The status words already settle met / near / below (with the field's effective
  // target), so the colours follow them rather than repeat the arithmetic.
  const status = abs('status');
  const statusRange = rangeA1(first, SUMMARY_COL.score, total, SUMMARY_COL.status);
  const typedTarget = a1(first, SUMMARY_COL.target);
  const conditionalFormats: ConditionalFormatSpec[] = [
    { range: statusRange, meaning: 'met-target', style: HIGHLIGHT.good, formula: `${status}="${STATUS_LABELS.met.vi}"` },
    { range: statusRange, meaning: 'near-target', style: HIGHLIGHT.near, formula: `${status}="${STATUS_LABELS.near.vi}"` },
    { range: statusRange, meaning: 'below-target', style: HIGHLIGHT.bad, formula: `${status}="${STATUS_LABELS.below.vi}"` },
    { range: col('target'), meaning: 'above-max', style: HIGHLIGHT.bad, formula: `AND(ISNUMBER(${typedTarget}),ROUND(${typedTarget},3)>ROUND(${abs('maxScore')},3))` },
    { range: col('target'), meaning: 'number-as-text', style: HIGHLIGHT.bad, formula: `AND(ISTEXT(${typedTarget}),LEN(${typedTarget})>0)` },
  ];

  return {
    name: SHEETS.summary,
    state: 'visible',
    tabColor: '548235',
    columns: [8, 46, 10, 10, 10, 10, 10, 12, 12, 16].map((width, i) => ({ col: i + 1, width })),
    rows: [{ row: SUMMARY.header, height: 36 }],
    cells,
    merges: [rangeA1(1, 1, 1, SUMMARY.columns.length), rangeA1(2, 1, 2, SUMMARY.columns.length)],
    freeze: { rows: SUMMARY.header, cols: 0 },
    validations,
    conditionalFormats,
    protection: { allowInsertRows: false, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: false },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, titleRows: `${SUMMARY.header}:${SUMMARY.header}` },
    charts: [
      {
        title: 'Tỷ lệ mục tiêu và tỷ lệ đạt theo lĩnh vực',
        kind: 'bar',
        categories: col('name'),
        series: [
          { name: 'Tỷ lệ mục tiêu', values: col('targetRate') },
          { name: 'Tỷ lệ đạt', values: col('scoreRate') },
        ],
        from: a1(total + 2, 1),
        to: a1(total + 22, 8),
      },
    ],
  };
}
