/**
 * Updating the scoring sheets in the open workbook — to another set version, or rebuilt on
 * the same one — without losing what anyone typed. The plan (what goes where, what is
 * orphaned) is pure (../upgrade.ts). Here the old sheets are first parked under other
 * names, the new ones written, and only then are the old ones deleted. If any step fails —
 * parking, writing, or deleting the parked sheets before any is gone — the new sheets are
 * removed and the old sheets and names are put back as they were.
 */
import type { CriteriaSet } from '../../domain';
import type { WorkbookGrid } from '../grid';
import type { UpgradeReport } from '../port';
import { columnsInFile } from '../read/file-columns';
import { interpretWorkbook } from '../read/interpret';
import type { WorkbookSpec } from '../spec';
import { planUpgradeOf, UpgradeError } from '../upgrade';
import { printViewShown } from './print-view';
import { readGrid } from './read';
import { renderIntoWorkbook, type RenderReport } from './render';
import { removeAdded, WriteFailedError } from './rollback';

export async function upgradeInWorkbook(context: Excel.RequestContext, set: CriteriaSet, supports: (name: string, version: string) => boolean): Promise<UpgradeReport> {
  const grid = await readGrid(context);
  const read = interpretWorkbook(grid);
  if (!read.ok) throw new UpgradeError(`Không cập nhật được: ${read.message}`, `Cannot update: ${read.messageEn}`);
  // The rebuilt sheets show the form the old ones showed (the default when set by hand).
  const printView = (await printViewShown(context, read, columnsInFile(grid, read))) ?? undefined;
  const plan = planUpgradeOf(read, grid, set, { createdAt: new Date().toISOString(), ...(printView ? { printView } : {}) });
  const old = [read.sheets.scoring, read.sheets.summary, read.sheets.meta].filter((n): n is string => n !== null);
  const taken = new Set(grid.sheets.map((s) => s.name.toLowerCase()));
  const parked = old.map((name) => ({ name, temp: freeName(`~cũ ${name}`, taken) }));
  const spec = withFreeNames(plan.spec, taken, new Set(old.map((n) => n.toLowerCase())));
  const replacedNames = spec.names.map((n) => n.name).filter((n) => n in grid.names);

  const sheets = context.workbook.worksheets;
  const added = { sheets: spec.sheets.map((s) => s.name), names: spec.names.map((n) => n.name) };
  let written = false;
  const putBack = async (error: unknown): Promise<never> => {
    // The renderer takes away what it added when it fails; after it succeeded, the new sheets
    // go here. Before it wrote, the sheets under those names are the old ones: never touch them.
    const left = error instanceof WriteFailedError ? error.left : written ? await removeAdded(context, added) : { sheets: [], names: [] };
    const restored = await restore(context, parked, replacedNames, grid);
    throw new WriteFailedError(error instanceof WriteFailedError ? error.cause : error, restored ? left : { sheets: [...left.sheets, ...old], names: left.names });
  };

  let rendered: RenderReport;
  try {
    for (const p of parked) {
      const ws = sheets.getItem(p.name);
      // A very hidden sheet cannot be deleted later (office-js #365).
      if (grid.sheets.find((s) => s.name === p.name)?.state === 'veryHidden') ws.visibility = Excel.SheetVisibility.hidden;
      ws.name = p.temp;
    }
    for (const name of replacedNames) context.workbook.names.getItem(name).delete();
    await context.sync();
    rendered = await renderIntoWorkbook(context, spec, { isSetSupported: supports });
    written = true;
  } catch (e) {
    return putBack(e);
  }

  const notes: string[] = [];
  try {
    for (const p of parked) sheets.getItem(p.temp).delete();
    await context.sync();
  } catch (e) {
    // Nothing deleted yet: the update can still be undone whole. Otherwise it is done: finish the deletes.
    const present = await sheetsPresent(context, parked.map((p) => p.temp)).catch(() => parked.map((p) => p.temp));
    if (present.length === parked.length) return putBack(e);
    try {
      for (const name of present) sheets.getItem(name).delete();
      await context.sync();
    } catch {
      notes.push(`Không xoá được bản cũ ${present.map((n) => `"${n}"`).join(', ')}: hãy tự xoá ${present.length > 1 ? 'các trang này' : 'trang này'}.`);
    }
  }
  return {
    sheets: rendered.sheets,
    notes: [...rendered.skipped.map((s) => s.message), ...rendered.warnings, ...notes, ...plan.otherSheets.map((n) => `Trang "${n}" được giữ nguyên.`)],
    carried: plan.carried,
    orphaned: plan.orphaned.length,
  };
}

/**
 * Puts the old sheets and names back as they were before the update started, from whatever
 * point it stopped: parked sheets get their names (and very hidden state) back, deleted names
 * are added again. Returns false when that fails too.
 */
async function restore(context: Excel.RequestContext, parked: ReadonlyArray<{ name: string; temp: string }>, names: readonly string[], grid: WorkbookGrid): Promise<boolean> {
  try {
    const sheets = context.workbook.worksheets;
    const list = context.workbook.names;
    sheets.load('items/name');
    list.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
    for (const p of parked) {
      const parkedNow = present.has(p.temp.toLowerCase());
      if (!parkedNow && !present.has(p.name.toLowerCase())) continue;
      const ws = sheets.getItem(parkedNow ? p.temp : p.name);
      if (parkedNow) ws.name = p.name;
      // Made hidden for the delete that did not come.
      if (grid.sheets.find((s) => s.name === p.name)?.state === 'veryHidden') ws.visibility = Excel.SheetVisibility.veryHidden;
    }
    const defined = new Set(list.items.map((n) => n.name.toLowerCase()));
    for (const name of names) if (!defined.has(name.toLowerCase())) list.add(name, `=${grid.names[name]}`);
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

async function sheetsPresent(context: Excel.RequestContext, wanted: readonly string[]): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const present = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
  return wanted.filter((n) => present.has(n.toLowerCase()));
}

/** A sheet the update adds ("Dữ liệu cũ") gets "(2)", "(3)"… when the workbook already has one. */
function withFreeNames(spec: WorkbookSpec, taken: Set<string>, replaced: ReadonlySet<string>): WorkbookSpec {
  const sheets = spec.sheets.map((s) => (replaced.has(s.name.toLowerCase()) || !taken.has(s.name.toLowerCase()) ? s : { ...s, name: freeName(s.name, taken) }));
  return { ...spec, sheets };
}

function freeName(base: string, taken: Set<string>): string {
  const stem = base.slice(0, 31);
  let name = stem;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}
