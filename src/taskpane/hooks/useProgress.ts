/** The officer's progress, from what is typed in the sheet. */
import { useMemo } from 'react';
import { hasText, numberOrNull } from '../../domain';
import type { ReadableWorkbook } from '../../workbook/read/interpret';
import { useWorkbookState } from './useWorkbookState';

export interface Progress {
  /** Leaves the unit scores itself (not the survey's or the council's), and those done (scored or "không đánh giá"). */
  leaves: number;
  scored: number;
  /** Leaves scored above zero that need evidence, and those that have it. */
  needEvidence: number;
  withEvidence: number;
  notApplicable: number;
}

export function progressOf(read: ReadableWorkbook): Progress {
  const p: Progress = { leaves: 0, scored: 0, needEvidence: 0, withEvidence: 0, notApplicable: 0 };
  for (const leaf of read.set.leaves) {
    const entry = read.assessment.entries[leaf.code] ?? {};
    const na = entry.notApplicable === true && leaf.allowNotApplicable;
    if (na) p.notApplicable++;
    if (leaf.scoredBy !== 'self') continue;
    p.leaves++;
    const score = numberOrNull(entry.selfScore);
    if (na || score !== null) p.scored++;
    if (!na && score !== null && score > 0 && leaf.evidenceRequired) {
      p.needEvidence++;
      if (hasText(entry.evidence)) p.withEvidence++;
    }
  }
  return p;
}

export function useProgress(): Progress | null {
  const { workbook } = useWorkbookState();
  return useMemo(() => (workbook ? progressOf(workbook) : null), [workbook]);
}
