/**
 * The pane's port (../port.ts) over Office.js. Each operation is one `Excel.run` with as few
 * syncs as it can: reading the state is readGrid's two plus one for the appraisal columns;
 * writes are queued and sent together. Requirement sets are feature-detected: change events
 * need ExcelApi 1.7 and are simply not live below it. From ExcelApi 1.9 the pane listens on the
 * worksheet collection, which keeps raising events for sheets an update deletes and writes anew;
 * on 1.7–1.8 it listens on each scoring sheet and subscribes again after its own insert or update.
 * After an edit, the rows where text was typed are fitted to it (fit-rows.ts) before the re-read.
 */
import { buildWorkbook } from '../build-workbook';
import { withFreeSheetNames } from '../free-sheet-names';
import { columnLetter, parseRange } from '../a1';
import type { CellRef } from '../../domain';
import type { WorkbookGrid } from '../grid';
import { IMPORTED_SETS_SHEET, importedSetsRows, readImportedSets } from '../imported-sets';
import { SCORING_COLUMNS, SHEETS } from '../layout';
import type { InsertReport, SelectionGrid, UpgradeReport, WorkbookPort, WorkbookState } from '../port';
import { PRINT_VIEW, type PrintView } from '../print-views';
import { checkWorkbook } from '../read/check';
import { interpretWorkbook } from '../read/interpret';
import { columnsInFile } from '../read/file-columns';
import { findMetaSheet } from '../read/meta';
import { fitEditedRows, type CellEdit } from './fit-rows';
import { columnRuns, hiddenInView, printViewShown } from './print-view';
import { readGrid } from './read';
import { renderIntoWorkbook, type RenderReport } from './render';
import { removeAdded, WriteFailedError } from './rollback';
import { upgradeInWorkbook } from './upgrade';

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface OfficePortOptions {
  /** Default: the `Excel` global's run. */
  run?: <T>(batch: Batch<T>) => Promise<T>;
  /** Runs a batch on an earlier context (removing event handlers needs the one that added them). */
  runOn?: <T>(context: Excel.RequestContext, batch: Batch<T>) => Promise<T>;
  /** Default: `Office.context.requirements.isSetSupported`. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Quiet time after the last edit before the pane re-reads (default 400 ms). */
  debounceMs?: number;
}

/** An Excel API is there to talk to: in Excel, or in a page where a test installed the double as `Excel`. */
export function excelAvailable(host: Office.HostType | null): boolean {
  try {
    return (host === null || String(host) === 'Excel') && typeof Excel !== 'undefined' && typeof Excel.run === 'function';
  } catch {
    return false;
  }
}

export function createOfficePort(options: OfficePortOptions = {}): WorkbookPort {
  const run = options.run ?? (<T>(batch: Batch<T>) => Excel.run(batch));
  const runOn = options.runOn ?? (<T>(context: Excel.RequestContext, batch: Batch<T>) => Excel.run(context, batch));
  const supports = options.isSetSupported ?? ((name: string, version: string) => Office.context.requirements.isSetSupported(name, version));
  const debounceMs = options.debounceMs ?? 400;
  /** Live subscriptions on 1.7–1.8, to renew after a write that replaces the sheets they listen on. */
  const renewals = new Set<() => void>();
  const renewingSubscriptions = <T>(write: Promise<T>): Promise<T> =>
    write.finally(() => {
      for (const renew of renewals) renew();
    });

  return {
    readState: () => run((context) => readState(context)),

    insertScoringSheet: (set, { unit, year }) =>
      renewingSubscriptions(
        run(async (context) => toInsertReport(await renderIntoWorkbook(context, buildWorkbook(set, { unit, year }), { isSetSupported: supports }))),
      ),

    upgradeScoringSheet: (set) => renewingSubscriptions(run((context): Promise<UpgradeReport> => upgradeInWorkbook(context, set, supports))),

    selectCell: (ref) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.cell).select();
        await context.sync();
      }),

    writeTargets: (targets) => run((context) => writeNumbers(context, 'target', targets)),

    writePreviousScores: (scores) => run((context) => writeNumbers(context, 'previousScore', scores)),

    setPrintView: (view: PrintView) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(SHEETS.scoring);
        const columns = SCORING_COLUMNS.map((_, i) => ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`));
        for (const c of columns) c.load('columnHidden');
        await context.sync();
        const before = columns.map((c) => c.columnHidden === true);
        const show = (hidden: readonly boolean[]) => {
          for (const run of columnRuns(hidden)) ws.getRange(run.range).columnHidden = run.hidden;
        };
        try {
          show(hiddenInView(view));
          context.workbook.worksheets.getItem(PRINT_VIEW[view].sheet).activate();
          await context.sync();
        } catch (error) {
          try {
            show(before);
            await context.sync();
          } catch {
            throw new WriteFailedError(error, { sheets: [], names: [], cells: [`${SHEETS.scoring}!${columnLetter(1)}:${columnLetter(columns.length)}`] });
          }
          throw new WriteFailedError(error);
        }
      }),

    insertSheet: (spec) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        const name = freeName(spec.name, taken);
        await renderIntoWorkbook(context, { sheets: [{ ...spec, name }], names: [], properties: { title: '', subject: '', creator: '' } }, { isSetSupported: supports });
        return name;
      }),

    insertConsolidation: (spec) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const names = context.workbook.names;
        names.load('items/name');
        await context.sync();
        const free = withFreeSheetNames(
          spec,
          sheets.items.map((s) => s.name),
          names.items.map((n) => n.name),
        );
        return (await renderIntoWorkbook(context, free, { isSetSupported: supports })).sheets;
      }),

    importSetFromSelection: () => run((context) => readSelection(context)),

    storeImportedSet: (set) =>
      run(async (context) => {
        const grid = await readGrid(context, { sheets: [IMPORTED_SETS_SHEET] });
        const existing = grid.sheets.find((s) => s.name === IMPORTED_SETS_SHEET);
        const rows = importedSetsRows([...readImportedSets(existing).data, set]);
        const sheets = context.workbook.worksheets;
        const ws = existing ? sheets.getItem(existing.name) : sheets.add(IMPORTED_SETS_SHEET);
        // Rows left from a longer list are cleared; column B is text so JSON chunks stay text.
        const height = Math.max(rows.length, existing?.values.length ?? 0);
        const range = ws.getRange(`A1:B${height}`);
        range.numberFormat = Array.from({ length: height }, () => ['@', '@']);
        range.values = Array.from({ length: height }, (_, i) => rows[i] ?? ['', '']);
        if (!existing) ws.visibility = Excel.SheetVisibility.veryHidden;
        try {
          await context.sync();
        } catch (error) {
          if (!existing) throw new WriteFailedError(error, await removeAdded(context, { sheets: [IMPORTED_SETS_SHEET], names: [] }));
          // The list of imported sets as it was: text, row by row.
          const before = existing.values.map((line) => [0, 1].map((j) => (line[j] === null || line[j] === undefined ? '' : String(line[j]))));
          try {
            const again = context.workbook.worksheets.getItem(existing.name).getRange(`A1:B${height}`);
            again.values = Array.from({ length: height }, (_, i) => before[i] ?? ['', '']);
            await context.sync();
          } catch {
            throw new WriteFailedError(error, { sheets: [], names: [], cells: [`${existing.name}!A1:B${height}`] });
          }
          throw new WriteFailedError(error);
        }
      }),

    onChanged: (callback) => {
      if (!supports('ExcelApi', '1.7')) return { live: false, unsubscribe: () => undefined };
      const wholeWorkbook = supports('ExcelApi', '1.9');
      let timer: ReturnType<typeof setTimeout> | null = null;
      let cancelled = false;
      let handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
      let edits: CellEdit[] = [];
      // The handler only notes the cells and arms a timer: typing is never held up by a read of the workbook.
      const changed = async (args: Excel.WorksheetChangedEventArgs) => {
        if (typeof args?.address === 'string' && typeof args.worksheetId === 'string') edits.push({ worksheetId: args.worksheetId, address: args.address });
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          const done = edits;
          edits = [];
          // Rows grow with the text typed in them before the pane reads the workbook again.
          const fitted = done.length === 0 || cancelled ? Promise.resolve() : run((context) => fitEditedRows(context, done)).then(() => undefined, (error: unknown) => console.warn('Chỉ số CCHC: không đặt được chiều cao dòng', error));
          void fitted.then(() => {
            if (!cancelled) callback();
          });
        }, debounceMs);
      };
      // A handler whose sheet is gone may refuse to go: it raises nothing any more either.
      const remove = (list: typeof handlers) =>
        list.length === 0
          ? Promise.resolve()
          : runOn(list[0].context as Excel.RequestContext, async (context) => {
              for (const h of list) h.remove();
              await context.sync();
            }).catch(() => undefined);
      const subscribe = () =>
        run(async (context) => {
          const sheets = context.workbook.worksheets;
          if (wholeWorkbook) {
            const added = [sheets.onChanged.add(changed)];
            await context.sync();
            return added;
          }
          sheets.load('items/name');
          await context.sync();
          const ours = new Set<string>([SHEETS.scoring, SHEETS.summary]);
          const added = sheets.items.filter((ws) => ours.has(ws.name)).map((ws) => ws.onChanged.add(changed));
          if (added.length > 0) await context.sync();
          return added;
        })
          .then(async (added) => {
            if (cancelled) return remove(added);
            const before = handlers;
            handlers = added;
            await remove(before);
          })
          .catch((error: unknown) => console.warn('Chỉ số CCHC: không theo dõi được thay đổi trong sổ tính', error));
      void subscribe();
      // The sheets listened on may have been replaced: listen on the new ones.
      const renew = () => void subscribe();
      if (!wholeWorkbook) renewals.add(renew);
      return {
        live: true,
        unsubscribe: () => {
          cancelled = true;
          renewals.delete(renew);
          if (timer !== null) clearTimeout(timer);
          const list = handlers;
          handlers = [];
          remove(list).catch((error: unknown) => console.warn('Chỉ số CCHC: không gỡ được theo dõi thay đổi', error));
        },
      };
    },
  };
}

async function readState(context: Excel.RequestContext): Promise<WorkbookState> {
  const full = await readGrid(context, { sheets: [...Object.values(SHEETS), IMPORTED_SETS_SHEET] });
  const imported = readImportedSets(full.sheets.find((s) => s.name === IMPORTED_SETS_SHEET));
  const grid: WorkbookGrid = { ...full, sheets: full.sheets.filter((s) => s.name !== IMPORTED_SETS_SHEET) };
  const base = { importedSets: imported.sets, importedSetProblems: imported.problems };
  const hasScoringSheet = grid.sheets.some((s) => s.name === SHEETS.scoring) || findMetaSheet(grid) !== null;
  if (!hasScoringSheet) return { ...base, hasScoringSheet, workbook: null, check: null, unreadable: null, printView: null };

  const read = interpretWorkbook(grid);
  if (!read.ok) {
    return { ...base, hasScoringSheet, workbook: null, check: null, unreadable: { message: read.message, messageEn: read.messageEn }, printView: null };
  }
  const printView = await printViewShown(context, read, columnsInFile(grid, read));
  return { ...base, hasScoringSheet, workbook: read, check: checkWorkbook(read), unreadable: null, printView };
}

/** The selection; a single cell stands for the whole used range of its sheet. */
async function readSelection(context: Excel.RequestContext): Promise<SelectionGrid> {
  const selected = context.workbook.getSelectedRange();
  selected.load('address,values');
  await context.sync();
  let range: { address: string; values: unknown[][] } = selected;
  if (!selected.address.includes(':')) {
    const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
    used.load('address,values');
    await context.sync();
    range = used;
  }
  const bang = range.address.lastIndexOf('!');
  const sheet = unquoteSheet(range.address.slice(0, bang));
  const address = range.address.slice(bang + 1);
  return { sheet, address, firstRow: parseRange(address).top, values: range.values };
}

/** What a cell holds, as it would be typed back: its formula ("=…") or its value ("" when empty). */
function cellInput(grid: WorkbookGrid, ref: CellRef): string | number | boolean {
  const sheet = grid.sheets.find((s) => s.name.toLowerCase() === ref.sheet.toLowerCase());
  const { top, left } = parseRange(ref.cell);
  const formula = sheet?.formulas[top - 1]?.[left - 1];
  if (formula) return `=${formula}`;
  const value = sheet?.values[top - 1]?.[left - 1] ?? null;
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return value;
}

function unquoteSheet(name: string): string {
  return name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

function freeName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function toInsertReport(report: RenderReport): InsertReport {
  return { sheets: report.sheets, notes: [...report.skipped.map((s) => s.message), ...report.warnings] };
}

/**
 * Numbers typed by criterion code in their input cells (targets, last year's scores), all in one
 * sync; if it fails part-way every cell gets back what it held (a value or a formula).
 */
async function writeNumbers(context: Excel.RequestContext, field: 'target' | 'previousScore', values: ReadonlyMap<string, number>): Promise<number> {
  const grid = await readGrid(context);
  const read = interpretWorkbook(grid);
  if (!read.ok) throw new Error(read.message);
  if (field === 'previousScore' && !columnsInFile(grid, read).has('previousScore')) {
    throw new Error(`Bảng "${read.sheets.scoring}" theo mẫu cũ, chưa có cột "Điểm năm trước": hãy cập nhật bảng (Bắt đầu → Cập nhật) rồi lấy lại kết quả năm trước`);
  }
  const cells: Array<{ ref: CellRef; points: number; before: string | number | boolean }> = [];
  for (const [code, points] of values) {
    const ref = read.assessment.cells?.[code]?.[field];
    if (!ref) throw new Error(`Không tìm thấy ô ${field === 'target' ? 'mục tiêu' : 'điểm năm trước'} của tiêu chí ${code} trong sổ tính`);
    cells.push({ ref, points, before: cellInput(grid, ref) });
  }
  if (cells.length === 0) return 0;
  const at = (ref: CellRef) => context.workbook.worksheets.getItem(ref.sheet).getRange(ref.cell);
  try {
    for (const c of cells) at(c.ref).values = [[c.points]];
    await context.sync();
  } catch (error) {
    try {
      for (const c of cells) at(c.ref).formulas = [[c.before]];
      await context.sync();
    } catch {
      throw new WriteFailedError(error, { sheets: [], names: [], cells: cells.map((c) => `${c.ref.sheet}!${c.ref.cell}`) });
    }
    throw new WriteFailedError(error);
  }
  return cells.length;
}

