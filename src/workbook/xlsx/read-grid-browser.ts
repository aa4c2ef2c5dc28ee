/* exceljs's getCell() is not an Office.js proxy; the office-addins rules take it for one. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
/**
 * Reads an .xlsx into the neutral grid in the browser, where the server reader (read-grid.ts,
 * built on node:zlib) cannot run. exceljs is loaded by dynamic import so it is a chunk of its
 * own, fetched only when the appraiser picks files. What comes out matches read-grid.ts for
 * the same file: cached values (dates as ISO text, formula results as stored), formulas
 * without "=" with shared formulas expanded the same way, sheet states, defined names.
 * Anything wrong with the file becomes an UnreadableWorkbookError with a Vietnamese reason.
 */
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import type { CellRange, GridValue, SheetGrid, WorkbookGrid } from '../grid';
import { parseAddress } from './cell-attributes';
import { shiftFormula } from '../read/formula-refs';
import { MAX_CELLS, MAX_ROWS, sniffXlsx } from './package-sniff';
import { MAX_GRID_AREA } from './limits';
import { UnreadableWorkbookError } from './unreadable';
import { decodeOoxmlEscapes } from './xml-text';

/** exceljs's ValueType.Merge: a cell covered by a merge, whose value lives in the first cell. */
const MERGE = 1;

type ExcelJsModule = typeof import('exceljs');

export async function readXlsxGridInBrowser(data: ArrayBuffer | Uint8Array, source: string): Promise<WorkbookGrid> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  sniffXlsx(bytes, source);
  const loaded = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = loaded.default ?? loaded;
  const workbook = new ExcelJS.Workbook();
  try {
    // The bytes of the file only, not a view into a larger buffer. exceljs's types ask for its
    // Buffer, but it hands the data to JSZip, which takes an ArrayBuffer in Node and browsers.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    await workbook.xlsx.load(whole as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch (e) {
    throw corrupt(source, e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e));
  }
  try {
    return toGrid(workbook, source);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    throw corrupt(source, e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e));
  }
}

function toGrid(workbook: Workbook, source: string): WorkbookGrid {
  let cells = 0;
  let area = 0;
  const sheets: SheetGrid[] = workbook.worksheets.map((ws) => {
    const values: GridValue[][] = [];
    const formulas: (string | null)[][] = [];
    let rows = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      let counted = false;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === MERGE) return;
        const formula = formulaOf(ws, cell);
        const value = valueOf(cell.value, formula !== null);
        if (value === null && formula === null) return;
        if (++cells > MAX_CELLS) {
          throw new UnreadableWorkbookError('too-many-cells', `bảng tính có quá nhiều ô (hơn ${MAX_CELLS.toLocaleString('vi-VN')} ô)`, `the workbook has more than ${MAX_CELLS} cells`, source);
        }
        if (!counted && ++rows > MAX_ROWS) {
          throw new UnreadableWorkbookError('too-many-rows', `trang "${ws.name}" có quá nhiều dòng (hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng)`, `sheet "${ws.name}" has more than ${MAX_ROWS} rows`, source);
        }
        counted = true;
        // Gaps are filled as in read-grid.ts: every row up to this one, every column up to this cell.
        area += Math.max(0, r - values.length) + Math.max(0, c - (values[r - 1]?.length ?? 0));
        if (area > MAX_GRID_AREA) {
          throw new UnreadableWorkbookError('too-many-cells', 'bảng tính có ô nằm quá xa bảng chính (vùng dữ liệu quá rộng)', 'a sheet spans too large an area', source);
        }
        while (values.length < r) {
          values.push([]);
          formulas.push([]);
        }
        const v = values[r - 1];
        const f = formulas[r - 1];
        while (v.length < c - 1) {
          v.push(null);
          f.push(null);
        }
        v[c - 1] = value;
        f[c - 1] = formula;
      });
    });
    const merges = mergesOf(ws);
    return { name: ws.name, state: ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible', values, formulas, ...(merges.length > 0 ? { merges } : {}) };
  });
  const names: Record<string, string> = {};
  for (const n of workbook.definedNames.model) names[n.name] = n.ranges.join(',');
  return { source, sheets, names };
}

/** The merged areas, as read-grid.ts gives them. */
function mergesOf(ws: Worksheet): CellRange[] {
  const out: CellRange[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const [from, to = from] = ref.split(':');
    const a = parseAddress(from, 0, from.length);
    const b = parseAddress(to, 0, to.length);
    if (a >= 0 && b >= 0) out.push({ top: Math.floor(a / 32_768), left: a % 32_768, bottom: Math.floor(b / 32_768), right: b % 32_768 });
  }
  return out;
}

/** The cell's own formula, or its shared formula moved from the master cell as read-grid.ts does. */
function formulaOf(ws: Worksheet, cell: Cell): string | null {
  const v = cell.value;
  if (v === null || typeof v !== 'object' || v instanceof Date) return null;
  if ('formula' in v && typeof v.formula === 'string') return v.formula.replace(/^=/, '');
  if ('sharedFormula' in v && typeof v.sharedFormula === 'string') {
    const master = ws.getCell(v.sharedFormula);
    const own = master.value as { formula?: unknown } | null;
    if (!own || typeof own.formula !== 'string') return `#SHARED(${v.sharedFormula})`;
    return shiftFormula(own.formula.replace(/^=/, ''), Number(cell.row) - Number(master.row), Number(cell.col) - Number(master.col));
  }
  return null;
}

function valueOf(v: CellValue, isFormula: boolean): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string') return decodeOoxmlEscapes(v);
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if ('error' in v) return { error: String(v.error).trim() };
  if ('richText' in v) return decodeOoxmlEscapes(v.richText.map((r) => r.text).join(''));
  if ('hyperlink' in v) return valueOf(v.text as CellValue, false);
  if (isFormula && 'result' in v) {
    const result = v.result;
    // The server reader leaves a formula's result a number even under a date format.
    if (result instanceof Date) return excelSerial(result, v.date1904 === true);
    return valueOf(result ?? null, false);
  }
  return null;
}

/** 2025-06-30, or 2025-06-30T08:30:00 when the cell holds a time too — whole seconds, as read-grid.ts. */
function isoDate(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  const iso = new Date(Math.round(time / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function excelSerial(date: Date, date1904: boolean): number {
  return date.getTime() / 86_400_000 + (date1904 ? 24107 : 25569);
}

function corrupt(source: string, why: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('corrupt', `tệp .xlsx bị hỏng, không đọc được (${why})`, `the .xlsx is corrupt and cannot be read (${why})`, source);
}
