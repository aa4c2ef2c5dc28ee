/**
 * Last year's results carried into this year's workbook, by criterion code. Each row gets
 * last year's final score (the figure units are ranked on: appraised where appraised, else
 * self-scored; the survey and council rows as entered), at every level — field, criterion,
 * sub-criterion — so this year's targets can start from it. The move is the upgrade's
 * carry-over: a code that no longer exists in this year's set comes back as an orphan to
 * list, never dropped.
 */
import type { Assessment, CellRef } from './assessment';
import { carryOver, type CarryOver } from './carry-over';
import type { CriteriaSet } from './criteria-set';
import { cellNumber } from './number';
import { computeTotals } from './totals';

/**
 * Each code's final score in last year's file. A row without a score (nothing scored under
 * it, or every leaf under it not assessed) has none: a not-assessed row scored nothing.
 */
export function finalScoresByCode(set: CriteriaSet, assessment: Assessment): Map<string, number> {
  const totals = computeTotals(set, assessment, 'final');
  const scores = new Map<string, number>();
  for (const node of set.nodes) {
    const score = totals.byCode.get(node.code)?.score ?? null;
    if (score !== null) scores.set(node.code, score);
  }
  return scores;
}

export interface LastYear {
  set: CriteriaSet;
  assessment: Assessment;
  /** Where each code's score shows in last year's file (its "Điểm đạt" cell), for the orphan list. */
  scoreCells?: Readonly<Record<string, CellRef>>;
}

/** Last year's final scores as this year's `previousScore` values, moved by code into `set`. */
export function carryPreviousScores(last: LastYear, set: CriteriaSet): CarryOver {
  const values: Assessment = { entries: {}, cells: {} };
  for (const [code, score] of finalScoresByCode(last.set, last.assessment)) {
    values.entries[code] = { previousScore: score };
    const cell = last.scoreCells?.[code];
    if (cell) values.cells![code] = { previousScore: cell };
  }
  return carryOver(values, set);
}

/** A row's previous score as a number; text typed there is not one, as in Excel's sums. */
export function previousScoreOf(assessment: Assessment, code: string): number | null {
  return cellNumber(assessment.entries[code]?.previousScore);
}
