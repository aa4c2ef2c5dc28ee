/**
 * Targets vs achievement, the table units put in their yearly plan (Điểm tối đa · Mục tiêu ·
 * Tỷ lệ mục tiêu · Điểm đạt · Tỷ lệ đạt · Hoàn thành · Chênh lệch). Rates are computed
 * from points, never typed: the 2025 plan prints "≥ 65%" for 5,5 of 8,5, which is 64,71%.
 */
import type { Assessment } from './assessment';
import { previousScoreOf } from './previous-scores';
import type { CriteriaSet } from './criteria-set';
import { ratio, subtractPoints, sumPoints, toMilli } from './decimal';
import { computeTotals, type NodeTotals, type ScoreBasis } from './totals';
import type { Band } from './schema';

export type PlanStatus = 'met' | 'near' | 'below' | 'no-target' | 'no-score';

export interface PlanRow {
  code: string;
  name: string;
  depth: number;
  maxScore: number;
  applicableMax: number;
  target: number | null;
  targetRate: number | null;
  score: number | null;
  scoreRate: number | null;
  completion: number | null;
  gapToTarget: number | null;
  gapToMax: number | null;
  status: PlanStatus;
  /** Last year's final score of the row (previous-scores.ts); null where there is none. */
  previousScore: number | null;
  /** This year's score − last year's; null when either is missing. */
  changeFromPrevious: number | null;
}

export interface Plan {
  basis: ScoreBasis;
  rows: PlanRow[];
  total: PlanRow;
  band: Band | null;
}

export interface PlanOptions {
  /** Default final: the appraised score where there is one, else the self-score. */
  basis?: ScoreBasis;
  /** Deepest level listed: 1 = fields (the plan table), Infinity = every row. */
  depth?: number;
  /** Completion at or above this (and below 100%) is "near". */
  nearBand?: number;
}

export const DEFAULT_NEAR_BAND = 0.9;

export function buildPlan(set: CriteriaSet, assessment: Assessment, options: PlanOptions = {}): Plan {
  const basis = options.basis ?? 'final';
  const totals = computeTotals(set, assessment, basis);
  const near = options.nearBand ?? DEFAULT_NEAR_BAND;
  const depth = options.depth ?? 1;
  const rows = set.nodes
    .filter((n) => n.depth <= depth)
    .map((n) => planRow(n.code, n.name, n.depth, totals.byCode.get(n.code)!, near, previousScoreOf(assessment, n.code)));
  // As "Tổng hợp" adds them: the fields that have last year's score.
  const fieldPrevious = set.items.map((f) => previousScoreOf(assessment, f.code)).filter((p): p is number => p !== null);
  const totalPrevious = fieldPrevious.length === 0 ? null : sumPoints(fieldPrevious);
  return { basis, rows, total: planRow('', 'Tổng cộng', 0, totals.total, near, totalPrevious), band: totals.band };
}

export function planRow(code: string, name: string, depth: number, t: NodeTotals, nearBand: number, previousScore: number | null = null): PlanRow {
  const { target, score, applicableMax } = t;
  return {
    code,
    name,
    depth,
    maxScore: t.maxScore,
    applicableMax,
    target,
    targetRate: target === null ? null : ratio(target, applicableMax),
    score,
    scoreRate: score === null ? null : ratio(score, applicableMax),
    completion: target === null || score === null ? null : ratio(score, target),
    gapToTarget: target === null || score === null ? null : subtractPoints(target, score),
    gapToMax: score === null ? null : subtractPoints(applicableMax, score),
    status: statusOf(target, score, nearBand),
    previousScore,
    changeFromPrevious: score === null || previousScore === null ? null : subtractPoints(score, previousScore),
  };
}

export function statusOf(target: number | null, score: number | null, nearBand: number): PlanStatus {
  if (target === null) return 'no-target';
  if (score === null) return 'no-score';
  if (toMilli(score) >= toMilli(target)) return 'met';
  const completion = ratio(score, target);
  // Rounded like the sheet's ROUND(score/target, 9): 13,77 of 15,3 is exactly 90 %.
  return completion !== null && Math.round(completion * 1e9) / 1e9 >= nearBand ? 'near' : 'below';
}

export const STATUS_LABELS: Record<PlanStatus, { vi: string; en: string }> = {
  met: { vi: 'Đạt mục tiêu', en: 'Target met' },
  near: { vi: 'Gần đạt', en: 'Near target' },
  below: { vi: 'Chưa đạt', en: 'Below target' },
  'no-target': { vi: 'Chưa có mục tiêu', en: 'No target' },
  'no-score': { vi: 'Chưa chấm', en: 'Not scored' },
};
