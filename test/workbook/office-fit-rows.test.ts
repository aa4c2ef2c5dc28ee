/**
 * Rows grow with text typed after the sheet was made: over the recording double, an evidence
 * text typed in the pane's workbook gives its row the height par-index writes for a file holding
 * that text (row-heights.ts), never less than the row's own name needs.
 */
import { findBundledSet } from '../../src/criteria';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { COL, SHEETS } from '../../src/workbook/layout';
import { lineHeight, rowHeights } from '../../src/workbook/row-heights';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { FONT } from '../../src/workbook/styles';
import { createExcelDouble } from '../doubles/excel-recording-double';
import { officePortOn } from '../doubles/office-port-on-double';

const set = findBundledSet('minh-hoa-3-cap')!;
const layout = scoringLayout(set);
const leaf = set.leaves.find((l) => l.scoredBy === 'self' && l.method === 'free')!;
const row = layout.rowOf.get(leaf.code)!;
/** About 600 characters of evidence, as units list their documents. */
const LONG_EVIDENCE = Array.from({ length: 12 }, (_, i) => `Quyết định số ${100 + i}/QĐ-UBND ngày 15/3/2025 về cải cách hành chính;`).join(' ');

const letter = (col: number) => String.fromCharCode(64 + col);
const settle = () => new Promise((r) => setTimeout(r, 60));

async function open() {
  const double = createExcelDouble();
  const restore = double.install();
  const port = officePortOn(double);
  await port.insertScoringSheet(set, { unit: 'Sở Tư pháp', year: 2025 });
  const reads: number[] = [];
  const sub = port.onChanged(() => reads.push(1));
  await settle();
  return { double, port, restore, sub, reads, height: () => double.sheet(SHEETS.scoring).rows.get(row)?.height };
}

/** The heights par-index writes for a file with this evidence, every text column shown. */
function writtenHeight(evidence: string): number {
  const spec = buildWorkbook(set, { unit: 'Sở Tư pháp', year: 2025, values: { entries: { [leaf.code]: { evidence } } } });
  const scoring = spec.sheets.find((s) => s.name === SHEETS.scoring)!;
  return rowHeights({ ...scoring, columns: scoring.columns.map((c) => ({ ...c, hidden: c.col === COL.flags })) }).get(row)!;
}

test('600 characters of evidence typed later: the row grows to hold them, and goes back when they are deleted', async () => {
  expect(LONG_EVIDENCE.length).toBeGreaterThan(580);
  const s = await open();
  try {
    const created = s.height()!;
    expect(created).toBeGreaterThan(0);
    await s.double.type(SHEETS.scoring, `${letter(COL.evidence)}${row}`, LONG_EVIDENCE);
    await settle();
    const grown = s.height()!;
    // Far more than three lines of the body font, and what a file with this text is written with.
    expect(grown).toBeGreaterThan(lineHeight(3, FONT.size));
    expect(grown).toBe(writtenHeight(LONG_EVIDENCE));
    expect(s.reads.length).toBeGreaterThan(0); // the pane still reads the workbook again
    await s.double.type(SHEETS.scoring, `${letter(COL.evidence)}${row}`, '');
    await settle();
    expect(s.height()).toBe(created);
  } finally {
    s.sub.unsubscribe();
    s.restore();
  }
});

test('a score typed in the row leaves its height alone; a long note typed in a head cell fits nothing', async () => {
  const s = await open();
  try {
    s.double.sheet(SHEETS.scoring).rows.set(row, { ...s.double.sheet(SHEETS.scoring).rows.get(row), height: 99 });
    await s.double.type(SHEETS.scoring, `${letter(COL.selfScore)}${row}`, '0');
    await settle();
    expect(s.height()).toBe(99);
    const before = JSON.stringify([...s.double.sheet(SHEETS.scoring).rows.entries()]);
    await s.double.type(SHEETS.scoring, 'C3', LONG_EVIDENCE); // the unit's name, not a criterion row
    await settle();
    expect(JSON.stringify([...s.double.sheet(SHEETS.scoring).rows.entries()])).toBe(before);
  } finally {
    s.sub.unsubscribe();
    s.restore();
  }
});
