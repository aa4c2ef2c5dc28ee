/** The plan table per field, the gap ranking and the cells they point at. */
import { useMemo } from 'react';
import { buildPlan, formatCellRef, rankGaps, type Gap, type Plan } from '../../domain';
import type { ReadableWorkbook } from '../../workbook/read/interpret';
import { useWorkbookState } from './useWorkbookState';

export interface GapItem extends Gap {
  /** Where to take the user: the row's self-score cell (its target for a parent). */
  cell: string | null;
}

export interface PlanView {
  plan: Plan;
  againstMax: GapItem[];
  againstTarget: GapItem[];
}

export const GAPS_SHOWN = 8;

export function planViewOf(read: ReadableWorkbook): PlanView {
  // Targets are measured against the final result (domain/result.ts), as everywhere else.
  const plan = buildPlan(read.set, read.assessment, { depth: 1, basis: 'final' });
  const gaps = rankGaps(read.set, read.assessment, 'final');
  const withCell = (g: Gap): GapItem => {
    const refs = read.assessment.cells?.[g.code];
    const ref = refs?.selfScore ?? refs?.target;
    return { ...g, cell: ref ? formatCellRef(ref) : null };
  };
  return { plan, againstMax: gaps.againstMax.slice(0, GAPS_SHOWN).map(withCell), againstTarget: gaps.againstTarget.slice(0, GAPS_SHOWN).map(withCell) };
}

export function usePlan(): PlanView | null {
  const { workbook } = useWorkbookState();
  return useMemo(() => (workbook ? planViewOf(workbook) : null), [workbook]);
}
