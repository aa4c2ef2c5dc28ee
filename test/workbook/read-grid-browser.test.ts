/**
 * The browser reader (exceljs, loaded on demand) gives the same grid as the server reader
 * for the same files: a filled workbook, and a generated corpus of submissions from two
 * writers with every mutation users make and every kind of unreadable file. Where the two
 * cannot agree, the test says how they differ and why:
 * - print areas and titles (_xlnm.Print_Area/Print_Titles): exceljs moves them into each
 *   sheet's page setup and rewrites them; nothing that checks a file reads them.
 * - a zip bomb that lies about its inflated size: the server reader stops inflating at the
 *   limit (too-big); exceljs inflates it, then refuses the size mismatch (corrupt).
 * - a worksheet part the workbook does not list: the server reader counts its cells
 *   against the limits; exceljs drops it, so the workbook that is left is read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../src/workbook/grid';
import * as browserLimits from '../../src/workbook/xlsx/package-sniff';
import { readXlsxGrid, UnreadableWorkbookError } from '../../src/workbook/xlsx/read-grid';
import { readXlsxGridInBrowser } from '../../src/workbook/xlsx/read-grid-browser';
import * as serverLimits from '../../src/workbook/xlsx/zip-guard';
import { checkFile } from '../../src/cli/check-file';
import { checkPickedFiles } from '../../src/workbook/check-files';
import { generateCorpus, type CorpusFile } from '../helpers/corpus';
import { renderFilled, typedAssessment } from '../helpers/filled-workbook';

type Outcome = { grid: WorkbookGrid } | { reason: string; message: string };

async function outcome(read: () => Promise<WorkbookGrid>): Promise<Outcome> {
  try {
    return { grid: await read() };
  } catch (e) {
    if (!(e instanceof UnreadableWorkbookError)) throw e;
    return { reason: e.reason, message: e.message };
  }
}

/** A fresh ArrayBuffer holding just the file, as File.arrayBuffer() gives it. */
function arrayBuffer(buffer: Buffer): ArrayBuffer {
  const bytes = new Uint8Array(buffer.byteLength);
  bytes.set(buffer);
  return bytes.buffer;
}

function withoutPrintNames(grid: WorkbookGrid): WorkbookGrid {
  return { ...grid, names: Object.fromEntries(Object.entries(grid.names).filter(([name]) => !name.startsWith('_xlnm.'))) };
}

test('the limits are the server reader’s', () => {
  for (const key of ['MAX_FILE_BYTES', 'MAX_CELLS', 'MAX_ROWS', 'MAX_PART_BYTES', 'MAX_TOTAL_BYTES'] as const) expect([key, browserLimits[key]]).toEqual([key, serverLimits[key]]);
});

test('a filled workbook reads the same with both readers, down to every value, formula, sheet state and name', async () => {
  const buffer = await renderFilled(typedAssessment());
  const server = await readXlsxGrid(buffer, 'tep.xlsx');
  const browser = await readXlsxGridInBrowser(arrayBuffer(buffer), 'tep.xlsx');
  expect(server.sheets.map((s) => s.state)).toContain('veryHidden');
  expect(server.sheets.flatMap((s) => s.formulas.flat()).filter((f) => f !== null).length).toBeGreaterThan(100);
  expect(browser).toEqual(withoutPrintNames(server));
  expect(Object.keys(server.names).filter((n) => n.startsWith('_xlnm.')).length).toBeGreaterThan(0);
  // A view into a larger buffer (a Node Buffer from the pool) reads the same.
  expect(await readXlsxGridInBrowser(new Uint8Array(buffer), 'tep.xlsx')).toEqual(browser);
});

describe('a corpus of submissions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'par-read-grid-browser-'));
  let files: CorpusFile[] = [];
  const results = new Map<string, { server: Outcome; browser: Outcome }>();
  beforeAll(async () => {
    files = await generateCorpus(dir, { count: 44, seed: 7 });
    for (const file of files) {
      const buffer = readFileSync(join(dir, file.name));
      results.set(file.name, {
        server: await outcome(() => readXlsxGrid(buffer, file.name)),
        browser: await outcome(() => readXlsxGridInBrowser(arrayBuffer(buffer), file.name)),
      });
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('readable files give the same grid; unreadable ones the same reason and message', () => {
    let compared = 0;
    let refused = 0;
    for (const file of files) {
      const { server, browser } = results.get(file.name)!;
      if (file.mutation === 'zip-bomb' || file.mutation === 'too-many-cells' || file.mutation === 'too-many-rows') continue;
      if ('grid' in server) {
        expect([file.name, 'grid' in browser ? withoutPrintNames(server.grid) : browser]).toEqual([file.name, 'grid' in browser ? browser.grid : null]);
        compared++;
      } else {
        expect([file.name, browser]).toEqual([file.name, server.reason === 'corrupt' ? { reason: 'corrupt', message: expect.stringContaining('tệp .xlsx bị hỏng') } : server]);
        refused++;
      }
    }
    expect(new Set(files.map((f) => f.writer))).toEqual(new Set(['exceljs', 'spreadsheetml']));
    expect(compared).toBeGreaterThanOrEqual(26);
    expect(refused).toBeGreaterThanOrEqual(10);
  });

  test('the pane’s verdicts are the CLI’s, file by file, in order', async () => {
    const same = files.filter((f) => f.mutation !== 'zip-bomb' && f.mutation !== 'too-many-cells' && f.mutation !== 'too-many-rows');
    const seen: number[] = [];
    const pane = await checkPickedFiles(
      same.map((f) => ({ name: f.name, bytes: new Uint8Array(readFileSync(join(dir, f.name))) })),
      (_verdict, i) => seen.push(i),
    );
    const cli = await Promise.all(same.map((f) => checkFile(join(dir, f.name), f.name)));
    expect(pane).toEqual(cli);
    expect(seen).toEqual(same.map((_f, i) => i));
    expect(pane.filter((v) => v.readable).length).toBeGreaterThanOrEqual(20);
    expect(new Set(pane.filter((v) => !v.readable).map((v) => !v.readable && v.reason))).toEqual(new Set(['corrupt', 'too-big', 'encrypted', 'xls', 'not-xlsx', 'empty', 'scoring-sheet-missing', 'set-unknown']));
  }, 60_000);

  test('a lying zip bomb is refused by both, as too big or as corrupt', () => {
    const bombs = files.filter((f) => f.mutation === 'zip-bomb');
    expect(bombs.length).toBeGreaterThan(0);
    for (const f of bombs) {
      expect(results.get(f.name)).toMatchObject({ server: { reason: 'too-big' }, browser: { reason: 'corrupt' } });
    }
  });

  test('a worksheet part the workbook does not list is dropped by exceljs, and what is left is the listed workbook', () => {
    const orphans = files.filter((f) => f.mutation === 'too-many-cells' || f.mutation === 'too-many-rows');
    expect(orphans.length).toBeGreaterThan(0);
    for (const f of orphans) {
      const { server, browser } = results.get(f.name)!;
      expect('reason' in server && server.reason).toBe(f.mutation);
      expect('grid' in browser && browser.grid.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Chấm điểm']));
    }
  });
});

test('rows over the limit in a listed sheet are refused after loading, with the server’s reason', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dài');
  for (let r = 1; r <= browserLimits.MAX_ROWS + 1; r++) ws.getCell(r, 1).value = r;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const server = await outcome(() => readXlsxGrid(buffer, 'dai.xlsx'));
  const browser = await outcome(() => readXlsxGridInBrowser(arrayBuffer(buffer), 'dai.xlsx'));
  expect(browser).toEqual({ reason: 'too-many-rows', message: `trang "Dài" có quá nhiều dòng (hơn ${browserLimits.MAX_ROWS.toLocaleString('vi-VN')} dòng)` });
  expect(server).toMatchObject({ reason: 'too-many-rows' });
}, 60_000);

test('a file over the size limit is refused before exceljs sees it', async () => {
  const big = new Uint8Array(browserLimits.MAX_FILE_BYTES + 1);
  big.set([0x50, 0x4b, 0x03, 0x04]);
  const browser = await outcome(() => readXlsxGridInBrowser(big.buffer, 'lon.xlsx'));
  const server = await outcome(() => readXlsxGrid(Buffer.from(big.buffer), 'lon.xlsx'));
  expect(browser).toEqual(server);
  expect(browser).toMatchObject({ reason: 'too-big', message: 'tệp quá lớn (20 MB, tối đa 20 MB)' });
});
