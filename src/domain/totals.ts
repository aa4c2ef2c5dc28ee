/**
 * Totals per node from its leaves. A "không đánh giá" leaf leaves both the achieved
 * points and the maximum, so the index is achieved ÷ applicable maximum (a unit with no
 * survey is scored out of 84 or 77, not 100).
 */
import { entryOf, type Assessment, type Entry } from './assessment';
import type { Criterion, CriteriaSet } from './criteria-set';
import { fromMilli, ratio, toMilli } from './decimal';
import { cellNumber } from './number';
import { classify } from './bands';
import { isApplicableLeaf, leafFinalPoints } from './result';
import type { Band } from './schema';

/**
 * final: the workbook's "Điểm đạt" — per self-scored leaf the appraised score where there
 * is one, else the self-score; per survey or council leaf its entered score (result.ts).
 */
export type ScoreBasis = 'self' | 'appraised' | 'final';

export interface NodeTotals {
  code: string;
  maxScore: number;
  /** Maximum of the leaves that are assessed (not marked "không đánh giá"). */
  applicableMax: number;
  /** Sum of the scored applicable leaves; null when none is scored. */
  score: number | null;
  /** Typed target, or the sum of the children's when every applicable child has one. */
  target: number | null;
  leaves: number;
  applicableLeaves: number;
  scoredLeaves: number;
}

export interface Totals {
  basis: ScoreBasis;
  byCode: Map<string, NodeTotals>;
  total: NodeTotals;
  /** score ÷ applicable maximum, a fraction; null when nothing is scored or applicable. */
  index: number | null;
  band: Band | null;
}

/** A leaf's points on a basis; text is not a number, as in the workbook's sums. */
export function leafScore(node: Criterion, entry: Entry, basis: ScoreBasis): number | null {
  if (basis === 'self') return cellNumber(entry.selfScore);
  if (basis === 'appraised') return cellNumber(entry.appraisedScore);
  return leafFinalPoints(node, entry);
}

const isApplicable = isApplicableLeaf;

export function computeTotals(set: CriteriaSet, assessment: Assessment, basis: ScoreBasis = 'self'): Totals {
  const byCode = new Map<string, NodeTotals>();

  const visit = (node: Criterion): Summed => {
    const entry = entryOf(assessment, node.code);
    const typedTarget = cellNumber(entry.target);
    if (node.isLeaf) {
      const applicable = isApplicable(node, entry);
      const score = applicable ? leafScore(node, entry, basis) : null;
      const totals: NodeTotals = {
        code: node.code,
        maxScore: node.maxScore,
        applicableMax: applicable ? node.maxScore : 0,
        score,
        target: applicable ? typedTarget : null,
        leaves: 1,
        applicableLeaves: applicable ? 1 : 0,
        scoredLeaves: score === null ? 0 : 1,
      };
      byCode.set(node.code, totals);
      return {
        totals,
        applicableMax: applicable ? toMilli(node.maxScore) : 0,
        score: score === null ? 0 : toMilli(score),
        target: applicable && typedTarget !== null ? toMilli(typedTarget) : null,
      };
    }
    const sum = sumOf(node.children.map(visit));
    const target = sum.applicableLeaves === 0 ? null : typedTarget !== null ? toMilli(typedTarget) : sum.target;
    const totals = nodeTotals(node.code, node.maxScore, sum, target);
    byCode.set(node.code, totals);
    return { totals, applicableMax: sum.applicableMax, score: sum.score, target };
  };

  const sum = sumOf(set.items.map(visit));
  const total = nodeTotals('', set.totalMax, sum, sum.target);
  const index = total.score === null ? null : ratio(total.score, total.applicableMax);
  return { basis, byCode, total, index, band: classify(index, set.bands) };
}

export interface GrandTotal {
  score: number | null;
  applicableMax: number;
  index: number | null;
  band: Band | null;
}

/**
 * What computeTotals says of the whole set — total score, applicable maximum, index and
 * band — without totals per node: the leaves added up directly, which is what the tree
 * adds up to. A check needs only this for two of its three bases.
 */
export function grandTotal(set: CriteriaSet, assessment: Assessment, basis: ScoreBasis): GrandTotal {
  let applicableMax = 0;
  let score = 0;
  let scored = 0;
  for (const node of set.nodes) {
    if (!node.isLeaf) continue;
    const entry = entryOf(assessment, node.code);
    if (!isApplicable(node, entry)) continue;
    applicableMax += toMilli(node.maxScore);
    const points = leafScore(node, entry, basis);
    if (points === null) continue;
    score += toMilli(points);
    scored++;
  }
  const total = scored > 0 ? fromMilli(score) : null;
  const index = total === null ? null : ratio(total, fromMilli(applicableMax));
  return { score: total, applicableMax: fromMilli(applicableMax), index, band: classify(index, set.bands) };
}

/** A node's totals beside its sums in thousandths (see decimal.ts), so 0,1 + 0,2 is 0,3. */
interface Summed extends Milli {
  totals: NodeTotals;
}

function nodeTotals(code: string, maxScore: number, sum: ReturnType<typeof sumOf>, target: number | null): NodeTotals {
  return {
    code,
    maxScore,
    applicableMax: fromMilli(sum.applicableMax),
    score: sum.scoredLeaves > 0 ? fromMilli(sum.score) : null,
    target: target === null ? null : fromMilli(target),
    leaves: sum.leaves,
    applicableLeaves: sum.applicableLeaves,
    scoredLeaves: sum.scoredLeaves,
  };
}

/** Children added up. A parent's target is known only when every applicable child's is. */
function sumOf(children: readonly Summed[]) {
  let applicableMax = 0;
  let score = 0;
  let target: number | null = 0;
  let leaves = 0;
  let applicableLeaves = 0;
  let scoredLeaves = 0;
  for (const child of children) {
    applicableMax += child.applicableMax;
    score += child.score;
    leaves += child.totals.leaves;
    scoredLeaves += child.totals.scoredLeaves;
    if (child.totals.applicableLeaves > 0) {
      applicableLeaves += child.totals.applicableLeaves;
      target = target === null || child.target === null ? null : target + child.target;
    }
  }
  return { applicableMax, score, target: applicableLeaves === 0 ? null : target, leaves, applicableLeaves, scoredLeaves };
}

interface Milli {
  applicableMax: number;
  score: number;
  target: number | null;
}
