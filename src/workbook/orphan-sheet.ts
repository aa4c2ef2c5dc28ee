/**
 * "Dữ liệu cũ": what an update to a new set version could not place — a criterion that
 * is gone, a leaf that now has sub-criteria, a "không đánh giá" the new version forbids.
 * Listed with the old cell, so the user can move each value by hand; nothing is dropped.
 */
import { FIELD_LABELS, formatPoints, type OrphanedValue } from '../domain';
import { rangeA1 } from './a1';
import { printSetup } from './print-setup';
import type { CellLiteral, CellSpec, SheetSpec, StyleSpec } from './spec';
import { STYLE } from './styles';

export const ORPHAN_SHEET = 'Dữ liệu cũ';

const HEADERS = ['Mã tiêu chí', 'Nội dung đã nhập', 'Giá trị', 'Ô cũ', 'Lý do'] as const;

export function buildOrphanSheet(orphaned: readonly OrphanedValue[], from: { setId: string; version: string }): SheetSpec {
  const cells: CellSpec[] = [];
  const put = (row: number, col: number, value: CellLiteral, style: StyleSpec = STYLE.leaf) => cells.push({ row, col, value, style });
  put(1, 1, 'DỮ LIỆU ĐÃ NHẬP KHÔNG CÒN CHỖ TRONG BỘ TIÊU CHÍ MỚI', STYLE.title);
  put(2, 1, `Chuyển từ ${from.setId} phiên bản ${from.version}. Hãy chép từng giá trị vào đúng dòng của bảng chấm điểm, rồi xóa trang này.`, STYLE.subtitle);
  HEADERS.forEach((h, i) => put(4, i + 1, h, STYLE.header));
  orphaned.forEach((o, i) => {
    const row = 5 + i;
    put(row, 1, o.code, STYLE.code);
    put(row, 2, FIELD_LABELS[o.field].vi);
    put(row, 3, shown(o.value), typeof o.value === 'number' ? STYLE.number : STYLE.leaf);
    put(row, 4, o.cell ? `${o.cell.sheet}!${o.cell.cell}` : null);
    put(row, 5, o.message);
  });
  return {
    name: ORPHAN_SHEET,
    state: 'visible',
    tabColor: 'C00000',
    columns: [12, 22, 30, 18, 70].map((width, i) => ({ col: i + 1, width })),
    rows: [],
    cells,
    merges: [rangeA1(1, 1, 1, HEADERS.length), rangeA1(2, 1, 2, HEADERS.length)],
    freeze: { rows: 4, cols: 0 },
    validations: [],
    conditionalFormats: [],
    print: printSetup({ orientation: 'landscape', titleRows: '4:4' }),
    charts: [],
  };
}

/** Numbers stay numbers (the user copies them back); "x" and text as typed. */
function shown(value: unknown): CellLiteral {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value === true) return 'x';
  return value === null || value === undefined ? null : String(value);
}

export function describeOrphan(o: OrphanedValue): string {
  const value = typeof o.value === 'number' ? formatPoints(o.value) : String(o.value);
  return `${o.code} · ${FIELD_LABELS[o.field].vi}: ${value}${o.cell ? ` (${o.cell.sheet}!${o.cell.cell})` : ''}`;
}
