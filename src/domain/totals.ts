/**
 * Totals per node from its leaves. A "không đánh giá" leaf leaves both the achieved
 * points and the maximum, so the index is achieved ÷ applicable maximum (a unit with no
 * survey is scored out of 84 or 77, not 100).
 */
import { entryOf, type Assessment, type Entry } from './assessment';
import type { Criterion, CriteriaSet } from './criteria-set';
import { fromMilli, ratio, toMilli } from './decimal';
import { numberOrNull } from './number';
import { classify } from './bands';
import type { Band } from './schema';

/** final: the appraised score where there is one, else the self-score (the workbook's "Điểm đạt"). */
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

export function leafScore(entry: Entry, basis: ScoreBasis): number | null {
  if (basis === 'self') return numberOrNull(entry.selfScore);
  if (basis === 'appraised') return numberOrNull(entry.appraisedScore);
  return numberOrNull(entry.appraisedScore) ?? numberOrNull(entry.selfScore);
}

export function computeTotals(set: CriteriaSet, assessment: Assessment, basis: ScoreBasis = 'self'): Totals {
  const byCode = new Map<string, NodeTotals>();
  // Sums are kept in thousandths beside each node (see decimal.ts), so 0,1 + 0,2 is 0,3.
  const milliOf = new Map<string, Milli>();

  const visit = (node: Criterion): NodeTotals => {
    const typedTarget = numberOrNull(entryOf(assessment, node.code).target);
    if (node.isLeaf) {
      const entry = entryOf(assessment, node.code);
      const applicable = !(entry.notApplicable && node.allowNotApplicable);
      const score = applicable ? leafScore(entry, basis) : null;
      const result: NodeTotals = {
        code: node.code,
        maxScore: node.maxScore,
        applicableMax: applicable ? node.maxScore : 0,
        score,
        target: applicable ? typedTarget : null,
        leaves: 1,
        applicableLeaves: applicable ? 1 : 0,
        scoredLeaves: score === null ? 0 : 1,
      };
      milliOf.set(node.code, {
        applicableMax: applicable ? toMilli(node.maxScore) : 0,
        score: score === null ? 0 : toMilli(score),
        target: applicable && typedTarget !== null ? toMilli(typedTarget) : null,
      });
      byCode.set(node.code, result);
      return result;
    }
    const sum = sumOf(node.children.map(visit), milliOf);
    const target = sum.applicableLeaves === 0 ? null : typedTarget !== null ? toMilli(typedTarget) : sum.milli.target;
    const result: NodeTotals = {
      code: node.code,
      maxScore: node.maxScore,
      applicableMax: fromMilli(sum.milli.applicableMax),
      score: sum.scoredLeaves > 0 ? fromMilli(sum.milli.score) : null,
      target: target === null ? null : fromMilli(target),
      leaves: sum.leaves,
      applicableLeaves: sum.applicableLeaves,
      scoredLeaves: sum.scoredLeaves,
    };
    milliOf.set(node.code, { ...sum.milli, target });
    byCode.set(node.code, result);
    return result;
  };

  const sum = sumOf(set.items.map(visit), milliOf);
  const total: NodeTotals = {
    code: '',
    maxScore: set.totalMax,
    applicableMax: fromMilli(sum.milli.applicableMax),
    score: sum.scoredLeaves > 0 ? fromMilli(sum.milli.score) : null,
    target: sum.milli.target === null ? null : fromMilli(sum.milli.target),
    leaves: sum.leaves,
    applicableLeaves: sum.applicableLeaves,
    scoredLeaves: sum.scoredLeaves,
  };
  const index = total.score === null ? null : ratio(total.score, total.applicableMax);
  return { basis, byCode, total, index, band: classify(index, set.bands) };
}

/**
 * Children added up. A parent's target is known only when every applicable child's is.
 */
function sumOf(children: readonly NodeTotals[], milliOf: ReadonlyMap<string, Milli>) {
  let applicableMax = 0;
  let score = 0;
  let target: number | null = 0;
  let leaves = 0;
  let applicableLeaves = 0;
  let scoredLeaves = 0;
  for (const child of children) {
    const milli = milliOf.get(child.code)!;
    applicableMax += milli.applicableMax;
    score += milli.score;
    leaves += child.leaves;
    scoredLeaves += child.scoredLeaves;
    if (child.applicableLeaves > 0) {
      applicableLeaves += child.applicableLeaves;
      target = target === null || milli.target === null ? null : target + milli.target;
    }
  }
  return { milli: { applicableMax, score, target: applicableLeaves === 0 ? null : target } as Milli, leaves, applicableLeaves, scoredLeaves };
}

interface Milli {
  applicableMax: number;
  score: number;
  target: number | null;
}
