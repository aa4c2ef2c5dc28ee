/** The consolidation of many checked submissions: pure, for the CLI and the pane alike. */
export { consolidate, safeText, CONSOLIDATION_SHEETS, SUMMARY_HEADERS, PROBLEM_HEADERS } from './consolidate';
export { readableCheck, countProblems, type CheckedFile, type ReadableCheck, type UnreadableCheck, type FieldLoss, type CheckedSet } from './checked-file';
export { groupChecks, groupKey, type CheckGroup, type RankedCheck, type GroupedChecks } from './groups';
export { sheetNamer, MAX_SHEET_NAME } from './sheet-names';
