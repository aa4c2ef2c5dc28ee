/**
 * What an appraiser looks at in a read workbook: rows where the appraised score differs
 * from the self-score, rows scored without evidence, and what reading found done to the
 * file itself (maxima edited, formulas typed over, rows missing…). Pure; the pane lists
 * them and the minutes sheet (appraisal-minutes.ts) prints them.
 */
import { appraisedDiffers, FILE_PROBLEM_CODES, formatCellRef, scoredWithoutEvidence as unproven, subtractPoints, type Problem } from '../domain';
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
    const differs = appraisedDiffers(entry);
    if (!differs) continue;
    const { self, appraised } = differs;
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
    const missing = unproven(leaf, entry);
    if (!missing) continue;
    const ref = read.assessment.cells?.[leaf.code]?.evidence;
    out.push({ code: leaf.code, name: leaf.name, selfScore: missing.self, cell: ref ? formatCellRef(ref) : null });
  }
  return out;
}

/** Problems the reader found in the file (not the set's scoring rules): the tamper findings. */
export function fileFindings(check: CheckResult): Problem[] {
  return check.problems.filter((p) => FILE_PROBLEM_CODES.has(p.code));
}
