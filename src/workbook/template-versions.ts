/**
 * The template versions a file may have been made with. Each file records its version in
 * "_par" (META_KEYS.templateVersion); the reader rebuilds that version's template and
 * compares the file's formulas with it, so files units already filled keep checking clean
 * after we change a formula. A version added here needs its differences kept in the
 * builder (see templates/).
 *
 * 1.0.0 — head with a self and an appraised index, each with its own band, the year in I3;
 *         "Điểm đạt" of a survey or council leaf fell back to a self-score typed there;
 *         "Tổng hợp" of ten columns, the field target typed in D (templates/summary-1.0.0.ts).
 * 1.1.0 — head with the result of domain/result.ts (self, appraised, final, band on the
 *         published index, tạm tính) and its defined names; survey and council leaves
 *         count only the score entered for them; the year in H3; "Tổng hợp" as the seed 001
 *         plan table (applicable maximum, who and when), the field target typed in E
 *         (templates/summary-1.1.0.ts).
 * 1.2.0 — "Điểm năm trước" (last year's final score, typed or carried by par-index template
 *         --previous) in the scoring sheet's column U, after the row kinds; "Tổng hợp" shows it
 *         before the target (now typed in F) and the change from last year after the rate.
 */
import { HEAD, ROWS, SUMMARY, TEMPLATE_VERSION } from './layout';
import { SUMMARY_COLUMNS_1_0_0 } from './templates/summary-1.0.0';
import { SUMMARY_COLUMNS_1_1_0 } from './templates/summary-1.1.0';

export const TEMPLATE_VERSIONS = ['1.0.0', '1.1.0', TEMPLATE_VERSION] as const;

/**
 * The version to rebuild for a file: its own when we know it; a file without one predates
 * versioning (1.0.0); a newer version than ours is compared with ours, the closest we have.
 */
export function templateVersionOf(recorded: string | null): string {
  if (recorded === null) return TEMPLATE_VERSIONS[0];
  return (TEMPLATE_VERSIONS as readonly string[]).includes(recorded) ? recorded : TEMPLATE_VERSION;
}

export type SummaryColumnKey = (typeof SUMMARY.columns)[number];

/** Where a version put what readers look for: the summary's columns and the head's typed cells. */
export interface TemplateLayout {
  /** "Tổng hợp" columns in order; a column's index + 1 is where the template put it. */
  summaryColumns: readonly SummaryColumnKey[];
  headUnit: { row: number; col: number };
  headYear: { row: number; col: number };
}

const LAYOUTS: Record<string, TemplateLayout> = {
  '1.0.0': { summaryColumns: SUMMARY_COLUMNS_1_0_0, headUnit: HEAD.unit, headYear: { row: ROWS.unit, col: 9 } },
  '1.1.0': { summaryColumns: SUMMARY_COLUMNS_1_1_0, headUnit: HEAD.unit, headYear: HEAD.year },
};

/** The layout of a template version (today's for ours, or one we do not know). */
export function layoutOf(version: string | undefined): TemplateLayout {
  return (version !== undefined && LAYOUTS[version]) || { summaryColumns: SUMMARY.columns, headUnit: HEAD.unit, headYear: HEAD.year };
}

/** The column a version put a summary column in (1-based). */
export function summaryColumnOf(layout: TemplateLayout, key: SummaryColumnKey): number {
  return layout.summaryColumns.indexOf(key) + 1;
}
