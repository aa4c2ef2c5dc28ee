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

  const visit = (node: Criterion): NodeTotals & { milli: Milli } => {
    const typedTarget = numberOrNull(entryOf(assessment, node.code).target);
    if (node.isLeaf) {
      const entry = entryOf(assessment, node.code);
      const applicable = !(entry.notApplicable && node.allowNotApplicable);
      const score = applicable ? leafScore(entry, basis) : null;
      const result = {
        code: node.code,
        maxScore: node.maxScore,
        applicableMax: applicable ? node.maxScore : 0,
        score,
        target: applicable ? typedTarget : null,
        leaves: 1,
        applicableLeaves: applicable ? 1 : 0,
        scoredLeaves: score === null ? 0 : 1,
        milli: {
          applicableMax: applicable ? toMilli(node.maxScore) : 0,
          score: score === null ? 0 : toMilli(score),
          target: applicable && typedTarget !== null ? toMilli(typedTarget) : null,
        },
      };
      byCode.set(node.code, strip(result));
      return result;
    }
    const children = node.children.map(visit);
    const milli = {
      applicableMax: children.reduce((s, c) => s + c.milli.applicableMax, 0),
      score: children.reduce((s, c) => s + c.milli.score, 0),
      target: childTargets(children),
    };
    const counts = {
      leaves: children.reduce((s, c) => s + c.leaves, 0),
      applicableLeaves: children.reduce((s, c) => s + c.applicableLeaves, 0),
      scoredLeaves: children.reduce((s, c) => s + c.scoredLeaves, 0),
    };
    const target = counts.applicableLeaves === 0 ? null : typedTarget !== null ? toMilli(typedTarget) : milli.target;
    const result = {
      code: node.code,
      maxScore: node.maxScore,
      applicableMax: fromMilli(milli.applicableMax),
      score: counts.scoredLeaves > 0 ? fromMilli(milli.score) : null,
      target: target === null ? null : fromMilli(target),
      ...counts,
      milli: { ...milli, target },
    };
    byCode.set(node.code, strip(result));
    return result;
  };

  const fields = set.items.map(visit);
  const totalMilli = {
    applicableMax: fields.reduce((s, c) => s + c.milli.applicableMax, 0),
    score: fields.reduce((s, c) => s + c.milli.score, 0),
    target: childTargets(fields),
  };
  const scoredLeaves = fields.reduce((s, c) => s + c.scoredLeaves, 0);
  const total: NodeTotals = {
    code: '',
    maxScore: set.totalMax,
    applicableMax: fromMilli(totalMilli.applicableMax),
    score: scoredLeaves > 0 ? fromMilli(totalMilli.score) : null,
    target: totalMilli.target === null ? null : fromMilli(totalMilli.target),
    leaves: fields.reduce((s, c) => s + c.leaves, 0),
    applicableLeaves: fields.reduce((s, c) => s + c.applicableLeaves, 0),
    scoredLeaves,
  };
  const index = total.score === null ? null : ratio(total.score, total.applicableMax);
  return { basis, byCode, total, index, band: classify(index, set.bands) };
}

interface Milli {
  applicableMax: number;
  score: number;
  target: number | null;
}

/** A parent's target is known only when every applicable child's is. */
function childTargets(children: ReadonlyArray<{ applicableLeaves: number; milli: Milli }>): number | null {
  const applicable = children.filter((c) => c.applicableLeaves > 0);
  if (applicable.length === 0 || applicable.some((c) => c.milli.target === null)) return null;
  return applicable.reduce((s, c) => s + (c.milli.target ?? 0), 0);
}

function strip<T extends { milli: Milli }>(value: T): Omit<T, 'milli'> {
  const { milli: _milli, ...rest } = value;
  return rest;
}
