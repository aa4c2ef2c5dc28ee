/**
 * What a computed cell of the template should show, from the engine, so a message about
 * an overwritten formula can say "the file shows 9, it should compute 8,5".
 */
import { NO_BAND, STATUS_LABELS, buildPlan, computeResult, computeTotals, formatPoints, formatRate, type Assessment, type CriteriaSet, type PlanRow, type Totals } from '../../domain';

/** Which row of the template a computed cell is on. */
export type RowRef = { kind: 'node'; code: string } | { kind: 'total' } | { kind: 'head'; basis: 'self' | 'appraised' | 'final' };

export type ExpectedValue = (sheet: 'scoring' | 'summary', key: string, at: RowRef) => string | null;

export function expectedValues(set: CriteriaSet, assessment: Assessment): ExpectedValue {
  const self = computeTotals(set, assessment, 'self');
  const appraised = computeTotals(set, assessment, 'appraised');
  const plan = buildPlan(set, assessment, { basis: 'final', depth: Number.POSITIVE_INFINITY });
  const planRows = new Map(plan.rows.map((r) => [r.code, r]));
  let result: ReturnType<typeof computeResult> | null = null;
  const points = (n: number | null) => (n === null ? 'trống' : formatPoints(n));
  const rate = (n: number | null) => (n === null ? 'trống' : formatRate(n));
  const sum = (t: Totals, code: string | null) => {
    const node = code === null ? t.total : t.byCode.get(code)!;
    return formatPoints(node.score ?? 0);
  };

  return (_sheet, key, at) => {
    if (at.kind === 'head') {
      const figure = (result ??= computeResult(set, assessment))[at.basis];
      if (key === 'total') return points(figure.points);
      if (key === 'max') return formatPoints(figure.max);
      if (key === 'index') return rate(figure.index);
      if (key === 'band') return result.final.band ?? NO_BAND.vi;
      if (key === 'provisional') return result.final.provisional ? 'TRUE' : 'FALSE';
      return null;
    }
    const row: PlanRow | undefined = at.kind === 'total' ? plan.total : planRows.get(at.code);
    if (!row) return null;
    const code = at.kind === 'total' ? null : at.code;
    switch (key) {
      case 'maxScore':
        return formatPoints(row.maxScore);
      case 'applicableMax':
        return formatPoints(row.applicableMax);
      case 'target':
        return points(row.target);
      case 'selfScore':
        return sum(self, code);
      case 'appraisedScore':
        return sum(appraised, code);
      case 'score':
        return points(row.score);
      case 'scoreRate':
        return rate(row.scoreRate);
      case 'targetRate':
        return rate(row.targetRate);
      case 'completion':
        return rate(row.completion);
      case 'gapToTarget':
        return points(row.gapToTarget);
      case 'gapToMax':
        return points(row.gapToMax);
      case 'status':
        return STATUS_LABELS[row.status].vi;
      default:
        return null;
    }
  };
}
