/**
 * Updating a filled scoring workbook — to a new version of its set, or rebuilt on the
 * same one — without losing what anyone typed. Every typed value moves by criterion
 * code; whatever has no place in the new set (a removed criterion, a leaf that became a
 * parent, a "không đánh giá" the new version forbids) and anything typed in rows the
 * user inserted goes to a "Dữ liệu cũ" sheet with its old cell, never dropped.
 */
import { carryOver, type CriteriaSet, type OrphanedValue } from '../domain';
import { a1 } from './a1';
import { buildWorkbook } from './build-workbook';
import { gridValue, type GridValue, type WorkbookGrid } from './grid';
import { SHEETS } from './layout';
import type { WorkbookOptions } from './options';
import { buildOrphanSheet } from './orphan-sheet';
import { interpretWorkbook, type ReadableWorkbook } from './read/interpret';
import type { WorkbookSpec } from './spec';

export interface UpgradePlan {
  from: { setId: string; version: string };
  to: { setId: string; version: string };
  spec: WorkbookSpec;
  /** Typed values placed in the new workbook. */
  carried: number;
  /** Typed values listed in "Dữ liệu cũ" instead. */
  orphaned: OrphanedValue[];
  /** Sheets of the old workbook that are not ours: the caller keeps them (the pane) or names them (the CLI). */
  otherSheets: string[];
}

export class UpgradeError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'UpgradeError';
  }
}

export function planUpgrade(grid: WorkbookGrid, set: CriteriaSet, options: Pick<WorkbookOptions, 'createdAt' | 'nearBand' | 'printView'> = {}): UpgradePlan {
  const read = interpretWorkbook(grid);
  if (!read.ok) throw new UpgradeError(`Không cập nhật được ${grid.source}: ${read.message}`, `Cannot update ${grid.source}: ${read.messageEn}`);
  return planUpgradeOf(read, grid, set, options);
}

export function planUpgradeOf(read: ReadableWorkbook, grid: WorkbookGrid, set: CriteriaSet, options: Pick<WorkbookOptions, 'createdAt' | 'nearBand' | 'printView'> = {}): UpgradePlan {
  const moved = carryOver(read.assessment, set);
  const orphaned = [...moved.orphaned, ...insertedRowValues(read, grid)];
  const from = { setId: read.set.id, version: read.set.version };
  const spec = buildWorkbook(set, {
    ...options,
    ...(read.unit ? { unit: read.unit } : {}),
    ...(read.year !== null ? { year: read.year } : {}),
    values: moved.values,
  });
  if (orphaned.length > 0) spec.sheets.splice(spec.sheets.length - 1, 0, buildOrphanSheet(orphaned, from));
  const ours = new Set<string>([read.sheets.scoring, read.sheets.meta, ...(read.sheets.summary ? [read.sheets.summary] : []), ...Object.values(SHEETS)]);
  return {
    from,
    to: { setId: set.id, version: set.version },
    spec,
    carried: moved.carried,
    orphaned,
    otherSheets: grid.sheets.map((s) => s.name).filter((name) => !ours.has(name)),
  };
}

/**
 * Rows an officer inserted inside the table (notes under a criterion) have no code, so
 * carrying by code would lose them: each non-empty input cell comes back as an orphan.
 */
function insertedRowValues(read: ReadableWorkbook, grid: WorkbookGrid): OrphanedValue[] {
  const sheet = grid.sheets.find((s) => s.name === read.sheets.scoring);
  if (!sheet) return [];
  const criterionRows = Object.values(read.rows);
  if (criterionRows.length === 0) return [];
  const first = Math.min(...criterionRows);
  const last = Math.max(...criterionRows);
  const taken = new Set(criterionRows);
  const inputs = (['target', 'selfScore', 'notApplicable', 'evidence', 'explanation', 'appraisedScore', 'appraisalNote', 'leadUnit', 'partnerUnits', 'deadline', 'previousScore'] as const).map(
    (field) => [field, read.columns[field]] as const,
  );
  const orphans: OrphanedValue[] = [];
  for (let row = first; row <= last; row++) {
    if (taken.has(row)) continue;
    // The row's own text (column B) is kept as its explanation; a code typed in A is not a criterion.
    for (const [field, col] of [['explanation', read.columns.name] as const, ...inputs]) {
      const value = gridValue(sheet, row, col);
      if (text(value) === '') continue;
      orphans.push({
        code: text(gridValue(sheet, row, read.columns.code)) || `dòng ${row}`,
        field,
        value: typeof value === 'object' && value !== null ? value.error : value,
        cell: { sheet: sheet.name, cell: a1(row, col) },
        reason: 'row-removed',
        message: `Dòng ${row} do người dùng chèn thêm (không phải dòng tiêu chí); nội dung được giữ lại ở đây`,
      });
    }
  }
  return orphans;
}

function text(value: GridValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return String(value).trim();
}

