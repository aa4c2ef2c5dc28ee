/**
 * Finding an annex's header row and what each column holds, whatever the wording and
 * accents: "STT" · "Lĩnh vực/Tiêu chí/Tiêu chí thành phần" (or "Nội dung", "Chỉ số thành
 * phần") · "Điểm tối đa" (or "Điểm chuẩn", "Thang điểm", or "Điểm" over a "Tối đa"
 * sub-header) · optional "Cách chấm điểm", "Tài liệu kiểm chứng", "Ghi chú".
 *
 * Merged header cells carry their text in the first cell only, so a column's role covers
 * its own column and the unlabelled ones to its right (a "STT" merged over A:B reads a
 * roman numeral in A and an arabic one in B).
 */
import { cellText, foldKey, type TableGrid } from './text';

export type ColumnRole = 'stt' | 'name' | 'max' | 'method' | 'evidence' | 'note';

/** Columns [from, to), 0-based. */
export interface Span {
  from: number;
  to: number;
}

export interface TableHeader {
  /** 0-based indexes of the first and last header rows (two when a sub-header row is used). */
  firstRow: number;
  lastRow: number;
  spans: Partial<Record<ColumnRole, Span>> & { name: Span; max: Span };
  /** Folded header text of every column in the header rows, to spot repeated headers. */
  keys: Set<string>[];
}

const MAX_HEADER_SCAN = 200;

interface Candidate {
  role: ColumnRole;
  /** Higher wins when two columns claim the same role. */
  rank: number;
}

function classify(key: string): Candidate | null {
  if (key === '') return null;
  if (/tai lieu kiem chung|\btlkc\b|kiem chung|minh chung/.test(key)) return { role: 'evidence', rank: 2 };
  if (/cach cham|cach tinh|cach xac dinh|cach danh gia|phuong phap|huong dan/.test(key)) return { role: 'method', rank: 2 };
  if (/^ghi chu/.test(key)) return { role: 'note', rank: 2 };
  if (/\btoi da\b|diem chuan|thang diem|diem quy dinh|diem dinh muc/.test(key)) return { role: 'max', rank: 2 };
  if (/^(so diem|diem so|diem)$/.test(key)) return { role: 'max', rank: 1 };
  if (/^(stt|tt|so tt|so thu tu|thu tu|ma|ma so|ma tieu chi|ky hieu|so hieu)$/.test(key)) return { role: 'stt', rank: 2 };
  if (/\bdiem\b/.test(key)) return null;
  if (/linh vuc|tieu chi|noi dung|danh muc|chi so thanh phan/.test(key)) return { role: 'name', rank: 2 };
  if (/\bchi so\b|^ten\b|yeu cau/.test(key)) return { role: 'name', rank: 1 };
  return null;
}

function rowKeys(grid: TableGrid, r: number): string[] {
  return (grid.values[r] ?? []).map((v) => foldKey(cellText(v)));
}

function rolesOf(keys: readonly string[]): Map<ColumnRole, { col: number; rank: number }> {
  const roles = new Map<ColumnRole, { col: number; rank: number }>();
  keys.forEach((key, col) => {
    const c = classify(key);
    if (!c) return;
    const had = roles.get(c.role);
    if (!had || c.rank > had.rank) roles.set(c.role, { col, rank: c.rank });
  });
  return roles;
}

/** Row r's keys merged with a sub-header row below: "Điểm" over "Tối đa" reads "diem toi da". */
function twoRowKeys(top: readonly string[], below: readonly string[]): string[] {
  const width = Math.max(top.length, below.length);
  const keys: string[] = [];
  let inherited = '';
  for (let c = 0; c < width; c++) {
    const t = top[c] ?? '';
    const b = below[c] ?? '';
    if (t !== '') inherited = t;
    keys.push([t !== '' ? t : b !== '' ? inherited : '', b].filter((k) => k !== '').join(' '));
  }
  return keys;
}

function isHeaderRoles(roles: Map<ColumnRole, unknown>): boolean {
  return roles.has('name') && roles.has('max');
}

/** True when a row on its own reads as a header (a repeat after a page break). */
export function looksLikeHeaderRow(grid: TableGrid, r: number): boolean {
  const keys = rowKeys(grid, r);
  const roles = rolesOf(keys);
  if (!isHeaderRoles(roles)) return false;
  // Header cells are short; a criterion that mentions "tiêu chí" and "điểm tối đa" is not one.
  const words = (role: ColumnRole) => keys[roles.get(role)!.col].split(' ').length;
  return words('max') <= 5 && words('name') <= 12;
}

export function findHeader(grid: TableGrid): TableHeader | null {
  const rows = Math.min(grid.values.length, MAX_HEADER_SCAN);
  for (let r = 0; r < rows; r++) {
    const top = rowKeys(grid, r);
    // A header names two columns at least: a title or decision line in one (merged) cell,
    // "BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ …" right above the header, is not one.
    if (top.filter((k) => k !== '').length < 2) continue;
    const single = rolesOf(top);
    if (!single.has('name')) continue;
    const below = r + 1 < grid.values.length ? rowKeys(grid, r + 1) : [];
    const merged = rolesOf(twoRowKeys(top, below));
    // A sub-header row that names the maximum ("Điểm" / "Tối đa") makes a two-row header.
    if (isHeaderRoles(merged) && (!single.has('max') || merged.get('max')!.rank > single.get('max')!.rank)) {
      return build([top, below], merged, r, r + 1);
    }
    if (isHeaderRoles(single)) return build([top], single, r, r);
  }
  return null;
}

function build(rows: string[][], roles: Map<ColumnRole, { col: number }>, firstRow: number, lastRow: number): TableHeader {
  const width = Math.max(...rows.map((k) => k.length));
  const labelled = new Set<number>();
  const keys: Set<string>[] = [];
  for (let c = 0; c < width; c++) {
    keys.push(new Set(rows.map((k) => k[c] ?? '').filter((k) => k !== '')));
    if (keys[c].size > 0) labelled.add(c);
  }
  const spanFrom = (col: number): Span => {
    let to = col + 1;
    while (to < width && !labelled.has(to)) to++;
    // The last labelled column covers only itself (notes and signatures sit further right).
    if (to === width && !rows.some((k) => k.slice(col + 1).some((x) => x !== ''))) to = col + 1;
    return { from: col, to };
  };
  const spans: Partial<Record<ColumnRole, Span>> = {};
  for (const [role, { col }] of roles) spans[role] = spanFrom(col);
  return { firstRow, lastRow, spans: spans as TableHeader['spans'], keys };
}

const NOT_A_TITLE = /^(phu luc|kem theo|ban hanh kem theo|cong hoa|doc lap|uy ban|ubnd|so noi vu|bieu|mau so)\b/;

/** The first title-like line above the header ("BỘ TIÊU CHÍ … NĂM 2025"), for a default title. */
export function findTitle(grid: TableGrid, header: TableHeader | null = findHeader(grid)): string | null {
  const end = header ? header.firstRow : Math.min(grid.values.length, 10);
  let fallback: string | null = null;
  for (let r = 0; r < end; r++) {
    const first = (grid.values[r] ?? []).map((v) => cellText(v).replace(/\n/g, ' ')).find((t) => t !== '');
    if (!first) continue;
    const key = foldKey(first);
    if (NOT_A_TITLE.test(key) || first.startsWith('(') || key.split(' ').length < 3) {
      if (/^phu luc/.test(key)) fallback ??= first;
      continue;
    }
    return first;
  }
  return fallback;
}

/** A year printed in a title: "… năm 2025" first, else the last 20xx in it. */
export function yearInTitle(title: string): number | null {
  const named = /năm\s+(20\d\d)\b/iu.exec(title.normalize('NFC'));
  if (named) return Number(named[1]);
  const all = [...title.matchAll(/(?:^|\D)(20\d\d)(?!\d)/g)];
  return all.length > 0 ? Number(all[all.length - 1][1]) : null;
}
