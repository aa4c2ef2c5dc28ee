/**
 * The printed forms (../print-views.ts) as the pane shows them: one hidden flag per column of
 * "Chấm điểm", and the runs of columns that share one, so a view is switched with a few
 * assignments ("A:F" shown, "G:H" hidden…) instead of one per column.
 */
import { columnLetter } from '../a1';
import { SCORING_COLUMNS, type ScoringColumnKey } from '../layout';
import { hiddenScoringColumns, PRINT_VIEWS, type PrintView } from '../print-views';
import type { ReadableWorkbook } from '../read/interpret';

/** Whether each scoring column (in SCORING_COLUMNS order) is hidden in the view. */
export function hiddenInView(view: PrintView): boolean[] {
  const hidden = new Set(hiddenScoringColumns(view));
  return SCORING_COLUMNS.map((_, i) => hidden.has(i + 1));
}

/** Adjacent columns with the same state, as whole-column ranges from column A. */
export function columnRuns(hidden: readonly boolean[]): Array<{ range: string; hidden: boolean }> {
  const runs: Array<{ range: string; hidden: boolean }> = [];
  for (let i = 0; i < hidden.length; ) {
    let j = i;
    while (j + 1 < hidden.length && hidden[j + 1] === hidden[i]) j++;
    runs.push({ range: `${columnLetter(i + 1)}:${columnLetter(j + 1)}`, hidden: hidden[i] });
    i = j + 1;
  }
  return runs;
}

/**
 * The form the scoring sheet shows now, each column found where the file has it (a column
 * moved by hand still counts), judged on the columns the file has (an older template lacks
 * some); null when columns were hidden or shown by hand.
 */
export async function printViewShown(context: Excel.RequestContext, read: ReadableWorkbook, present: ReadonlySet<ScoringColumnKey>): Promise<PrintView | null> {
  const ws = context.workbook.worksheets.getItem(read.sheets.scoring);
  const at = read.columns;
  const columns = SCORING_COLUMNS.map((c) => ws.getRange(`${columnLetter(at[c.key])}:${columnLetter(at[c.key])}`));
  for (const c of columns) c.load('columnHidden');
  await context.sync();
  const hidden = columns.map((c) => c.columnHidden === true);
  const judged = SCORING_COLUMNS.map((c) => present.has(c.key));
  return PRINT_VIEWS.find((view) => hiddenInView(view).every((h, i) => !judged[i] || h === hidden[i])) ?? null;
}
