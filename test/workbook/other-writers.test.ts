/**
 * Files as other programs leave them, each class of case from a file our renderer wrote and
 * then edited the way another program saves it (raw SpreadsheetML, as openpyxl writes it)
 * and, where the case is about formulas and cached values, saved again by LibreOffice:
 * rows sorted, a row deleted, formatting run down to row 60 000, UTF-16 parts, the workbook
 * part somewhere else, hostile markup in the small parts, and Excel's own value rules.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { checkWorkbook } from '../../src/workbook/read/check';
import type { ReadableWorkbook } from '../../src/workbook/read/interpret';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { minhHoa, readOk, renderFilled, templateRows, typedAssessment } from '../helpers/filled-workbook';
import { recalculate, sofficePath } from '../helpers/libreoffice';
import { XlsxXml } from '../helpers/xlsx-xml-edit';

jest.setTimeout(180_000);

const S = 'Chấm điểm';
const rows = templateRows();
const tmp = mkdtempSync(join(tmpdir(), 'par-writers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A parent whose children are all leaves, at least three, in consecutive rows. */
const parent = minhHoa.nodes.find((n) => n.children.length >= 3 && n.children.every((c) => c.isLeaf))!;
const childRows = parent.children.map((c) => rows.row(c.code));

const codes = (read: ReadableWorkbook) => checkWorkbook(read).problems.map((p) => `${p.code}@${p.criterion ?? '-'}`);
const totals = (read: ReadableWorkbook) => {
  const t = checkWorkbook(read).totals.engine;
  return [t.selfScore, t.appraisedScore, t.applicableMax];
};

let filled: Buffer;
let clean: ReadableWorkbook;
/** The same files after LibreOffice opened, recalculated and saved them. */
const byLibreOffice = new Map<string, Buffer>();

async function edited(edit: (x: XlsxXml) => void): Promise<Buffer> {
  const x = await XlsxXml.open(filled);
  edit(x);
  return x.save();
}

/** No target typed for the parent: its target cell keeps the roll-up formula of its children. */
async function rolledUp(): Promise<Buffer> {
  const values = typedAssessment();
  delete values.entries[parent.code].target;
  const x = await XlsxXml.open(await renderFilled(values));
  x.deleteRow(S, childRows[1]);
  return x.save();
}

const sorted = () => edited((x) => x.sortRows(S, childRows, [...childRows].reverse()));
const deleted = () => edited((x) => x.deleteRow(S, childRows[1]));

beforeAll(async () => {
  filled = await renderFilled(typedAssessment());
  clean = await readOk(filled);
  if (!sofficePath()) return;
  const inputs = { clean: filled, sorted: await sorted(), deleted: await deleted(), rolledUp: await rolledUp() };
  const paths = Object.entries(inputs).map(([name, data]) => {
    const path = join(tmp, `${name}.xlsx`);
    writeFileSync(path, data);
    return path;
  });
  const out = await recalculate(paths, { outDir: join(tmp, 'lo') });
  Object.keys(inputs).forEach((name, i) => byLibreOffice.set(name, readFileSync(out[i])));
});

describe('rows sorted within a parent', () => {
  it('the parent’s sums name the same cells in another order: not tampering, same totals', async () => {
    const read = await readOk(await sorted());
    expect(read.rows[parent.children[0].code]).toBe(childRows[childRows.length - 1]);
    expect(codes(read)).toEqual(codes(clean));
    expect(totals(read)).toEqual(totals(clean));
  });

  it('as LibreOffice saves it after recalculating', async () => {
    if (!sofficePath()) return;
    const before = await readOk(byLibreOffice.get('clean')!);
    const read = await readOk(byLibreOffice.get('sorted')!);
    expect(codes(read)).toEqual(codes(before));
    expect(totals(read)).toEqual(totals(before));
  });
});

describe('a deleted row', () => {
  it('is row-missing, and the broken parent formula once, nothing more (cached #REF! as LibreOffice saves it)', async () => {
    if (!sofficePath()) return;
    const gone = parent.children[1].code;
    const read = await readOk(byLibreOffice.get('deleted')!);
    const before = new Set(codes(await readOk(byLibreOffice.get('clean')!)));
    const added = codes(read).filter((c) => !before.has(c));
    expect(added.sort()).toEqual([`formula-changed@${parent.code}`, `row-missing@${gone}`].sort());
  });

  it('under a parent whose target is its children’s sum: no target-not-number from the cached #REF!', async () => {
    if (!sofficePath()) return;
    const gone = parent.children[1].code;
    const read = await readOk(byLibreOffice.get('rolledUp')!);
    const before = new Set(codes(await readOk(byLibreOffice.get('clean')!)));
    const added = codes(read).filter((c) => !before.has(c));
    expect(added.sort()).toEqual([`formula-changed@${parent.code}`, `row-missing@${gone}`].sort());
  });

  it('the same straight from the edit, before any program recalculated it', async () => {
    const gone = parent.children[1].code;
    const read = await readOk(await deleted());
    const before = new Set(codes(clean));
    const added = codes(read).filter((c) => !before.has(c));
    expect(added.sort()).toEqual([`formula-changed@${parent.code}`, `row-missing@${gone}`].sort());
  });
});
