/**
 * The cell references an assessment carries, ten per criterion row, made once and shared
 * by every file whose sheet has the same name: a folder of one set's submissions asks for
 * the same few thousand cells again and again. Each reference is frozen, since many
 * results hold the same one (a cell beyond the shared range gets one of its own). Made by a
 * class rather than as object literals: the literal's allocation site, all of whose objects
 * live on in results, was pretenured by V8 part-way through a folder, which threw away the
 * compiled reader that allocated from it.
 */
import { formatCellRef, type CellRef } from '../../domain';
import { a1 } from '../a1';

class FrozenCellRef implements CellRef {
  /** "Chấm điểm!E9", made once: every check lists where each criterion's inputs are. */
  declare readonly text: string;

  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    // Not enumerable, so results still serialise and compare as { sheet, cell }.
    Object.defineProperty(this, 'text', { value: formatCellRef(this), enumerable: false });
    Object.freeze(this);
  }
}

/** Columns per row in the key; a scoring sheet has about twenty. */
const COLS = 64;
const MAX_ROW = 10_000;
/** A folder may hold sheets of any name: only the last few sheets' references are kept. */
const MAX_SHEETS = 16;
const bySheet = new Map<string, Map<number, CellRef>>();

export function cellRefAt(sheet: string, row: number, col: number): CellRef {
  if (!(row >= 1 && row <= MAX_ROW && col >= 1 && col < COLS && Number.isInteger(row) && Number.isInteger(col))) return new FrozenCellRef(sheet, a1(row, col));
  let refs = bySheet.get(sheet);
  if (refs === undefined) {
    if (bySheet.size >= MAX_SHEETS) bySheet.clear();
    bySheet.set(sheet, (refs = new Map()));
  }
  const key = row * COLS + col;
  let ref = refs.get(key);
  if (ref === undefined) refs.set(key, (ref = new FrozenCellRef(sheet, a1(row, col))));
  return ref;
}

/** formatCellRef, without making the text again for a shared reference. */
export function cellRefText(ref: CellRef): string {
  return ref instanceof FrozenCellRef ? ref.text : formatCellRef(ref);
}
