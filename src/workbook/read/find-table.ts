/**
 * Finding a table by its header labels rather than by fixed rows: users insert rows above
 * the table, rename sheets, and (with protection lifted) move columns. A header row is one
 * that carries most of the template's labels; each column is then where its label is.
 */
import { gridRowCount, gridValue, type SheetGrid, type WorkbookGrid } from '../grid';
import { labelKey } from './cell-text';

export interface HeaderSpec<K extends string> {
  /** Labels in template order; their index + 1 is the template column. */
  columns: ReadonlyArray<{ key: K; label: string }>;
  /** The key that must be present (the code column). */
  anchor: K;
  /** How many labels must match. */
  minMatches: number;
}

export interface FoundTable<K extends string> {
  sheet: SheetGrid;
  headerRow: number;
  /** Actual column of each key. */
  col: Record<K, number>;
  /** Template column → actual column. */
  colMap: Map<number, number>;
}

/** Rows searched for a header: the template's is row 7 or 4; users rarely insert dozens above. */
const SEARCH_ROWS = 200;

export function findHeader<K extends string>(sheet: SheetGrid, spec: HeaderSpec<K>): FoundTable<K> | null {
  const wanted = wantedOf(spec);
  const rows = Math.min(gridRowCount(sheet), SEARCH_ROWS);
  for (let row = 1; row <= rows; row++) {
    const found = new Map<K, number>();
    const width = sheet.values[row - 1]?.length ?? 0;
    for (let col = 1; col <= width; col++) {
      const hit = wanted.get(labelKey(gridValue(sheet, row, col)));
      if (hit && !found.has(hit.key)) found.set(hit.key, col);
    }
    if (!found.has(spec.anchor) || found.size < spec.minMatches) continue;
    // Columns whose label was edited keep their place relative to the code column.
    const shift = found.get(spec.anchor)! - (spec.columns.findIndex((c) => c.key === spec.anchor) + 1);
    const col = {} as Record<K, number>;
    const colMap = new Map<number, number>();
    spec.columns.forEach((c, i) => {
      const actual = found.get(c.key) ?? i + 1 + shift;
      col[c.key] = actual;
      colMap.set(i + 1, actual);
    });
    return { sheet, headerRow: row, col, colMap };
  }
  return null;
}

const wantedBySpec = new WeakMap<HeaderSpec<string>, Map<string, { key: string; templateCol: number }>>();

/** Each label as compared, made once per spec (the reader's specs live as long as their template). */
function wantedOf<K extends string>(spec: HeaderSpec<K>): Map<string, { key: K; templateCol: number }> {
  let wanted = wantedBySpec.get(spec);
  if (!wanted) wantedBySpec.set(spec, (wanted = new Map(spec.columns.map((c, i) => [labelKey(c.label), { key: c.key, templateCol: i + 1 }]))));
  return wanted as Map<string, { key: K; templateCol: number }>;
}

/** The sheet named `name` if it has the header, else the first other sheet that has it. */
export function findTable<K extends string>(
  grid: WorkbookGrid,
  name: string,
  spec: HeaderSpec<K>,
  exclude: ReadonlySet<string> = new Set(),
): (FoundTable<K> & { renamed: boolean }) | null {
  const named = grid.sheets.find((s) => s.name === name);
  const byName = named ? findHeader(named, spec) : null;
  if (byName) return { ...byName, renamed: false };
  for (const sheet of grid.sheets) {
    if (sheet === named || exclude.has(sheet.name)) continue;
    const found = findHeader(sheet, spec);
    if (found) return { ...found, renamed: true };
  }
  return null;
}
