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

/** The package with some parts rewritten, as another writer would have saved it. */
async function repacked(buffer: Buffer, edit: (zip: JSZip, names: string[]) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  await edit(
    zip,
    Object.keys(zip.files).filter((n) => !zip.files[n].dir),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const gridOf = (buffer: Buffer) => readXlsxGrid(buffer, 'tep.xlsx');

describe('formatting run down a sheet', () => {
  it('60 000 formatted but empty rows and cells are not "too many rows": only rows and cells holding values count', async () => {
    const empty = Array.from({ length: 60_000 - 200 }, (_, k) => {
      const r = 201 + k;
      return `<row r="${r}" s="4" customFormat="1" ht="20" customHeight="1">${'ABCDEFGHIJ'.split('').map((c) => `<c r="${c}${r}" s="4"/>`).join('')}</row>`;
    }).join('');
    const formatted = await repacked(filled, async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `${empty}</sheetData>`));
    });
    const read = await readOk(formatted);
    expect(codes(read)).toEqual(codes(clean));
    expect(read.assessment).toEqual(clean.assessment);
  });
});

describe('encodings and package layout', () => {
  const utf16 = (bom: boolean, bigEndian: boolean) =>
    repacked(filled, async (zip, names) => {
      for (const name of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
        const text = (await zip.file(name)!.async('string')).replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
        const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
        zip.file(name, bigEndian ? le.swap16() : le);
      }
    });

  it('every part in UTF-16 with a byte-order mark, little- or big-endian, reads as the UTF-8 file', async () => {
    const expected = await gridOf(filled);
    expect(await gridOf(await utf16(true, false))).toEqual(expected);
    expect(await gridOf(await utf16(true, true))).toEqual(expected);
  });

  it('every part in UTF-16 without a mark, as its declaration says', async () => {
    expect(await gridOf(await utf16(false, false))).toEqual(await gridOf(filled));
    expect(await gridOf(await utf16(false, true))).toEqual(await gridOf(filled));
  });

  it('the workbook part where _rels/.rels says, not at xl/workbook.xml', async () => {
    const moved = await repacked(filled, async (zip) => {
      for (const [from, to] of [
        ['xl/workbook.xml', 'xl/so-diem.xml'],
        ['xl/_rels/workbook.xml.rels', 'xl/_rels/so-diem.xml.rels'],
      ]) {
        zip.file(to, await zip.file(from)!.async('nodebuffer'));
        zip.remove(from);
      }
      for (const name of ['_rels/.rels', '[Content_Types].xml']) zip.file(name, (await zip.file(name)!.async('string')).replace('xl/workbook.xml', 'xl/so-diem.xml'));
    });
    expect(await gridOf(moved)).toEqual(await gridOf(filled));
  });

  it('a part in an encoding other than UTF-8 or UTF-16 is refused with that reason', async () => {
    const latin = await repacked(filled, async (zip) => {
      zip.file('xl/styles.xml', (await zip.file('xl/styles.xml')!.async('string')).replace('encoding="UTF-8"', 'encoding="windows-1258"'));
    });
    await expect(gridOf(latin)).rejects.toMatchObject({ reason: 'corrupt', message: expect.stringContaining('bảng mã windows-1258') });
  });
});

/**
 * Markup that made the old readers backtrack: each must read in time proportional to its
 * size. The timeout is a guard against a hang, not a speed goal (those are in npm run bench).
 */
describe('hostile markup in the small parts', () => {
  const RUN = 300_000;
  // Unclosed tags at the end of each part, where no ">" follows them.
  const cases: Record<string, (xml: string) => string> = {
    'xl/styles.xml': (xml) => xml + '<a'.repeat(RUN),
    'xl/workbook.xml': (xml) => xml + '<definedName>'.repeat(RUN / 20) + '<workbookPr '.repeat(RUN / 20),
    'xl/_rels/workbook.xml.rels': (xml) => xml + '<Relationship a="'.repeat(RUN / 10),
    'xl/sharedStrings.xml': (xml) => xml.replace('</sst>', `${'<si><t>'.repeat(RUN / 10)}</sst>`) + '<si'.repeat(RUN),
    'xl/worksheets/sheet1.xml': (xml) => xml.replace('</sheetData>', `${'<c r="A1"><f>'.repeat(RUN / 10)}</sheetData>`) + '<c r="A1'.repeat(RUN / 10),
  };
  for (const [part, edit] of Object.entries(cases)) {
    it(`${part}: read or refused without backtracking`, async () => {
      const hostile = await repacked(filled, async (zip) => {
        zip.file(part, edit(await zip.file(part)!.async('string')));
      });
      const outcome = await gridOf(hostile).then(
        (grid) => grid.sheets.length,
        (e: { reason?: string }) => e.reason,
      );
      expect([3, 'corrupt']).toContain(outcome);
    }, 10_000);
  }

  it('a number format of 300 000 "[" characters', async () => {
    const hostile = await repacked(filled, async (zip) => {
      const xml = await zip.file('xl/styles.xml')!.async('string');
      zip.file('xl/styles.xml', xml.replace('<fonts', `<numFmts count="1"><numFmt numFmtId="200" formatCode="${'['.repeat(RUN)}"/></numFmts><fonts`));
    });
    expect((await gridOf(hostile)).sheets).toHaveLength(3);
  }, 10_000);
});

describe('Excel’s own value rules', () => {
  const leaf = parent.children[0];
  const leafRow = childRows[0];
  /** A date format added after the file's own cell formats; its index is dateStyle. */
  let dateStyle = -1;
  const withDateStyle = (x: Buffer) =>
    repacked(x, async (zip) => {
      const xml = await zip.file('xl/styles.xml')!.async('string');
      dateStyle = Number(/<cellXfs count="(\d+)">/.exec(xml)![1]);
      zip.file(
        'xl/styles.xml',
        xml.replace(`<cellXfs count="${dateStyle}">`, `<cellXfs count="${dateStyle + 1}">`).replace('</cellXfs>', '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'),
      );
    });
  const styled = (xml: string, ref: string, value: number) => xml.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), `<c r="${ref}" s="${dateStyle}"><v>${value}</v></c>`);

  it('a number in a date-formatted score cell is that number; a deadline serial below 61 is Excel’s 1900 date', async () => {
    const score = clean.assessment.entries[leaf.code].selfScore as number;
    const file = await repacked(await withDateStyle(filled), async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', styled(styled(xml, `E${leafRow}`, score), `S${leafRow}`, 1));
    });
    const read = await readOk(file);
    expect(read.assessment.entries[leaf.code].selfScore).toBe(score);
    expect(read.assessment.entries[leaf.code].deadline).toBe('1900-01-01');
    expect(codes(read)).toEqual(codes(clean));
  });

  it('an evidence cell merged down over several rows is the evidence of each', async () => {
    const text = 'Báo cáo số 12/BC-SXD ngày 05/01/2025';
    const x = await XlsxXml.open(filled);
    x.setCell(S, `G${childRows[0]}`, text);
    for (const r of childRows.slice(1)) x.setCell(S, `G${r}`, null);
    const merged = await repacked(await x.save(), async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace('</mergeCells>', `<mergeCell ref="G${childRows[0]}:G${childRows[childRows.length - 1]}"/></mergeCells>`));
    });
    const read = await readOk(merged);
    for (const child of parent.children) expect(read.assessment.entries[child.code].evidence).toBe(text);
    expect(codes(read).filter((c) => c.startsWith('evidence-missing'))).toEqual(codes(clean).filter((c) => c.startsWith('evidence-missing')));
  });

  it('a formula typed into a score cell, never calculated, is a formula in an input cell, not a missing score', async () => {
    const x = await XlsxXml.open(filled);
    x.setFormula(S, `E${leafRow}`, 'C' + leafRow + '/2');
    const read = await readOk(await x.save());
    const added = codes(read).filter((c) => !codes(clean).includes(c));
    expect(added).toEqual([`formula-in-input@${leaf.code}`]);
  });
});
