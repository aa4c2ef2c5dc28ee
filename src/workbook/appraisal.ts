/**
 * What an appraiser looks at in a read workbook: rows where the appraised score differs
 * from the self-score, rows scored without evidence, and what reading found done to the
 * file itself (maxima edited, formulas typed over, rows missing…). Pure; the pane lists
 * them and the minutes sheet (appraisal-minutes.ts) prints them.
 */
import { formatCellRef, hasText, numberOrNull, PROBLEM_CODES, subtractPoints, toMilli, type Problem } from '../domain';
import type { CheckResult } from './read/check';
import type { ReadableWorkbook } from './read/interpret';

export interface Difference {
  code: string;
  name: string;
  selfScore: number;
  appraisedScore: number;
  /** appraised − self */
  delta: number;
  /** The appraised score's cell, "Chấm điểm!I12". */
  cell: string | null;
  note: string;
}

export interface MissingEvidence {
  code: string;
  name: string;
  selfScore: number;
  /** The evidence cell to fill in. */
  cell: string | null;
}

export function appraisalDifferences(read: ReadableWorkbook): Difference[] {
  const out: Difference[] = [];
  for (const leaf of read.set.leaves) {
    const entry = read.assessment.entries[leaf.code] ?? {};
    const self = numberOrNull(entry.selfScore);
    const appraised = numberOrNull(entry.appraisedScore);
    if (self === null || appraised === null || toMilli(self) === toMilli(appraised)) continue;
    const ref = read.assessment.cells?.[leaf.code]?.appraisedScore;
    out.push({
      code: leaf.code,
      name: leaf.name,
      selfScore: self,
      appraisedScore: appraised,
      delta: subtractPoints(appraised, self),
      cell: ref ? formatCellRef(ref) : null,
      note: entry.appraisalNote?.trim() ?? '',
    });
  }
  return out;
}

/** Leaves scored above zero that need evidence and have none (as validateAssessment counts them). */
export function scoredWithoutEvidence(read: ReadableWorkbook): MissingEvidence[] {
  const out: MissingEvidence[] = [];
  for (const leaf of read.set.leaves) {
    const entry = read.assessment.entries[leaf.code] ?? {};
    const self = numberOrNull(entry.selfScore);
    if (self === null || self <= 0 || !leaf.evidenceRequired || hasText(entry.evidence) || (entry.notApplicable && leaf.allowNotApplicable)) continue;
    const ref = read.assessment.cells?.[leaf.code]?.evidence;
    out.push({ code: leaf.code, name: leaf.name, selfScore: self, cell: ref ? formatCellRef(ref) : null });
  }
  return out;
}

const CORE_CODES: ReadonlySet<string> = new Set(PROBLEM_CODES);

/** Problems the reader found in the file (not the set's scoring rules): the tamper findings. */
export function fileFindings(check: CheckResult): Problem[] {
  return check.problems.filter((p) => !CORE_CODES.has(p.code));
}
