/**
 * "Tổng hợp" as template 1.1.0 wrote it: the seed 001 plan table without last year's score
 * and its change, the field target typed in column E. Today's builder (summary-sheet.ts)
 * writes these columns for a 1.1.0 file, so such a file is read by its own columns and
 * checked against the formulas it was given.
 */
export const SUMMARY_COLUMNS_1_1_0 = [
  'code', 'name', 'maxScore', 'applicableMax', 'target', 'targetRate', 'leadUnit', 'partnerUnits', 'deadline',
  'score', 'scoreRate', 'completion', 'gapToTarget', 'status',
] as const;
