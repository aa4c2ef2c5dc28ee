/**
 * Rows that grow with what people type. Row heights are set when the sheet is written
 * (../row-heights.ts): evidence, an explanation or an appraisal note typed later would be clipped
 * at that height, on screen and on paper. After such an edit the rows it touched get the height
 * the same rule gives for the text they hold now — the height `par-index` writes for a file with
 * these values — so never less than the row's own name needs.
 * Every text column counts, shown or not, so the row is tall enough in every printed form.
 */
import { parseRange } from '../a1';
import { buildWorkbook } from '../build-workbook';
import { COL, SHEETS } from '../layout';
import { interpretWorkbook } from '../read/interpret';
import { rowHeights } from '../row-heights';
import { scoringLayout, TEXT_INPUT_COLUMNS } from '../scoring-sheet';
import { readGrid } from './read';

/** A change Excel reported: the sheet (name or id) and the cells. */
export interface CellEdit {
  worksheetId: string;
  address: string;
}

/** Sets the height of each scoring row an edit of a text cell touched; returns the rows set. */
export async function fitEditedRows(context: Excel.RequestContext, edits: readonly CellEdit[]): Promise<number[]> {
  // Excel names the sheet by its id; `getItem` takes an id or a name.
  const sheets = [...new Set(edits.map((e) => e.worksheetId))].map((id) => ({ id, ws: context.workbook.worksheets.getItem(id).load('name') }));
  await context.sync();
  const onScoring = new Set(sheets.filter((s) => s.ws.name === SHEETS.scoring).map((s) => s.id));
  const boxes = edits.filter((e) => onScoring.has(e.worksheetId)).flatMap((e) => (/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(e.address) ? [parseRange(e.address)] : []));
  if (boxes.length === 0) return [];

  const read = interpretWorkbook(await readGrid(context));
  if (!read.ok) return [];
  const textColumns = TEXT_INPUT_COLUMNS.map((key) => read.columns[key]);
  const edited = new Set<number>();
  for (const box of boxes) {
    if (!textColumns.some((col) => col >= box.left && col <= box.right)) continue;
    for (let row = box.top; row <= box.bottom; row++) edited.add(row);
  }
  const codeAt = new Map(Object.entries(read.rows).map(([code, row]) => [row, code]));
  const rows = [...edited].filter((row) => codeAt.has(row)).sort((a, b) => a - b);
  if (rows.length === 0) return [];

  // The sheet as par-index would write it with these values, every text column shown.
  const spec = buildWorkbook(read.set, { unit: read.unit ?? undefined, year: read.year ?? undefined, values: read.assessment });
  const scoring = spec.sheets.find((s) => s.name === SHEETS.scoring)!;
  const heights = rowHeights({ ...scoring, columns: scoring.columns.map((c) => ({ ...c, hidden: c.col === COL.flags })) });
  const specRow = scoringLayout(read.set).rowOf;
  const ws = context.workbook.worksheets.getItem(read.sheets.scoring);
  const set: number[] = [];
  for (const row of rows) {
    const height = heights.get(specRow.get(codeAt.get(row)!)!);
    if (height === undefined) continue;
    ws.getRange(`${row}:${row}`).format.rowHeight = height;
    set.push(row);
  }
  await context.sync();
  return set;
}
