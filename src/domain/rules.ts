/**
 * Two rules the validation and the appraisal view both apply, written once.
 */
import { hasText, type Entry } from './assessment';
import type { Criterion } from './criteria-set';
import { pointsEqual } from './decimal';
import { cellNumber } from './number';
import { isApplicableLeaf } from './result';

/**
 * A self-scored leaf that scores above zero and needs evidence but has none: its
 * self-score, else null. With an explanation it is a warning (evidence-missing), without
 * one an error (explanation-missing).
 */
export function scoredWithoutEvidence(node: Criterion, entry: Entry): { self: number; explained: boolean } | null {
  if (!node.isLeaf || node.scoredBy !== 'self' || !node.evidenceRequired || !isApplicableLeaf(node, entry)) return null;
  const self = cellNumber(entry.selfScore);
  if (self === null || self <= 0 || hasText(entry.evidence)) return null;
  return { self, explained: hasText(entry.explanation) };
}

/** Both scores are numbers and the council's differs from the unit's (to the thousandth). */
export function appraisedDiffers(entry: Entry): { self: number; appraised: number } | null {
  const self = cellNumber(entry.selfScore);
  const appraised = cellNumber(entry.appraisedScore);
  if (self === null || appraised === null || pointsEqual(self, appraised)) return null;
  return { self, appraised };
}
