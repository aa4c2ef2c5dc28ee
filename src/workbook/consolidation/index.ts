/** The consolidation of many checked submissions: pure, for the CLI and the pane alike. */
export { consolidate, safeText, previousText, type ConsolidateOptions } from './consolidate';
export { CONSOLIDATION_SHEETS, SUMMARY_HEADERS, PREVIOUS_HEADERS, UNMATCHED_HEADERS, PROBLEM_HEADERS } from './report-headers';
export { readableCheck, countProblems, type CheckedFile, type ReadableCheck, type UnreadableCheck, type FieldLoss, type CheckedSet } from './checked-file';
export { groupChecks, groupKey, type CheckGroup, type RankedCheck, type GroupedChecks } from './groups';
export { compareWithPrevious, rankedUnits, readPreviousReport, type PreviousRanking, type PreviousComparison, type ReadPrevious } from './previous';
export { sheetNamer, MAX_SHEET_NAME } from './sheet-names';
