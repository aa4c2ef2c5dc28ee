/**
 * Where things are in the scoring workbook. Readers find rows by criterion code and
 * columns by these keys, so this file is the one place a column moves.
 */

/**
 * The template's version, recorded in every file's metadata. A file is checked against
 * the template of its own version (template-versions.ts), so bump it whenever a formula
 * or a cell of the template changes.
 */
export const TEMPLATE_VERSION = '1.2.0';

export const SHEETS = {
  scoring: 'Chấm điểm',
  summary: 'Tổng hợp',
  meta: '_par',
} as const;

/** Every column of the scoring table, in order. */
export const SCORING_COLUMNS = [
  { key: 'code', header: 'Mã', headerEn: 'Code', width: 9 },
  { key: 'name', header: 'Nội dung (lĩnh vực / tiêu chí / tiêu chí thành phần)', headerEn: 'Field / criterion / sub-criterion', width: 44 },
  { key: 'maxScore', header: 'Điểm tối đa', headerEn: 'Maximum', width: 8 },
  { key: 'target', header: 'Mục tiêu', headerEn: 'Target', width: 9 },
  { key: 'selfScore', header: 'Điểm tự đánh giá', headerEn: 'Self-score', width: 10 },
  { key: 'notApplicable', header: 'Không đánh giá (x)', headerEn: 'Not assessed (x)', width: 8 },
  { key: 'evidence', header: 'Tài liệu kiểm chứng', headerEn: 'Evidence', width: 26 },
  { key: 'explanation', header: 'Giải trình', headerEn: 'Explanation', width: 20 },
  { key: 'appraisedScore', header: 'Điểm thẩm định', headerEn: 'Appraised score', width: 10 },
  { key: 'appraisalNote', header: 'Ý kiến thẩm định', headerEn: 'Appraisal note', width: 20 },
  { key: 'score', header: 'Điểm đạt', headerEn: 'Score', width: 9 },
  { key: 'scoreRate', header: 'Tỷ lệ đạt (so tối đa)', headerEn: 'Rate (of maximum)', width: 10 },
  { key: 'completion', header: 'Hoàn thành mục tiêu', headerEn: 'Target completion', width: 10 },
  { key: 'gapToTarget', header: 'Chênh lệch so mục tiêu', headerEn: 'Gap to target', width: 10 },
  { key: 'gapToMax', header: 'Điểm còn thiếu so tối đa', headerEn: 'Gap to maximum', width: 10 },
  { key: 'applicableMax', header: 'Điểm tối đa áp dụng', headerEn: 'Applicable maximum', width: 10 },
  { key: 'leadUnit', header: 'Đơn vị chủ trì', headerEn: 'Lead unit', width: 18 },
  { key: 'partnerUnits', header: 'Đơn vị phối hợp', headerEn: 'Coordinating units', width: 18 },
  { key: 'deadline', header: 'Thời hạn', headerEn: 'Deadline', width: 12 },
  { key: 'flags', header: 'Loại dòng', headerEn: 'Row kind', width: 8 },
  // After the row kinds, so no column of an older file moves: last year's final score, typed or
  // carried from last year's file (par-index template --previous).
  { key: 'previousScore', header: 'Điểm năm trước', headerEn: "Last year's score", width: 7 },
] as const;

export type ScoringColumnKey = (typeof SCORING_COLUMNS)[number]['key'];

export const COL = Object.fromEntries(SCORING_COLUMNS.map((c, i) => [c.key, i + 1])) as Record<ScoringColumnKey, number>;

/** Fixed rows of the scoring sheet's head. */
export const ROWS = {
  title: 1,
  source: 2,
  unit: 3,
  selfSummary: 4,
  appraisedSummary: 5,
  finalSummary: 6,
  header: 7,
  firstItem: 8,
} as const;

/**
 * Cells of the head block (row, col): one row per figure of the result (domain/result.ts)
 * — points, applicable maximum, index — and on the final row the band and "tạm tính".
 * They sit in the columns every printed view shows (code, name, maximum, self-score, "x",
 * evidence, explanation), so the form a unit signs carries its result.
 */
export const HEAD = {
  unitLabel: { row: ROWS.unit, col: 1 },
  unit: { row: ROWS.unit, col: 3 },
  yearLabel: { row: ROWS.unit, col: 7 },
  year: { row: ROWS.unit, col: 8 },
  selfTotal: { row: ROWS.selfSummary, col: 3 },
  selfMax: { row: ROWS.selfSummary, col: 5 },
  selfIndex: { row: ROWS.selfSummary, col: 6 },
  appraisedTotal: { row: ROWS.appraisedSummary, col: 3 },
  appraisedMax: { row: ROWS.appraisedSummary, col: 5 },
  appraisedIndex: { row: ROWS.appraisedSummary, col: 6 },
  finalTotal: { row: ROWS.finalSummary, col: 3 },
  finalMax: { row: ROWS.finalSummary, col: 5 },
  finalIndex: { row: ROWS.finalSummary, col: 6 },
  finalBand: { row: ROWS.finalSummary, col: 7 },
  /** "(tạm tính)" beside the band, for people. */
  finalProvisionalNote: { row: ROWS.finalSummary, col: 8 },
  /** TRUE/FALSE, for formulas and tools (PAR_FINAL_PROVISIONAL); in the hidden column. */
  finalProvisional: { row: ROWS.finalSummary, col: 20 },
} as const;

/** The summary (Tổng hợp) sheet: one row per field from this row on. */
export const SUMMARY = {
  header: 4,
  firstField: 5,
  /**
   * The seed 001 plan table (Stt · Chỉ số thành phần · Điểm tối đa · Mục tiêu · Tỷ lệ đạt ·
   * Cơ quan chủ trì · Cơ quan phối hợp · Thời gian) with the applicable maximum beside the
   * official one, last year's score before the target, and the achievement after it with
   * its change from last year.
   */
  columns: [
    'code', 'name', 'maxScore', 'applicableMax', 'previousScore', 'target', 'targetRate', 'leadUnit', 'partnerUnits', 'deadline',
    'score', 'scoreRate', 'changeFromPrevious', 'completion', 'gapToTarget', 'status',
  ] as const,
} as const;

export const SUMMARY_COL = Object.fromEntries(SUMMARY.columns.map((k, i) => [k, i + 1])) as Record<(typeof SUMMARY.columns)[number], number>;

/** The mark for "không đánh giá"; compared case-insensitively by Excel and by our readers. */
export const NOT_APPLICABLE_MARK = 'x';

/**
 * Row kinds written in the hidden "Loại dòng" column, read by conditional formats
 * (which cannot see the criteria set). Letters: L leaf · P parent · T total ·
 * S self-scored · V survey · C council · E evidence required · N may be not assessed.
 */
export function rowFlags(kind: { isLeaf: boolean; scoredBy: string; evidenceRequired: boolean; allowNotApplicable: boolean } | 'total'): string {
  if (kind === 'total') return 'T';
  if (!kind.isLeaf) return 'P';
  const scorer = kind.scoredBy === 'self' ? 'S' : kind.scoredBy === 'survey' ? 'V' : 'C';
  return `L${scorer}${kind.evidenceRequired ? 'E' : ''}${kind.allowNotApplicable ? 'N' : ''}`;
}

/** Keys of the metadata sheet: column A key, column B value. */
export const META_KEYS = {
  marker: 'par-index',
  templateVersion: 'templateVersion',
  setId: 'setId',
  setVersion: 'setVersion',
  setTitle: 'setTitle',
  setStatus: 'setStatus',
  unit: 'unit',
  year: 'year',
  createdAt: 'createdAt',
  firstItemRow: 'firstItemRow',
  totalRow: 'totalRow',
  /** Followed by rows "code → original row" for every criterion. */
  rowMap: 'rowMap',
  /** Followed by the set's JSON in chunks, so a file can be checked without the set bundled. */
  setJson: 'setJson',
} as const;

export const META_CHUNK = 30000;
