/**
 * npm run bench — the scoring core on a 200-leaf set: validate and plan, each target ≤ 2 ms.
 * Reported, never asserted: timing belongs here, not in tests.
 */
import { buildPlan, rankGaps, validateAssessment } from '../../src/domain';
import { syntheticAssessment, syntheticSet } from '../fixtures/synthetic-set';
import { measure, report } from './measure';

export function benchCore(): void {
  const set = syntheticSet(8, 5, 5);
  const assessment = syntheticAssessment(set);
  report('core (200 leaves)', [
    measure('validateAssessment', () => validateAssessment(set, assessment), { target: 2 }),
    measure('buildPlan (every row)', () => buildPlan(set, assessment, { depth: Infinity }), { target: 2 }),
    measure('rankGaps', () => rankGaps(set, assessment)),
  ]);
  if (set.leaves.length !== 200) throw new Error(`expected 200 leaves, got ${set.leaves.length}`);
}
