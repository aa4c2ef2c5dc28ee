/** What the appraiser reviews, derived from the read workbook and its check. */
import { useMemo } from 'react';
import { appraisalDifferences, fileFindings, scoredWithoutEvidence, type Difference, type MissingEvidence } from '../../workbook/appraisal';
import type { Problem } from '../../domain';
import { useWorkbookState } from './useWorkbookState';

export interface AppraisalView {
  differences: Difference[];
  withoutEvidence: MissingEvidence[];
  findings: Problem[];
}

export function useAppraisal(): AppraisalView | null {
  const { workbook, check } = useWorkbookState();
  return useMemo(
    () => (workbook && check ? { differences: appraisalDifferences(workbook), withoutEvidence: scoredWithoutEvidence(workbook), findings: fileFindings(check) } : null),
    [workbook, check],
  );
}
