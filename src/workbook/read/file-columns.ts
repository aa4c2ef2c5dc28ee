/**
 * The scoring columns a file really has: those whose label stands in its header row, just
 * above the first criterion. A file of an older template has no "Điểm năm trước" (1.1.0 and
 * before): its reader still gives that column a place, but nothing of the file is there.
 */
import { gridValue, type WorkbookGrid } from '../grid';
import { SCORING_COLUMNS, type ScoringColumnKey } from '../layout';
import { labelKey } from './cell-text';
import type { ReadableWorkbook } from './interpret';

export function columnsInFile(grid: WorkbookGrid, read: ReadableWorkbook): Set<ScoringColumnKey> {
  const sheet = grid.sheets.find((s) => s.name === read.sheets.scoring);
  const rows = Object.values(read.rows);
  const present = new Set<ScoringColumnKey>();
  if (!sheet || rows.length === 0) return present;
  const header = Math.min(...rows) - 1;
  for (const c of SCORING_COLUMNS) if (labelKey(gridValue(sheet, header, read.columns[c.key])) === labelKey(c.header)) present.add(c.key);
  return present;
}
