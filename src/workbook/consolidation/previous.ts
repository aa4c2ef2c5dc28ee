/**
 * Last year's ranking beside this year's: taken from last year's submissions checked
 * again, or read back from the report `check --report` wrote last year. Both give the same
 * list — the unit as the report shows it, its file, its rank within its group and its
 * published index — so either source gives the same comparison.
 */
import { compareRankings, foldText, type PreviousUnit, type RankChange } from '../../domain';
import { columnLetter } from '../a1';
import { gridValue, type GridValue, type SheetGrid, type WorkbookGrid } from '../grid';
import type { CheckGroup, RankedCheck } from './groups';
import { CONSOLIDATION_SHEETS, SUMMARY_HEADERS } from './report-headers';

/** Last year's ranking and where it came from (a folder or a report, as the user named it). */
export interface PreviousRanking {
  source: string;
  units: PreviousUnit[];
}

export interface PreviousComparison {
  changeOf: Map<RankedCheck, RankChange>;
  unmatched: PreviousUnit[];
}

/** The ranking of last year's checked submissions, as the report lists it. */
export function rankedUnits(groups: readonly CheckGroup[]): PreviousUnit[] {
  return groups.flatMap((g) =>
    g.checks.map((r) => ({ unit: r.unitName, file: r.check.file, rank: r.rank, index: r.check.result.final.publishedIndex, setId: g.set.id, year: g.year })),
  );
}

export function compareWithPrevious(groups: readonly CheckGroup[], previous: readonly PreviousUnit[]): PreviousComparison {
  const { changes, unmatchedPrevious } = compareRankings(
    groups.map((g) => ({ setId: g.set.id, units: g.checks.map((r) => ({ unit: r.unitName, file: r.check.file, rank: r.rank, index: r.check.result.final.publishedIndex })) })),
    previous,
  );
  const changeOf = new Map<RankedCheck, RankChange>();
  groups.forEach((g, gi) => g.checks.forEach((r, i) => changeOf.set(r, changes[gi][i])));
  return { changeOf, unmatched: unmatchedPrevious };
}

/** The ranking table's columns that are read back, by their header labels. */
const READ_HEADERS = { rank: 'Hạng', unit: 'Đơn vị', set: 'Bộ tiêu chí', year: 'Năm', index: 'Chỉ số (%)', file: 'Tệp' } as const satisfies Record<string, (typeof SUMMARY_HEADERS)[number]>;
type Column = keyof typeof READ_HEADERS;

export type ReadPrevious = { ok: true; units: PreviousUnit[]; sheet: string } | { ok: false; message: string; messageEn: string };

/**
 * The ranking tables of a report `check --report` wrote, wherever they are: the sheet is
 * found by its tables' header labels (a user may have renamed or reordered the sheets, or
 * moved columns), each table runs from its header to the first row naming neither unit
 * nor file. Every row is checked: a rank that is not a whole number (or "—"), a set that
 * is not "id vX", a year or index that is not a number is refused with its cell.
 */
export function readPreviousReport(grid: WorkbookGrid): ReadPrevious {
  const withTables = grid.sheets.filter((s) => headerRows(s).length > 0);
  const sheet = withTables.find((s) => s.name === CONSOLIDATION_SHEETS.summary) ?? withTables[0];
  if (!sheet) {
    return {
      ok: false,
      message: `${grid.source} không phải báo cáo tổng hợp do "par-index check --report" ghi: không trang nào có bảng xếp hạng (các cột ${Object.values(READ_HEADERS).map((h) => `"${h}"`).join(', ')})`,
      messageEn: `${grid.source} is not a consolidation report written by "par-index check --report": no sheet has its ranking table`,
    };
  }
  const units: PreviousUnit[] = [];
  for (const { row: header, cols } of headerRows(sheet)) {
    for (let row = header + 1; ; row++) {
      const text = (c: Column) => cellText(gridValue(sheet, row, cols[c]));
      if (text('unit') === '' && text('file') === '') break;
      const at = (c: Column) => `${grid.source}, trang "${sheet.name}", ô ${columnLetter(cols[c])}${row}`;
      const refuse = (c: Column, why: string, whyEn: string): ReadPrevious => ({
        ok: false,
        message: `${at(c)}: ${why}`,
        messageEn: `${grid.source}, sheet "${sheet.name}", cell ${columnLetter(cols[c])}${row}: ${whyEn}`,
      });
      const rankValue = gridValue(sheet, row, cols.rank);
      const rank = typeof rankValue === 'number' && Number.isInteger(rankValue) && rankValue >= 1 ? rankValue : null;
      if (rank === null && !['—', '-', ''].includes(cellText(rankValue))) return refuse('rank', `hạng "${cellText(rankValue)}" không phải số thứ tự (hoặc "—" cho đơn vị chưa xếp hạng)`, `rank "${cellText(rankValue)}" is not a whole number (or "—")`);
      const set = /^(.+) v(\S+)$/.exec(text('set'));
      if (!set) return refuse('set', `"${text('set')}" không phải bộ tiêu chí dạng "mã-bộ vX.Y.Z"`, `"${text('set')}" is not a set as "id vX.Y.Z"`);
      const yearValue = gridValue(sheet, row, cols.year);
      if (typeof yearValue !== 'number' || !Number.isInteger(yearValue)) return refuse('year', `năm "${cellText(yearValue)}" không phải số năm`, `year "${cellText(yearValue)}" is not a year`);
      const indexValue = gridValue(sheet, row, cols.index);
      if (indexValue !== null && indexValue !== '' && typeof indexValue !== 'number') return refuse('index', `chỉ số "${cellText(indexValue)}" không phải số`, `index "${cellText(indexValue)}" is not a number`);
      units.push({ unit: text('unit'), file: text('file'), rank, index: typeof indexValue === 'number' ? indexValue : null, setId: set[1], year: yearValue });
    }
  }
  return { ok: true, units, sheet: sheet.name };
}

/** Rows holding every label read back, each with the column of each label. */
function headerRows(sheet: SheetGrid): { row: number; cols: Record<Column, number> }[] {
  const found: { row: number; cols: Record<Column, number> }[] = [];
  sheet.values.forEach((values, i) => {
    const labels = values.map((v) => cellText(v));
    const cols = {} as Record<Column, number>;
    for (const [key, label] of Object.entries(READ_HEADERS) as [Column, string][]) {
      const at = labels.indexOf(label);
      if (at < 0) return;
      cols[key] = at + 1;
    }
    found.push({ row: i + 1, cols });
  });
  return found;
}

function cellText(v: GridValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return foldText(String(v));
}
