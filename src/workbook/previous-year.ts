/**
 * Last year's workbook, once read (by the CLI's reader or the pane's), turned into this
 * year's "Điểm năm trước" values: its final scores by code, each orphan with the cell its
 * score showed in last year's file. One place for the CLI (template --previous) and the
 * pane (Mục tiêu → Lấy kết quả năm trước).
 */
import { carryPreviousScores, numberOrNull, type CarryOver, type CellRef, type CriteriaSet } from '../domain';
import { a1 } from './a1';
import type { ReadableWorkbook } from './read/interpret';

export interface PreviousYearScores {
  carried: CarryOver;
  /** Last year's set, for the orphan sheet's "moved from" line. */
  from: { setId: string; version: string };
  year: number | null;
  /** Last year's score per code of this year's set. */
  scores: Map<string, number>;
}

export function previousYearScores(last: ReadableWorkbook, set: CriteriaSet): PreviousYearScores {
  const scoreCells: Record<string, CellRef> = {};
  for (const [code, row] of Object.entries(last.rows)) scoreCells[code] = { sheet: last.sheets.scoring, cell: a1(row, last.columns.score) };
  const carried = carryPreviousScores({ set: last.set, assessment: last.assessment, scoreCells }, set);
  const scores = new Map<string, number>();
  for (const [code, entry] of Object.entries(carried.values.entries)) {
    const score = numberOrNull(entry.previousScore);
    if (score !== null) scores.set(code, score);
  }
  return { carried, from: { setId: last.set.id, version: last.set.version }, year: last.year, scores };
}
