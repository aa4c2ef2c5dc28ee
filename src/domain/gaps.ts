/**
 * Where points are lost: against the target (planning) and against the maximum
 * (what the unit could still win). Not-assessed leaves lose nothing.
 */
import type { Assessment } from './assessment';
import { nodeOrder, type CriteriaSet } from './criteria-set';
import { subtractPoints, toMilli } from './decimal';
import { previousScoreOf } from './previous-scores';
import { computeTotals, type ScoreBasis } from './totals';

export interface Gap {
  code: string;
  name: string;
  depth: number;
  isLeaf: boolean;
  maxScore: number;
  score: number;
  /** false when the leaf is not scored yet: its whole maximum counts as lost. */
  scored: boolean;
  target: number | null;
  lost: number;
}

export interface GapRanking {
  /** Nodes with a target, most points short of it first (only those short of it). */
  againstTarget: Gap[];
  /** Applicable leaves, most points below their maximum first (only those below it). */
  againstMax: Gap[];
}

export function rankGaps(set: CriteriaSet, assessment: Assessment, basis: ScoreBasis = 'self'): GapRanking {
  const totals = computeTotals(set, assessment, basis);
  const gaps: Gap[] = [];
  for (const node of set.nodes) {
    const t = totals.byCode.get(node.code)!;
    if (t.applicableLeaves === 0) continue;
    gaps.push({
      code: node.code,
      name: node.name,
      depth: node.depth,
      isLeaf: node.isLeaf,
      maxScore: t.applicableMax,
      score: t.score ?? 0,
      scored: t.scoredLeaves > 0,
      target: t.target,
      lost: 0,
    });
  }
  const order = nodeOrder(set);
  const rank = (list: Gap[]) => list.sort((a, b) => toMilli(b.lost) - toMilli(a.lost) || order.get(a.code)! - order.get(b.code)!);
  const againstTarget = rank(
    gaps.filter((g) => g.target !== null).map((g) => ({ ...g, lost: subtractPoints(g.target!, g.score) })).filter((g) => toMilli(g.lost) > 0),
  );
  const againstMax = rank(
    gaps.filter((g) => g.isLeaf).map((g) => ({ ...g, lost: subtractPoints(g.maxScore, g.score) })).filter((g) => toMilli(g.lost) > 0),
  );
  return { againstTarget, againstMax };
}

/**
 * Where points were lost last year, for this year's plan: each applicable leaf with a
 * "Điểm năm trước", most points below this year's maximum first. The maximum is this
 * year's because that is what can be won back; a leaf not assessed this year loses nothing.
 */
export function previousYearGaps(set: CriteriaSet, assessment: Assessment): Gap[] {
  const totals = computeTotals(set, assessment, 'final');
  const order = nodeOrder(set);
  const gaps: Gap[] = [];
  for (const node of set.leaves) {
    const t = totals.byCode.get(node.code)!;
    const previous = previousScoreOf(assessment, node.code);
    if (previous === null || t.applicableLeaves === 0) continue;
    const lost = subtractPoints(t.applicableMax, previous);
    if (toMilli(lost) <= 0) continue;
    gaps.push({ code: node.code, name: node.name, depth: node.depth, isLeaf: true, maxScore: t.applicableMax, score: previous, scored: true, target: t.target, lost });
  }
  return gaps.sort((a, b) => toMilli(b.lost) - toMilli(a.lost) || order.get(a.code)! - order.get(b.code)!);
}
