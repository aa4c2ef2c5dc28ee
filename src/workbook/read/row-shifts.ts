/**
 * How far each template row has moved in a file, as runs of rows moved by the same amount.
 * A template formula whose references all lie in one run, on its own sheet, in columns
 * that did not move, is the template's formula with every row moved by that amount: its
 * text is worked out once per formula and shift for all files (rowsMovedFormula) and
 * compared whole, instead of moving each reference of each formula of each moved file.
 */
import type { Placement } from './formula-check';
import type { RefSpan } from './formula-refs';

export class RowShifts {
  /** Template row → rows moved by; NaN where the row is gone. Index 0 unused. */
  private readonly shift: Float64Array;
  /** Template row → the last row of its run (same shift all the way). */
  private readonly runEnd: Int32Array;
  private readonly colsInPlace: boolean;

  constructor(
    place: Placement,
    private readonly rows: number,
    private readonly cols: number,
  ) {
    this.shift = new Float64Array(rows + 1);
    this.runEnd = new Int32Array(rows + 1);
    for (let r = 1; r <= rows; r++) {
      const now = place.row(r);
      this.shift[r] = now === null ? NaN : now - r;
    }
    for (let r = rows; r >= 1; r--) this.runEnd[r] = r < rows && this.shift[r] === this.shift[r + 1] ? this.runEnd[r + 1] : r;
    let inPlace = true;
    for (let c = 1; c <= cols && inPlace; c++) inPlace = place.col(c) === c;
    this.colsInPlace = inPlace;
  }

  /** Every row and column where the template put it. */
  get unmoved(): boolean {
    return this.colsInPlace && (this.rows === 0 || (this.shift[1] === 0 && this.runEnd[1] >= this.rows));
  }

  /** The shift every row of the span shares, or null when they do not all share one. */
  over(span: Readonly<RefSpan>): number | null {
    if (span.fromRow > span.toRow) return 0;
    if (!this.colsInPlace || span.fromRow < 1 || span.toRow > this.rows || span.toCol > this.cols) return null;
    const shift = this.shift[span.fromRow];
    return !Number.isNaN(shift) && this.runEnd[span.fromRow] >= span.toRow ? shift : null;
  }
}
