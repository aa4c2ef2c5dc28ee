/**
 * A workbook description made to fit beside sheets and names a workbook already has: the
 * consolidation's "Tổng hợp" meets the scoring workbook's own "Tổng hợp", a second
 * consolidation meets the first. Every clashing sheet gets a free name ("Tổng hợp (2)",
 * cut to Excel's 31 characters), clashing defined names get "_2", and whatever pointed at
 * a renamed sheet follows it: references in formulas, rules, validations and names, and
 * the notes that send the reader to a sheet (trang "…").
 */
import { sheetNamer } from './consolidation/sheet-names';
import { mapFormulaRefs } from './read/formula-refs';
import type { SheetSpec, WorkbookSpec } from './spec';

export function withFreeSheetNames(spec: WorkbookSpec, takenSheets: readonly string[], takenNames: readonly string[] = []): WorkbookSpec {
  const nameSheet = sheetNamer(takenSheets);
  const renamed = new Map<string, string>();
  for (const sheet of spec.sheets) {
    const name = nameSheet(sheet.name);
    if (name !== sheet.name) renamed.set(sheet.name, name);
  }
  const usedNames = new Set(takenNames.map((n) => n.toLowerCase()));
  const names = spec.names.map((n) => {
    let name = n.name;
    for (let i = 2; usedNames.has(name.toLowerCase()); i++) name = `${n.name}_${i}`;
    usedNames.add(name.toLowerCase());
    return { name, ref: follow(n.ref, renamed) };
  });
  if (renamed.size === 0 && names.every((n, i) => n.name === spec.names[i].name)) return spec;
  return { ...spec, names, sheets: spec.sheets.map((sheet) => renameIn(sheet, renamed)) };
}

function renameIn(sheet: SheetSpec, renamed: ReadonlyMap<string, string>): SheetSpec {
  const f = (formula: string) => follow(formula, renamed);
  return {
    ...sheet,
    name: renamed.get(sheet.name) ?? sheet.name,
    cells: sheet.cells.map((cell) => {
      if (cell.formula !== undefined) return { ...cell, formula: f(cell.formula) };
      if (typeof cell.value === 'string' && cell.value.includes('trang "')) return { ...cell, value: followNotes(cell.value, renamed) };
      return cell;
    }),
    validations: sheet.validations.map((v) => (v.kind === 'decimal' ? { ...v, min: f(v.min), max: f(v.max) } : { ...v, source: f(v.source) })),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf, formula: f(cf.formula) })),
    charts: sheet.charts.map((c) => ({ ...c, categories: f(c.categories), series: c.series.map((s) => ({ ...s, values: f(s.values) })) })),
  };
}

/** References to a renamed sheet, rewritten; all else kept as written. */
function follow(formula: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0) return formula;
  return mapFormulaRefs(formula, (ref) => {
    const to = ref.sheet === null ? undefined : renamed.get(ref.sheet);
    return to === undefined ? { row: ref.row, col: ref.col } : { row: ref.row, col: ref.col, sheet: to };
  }).text;
}

/** One pass, so "A" → "A (2)" and "A (2)" → "A (3)" cannot run into each other. */
function followNotes(text: string, renamed: ReadonlyMap<string, string>): string {
  return text.replace(/trang "([^"]*)"/g, (whole, name: string) => {
    const to = renamed.get(name);
    return to === undefined ? whole : `trang "${to}"`;
  });
}
