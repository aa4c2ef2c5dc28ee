/**
 * The plan document as a printable "Kế hoạch" sheet, for hosts where the pane cannot offer
 * a download: the same tables and sentences as the Word file, figures as numbers in their
 * formats. Values, not formulas: the plan states the targets as they were when it was made.
 */
import { printSetup } from '../print-setup';
import { rangeA1 } from '../a1';
import type { CellSpec, SheetSpec, StyleSpec } from '../spec';
import { STYLE } from '../styles';
import type { DocCell, DocTable, PlanDocument } from './describe';

export const PLAN_SHEET = 'Kế hoạch';

/** The targets table's eight columns; the appendix's seven share them, its tasks over two. */
const WIDTHS = [5, 26, 9, 10, 11, 16, 18, 13];
const LAST_COL = WIDTHS.length;

const border = true;
const HEADER: StyleSpec = { font: { bold: true }, wrap: true, horizontal: 'center', vertical: 'middle', border };
const TEXT: StyleSpec = { border, vertical: 'middle', wrap: true };
const POINTS: StyleSpec = { border, vertical: 'middle', horizontal: 'center' };
const RATE: StyleSpec = { ...POINTS, numberFormat: '0.00%' };
const bold = (style: StyleSpec): StyleSpec => ({ ...style, font: { ...style.font, bold: true } });

export function buildPlanSheet(doc: PlanDocument): SheetSpec {
  const cells: CellSpec[] = [];
  const merges: string[] = [];
  const rows: SheetSpec['rows'] = [];
  let row = 0;
  const line = (value: string, style: StyleSpec, height?: number) => {
    row++;
    cells.push({ row, col: 1, value, style: { wrap: true, ...style } });
    merges.push(rangeA1(row, 1, row, LAST_COL));
    if (height) rows.push({ row, height });
  };
  const put = (col: number, span: number, cell: DocCell, style: StyleSpec) => {
    const value = typeof cell === 'string' ? cell : 'points' in cell ? cell.points : cell.rate;
    const look = typeof cell === 'string' ? style : { ...('rate' in cell ? RATE : POINTS), font: style.font };
    for (let c = col; c < col + span; c++) cells.push({ row, col: c, value: c === col ? value : null, style: c === col ? look : style });
    if (span > 1) merges.push(rangeA1(row, col, row, col + span - 1));
  };
  const table = (t: DocTable) => {
    const spans = t.columns.length === LAST_COL ? t.columns.map(() => 1) : t.columns.map((_c, i) => (i === 2 ? 2 : 1));
    const write = (cellsOfRow: DocCell[], style: StyleSpec, height: number) => {
      row++;
      let col = 1;
      cellsOfRow.forEach((cell, i) => {
        put(col, spans[i], cell, style);
        col += spans[i];
      });
      rows.push({ row, height });
    };
    write(
      t.columns.map((c) => c.header),
      HEADER,
      48,
    );
    // Excel does not grow a row to its wrapped text when the sheet is written: a height per line.
    for (const r of t.rows) write(r, TEXT, Math.max(30, 15 * Math.max(...r.map((c) => (typeof c === 'string' ? c.split('\n').length : 1)))));
    if (t.total) write(t.total, bold(TEXT), 20);
  };

  if (doc.unit) line(doc.unit.toLocaleUpperCase('vi-VN'), { font: { bold: true } });
  line(doc.title, { font: { bold: true, size: 14 }, horizontal: 'center' }, 20);
  line(doc.subtitle, { font: { bold: true, size: 13 }, horizontal: 'center' }, 20);
  row++;
  line('I. MỤC TIÊU', { font: { bold: true } });
  line('1. Mục tiêu chung', { font: { bold: true } });
  if (doc.goal) line(doc.goal, {}, 30);
  line('2. Mục tiêu cụ thể', { font: { bold: true } });
  table(doc.targets);
  row++;
  line(doc.appendix.title, { font: { bold: true, size: 14 }, horizontal: 'center' }, 20);
  line(doc.appendix.subtitle, { font: { bold: true }, horizontal: 'center' }, 30);
  line(doc.appendix.note, { font: { italic: true }, horizontal: 'center' }, 30);
  if (doc.appendix.empty) line(doc.appendix.empty, STYLE.subtitle);
  for (const section of doc.appendix.sections) {
    line(section.heading, { font: { bold: true } });
    table(section.table);
  }

  return {
    name: PLAN_SHEET,
    state: 'visible',
    tabColor: '1F4E79',
    columns: WIDTHS.map((width, i) => ({ col: i + 1, width })),
    rows,
    cells,
    merges,
    validations: [],
    conditionalFormats: [],
    print: printSetup({ orientation: 'portrait', area: rangeA1(1, 1, row, LAST_COL), unit: doc.unit ?? undefined, right: `Kế hoạch năm ${doc.year}` }),
    charts: [],
  };
}
