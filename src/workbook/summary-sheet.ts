/**
 * "Tổng hợp": the plan table units print in their yearly plan (seed 001's "Mục tiêu cụ thể"),
 * one row per field — Stt · Chỉ số thành phần · Điểm tối đa (· áp dụng) · Mục tiêu điểm ·
 * Tỷ lệ đạt · Cơ quan chủ trì · Cơ quan phối hợp · Thời gian — and the achievement beside it
 * on the final basis (the scoring sheet's Điểm đạt): điểm đạt · tỷ lệ · hoàn thành · chênh lệch.
 * Planners type field targets and who carries each field here; the rest is live.
 */
import { formatPoints, STATUS_LABELS, type CriteriaSet, type Entry } from '../domain';
import { a1, rangeA1, sheetRef } from './a1';
import { statusFormula } from './formulas';
import { COL, HEAD, SHEETS, SUMMARY } from './layout';
import type { WorkbookOptions } from './options';
import { printSetup } from './print-setup';
import { DEFAULT_PRINT_VIEW, PRINT_VIEW } from './print-views';
import type { ScoringSheetLayout } from './scoring-sheet';
import type { CellLiteral, CellSpec, ConditionalFormatSpec, SheetSpec, StyleSpec, ValidationSpec } from './spec';
import { columnWidthPoints, lineHeight, wrappedLines } from './row-heights';
import { FONT, HIGHLIGHT, STYLE } from './styles';
import { layoutOf, summaryColumnOf, type SummaryColumnKey } from './template-versions';

export function summaryRowOf(set: CriteriaSet, fieldCode: string): number {
  return SUMMARY.firstField + set.items.findIndex((f) => f.code === fieldCode);
}

export function summaryTotalRow(set: CriteriaSet): number {
  return SUMMARY.firstField + set.items.length;
}

/** Where a field's target is typed, in the template version given (today's by default). */
export function summaryTargetCell(set: CriteriaSet, fieldCode: string, templateVersion?: string): string {
  return a1(summaryRowOf(set, fieldCode), summaryColumnOf(layoutOf(templateVersion), 'target'));
}

function headers(year: number): Record<(typeof SUMMARY.columns)[number], string> {
  return {
    code: 'Stt',
    name: 'Chỉ số thành phần',
    maxScore: 'Điểm tối đa',
    applicableMax: 'Điểm tối đa áp dụng',
    target: `Mục tiêu điểm năm ${year}`,
    targetRate: `Tỷ lệ đạt năm ${year} (mục tiêu)`,
    leadUnit: 'Cơ quan chủ trì, theo dõi',
    partnerUnits: 'Cơ quan phối hợp/thực hiện',
    deadline: 'Thời gian thực hiện',
    previousScore: 'Điểm năm trước',
    score: 'Kết quả: điểm đạt',
    scoreRate: 'Kết quả: tỷ lệ đạt',
    changeFromPrevious: 'Tăng/giảm so năm trước',
    completion: 'Hoàn thành mục tiêu',
    gapToTarget: 'Chênh lệch so mục tiêu',
    status: 'Đánh giá',
  };
}

/**
 * Stt · name · maxima · last year · target and its rate · who and when · the achievement: about
 * as wide in all as the 1.1.0 table without the two last-year columns, so A4 landscape prints
 * it at the same scale (test/workbook/print.test.ts, legibility).
 */
const WIDTHS: Record<SummaryColumnKey, number> = {
  code: 5, name: 22, maxScore: 7, applicableMax: 8, previousScore: 8, target: 8, targetRate: 8, leadUnit: 14, partnerUnits: 14, deadline: 9,
  score: 8, scoreRate: 8, changeFromPrevious: 8, completion: 9, gapToTarget: 8, status: 10,
};

function responsibilityHeight(entry: Entry | undefined): number {
  const lines = Math.max(
    2,
    ...RESPONSIBILITY.map((key) => {
      const text = entry?.[key];
      return typeof text === 'string' && text !== '' ? wrappedLines(text, columnWidthPoints(WIDTHS[key]) - 5, FONT.size) : 1;
    }),
  );
  return lineHeight(lines, FONT.size);
}

const RESPONSIBILITY = ['leadUnit', 'partnerUnits', 'deadline'] as const;

export function buildSummarySheet(set: CriteriaSet, options: WorkbookOptions, scoring: ScoringSheetLayout): SheetSpec {
  const cells: CellSpec[] = [];
  const validations: ValidationSpec[] = [];
  const put = (row: number, col: number, content: { value?: CellLiteral; formula?: string; overridable?: true }, style?: StyleSpec) =>
    cells.push({ row, col, ...content, ...(style ? { style } : {}) });
  const near = options.nearBand ?? 0.9;
  const year = options.year ?? set.year;
  const scoringCell = (code: string, key: keyof typeof COL) => sheetRef(SHEETS.scoring, a1(scoring.rowOf.get(code)!, COL[key]));
  // The columns of the file's template version: a 1.1.0 file has no last-year columns.
  const columns = layoutOf(options.templateVersion).summaryColumns;
  const SUMMARY_COL = Object.fromEntries(columns.map((k, i) => [k, i + 1])) as Record<SummaryColumnKey, number>;
  const has = (key: SummaryColumnKey) => SUMMARY_COL[key] !== undefined;
  const c = (row: number, key: SummaryColumnKey) => a1(row, SUMMARY_COL[key]);
  const lastCol = columns.length;

  put(1, 1, { value: `MỤC TIÊU CỤ THỂ VÀ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}` }, STYLE.title);
  put(2, 1, { formula: `"Đơn vị: "&${sheetRef(SHEETS.scoring, a1(HEAD.unit.row, HEAD.unit.col, true))}` }, STYLE.subtitle);
  const labels = headers(year);
  columns.forEach((key, i) => put(SUMMARY.header, i + 1, { value: labels[key] }, STYLE.header));

  const entries = options.values?.entries ?? {};
  for (const field of set.items) {
    const row = summaryRowOf(set, field.code);
    put(row, SUMMARY_COL.code, { value: field.code }, { ...STYLE.code, horizontal: 'center' });
    put(row, SUMMARY_COL.name, { value: field.name }, STYLE.leaf);
    // The official maximum, as in the set; the applicable one beside it only where rows of the
    // field are not assessed, and the rates are taken on that one.
    put(row, SUMMARY_COL.maxScore, { value: field.maxScore }, STYLE.number);
    const applicable = scoringCell(field.code, 'applicableMax');
    put(row, SUMMARY_COL.applicableMax, { formula: `IF(ROUND(${applicable},3)=ROUND(${c(row, 'maxScore')},3),"",${applicable})` }, STYLE.number);
    if (has('previousScore')) {
      const previous = scoringCell(field.code, 'previousScore');
      put(row, SUMMARY_COL.previousScore, { formula: `IF(${previous}="","",${previous})` }, STYLE.number);
    }
    const typed = entries[field.code]?.target;
    put(row, SUMMARY_COL.target, { value: typed === undefined ? null : (typed as CellLiteral) }, STYLE.input);
    validations.push({
      kind: 'decimal',
      range: c(row, 'target'),
      min: '0',
      max: String(field.maxScore),
      prompt: { title: `Mục tiêu lĩnh vực ${field.code}`, message: `Số điểm phấn đấu đạt, từ 0 đến ${formatPoints(field.maxScore)}.` },
      error: { title: 'Mục tiêu không hợp lệ', message: `Mục tiêu của lĩnh vực ${field.code} phải là số từ 0 đến điểm tối đa ${formatPoints(field.maxScore)}.` },
    });
    // Rates use the field's target as the scoring sheet settles it: typed here, else the
    // sum of its criteria's targets, and none for a field the unit is not assessed on.
    const effective = scoringCell(field.code, 'target');
    put(row, SUMMARY_COL.targetRate, { formula: `IF(${effective}="","",IFERROR(${effective}/${applicable},""))` }, STYLE.rate);
    // Who carries the field and when: what the scoring sheet's field row says, until the planner types here.
    for (const key of RESPONSIBILITY) {
      const source = scoringCell(field.code, key);
      put(row, SUMMARY_COL[key], { formula: `IF(LEN(${source})=0,"",${source})`, overridable: true }, STYLE.inputText);
    }
    put(row, SUMMARY_COL.score, { formula: `IF(${scoringCell(field.code, 'score')}="","",${scoringCell(field.code, 'score')})` }, STYLE.number);
    addRates(row, effective, applicable);
  }
  const total = summaryTotalRow(set);
  const first = SUMMARY.firstField;
  const last = total - 1;
  const col = (key: SummaryColumnKey) => rangeA1(first, SUMMARY_COL[key], last, SUMMARY_COL[key]);
  const totalApplicable = sheetRef(SHEETS.scoring, a1(scoring.totalRow, COL.applicableMax));
  put(total, SUMMARY_COL.code, { value: null }, STYLE.total);
  put(total, SUMMARY_COL.name, { value: 'Tổng cộng' }, STYLE.total);
  put(total, SUMMARY_COL.maxScore, { formula: `SUM(${col('maxScore')})` }, STYLE.total);
  put(total, SUMMARY_COL.applicableMax, { formula: `IF(ROUND(${totalApplicable},3)=ROUND(${c(total, 'maxScore')},3),"",${totalApplicable})` }, STYLE.total);
  // Like the engine: the overall target is known once every assessed field has one.
  const totalTarget = sheetRef(SHEETS.scoring, a1(scoring.totalRow, COL.target));
  put(total, SUMMARY_COL.target, { formula: `IF(${totalTarget}="","",${totalTarget})` }, STYLE.total);
  put(total, SUMMARY_COL.targetRate, { formula: `IF(${c(total, 'target')}="","",IFERROR(${c(total, 'target')}/${totalApplicable},""))` }, STYLE.totalRate);
  for (const key of RESPONSIBILITY) put(total, SUMMARY_COL[key], { value: null }, STYLE.total);
  if (has('previousScore')) put(total, SUMMARY_COL.previousScore, { formula: `IF(COUNT(${col('previousScore')})=0,"",SUM(${col('previousScore')}))` }, STYLE.total);
  put(total, SUMMARY_COL.score, { formula: `IF(COUNT(${col('score')})=0,"",SUM(${col('score')}))` }, STYLE.total);
  addRates(total, c(total, 'target'), totalApplicable, true);

  function addRates(row: number, target: string, max: string, isTotal = false) {
    const score = c(row, 'score');
    put(row, SUMMARY_COL.scoreRate, { formula: `IF(${score}="","",IFERROR(${score}/${max},""))` }, isTotal ? STYLE.totalRate : STYLE.rate);
    if (has('changeFromPrevious')) {
      // This year's points against last year's, blank until both are there.
      const previous = c(row, 'previousScore');
      put(row, SUMMARY_COL.changeFromPrevious, { formula: `IF(OR(${score}="",${previous}=""),"",ROUND(${score}-${previous},3))` }, isTotal ? STYLE.total : STYLE.number);
    }
    put(row, SUMMARY_COL.completion, { formula: `IF(OR(${target}="",${score}=""),"",IFERROR(${score}/${target},""))` }, isTotal ? STYLE.totalRate : STYLE.rate);
    put(row, SUMMARY_COL.gapToTarget, { formula: `IF(OR(${target}="",${score}=""),"",ROUND(${target}-${score},3))` }, isTotal ? STYLE.total : STYLE.number);
    put(row, SUMMARY_COL.status, { formula: statusFormula(target, score, near) }, isTotal ? STYLE.total : STYLE.leaf);
  }

  const abs = (key: SummaryColumnKey) => `$${a1(first, SUMMARY_COL[key])}`;
  // The status words already settle met / near / below (with the field's effective
  // target), so the colours follow them rather than repeat the arithmetic.
  const status = abs('status');
  // The rate columns carry data bars instead: a cell colour drawn over them hides the bar in LibreOffice.
  const statusRanges = [rangeA1(first, SUMMARY_COL.score, total, SUMMARY_COL.score), rangeA1(first, SUMMARY_COL.gapToTarget, total, SUMMARY_COL.status)];
  const typedTarget = a1(first, SUMMARY_COL.target);
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...statusRanges.flatMap((range): ConditionalFormatSpec[] => [
      { range, meaning: 'met-target', style: HIGHLIGHT.good, formula: `${status}="${STATUS_LABELS.met.vi}"` },
      { range, meaning: 'near-target', style: HIGHLIGHT.near, formula: `${status}="${STATUS_LABELS.near.vi}"` },
      { range, meaning: 'below-target', style: HIGHLIGHT.bad, formula: `${status}="${STATUS_LABELS.below.vi}"` },
    ]),
    { range: col('target'), meaning: 'above-max', style: HIGHLIGHT.bad, formula: `AND(ISNUMBER(${typedTarget}),ROUND(${typedTarget},3)>ROUND(${abs('maxScore')},3))` },
    { range: col('target'), meaning: 'number-as-text', style: HIGHLIGHT.bad, formula: `AND(ISTEXT(${typedTarget}),LEN(${typedTarget})>0)` },
  ];

  // Signed like the scoring sheet: one row, never split by a page break.
  const sign = total + 2;
  put(sign, SUMMARY_COL.name, { value: 'NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)' }, STYLE.signature);
  put(sign, SUMMARY_COL.score, { value: `…………, ngày …… tháng …… năm ${year}\nTHỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)` }, STYLE.signature);

  return {
    name: SHEETS.summary,
    state: 'visible',
    ...(PRINT_VIEW[options.printView ?? DEFAULT_PRINT_VIEW].sheet === SHEETS.summary ? { active: true as const } : {}),
    tabColor: '548235',
    columns: columns.map((key, i) => ({ col: i + 1, width: WIDTHS[key] })),
    rows: [
      { row: SUMMARY.header, height: 36 },
      // Who carries a field is carried by formula (its text unknown to row-heights.ts) or typed
      // later: room for what the scoring sheet says now, and two lines at least.
      ...set.items.map((field) => ({ row: summaryRowOf(set, field.code), height: responsibilityHeight(entries[field.code]) })),
      { row: sign, height: 110 },
    ],
    cells,
    merges: [rangeA1(1, 1, 1, lastCol), rangeA1(2, 1, 2, lastCol), rangeA1(sign, SUMMARY_COL.score, sign, lastCol)],
    freeze: { rows: SUMMARY.header, cols: 0 },
    validations,
    conditionalFormats,
    // Gaps that show without the add-in and without a chart: bars in the rate cells.
    dataBars: (['targetRate', 'scoreRate', 'completion'] as const).map((key) => ({ range: rangeA1(first, SUMMARY_COL[key], total, SUMMARY_COL[key]), color: '5B9BD5', min: 0, max: 1 })),
    protection: { allowInsertRows: false, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: false },
    print: printSetup({
      orientation: 'landscape',
      titleRows: `${SUMMARY.header}:${SUMMARY.header}`,
      area: rangeA1(1, 1, sign, lastCol),
      unit: options.unit,
      right: `Chỉ số CCHC năm ${year}`,
    }),
    charts: [
      {
        title: 'Tỷ lệ mục tiêu và tỷ lệ đạt theo lĩnh vực',
        kind: 'bar',
        categories: col('name'),
        series: [
          { name: 'Tỷ lệ mục tiêu', values: col('targetRate') },
          { name: 'Tỷ lệ đạt', values: col('scoreRate') },
        ],
        from: a1(sign + 2, 1),
        to: a1(sign + 22, 8),
      },
    ],
  };
}
