/** Check results grouped by field, errors first, each with the cell it points at. */
import { useMemo } from 'react';
import { formatCellRef, SEVERITY_ORDER, type CriteriaSet, type Problem } from '../../domain';
import type { CheckResult } from '../../workbook/read/check';
import { useWorkbookState } from './useWorkbookState';

export interface ProblemItem {
  problem: Problem;
  /** "Chấm điểm!E12", or null when the problem is about the whole file. */
  cell: string | null;
}

export interface ProblemGroup {
  /** Field code, or null for the whole file. */
  field: string | null;
  name: string | null;
  items: ProblemItem[];
  errors: number;
  warnings: number;
}

export function fieldOf(set: CriteriaSet, code: string): string | null {
  let node = set.byCode.get(code);
  while (node?.parentCode) node = set.byCode.get(node.parentCode);
  return node?.code ?? null;
}

function cellOf(problem: Problem, check: CheckResult): string | null {
  if (problem.cell) return formatCellRef(problem.cell);
  if (problem.criterion === null) return null;
  const cells = check.cells[problem.criterion];
  return cells ? (cells.selfScore ?? cells.maxScore) : null;
}

export function groupProblems(set: CriteriaSet, check: CheckResult): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of check.problems) {
    const field = problem.criterion === null ? null : fieldOf(set, problem.criterion);
    const key = field ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { field, name: field ? (set.byCode.get(field)?.name ?? null) : null, items: [], errors: 0, warnings: 0 }));
    group.items.push({ problem, cell: cellOf(problem, check) });
    if (problem.severity === 'error') group.errors++;
    if (problem.severity === 'warning') group.warnings++;
  }
  const order = new Map(set.items.map((f, i) => [f.code, i]));
  const worst = (g: ProblemGroup) => Math.min(...g.items.map((i) => SEVERITY_ORDER[i.problem.severity]));
  return [...groups.values()].sort((a, b) => worst(a) - worst(b) || (a.field === null ? -1 : (order.get(a.field) ?? 0)) - (b.field === null ? -1 : (order.get(b.field) ?? 0)));
}

export function useProblems(): ProblemGroup[] | null {
  const { workbook, check } = useWorkbookState();
  return useMemo(() => (workbook && check ? groupProblems(workbook.set, check) : null), [workbook, check]);
}
