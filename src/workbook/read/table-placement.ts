/**
 * Where each row and column of a template sheet is in a filled file. Criterion rows and
 * the total row are where they were found; rows above the header are found by their
 * label in column A (the head block), else moved by as many rows as the header moved;
 * rows below the total move with it. A class, not closures, so the formula check calling
 * it thousands of times per file compiles once for all files.
 */
import { gridValue, type SheetGrid } from '../grid';
import { labelKey } from './cell-text';
import type { FoundTable } from './find-table';
import type { Placement } from './formula-check';

export interface TablePlacementInput {
  table: FoundTable<string>;
  /** The template's label in column A of a row above the header, if any. */
  headLabel: (row: number) => string | undefined;
  templateHeader: number;
  templateTotal: number;
  actualTotal: number | null;
  /** Template row → code of the criterion printed there. */
  rowOfTemplate: ReadonlyMap<number, string>;
  actualRowOf: ReadonlyMap<string, number>;
}

const MAX_CACHED_ROW = 10_000;
/** A template row with no place in the file, in the row cache: a small integer, as every row is, never a row. */
const GONE = -(2 ** 30);

export class TablePlacement implements Placement {
  readonly sheet: SheetGrid;
  private readonly colMap: ReadonlyMap<number, number>;
  private readonly headRows = new Map<number, number>();
  /**
   * row() by template row, filled as asked: each row is asked for by many formulas. Numbers
   * only (GONE for none): a null among small integers changes the array's kind, and the
   * compiled code that had only seen integers there was thrown away.
   */
  private readonly rowCache: number[] = [];

  constructor(private readonly m: TablePlacementInput) {
    this.sheet = m.table.sheet;
    this.colMap = m.table.colMap;
    const codeCol = m.table.colMap.get(1) ?? 1;
    for (let r = 1; r < m.templateHeader; r++) {
      const label = m.headLabel(r);
      if (label === undefined || label === '') continue;
      for (let actual = 1; actual < m.table.headerRow; actual++) {
        if (labelKey(gridValue(this.sheet, actual, codeCol)) === labelKey(label)) {
          this.headRows.set(r, actual);
          break;
        }
      }
    }
  }

  col(templateCol: number): number | null {
    return this.colMap.get(templateCol) ?? null;
  }

  row(templateRow: number): number | null {
    const known = this.rowCache[templateRow];
    if (known !== undefined) return known === GONE ? null : known;
    const row = this.place(templateRow);
    if (templateRow >= 0 && templateRow <= MAX_CACHED_ROW && Number.isInteger(templateRow)) this.rowCache[templateRow] = row ?? GONE;
    return row;
  }

  private place(templateRow: number): number | null {
    const m = this.m;
    const code = m.rowOfTemplate.get(templateRow);
    if (code !== undefined) return m.actualRowOf.get(code) ?? null;
    if (templateRow === m.templateTotal) return m.actualTotal;
    if (templateRow === m.templateHeader) return m.table.headerRow;
    if (templateRow < m.templateHeader) return this.headRow(templateRow);
    if (templateRow > m.templateTotal) return m.actualTotal === null ? null : templateRow + (m.actualTotal - m.templateTotal);
    return null;
  }

  /** A head row without a label of its own moves with the nearest labelled row above it. */
  private headRow(row: number): number {
    for (let r = row; r >= 1; r--) {
      const anchor = this.headRows.get(r);
      if (anchor !== undefined) return anchor + (row - r);
    }
    return row + (this.m.table.headerRow - this.m.templateHeader);
  }
}
