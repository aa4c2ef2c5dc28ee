/**
 * What a unit typed for a criteria set, keyed by criterion code. Values stay raw
 * (a workbook cell can hold "15,3" as text) so validation can say exactly what is wrong;
 * the engine parses them when it adds up.
 */
export type CellValue = number | string | boolean | null | undefined;

export interface Entry {
  selfScore?: CellValue;
  appraisedScore?: CellValue;
  target?: CellValue;
  notApplicable?: boolean;
  evidence?: string;
  explanation?: string;
  appraisalNote?: string;
  /** Who carries the criterion in the unit's plan (seed plans: chủ trì / phối hợp / thời gian). */
  leadUnit?: string;
  partnerUnits?: string;
  deadline?: string;
  /**
   * Last year's final score of the criterion (field, criterion or sub-criterion), typed or
   * carried from last year's file by code (previous-scores.ts): a plain number, never summed.
   */
  previousScore?: CellValue;
  /** A total a file states for a parent row, compared with its children's sum. */
  statedSelfTotal?: CellValue;
}

export type EntryField = keyof Entry;

/** Where a value sits in a workbook, so a problem can take the user to it. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface Assessment {
  entries: Record<string, Entry>;
  cells?: Record<string, Partial<Record<EntryField, CellRef>>>;
}

export function emptyAssessment(): Assessment {
  return { entries: {} };
}

export function entryOf(assessment: Assessment, code: string): Entry {
  return assessment.entries[code] ?? {};
}

export function cellOf(assessment: Assessment, code: string, field: EntryField): CellRef | undefined {
  return assessment.cells?.[code]?.[field];
}

export function formatCellRef(ref: CellRef): string {
  return `${ref.sheet}!${ref.cell}`;
}

export function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
