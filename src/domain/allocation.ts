/**
 * Proposing targets from an overall goal and last year's scores: rows already at their
 * maximum keep it, the rest of the goal is shared in proportion to headroom
 * (max − last), capped at each maximum with the overflow passed on, not-assessed rows
 * left out. The proposal adds up to the goal exactly, or says why it cannot.
 */
import type { Assessment } from './assessment';
import type { Criterion, CriteriaSet } from './criteria-set';
import { fromMilli, toMilli } from './decimal';
import { formatPoints } from './number';
import { previousScoreOf } from './previous-scores';
import { computeTotals } from './totals';

export interface AllocationItem {
  code: string;
  maxScore: number;
  /** Last year's score (or a forecast); null when unknown, which counts as 0. */
  last: number | null;
  notApplicable?: boolean;
  /** How much of its headroom a row can realistically win, relative to others (default 1). */
  weight?: number;
}

export type Goal = { points: number } | { rate: number };

export type AllocationResult =
  | { ok: true; goalPoints: number; targets: Record<string, number> }
  | { ok: false; reason: 'goal-above-max' | 'goal-below-last' | 'goal-invalid'; goalPoints: number | null; message: string; messageEn: string };

export interface AllocationOptions {
  /** Targets are proposed on this grid (points); leftover thousandths go to the roomiest row. */
  step?: number;
}

export function proposeTargets(items: readonly AllocationItem[], goal: Goal, options: AllocationOptions = {}): AllocationResult {
  const stepM = Math.max(1, toMilli(options.step ?? 0.01));
  const rows = items
    .filter((i) => !i.notApplicable)
    .map((i) => {
      const max = toMilli(i.maxScore);
      const last = Math.min(max, Math.max(0, toMilli(i.last ?? 0)));
      return { code: i.code, max, last, weight: i.weight ?? 1, share: 0 };
    });
  const maxM = rows.reduce((s, r) => s + r.max, 0);
  const lastM = rows.reduce((s, r) => s + r.last, 0);
  const rawGoal = 'points' in goal ? goal.points : goal.rate * fromMilli(maxM);
  if (!Number.isFinite(rawGoal) || rawGoal < 0) {
    return { ok: false, reason: 'goal-invalid', goalPoints: null, message: 'Mục tiêu chung phải là một số không âm', messageEn: 'The goal must be a non-negative number' };
  }
  const goalM = 'points' in goal ? toMilli(rawGoal) : Math.round(toMilli(rawGoal) / stepM) * stepM;
  const goalPoints = fromMilli(goalM);
  if (goalM > maxM) {
    return {
      ok: false, reason: 'goal-above-max', goalPoints,
      message: `Mục tiêu ${formatPoints(goalPoints)} điểm vượt tổng điểm tối đa được đánh giá ${formatPoints(fromMilli(maxM))}`,
      messageEn: `Goal ${goalPoints} exceeds the applicable maximum ${fromMilli(maxM)}`,
    };
  }
  if (goalM < lastM) {
    return {
      ok: false, reason: 'goal-below-last', goalPoints,
      message: `Mục tiêu ${formatPoints(goalPoints)} điểm thấp hơn kết quả năm trước ${formatPoints(fromMilli(lastM))}: không thể giữ điểm đã đạt mà vẫn bằng mục tiêu; hãy đặt mục tiêu từ ${formatPoints(fromMilli(lastM))} điểm trở lên`,
      messageEn: `Goal ${goalPoints} is below last year's ${fromMilli(lastM)}`,
    };
  }

  // Water-filling: share in proportion to weight × headroom; a row that would pass its
  // maximum is capped and the rest shared again among the others.
  let remaining = goalM - lastM;
  let open = rows.filter((r) => r.max > r.last && r.weight > 0);
  const ideal = new Map<string, number>(rows.map((r) => [r.code, 0]));
  while (remaining > 1e-9 && open.length > 0) {
    const totalWeight = open.reduce((s, r) => s + r.weight * (r.max - r.last), 0);
    const capped = open.filter((r) => (remaining * r.weight * (r.max - r.last)) / totalWeight > r.max - r.last + 1e-9);
    if (capped.length === 0) {
      for (const r of open) ideal.set(r.code, ideal.get(r.code)! + (remaining * r.weight * (r.max - r.last)) / totalWeight);
      remaining = 0;
      break;
    }
    for (const r of capped) {
      ideal.set(r.code, r.max - r.last);
      remaining -= r.max - r.last;
    }
    open = open.filter((r) => !capped.includes(r));
  }
  if (remaining > 1e-9) {
    // Only zero-weight rows have room left: they take the rest by headroom.
    open = rows.filter((r) => r.max - r.last - ideal.get(r.code)! > 1e-9);
    const room = open.reduce((s, r) => s + r.max - r.last - ideal.get(r.code)!, 0);
    for (const r of open) ideal.set(r.code, ideal.get(r.code)! + (remaining * (r.max - r.last - ideal.get(r.code)!)) / room);
  }

  // Round shares down to the step, then hand out whole steps by largest remainder, then
  // the last few thousandths, so the proposal sums to the goal exactly.
  for (const r of rows) r.share = Math.min(r.max - r.last, Math.floor(ideal.get(r.code)! / stepM + 1e-9) * stepM);
  let left = goalM - lastM - rows.reduce((s, r) => s + r.share, 0);
  const byRemainder = [...rows].sort((a, b) => ideal.get(b.code)! - b.share - (ideal.get(a.code)! - a.share));
  for (const unit of [stepM, 1]) {
    let progressed = true;
    while (left >= unit && progressed) {
      progressed = false;
      for (const r of byRemainder) {
        if (left < unit) break;
        if (r.max - r.last - r.share >= unit) {
          r.share += unit;
          left -= unit;
          progressed = true;
        }
      }
    }
  }
  const targets: Record<string, number> = {};
  for (const r of rows) targets[r.code] = fromMilli(r.last + r.share);
  return { ok: true, goalPoints, targets };
}

/**
 * Targets for a whole set from last year's scores: shared among the rows at `depth`
 * (1 = fields, as in the plan table; deeper levels use leaves where a branch stops
 * earlier), then added up for their parents.
 *
 * Last year's score of a row is, first, one typed for it (`lastScores`); else, when the
 * workbook carries last year's results (`previousScore`, previous-scores.ts), that — and
 * the proposal then goes down to the sub-criteria by default; else the workbook's own
 * final scores; a row without one scored nothing last year. A row whose sub-criteria are
 * all new (a criterion split this year) has last year's score only as a whole, so it is
 * given one target as a whole.
 */
export function proposeSetTargets(
  set: CriteriaSet,
  lastYear: Assessment,
  goal: Goal,
  options: AllocationOptions & {
    depth?: number;
    /** Last year's result typed per node (e.g. from last year's report), instead of the scores in `lastYear`. */
    lastScores?: Readonly<Record<string, number>>;
  } = {},
): AllocationResult {
  const previous = new Map(set.nodes.map((n) => [n.code, previousScoreOf(lastYear, n.code)] as const).filter((e): e is [string, number] => e[1] !== null));
  const depth = options.depth ?? (previous.size > 0 ? Number.POSITIVE_INFINITY : 1);
  const totals = computeTotals(set, lastYear, 'final');
  const lastOf = (node: Criterion): number | null =>
    options.lastScores?.[node.code] ?? (previous.size > 0 ? (previous.get(node.code) ?? null) : totals.byCode.get(node.code)!.score);
  const frontier: Criterion[] = [];
  const visit = (node: Criterion) => {
    const applicable = node.children.filter((c) => totals.byCode.get(c.code)!.applicableLeaves > 0);
    // Sub-criteria all new this year (a split criterion): last year's score is known only for the whole.
    const splitThisYear = previous.has(node.code) && !applicable.some((c) => previous.has(c.code));
    if (node.isLeaf || node.depth >= depth || splitThisYear) frontier.push(node);
    else node.children.forEach(visit);
  };
  set.items.forEach(visit);
  const items: AllocationItem[] = frontier.map((n) => {
    const t = totals.byCode.get(n.code)!;
    return { code: n.code, maxScore: t.applicableMax, last: lastOf(n), notApplicable: t.applicableLeaves === 0 };
  });
  const result = proposeTargets(items, goal, options);
  if (!result.ok) return result;
  const targets: Record<string, number> = { ...result.targets };
  const rollUp = (node: Criterion): number | null => {
    if (node.code in targets) return toMilli(targets[node.code]);
    if (node.isLeaf) return null;
    const parts = node.children.map(rollUp).filter((m): m is number => m !== null);
    if (parts.length === 0) return null;
    const sum = parts.reduce((s, m) => s + m, 0);
    targets[node.code] = fromMilli(sum);
    return sum;
  };
  set.items.forEach(rollUp);
  return { ...result, targets };
}

/**
 * The targets of a proposal a planner types: every field's (the plan table's cells) and the
 * rows the goal was shared among. A criterion between them keeps its formula, the sum of
 * its sub-criteria's targets, so it follows when one of them is changed by hand.
 */
export function targetsToType(set: CriteriaSet, targets: Readonly<Record<string, number>>): Map<string, number> {
  const typed = new Map<string, number>();
  for (const node of set.nodes) {
    if (!(node.code in targets)) continue;
    if (node.depth === 1 || !node.children.some((c) => c.code in targets)) typed.set(node.code, targets[node.code]);
  }
  return typed;
}
