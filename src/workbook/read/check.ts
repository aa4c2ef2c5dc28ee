/**
 * Checking a read workbook: what reading found in the file (formulas typed over, maxima
 * edited, rows gone, numbers as text) plus the set's own rules (validateAssessment),
 * errors first; the totals the engine computes beside those the file shows; and where
 * each criterion's inputs are, so a report or the pane can take the user there.
 */
import {
  computeResult,
  computeTotals,
  pointsEqual,
  sortProblems,
  formatPoints,
  grandTotal,
  nodeOrder,
  validateAssessment,
  type CellRef,
  type Problem,
  type Result,
  type Totals,
  type ValidateOptions,
} from '../../domain';
import { cellRefAt, cellRefText } from './cell-refs';
import type { FileTotals } from './file-totals';
import type { ReadableWorkbook } from './interpret';

/**
 * The table's column totals (its TỔNG CỘNG row), compared with what the file shows. The
 * result users read (self, appraised, final, band) is CheckResult.result.
 */
export interface TotalsView {
  maxScore: number | null;
  applicableMax: number | null;
  /** Every applicable leaf's self-score column, as the total row adds it. */
  selfScore: number | null;
  appraisedScore: number | null;
  /** Điểm đạt (result.final.points). */
  score: number | null;
}

export interface CheckTotals {
  engine: TotalsView;
  /** What the file showed when last saved; null values when it was never calculated. */
  file: TotalsView & { computed: boolean; errors: FileTotals['errors'] };
}

export interface CellAddresses {
  maxScore: string | null;
  target: string | null;
  selfScore: string | null;
  appraisedScore: string | null;
  evidence: string | null;
  notApplicable: string | null;
}

export interface CheckResult {
  problems: Problem[];
  totals: CheckTotals;
  cells: Record<string, CellAddresses>;
  /** The result (domain/result.ts): what every surface shows, ranks and bands on. */
  result: Result;
  /** The engine's totals per node on the Điểm đạt basis, for field losses. */
  final: Totals;
}

export function checkWorkbook(read: ReadableWorkbook, options: ValidateOptions = {}): CheckResult {
  const { set, assessment } = read;
  const self = grandTotal(set, assessment, 'self');
  const appraised = grandTotal(set, assessment, 'appraised');
  const final = computeTotals(set, assessment, 'final');
  const engine: TotalsView = {
    maxScore: set.totalMax,
    applicableMax: final.total.applicableMax,
    selfScore: self.score,
    appraisedScore: appraised.score,
    score: final.total.score,
  };
  const file = fileView(read.fileTotals);
  // A criterion whose row is gone has row-missing; that its score is missing, or that the
  // file's totals show #REF!, is the same deletion said again.
  const missing = new Set(read.problems.filter((p) => p.code === 'row-missing').map((p) => p.criterion));
  // A formula typed into a score cell is said as such, not as a missing score.
  const formulaInput = new Set(read.problems.filter((p) => p.code === 'formula-in-input').map((p) => p.criterion));
  const saidAlready = (p: Problem) => p.criterion !== null && (missing.has(p.criterion) || (p.code === 'score-missing' && formulaInput.has(p.criterion)));
  const problems = [
    ...read.problems,
    ...validateAssessment(set, assessment, options).filter((p) => !saidAlready(p)),
    ...totalsDiffer(engine, file, missing.size > 0),
  ];

  const cells: Record<string, CellAddresses> = {};
  for (const node of set.nodes) {
    const row = read.rows[node.code];
    if (row === undefined) continue;
    const ref = assessment.cells?.[node.code] ?? {};
    cells[node.code] = {
      maxScore: cellRefText(cellRefAt(read.sheets.scoring, row, read.columns.maxScore)),
      target: shown(ref.target),
      selfScore: shown(ref.selfScore),
      appraisedScore: shown(ref.appraisedScore),
      evidence: shown(ref.evidence),
      notApplicable: node.isLeaf ? shown(ref.notApplicable) : null,
    };
  }
  return {
    problems: sortProblems(problems, nodeOrder(set)),
    totals: { engine, file },
    cells,
    result: computeResult(set, assessment),
    final,
  };
}

function shown(ref: CellRef | undefined): string | null {
  return ref ? cellRefText(ref) : null;
}

function fileView(t: FileTotals): CheckTotals['file'] {
  return {
    computed: t.computed,
    errors: t.errors,
    maxScore: t.maxScore,
    applicableMax: t.applicableMax,
    selfScore: t.selfScore,
    appraisedScore: t.appraisedScore,
    score: t.score,
  };
}

/**
 * "The file says 80, the engine says 85,3": only when the file was calculated. The causes
 * (a number as text, a formula typed over) are listed as their own problems.
 */
function totalsDiffer(engine: TotalsView, file: CheckTotals['file'], rowsMissing: boolean): Problem[] {
  if (!file.computed) return [];
  const out: Problem[] = [];
  const pairs: Array<[keyof TotalsView, string, string]> = [
    ['selfScore', 'Tổng điểm tự đánh giá', 'Self-score total'],
    ['appraisedScore', 'Tổng điểm thẩm định', 'Appraised total'],
    ['applicableMax', 'Tổng điểm tối đa áp dụng', 'Applicable maximum'],
  ];
  for (const [key, vi, en] of pairs) {
    const mine = (engine[key] as number | null) ?? 0;
    const theirs = file[key] as number | null;
    const error = file.errors[key as keyof CheckTotals['file']['errors']];
    if (error === '#REF!' && rowsMissing) continue;
    if (error === undefined) {
      if (theirs === null) {
        if (key !== 'applicableMax' && mine === 0) continue;
      } else if (pointsEqual(mine, theirs)) continue;
    }
    const shown = error !== undefined ? { vi: `lỗi ${error}`, en: error } : theirs === null ? { vi: 'trống', en: 'blank' } : { vi: formatPoints(theirs), en: String(theirs) };
    out.push({
      code: 'file-total-differs',
      severity: 'warning',
      criterion: null,
      message: `${vi} trong tệp là ${shown.vi}, tính lại từ các tiêu chí được ${formatPoints(mine)}`,
      messageEn: `${en} in the file is ${shown.en}; recomputed from the criteria it is ${mine}`,
    });
  }
  return out;
}
