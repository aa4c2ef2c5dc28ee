/**
 * The "Chấm điểm" sheet: one row per field, criterion and sub-criterion, in the set's
 * order. Leaves hold what the unit types; parent rows and the total are live formulas
 * over their children, so the file stays right when a colleague edits it without the add-in.
 */
import { formatPoints, LEVEL_LABELS, parseNumber, type Criterion, type CriteriaSet, type Entry } from '../domain';
import { a1, rangeA1 } from './a1';
import { fieldTarget, leafApplicableMax, leafFinalScore, parentScoreSum, ref, rowRates, statusTests, sumOf, sumOrBlank, targetRollup } from './formulas';
import { COL, HEAD, NOT_APPLICABLE_MARK, ROWS, SCORING_COLUMNS, SHEETS, rowFlags, type ScoringColumnKey } from './layout';
import type { WorkbookOptions } from './options';
import { printSetup } from './print-setup';
import { DEFAULT_PRINT_VIEW, hiddenScoringColumns, PRINT_VIEW } from './print-views';
import { resultHead } from './result-head';
import { headBlock1_0_0 } from './templates/head-1.0.0';
import { layoutOf } from './template-versions';
import type { CellLiteral, CellSpec, ConditionalFormatSpec, SheetSpec, StyleSpec, ValidationSpec } from './spec';
import { HIGHLIGHT, STYLE, rowStyle, withRow } from './styles';

export interface ScoringSheetLayout {
  rowOf: ReadonlyMap<string, number>;
  totalRow: number;
  lastRow: number;
}

export interface SheetLinks {
  /** Field targets live in the summary sheet (the plan table); the scoring sheet shows them. */
  summaryTargetCell: (fieldCode: string) => string;
  /** A horizontal range of an options leaf's points, for its dropdown. */
  optionListRef: (code: string) => string;
}

const LAST_VISIBLE_COL = COL.deadline;

/** The columns where people type text (wrapped, so a row grows with it: office/fit-rows.ts). */
export const TEXT_INPUT_COLUMNS = ['evidence', 'explanation', 'appraisalNote', 'leadUnit', 'partnerUnits', 'deadline'] as const satisfies readonly ScoringColumnKey[];

const layouts = new WeakMap<CriteriaSet, ScoringSheetLayout>();

/** Where each node's row is; the same for every file of a set, so made once per set. */
export function scoringLayout(set: CriteriaSet): ScoringSheetLayout {
  let layout = layouts.get(set);
  if (!layout) {
    const rowOf = new Map(set.nodes.map((n, i) => [n.code, ROWS.firstItem + i]));
    const totalRow = ROWS.firstItem + set.nodes.length;
    layouts.set(set, (layout = { rowOf, totalRow, lastRow: totalRow + 7 }));
  }
  return layout;
}

export function buildScoringSheet(set: CriteriaSet, options: WorkbookOptions, links: SheetLinks): SheetSpec {
  const { rowOf, totalRow, lastRow } = scoringLayout(set);
  const cells: CellSpec[] = [];
  const validations: ValidationSpec[] = [];
  const put = (row: number, col: number, content: { value?: CellLiteral; formula?: string; overridable?: true }, style?: StyleSpec) =>
    cells.push({ row, col, ...content, ...(style ? { style } : {}) });
  const entries = options.values?.entries ?? {};

  // Head block: what set, which unit, and the live result.
  put(ROWS.title, 1, { value: `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${options.year ?? set.year}` }, STYLE.title);
  put(ROWS.source, 1, { value: sourceLine(set) }, set.status === 'official' ? STYLE.subtitle : STYLE.warning);
  put(HEAD.unitLabel.row, HEAD.unitLabel.col, { value: 'Đơn vị:' }, STYLE.label);
  put(HEAD.unit.row, HEAD.unit.col, { value: options.unit ?? '' }, STYLE.headInput);
  put(HEAD.yearLabel.row, HEAD.yearLabel.col, { value: 'Năm đánh giá:' }, STYLE.label);
  const { headYear } = layoutOf(options.templateVersion);
  put(headYear.row, headYear.col, { value: options.year ?? set.year }, STYLE.headInput);
  const legacy = options.templateVersion === '1.0.0';
  const head = legacy ? headBlock1_0_0(set, totalRow) : resultHead(set, totalRow);
  cells.push(...head.cells);

  // The row-kind column is always hidden: its label unwrapped, or LibreOffice draws it a letter a
  // line beside the repeated header row.
  SCORING_COLUMNS.forEach((c, i) => put(ROWS.header, i + 1, { value: c.header }, c.key === 'flags' ? { ...STYLE.header, wrap: false } : STYLE.header));

  for (const node of set.nodes) {
    const row = rowOf.get(node.code)!;
    const entry = entries[node.code] ?? {};
    const base = rowStyle(node.depth);
    const num = withRow(node.depth, STYLE.number);
    const rate = withRow(node.depth, STYLE.rate);
    const at = (key: ScoringColumnKey) => COL[key];
    put(row, at('code'), { value: node.code }, withRow(node.depth, STYLE.code));
    put(row, at('name'), { value: node.name }, { ...base, indent: node.depth - 1 });
    put(row, at('flags'), { value: rowFlags(node) });
    const text = (key: (typeof TEXT_INPUT_COLUMNS)[number]) =>
      put(row, at(key), { value: entry[key] ?? null }, withRow(node.depth, STYLE.inputText));
    text('leadUnit');
    text('partnerUnits');
    text('deadline');
    // Last year's final score: typed, or carried from last year's file; never a formula.
    put(row, at('previousScore'), { value: literal(entry.previousScore) }, withRow(node.depth, STYLE.input));

    const childRows = node.children.map((c) => rowOf.get(c.code)!);
    if (node.depth === 1) {
      put(row, at('target'), { formula: fieldTarget(row, links.summaryTargetCell(node.code), node.isLeaf ? null : childRows) }, num);
    } else if (node.isLeaf) {
      put(row, at('target'), { value: literal(entry.target) }, withRow(node.depth, STYLE.input));
      validations.push(decimalRule(a1(row, at('target')), row, node, 'Mục tiêu'));
    } else if (entry.target !== undefined && entry.target !== null) {
      put(row, at('target'), { value: literal(entry.target) }, withRow(node.depth, STYLE.input));
      validations.push(decimalRule(a1(row, at('target')), row, node, 'Mục tiêu'));
    } else {
      // The sum of the sub-criteria's targets until the planner types one here.
      put(row, at('target'), { formula: targetRollup(row, childRows), overridable: true }, withRow(node.depth, STYLE.input));
      validations.push(decimalRule(a1(row, at('target')), row, node, 'Mục tiêu'));
    }

    if (node.isLeaf) {
      put(row, at('maxScore'), { value: node.maxScore }, num);
      const forUnit = node.scoredBy === 'self';
      put(row, at('selfScore'), { value: literal(entry.selfScore) }, withRow(node.depth, forUnit ? STYLE.input : STYLE.notForUnit));
      if (forUnit) validations.push(scoreRule(a1(row, at('selfScore')), row, node, links, 'Điểm tự đánh giá'));
      if (node.allowNotApplicable) {
        put(row, at('notApplicable'), { value: entry.notApplicable ? NOT_APPLICABLE_MARK : null }, withRow(node.depth, { ...STYLE.input, horizontal: 'center' }));
        validations.push({
          kind: 'list',
          range: a1(row, at('notApplicable')),
          source: `"${NOT_APPLICABLE_MARK}"`,
          prompt: { title: 'Không đánh giá', message: `Gõ x nếu đơn vị không thuộc đối tượng đánh giá tiêu chí ${node.code}; điểm tối đa của dòng này được loại khỏi tổng.` },
          error: { title: 'Không đánh giá', message: 'Chỉ gõ x (không đánh giá) hoặc để trống.' },
        });
      } else {
        put(row, at('notApplicable'), { value: null }, withRow(node.depth, STYLE.notForUnit));
      }
      text('evidence');
      text('explanation');
      put(row, at('appraisedScore'), { value: literal(entry.appraisedScore) }, withRow(node.depth, STYLE.input));
      validations.push(scoreRule(a1(row, at('appraisedScore')), row, node, links, 'Điểm thẩm định'));
      text('appraisalNote');
      put(row, at('applicableMax'), { formula: leafApplicableMax(row, node.allowNotApplicable) }, num);
      put(row, at('score'), { formula: leafFinalScore(row, node.allowNotApplicable, legacy ? undefined : node.scoredBy) }, num);
    } else {
      const children = node.children.map((c) => ({ row: rowOf.get(c.code)!, isLeaf: c.isLeaf, allowNotApplicable: c.allowNotApplicable }));
      put(row, at('maxScore'), { formula: sumOf(childRows, 'maxScore') }, num);
      put(row, at('selfScore'), { formula: parentScoreSum(children, 'selfScore') }, num);
      put(row, at('notApplicable'), { value: null }, withRow(node.depth, STYLE.number));
      put(row, at('evidence'), { value: null }, withRow(node.depth, STYLE.number));
      put(row, at('explanation'), { value: null }, withRow(node.depth, STYLE.number));
      put(row, at('appraisedScore'), { formula: parentScoreSum(children, 'appraisedScore') }, num);
      put(row, at('appraisalNote'), { value: null }, withRow(node.depth, STYLE.number));
      put(row, at('applicableMax'), { formula: sumOf(childRows, 'applicableMax') }, num);
      put(row, at('score'), { formula: sumOrBlank(childRows, 'score') }, num);
    }
    const rates = rowRates(row);
    put(row, at('scoreRate'), { formula: rates.scoreRate }, rate);
    put(row, at('completion'), { formula: rates.completion }, rate);
    put(row, at('gapToTarget'), { formula: rates.gapToTarget }, num);
    put(row, at('gapToMax'), { formula: rates.gapToMax }, num);
  }

  // Total row.
  const fieldRows = set.items.map((f) => rowOf.get(f.code)!);
  put(totalRow, COL.code, { value: null }, STYLE.total);
  put(totalRow, COL.name, { value: 'TỔNG CỘNG' }, STYLE.total);
  put(totalRow, COL.maxScore, { formula: sumOf(fieldRows, 'maxScore') }, STYLE.total);
  const fields = set.items.map((f) => ({ row: rowOf.get(f.code)!, isLeaf: f.isLeaf, allowNotApplicable: f.allowNotApplicable }));
  put(totalRow, COL.target, { formula: targetRollup(totalRow, fieldRows) }, STYLE.total);
  put(totalRow, COL.selfScore, { formula: parentScoreSum(fields, 'selfScore') }, STYLE.total);
  put(totalRow, COL.appraisedScore, { formula: parentScoreSum(fields, 'appraisedScore') }, STYLE.total);
  put(totalRow, COL.applicableMax, { formula: sumOf(fieldRows, 'applicableMax') }, STYLE.total);
  put(totalRow, COL.score, { formula: sumOrBlank(fieldRows, 'score') }, STYLE.total);
  const totalRates = rowRates(totalRow);
  put(totalRow, COL.scoreRate, { formula: totalRates.scoreRate }, STYLE.totalRate);
  put(totalRow, COL.completion, { formula: totalRates.completion }, STYLE.totalRate);
  put(totalRow, COL.gapToTarget, { formula: totalRates.gapToTarget }, STYLE.total);
  put(totalRow, COL.gapToMax, { formula: totalRates.gapToMax }, STYLE.total);
  for (const key of ['notApplicable', 'evidence', 'explanation', 'appraisalNote', 'leadUnit', 'partnerUnits', 'deadline'] as const) {
    put(totalRow, COL[key], { value: null }, STYLE.total);
  }
  put(totalRow, COL.flags, { value: rowFlags('total') });
  put(totalRow, COL.previousScore, { value: null }, STYLE.total);
  validations.push({
    kind: 'decimal',
    range: rangeA1(ROWS.firstItem, COL.previousScore, totalRow - 1, COL.previousScore),
    min: '0',
    // Last year's maximum may differ from this year's: only a number, not negative.
    max: '1000',
    prompt: { title: 'Điểm năm trước', message: 'Điểm đạt năm trước của tiêu chí (kết quả cuối cùng), ví dụ 8,5. Lấy tự động: par-index template --previous, hoặc Mục tiêu → Lấy kết quả năm trước.' },
    error: { title: 'Điểm năm trước không hợp lệ', message: 'Điểm năm trước phải là một số không âm, ví dụ 8,5.' },
  });

  // Signature block, as on the paper forms: one row, so a page break never splits it. The right
  // block spans to the rate columns so it shows in every view (hidden columns have no width).
  const sign = totalRow + 2;
  const year = options.year ?? set.year;
  put(sign, COL.name, { value: 'NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)' }, STYLE.signature);
  put(sign, COL.evidence, { value: `…………, ngày …… tháng …… năm ${year}\nTHỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)` }, STYLE.signature);
  const view = options.printView ?? DEFAULT_PRINT_VIEW;
  const hidden = new Set([...hiddenScoringColumns(view), COL.flags]);

  return {
    name: SHEETS.scoring,
    state: 'visible',
    tabColor: '1F4E79',
    ...(PRINT_VIEW[view].sheet === SHEETS.scoring ? { active: true as const } : {}),
    columns: SCORING_COLUMNS.map((c, i) => ({ col: i + 1, width: c.width, ...(hidden.has(i + 1) ? { hidden: true } : {}) })),
    rows: [
      { row: ROWS.header, height: 45 },
      ...set.nodes.map((n) => ({ row: rowOf.get(n.code)!, outlineLevel: n.depth - 1 })),
      // Room to sign and stamp under the titles.
      { row: sign, height: 110 },
    ],
    outline: { summaryRows: 'above', expanded: true },
    cells,
    merges: [
      rangeA1(ROWS.title, 1, ROWS.title, LAST_VISIBLE_COL),
      rangeA1(ROWS.source, 1, ROWS.source, LAST_VISIBLE_COL),
      rangeA1(HEAD.unit.row, HEAD.unit.col, HEAD.unit.row, HEAD.unit.col + 3),
      ...head.merges,
      rangeA1(sign, COL.evidence, sign, COL.gapToMax),
    ],
    freeze: { rows: ROWS.header, cols: COL.name },
    validations,
    conditionalFormats: highlights(ROWS.firstItem, totalRow, options.nearBand ?? 0.9),
    protection: { allowInsertRows: true, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true },
    print: printSetup({
      orientation: 'landscape',
      titleRows: `${ROWS.header}:${ROWS.header}`,
      // To the last column: hidden ones do not print, and the plan form shows "Điểm năm trước" (U).
      area: rangeA1(1, 1, lastRow - 2, SCORING_COLUMNS.length),
      unit: options.unit,
      right: `Chỉ số CCHC năm ${year}`,
    }),
    charts: [],
  };
}

/** A number typed as "6,5" is written as the number 6.5; other text stays as typed. */
function literal(value: Entry['selfScore']): CellLiteral {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const parsed = parseNumber(value);
    return parsed.kind === 'number' ? parsed.value : value;
  }
  return value as CellLiteral;
}

function sourceLine(set: CriteriaSet): string {
  const decision = set.decision ? `${set.decision.number} ngày ${viDate(set.decision.date)} của ${set.decision.issuer}. ` : '';
  const status =
    set.status === 'official'
      ? ''
      : set.status === 'illustrative'
        ? 'BỘ TIÊU CHÍ MINH HỌA — KHÔNG PHẢI BỘ CHÍNH THỨC. '
        : 'Bộ tiêu chí do đơn vị nhập từ phụ lục, chưa được đối chiếu. ';
  return `${status}${set.title} · ${LEVEL_LABELS[set.level].vi} · ${decision}Nguồn: ${set.source}`.slice(0, 1000);
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function decimalRule(range: string, row: number, node: Criterion, what: string): ValidationSpec {
  return {
    kind: 'decimal',
    range,
    min: '0',
    max: ref(row, 'maxScore').replace(/^([A-Z]+)/, '$$$1'),
    prompt: { title: clip(`${what} ${node.code}`, 32), message: clip(`Từ 0 đến ${formatPoints(node.maxScore)} điểm.`, 255) },
    error: { title: 'Giá trị không hợp lệ', message: clip(`${what} của ${node.code} phải là số từ 0 đến ${formatPoints(node.maxScore)}.`, 255) },
  };
}

function scoreRule(range: string, row: number, node: Criterion, links: SheetLinks, what: string): ValidationSpec {
  const guidance = node.guidance ? ` ${node.guidance}` : '';
  if (node.method === 'options') {
    const outcomes = node.options.map((o) => `${o.label}: ${formatPoints(o.points)}`).join('; ');
    return {
      kind: 'list',
      range,
      source: links.optionListRef(node.code),
      prompt: { title: clip(`${what} ${node.code}`, 32), message: clip(`Chọn một mức: ${outcomes}.${guidance}`, 255) },
      error: { title: 'Điểm không thuộc các mức', message: clip(`Tiêu chí ${node.code} chỉ nhận các mức: ${outcomes}.`, 255) },
    };
  }
  const how =
    node.method === 'ratio' && node.ratio
      ? ` Điểm = (${node.ratio.numerator}) / (${node.ratio.denominator}) × ${formatPoints(node.maxScore)}.`
      : '';
  return {
    kind: 'decimal',
    range,
    min: '0',
    max: ref(row, 'maxScore').replace(/^([A-Z]+)/, '$$$1'),
    prompt: { title: clip(`${what} ${node.code}`, 32), message: clip(`Tối đa ${formatPoints(node.maxScore)} điểm.${how}${guidance}`, 255) },
    error: { title: 'Điểm không hợp lệ', message: clip(`${what} của tiêu chí ${node.code} phải là số từ 0 đến ${formatPoints(node.maxScore)}.`, 255) },
  };
}

function highlights(first: number, total: number, nearBand: number): ConditionalFormatSpec[] {
  const col = (key: ScoringColumnKey) => rangeA1(first, COL[key], total, COL[key]);
  const r = (key: ScoringColumnKey) => a1(first, COL[key]).replace(/^([A-Z]+)/, '$$$1');
  const [self, appraised, target, score, max, evidence, flags] = [r('selfScore'), r('appraisedScore'), r('target'), r('score'), r('maxScore'), r('evidence'), r('flags')];
  const status = statusTests(target, score, nearBand);
  const statusRules = (range: string): ConditionalFormatSpec[] => [
    { range, meaning: 'met-target', style: HIGHLIGHT.good, formula: status.met },
    { range, meaning: 'near-target', style: HIGHLIGHT.near, formula: status.near },
    { range, meaning: 'below-target', style: HIGHLIGHT.bad, formula: status.below },
  ];
  return [
    { range: col('selfScore'), meaning: 'above-max', style: HIGHLIGHT.bad, formula: `AND(ISNUMBER(${self}),ROUND(${self},3)>ROUND(${max},3))` },
    { range: col('appraisedScore'), meaning: 'above-max', style: HIGHLIGHT.bad, formula: `AND(ISNUMBER(${appraised}),ROUND(${appraised},3)>ROUND(${max},3))` },
    { range: rangeA1(first, COL.target, total, COL.selfScore), meaning: 'number-as-text', style: HIGHLIGHT.bad, formula: `AND(ISTEXT(${a1(first, COL.target)}),LEN(${a1(first, COL.target)})>0)` },
    { range: col('appraisedScore'), meaning: 'number-as-text', style: HIGHLIGHT.bad, formula: `AND(ISTEXT(${appraised}),LEN(${appraised})>0)` },
    { range: col('appraisedScore'), meaning: 'appraised-differs', style: HIGHLIGHT.differs, formula: `AND(LEFT(${flags},1)="L",ISNUMBER(${self}),ISNUMBER(${appraised}),ROUND(${self},3)<>ROUND(${appraised},3))` },
    { range: col('evidence'), meaning: 'evidence-missing', style: HIGHLIGHT.missing, formula: `AND(ISNUMBER(SEARCH("E",${flags})),ISNUMBER(${self}),${self}>0,LEN(TRIM(${evidence}))=0)` },
    ...statusRules(col('score')),
    ...statusRules(col('completion')),
  ];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

