/**
 * The very hidden "_par" sheet: which set and template made this file, where each
 * criterion started, the set itself (so a file can be checked where the set is not
 * bundled), and the option lists the dropdowns read. Plain cells, so exceljs, Excel
 * and LibreOffice all keep it.
 */
import type { CriteriaSet } from '../domain';
import { a1, sheetRef } from './a1';
import { META_CHUNK, META_KEYS, SHEETS, TEMPLATE_VERSION } from './layout';
import type { WorkbookOptions } from './options';
import type { ScoringSheetLayout } from './scoring-sheet';
import type { CellLiteral, CellSpec, SheetSpec } from './spec';
import { STYLE } from './styles';

/** Option lists sit from this column on, one row per options leaf. */
const OPTION_COL = 4;

export interface MetaLayout {
  optionListRef: (code: string) => string;
}

export function metaLayout(set: CriteriaSet): MetaLayout {
  const rows = new Map(set.leaves.filter((l) => l.method === 'options').map((l, i) => [l.code, i + 1]));
  return {
    optionListRef: (code) => {
      const row = rows.get(code)!;
      const count = set.byCode.get(code)!.options.length;
      return sheetRef(SHEETS.meta, `${a1(row, OPTION_COL + 1, true)}:${a1(row, OPTION_COL + count, true)}`);
    },
  };
}

export function buildMetaSheet(set: CriteriaSet, options: WorkbookOptions, scoring: ScoringSheetLayout, setJson: string): SheetSpec {
  const cells: CellSpec[] = [];
  let row = 0;
  const pair = (key: string, value: CellLiteral) => {
    row++;
    cells.push({ row, col: 1, value: key, style: STYLE.metaKey }, { row, col: 2, value });
  };
  pair(META_KEYS.marker, 'Tệp chấm điểm Chỉ số CCHC — không sửa trang này');
  pair(META_KEYS.templateVersion, TEMPLATE_VERSION);
  pair(META_KEYS.setId, set.id);
  pair(META_KEYS.setVersion, set.version);
  pair(META_KEYS.setTitle, set.title);
  pair(META_KEYS.setStatus, set.status);
  pair(META_KEYS.unit, options.unit ?? '');
  pair(META_KEYS.year, options.year ?? set.year);
  pair(META_KEYS.createdAt, options.createdAt ?? new Date().toISOString());
  pair(META_KEYS.firstItemRow, scoring.rowOf.get(set.nodes[0].code)!);
  pair(META_KEYS.totalRow, scoring.totalRow);
  pair(META_KEYS.rowMap, set.nodes.length);
  for (const node of set.nodes) pair(node.code, scoring.rowOf.get(node.code)!);
  const chunks = Math.ceil(setJson.length / META_CHUNK);
  pair(META_KEYS.setJson, chunks);
  for (let i = 0; i < chunks; i++) pair(`setJson.${i + 1}`, setJson.slice(i * META_CHUNK, (i + 1) * META_CHUNK));

  set.leaves
    .filter((l) => l.method === 'options')
    .forEach((leaf, i) => {
      cells.push({ row: i + 1, col: OPTION_COL, value: leaf.code });
      leaf.options.forEach((o, j) => cells.push({ row: i + 1, col: OPTION_COL + 1 + j, value: o.points }));
    });

  return {
    name: SHEETS.meta,
    state: 'veryHidden',
    columns: [{ col: 1, width: 16 }, { col: 2, width: 60 }],
    rows: [],
    cells,
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: { allowInsertRows: false, allowFormatColumns: false, allowFormatRows: false, allowAutoFilter: false },
    charts: [],
  };
}
