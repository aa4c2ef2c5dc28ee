import type { Result } from '../domain';

/**
 * The result as --json gives it, the same object for check and plan: each figure's
 * points, maximum and index (a fraction, exact); the final figure also its published
 * index (rounded to 0,01%, what ranks and bands are decided on), band (the set's label,
 * or null) and whether it is provisional.
 */
export function resultJson(result: Result) {
  const { self, appraised, survey, council, final } = result;
  return { self, appraised, survey, council, final };
}
