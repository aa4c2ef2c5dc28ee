/**
 * What the task pane asks of the open workbook, as plain types: no Excel here. The Office.js
 * implementation is office/port.ts; tests may run it over the recording double, or give the
 * pane a fake port. Everything the pane shows is derived from `WorkbookState`, read fresh
 * from the workbook after each change, never kept as a copy.
 */
import type { CellRef, CriteriaSet, CriteriaSetData } from '../domain';
import type { PrintView } from './print-views';
import type { CheckResult } from './read/check';
import type { ReadableWorkbook } from './read/interpret';
import type { SheetSpec, WorkbookSpec } from './spec';

export interface WorkbookState {
  /** The scoring sheet (or its metadata) is there, readable or not. */
  hasScoringSheet: boolean;
  /** The scoring workbook as read, or null (none yet, or unreadable). */
  workbook: ReadableWorkbook | null;
  /** Full validation and totals of `workbook` (checkWorkbook). */
  check: CheckResult | null;
  /** Why a workbook that has scoring sheets could not be read, in Vietnamese and English. */
  unreadable: { message: string; messageEn: string } | null;
  /**
   * The printed form the scoring sheet's columns show (print-views.ts); null without a scoring
   * sheet, or when its columns were shown or hidden by hand into none of the forms.
   */
  printView: PrintView | null;
  /** Sets imported into this workbook (pickable in Start) and those that could not be read back. */
  importedSets: CriteriaSet[];
  importedSetProblems: string[];
}

export interface InsertOptions {
  unit: string;
  year: number;
}

export interface InsertReport {
  sheets: string[];
  /** Features this Excel could not write, and other notes, in Vietnamese. */
  notes: string[];
}

export interface UpgradeReport extends InsertReport {
  carried: number;
  orphaned: number;
}

/** The cells the user selected (or the used range of the active sheet), for importing a set. */
export interface SelectionGrid {
  sheet: string;
  /** "A3:F40" on `sheet`. */
  address: string;
  /** Sheet row of values[0]. */
  firstRow: number;
  values: unknown[][];
}

export interface WorkbookPort {
  readState(): Promise<WorkbookState>;
  insertScoringSheet(set: CriteriaSet, options: InsertOptions): Promise<InsertReport>;
  /** Rebuilds the scoring sheets on another set (version), keeping every typed value. */
  upgradeScoringSheet(set: CriteriaSet): Promise<UpgradeReport>;
  /** Activates the cell's sheet and selects the cell. */
  selectCell(ref: CellRef): Promise<void>;
  /** Targets by criterion code, written where each is typed (fields: Tổng hợp; others: Chấm điểm column D). */
  writeTargets(targets: ReadonlyMap<string, number>): Promise<number>;
  /**
   * Shows the columns of a printed form and hides the others, as `par-index template --print`
   * writes them, and activates the sheet the form prints from. The appraiser's columns are the
   * "tham-dinh" form.
   */
  setPrintView(view: PrintView): Promise<void>;
  /**
   * Last year's scores by criterion code, written in the scoring sheet's "Điểm năm trước" column
   * (rows not in the map keep what they hold). Refused, with the reason, for a workbook of an
   * older template without that column (update it first: Bắt đầu → Cập nhật).
   */
  writePreviousScores(scores: ReadonlyMap<string, number>): Promise<number>;
  /** Adds a sheet the pane makes (the appraisal minutes, the plan, "Dữ liệu cũ") under a free name ("… (2)" …); returns the name used. */
  insertSheet(spec: SheetSpec): Promise<string>;
  /** Adds the consolidation of checked files, each sheet under a free name ("Tổng hợp (2)" …); returns the names used. */
  insertConsolidation(spec: WorkbookSpec): Promise<string[]>;
  /** The selected cells, or the used range of the active sheet when one cell is selected. */
  importSetFromSelection(): Promise<SelectionGrid>;
  storeImportedSet(set: CriteriaSetData): Promise<void>;
  /**
   * Calls back (debounced) after the user edits the scoring sheets — also after an insert or an
   * update replaced them (the subscription follows the new sheets). Returns an unsubscribe
   * function. `live` is false when this Excel raises no change events (ExcelApi < 1.7).
   */
  onChanged(callback: () => void): { live: boolean; unsubscribe: () => void };
}
