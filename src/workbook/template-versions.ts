/**
 * The template versions a file may have been made with. Each file records its version in
 * "_par" (META_KEYS.templateVersion); the reader rebuilds that version's template and
 * compares the file's formulas with it, so files units already filled keep checking clean
 * after we change a formula. A version added here needs its differences kept in the
 * builder (see templates/).
 *
 * 1.0.0 — head with a self and an appraised index, each with its own band; "Điểm đạt" of a
 *         survey or council leaf fell back to a self-score typed there.
 * 1.1.0 — head with the result of domain/result.ts (self, appraised, final, band on the
 *         published index, tạm tính) and its defined names; survey and council leaves
 *         count only the score entered for them.
 */
import { TEMPLATE_VERSION } from './layout';

export const TEMPLATE_VERSIONS = ['1.0.0', TEMPLATE_VERSION] as const;

/**
 * The version to rebuild for a file: its own when we know it; a file without one predates
 * versioning (1.0.0); a newer version than ours is compared with ours, the closest we have.
 */
export function templateVersionOf(recorded: string | null): string {
  if (recorded === null) return TEMPLATE_VERSIONS[0];
  return (TEMPLATE_VERSIONS as readonly string[]).includes(recorded) ? recorded : TEMPLATE_VERSION;
}
