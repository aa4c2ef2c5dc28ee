/**
 * Updating the scoring sheets in the open workbook — to another set version, or rebuilt on
 * the same one — without losing what anyone typed. The plan (what goes where, what is
 * orphaned) is pure (../upgrade.ts). Here the old sheets are first parked under other
 * names, the new ones written, and only then are the old ones deleted: if writing fails,
 * the old sheets and names are put back as they were.
 */
import type { CriteriaSet } from '../../domain';
import type { WorkbookGrid } from '../grid';
import type { UpgradeReport } from '../port';
import { interpretWorkbook } from '../read/interpret';
import type { WorkbookSpec } from '../spec';
import { planUpgradeOf, UpgradeError } from '../upgrade';
import { readGrid } from './read';
import { renderIntoWorkbook } from './render';

export async function upgradeInWorkbook(context: Excel.RequestContext, set: CriteriaSet, supports: (name: string, version: string) => boolean): Promise<UpgradeReport> {
  const grid = await readGrid(context);
  const read = interpretWorkbook(grid);
  if (!read.ok) throw new UpgradeError(`Không cập nhật được: ${read.message}`, `Cannot update: ${read.messageEn}`);
  const plan = planUpgradeOf(read, grid, set, { createdAt: new Date().toISOString() });
  const old = [read.sheets.scoring, read.sheets.summary, read.sheets.meta].filter((n): n is string => n !== null);
  const taken = new Set(grid.sheets.map((s) => s.name.toLowerCase()));
  const parked = old.map((name) => ({ name, temp: freeName(`~cũ ${name}`, taken) }));
  const spec = withFreeNames(plan.spec, taken, new Set(old.map((n) => n.toLowerCase())));
  const replacedNames = spec.names.map((n) => n.name).filter((n) => n in grid.names);

  const sheets = context.workbook.worksheets;
  for (const p of parked) {
    const ws = sheets.getItem(p.name);
    // A very hidden sheet cannot be deleted later (office-js #365).
    if (grid.sheets.find((s) => s.name === p.name)?.state === 'veryHidden') ws.visibility = Excel.SheetVisibility.hidden;
    ws.name = p.temp;
  }
  for (const name of replacedNames) context.workbook.names.getItem(name).delete();
  await context.sync();

  let rendered;
  try {
    rendered = await renderIntoWorkbook(context, spec, { isSetSupported: supports });
  } catch (e) {
    await restore(context, spec, parked, replacedNames, grid);
    throw e;
  }
  for (const p of parked) sheets.getItem(p.temp).delete();
  await context.sync();
  return {
    sheets: rendered.sheets,
    notes: [...rendered.skipped.map((s) => s.message), ...rendered.warnings, ...plan.otherSheets.map((n) => `Trang "${n}" được giữ nguyên.`)],
    carried: plan.carried,
    orphaned: plan.orphaned.length,
  };
}

/** Puts the workbook back as it was before the update started. */
async function restore(context: Excel.RequestContext, spec: WorkbookSpec, parked: ReadonlyArray<{ name: string; temp: string }>, names: readonly string[], grid: WorkbookGrid): Promise<void> {
  const sheets = context.workbook.worksheets;
  const list = context.workbook.names;
  sheets.load('items/name');
  list.load('items/name');
  await context.sync();
  const written = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  for (const ws of sheets.items) {
    if (!written.has(ws.name.toLowerCase())) continue;
    ws.visibility = Excel.SheetVisibility.hidden;
    ws.delete();
  }
  const ours = new Set(spec.names.map((n) => n.name.toLowerCase()));
  for (const item of list.items) if (ours.has(item.name.toLowerCase())) item.delete();
  for (const p of parked) sheets.getItem(p.temp).name = p.name;
  for (const name of names) list.add(name, `=${grid.names[name]}`);
  await context.sync();
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
