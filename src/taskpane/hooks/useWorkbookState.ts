/** The workbook state and the scoring workbook in it, when there is one. */
import type { ReadableWorkbook } from '../../workbook/read/interpret';
import type { CheckResult } from '../../workbook/read/check';
import type { WorkbookState } from '../../workbook/port';
import { useWorkbook } from '../workbook-context';

export function useWorkbookState(): { state: WorkbookState | null; workbook: ReadableWorkbook | null; check: CheckResult | null } {
  const { state } = useWorkbook();
  return { state, workbook: state?.workbook ?? null, check: state?.check ?? null };
}
