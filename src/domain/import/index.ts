/**
 * Importing an annex table (phụ lục) pasted into a sheet as a criteria set. Pure: works on
 * any grid of cell values (a workbook SheetGrid, an Office.js range's values).
 */
export { importCriteriaSet, type ImportMeta, type ImportPreview, type ImportProblem, type ImportResult, type ImportTableInfo } from './import-set';
export { findHeader, findTitle, yearInTitle, type ColumnRole, type Span, type TableHeader } from './header';
export type { TableGrid } from './text';
export { readHeading, type Heading } from './heading';
