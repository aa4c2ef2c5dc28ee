/**
 * The consolidation workbook the Hội đồng thẩm định works from, as a description any
 * renderer can write (exceljs for the CLI, Office.js for the pane): "Tổng hợp" ranks the
 * units of each group by index, one sheet per unit lists its problems with their cells,
 * and "So sánh lĩnh vực" shows the points each unit lost per field and which fields lose
 * the most across the province. Files that could not be read are listed with the reason.
 *
 * Everything that came from a submission (unit names, file names, sheet names in cell
 * addresses, messages quoting typed values) is folded before it becomes a cell, and
 * written as text, so "=HYPERLINK(…)" typed as a unit name stays text.
 */
import { bandText, describeRankChange, foldText, resultText, type RankChange, type Severity } from '../../domain';
import { a1, columnLetter, rangeA1 } from '../a1';
import type { CellLiteral, CellSpec, ConditionalFormatSpec, SheetSpec, StyleSpec, WorkbookSpec } from '../spec';
import { printReady } from '../print-setup';
import { HIGHLIGHT, STYLE } from '../styles';
import { countProblems, type CheckedFile, type CheckedSet } from './checked-file';
import { groupChecks, NOT_RANKED, type CheckGroup, type RankedCheck } from './groups';
import { compareWithPrevious, type PreviousRanking } from './previous';
import { CONSOLIDATION_SHEETS, PREVIOUS_HEADERS, PROBLEM_HEADERS, SUMMARY_HEADERS, UNMATCHED_HEADERS } from './report-headers';
import { sheetNamer } from './sheet-names';

export { CONSOLIDATION_SHEETS, PREVIOUS_HEADERS, PROBLEM_HEADERS, SUMMARY_HEADERS, UNMATCHED_HEADERS } from './report-headers';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const LEVEL_LABEL: Record<CheckedSet['level'], string> = { so: 'sở, ban, ngành', xa: 'xã, phường', tinh: 'tỉnh' };
/** Excel keeps at most 32 767 characters in a cell. */
const MAX_CELL_TEXT = 32_000;

/**
 * Text from a submission, made safe to write into a cell: it goes out as a string cell,
 * never as a formula, so "=HYPERLINK(…)" or "-Sở D-" reads as typed, without a visible
 * apostrophe (the Office.js renderer gives such text Excel's quote prefix).
 */
export function safeText(text: string): string {
  return foldText(text).slice(0, MAX_CELL_TEXT);
}

export interface ConsolidateOptions {
  createdAt?: string;
  /** Last year's ranking: each unit's previous index, rank and change, and last year's units not found. */
  previous?: PreviousRanking;
}

/**
 * Widths of the ranking's columns, by header: alone, and beside last year's three columns.
 * printReady narrows the wide columns to 14 and fits the sheet to the page's width, so the
 * narrow ones are narrowed here, to keep the table at the same print scale (about 85 %).
 */
const SUMMARY_WIDTHS: Record<(typeof SUMMARY_HEADERS)[number] | (typeof PREVIOUS_HEADERS)[number], [number, number]> = {
  'Hạng': [7, 6],
  'Đơn vị': [36, 36],
  'Bộ tiêu chí': [22, 13],
  'Năm': [7, 6],
  'Điểm tự đánh giá': [13, 8],
  'Điểm thẩm định': [13, 8],
  'Điểm đạt': [11, 8],
  'Điểm tối đa áp dụng': [13, 8],
  'Chỉ số (%)': [11, 9],
  'Xếp loại': [17, 17],
  'Chỉ số năm trước': [9, 9],
  'Hạng năm trước': [8, 8],
  'Thay đổi': [10, 9],
  'Số lỗi': [8, 6],
  'Số cảnh báo': [10, 7],
  'Tệp': [28, 28],
  'Ghi chú': [40, 40],
};

export function consolidate(files: readonly CheckedFile[], options: ConsolidateOptions = {}): WorkbookSpec {
  const { groups, unreadable } = groupChecks(files);
  const nameSheet = sheetNamer([CONSOLIDATION_SHEETS.summary, CONSOLIDATION_SHEETS.fields, 'History']);
  const unitSheets = new Map<RankedCheck, string>();
  for (const g of groups) for (const r of g.checks) unitSheets.set(r, nameSheet(r.unitName));
  const previous = options.previous ? { source: options.previous.source, ...compareWithPrevious(groups, options.previous.units) } : null;

  const band = SUMMARY_HEADERS.indexOf('Xếp loại') + 1;
  const headers = previous ? [...SUMMARY_HEADERS.slice(0, band), ...PREVIOUS_HEADERS, ...SUMMARY_HEADERS.slice(band)] : [...SUMMARY_HEADERS];
  const column = (header: (typeof headers)[number]) => headers.indexOf(header) + 1;
  const summary = new SheetBuilder(CONSOLIDATION_SHEETS.summary);
  summary.columns(headers.map((h) => SUMMARY_WIDTHS[h][previous ? 1 : 0]));
  summary.put(1, 1, 'TỔNG HỢP KẾT QUẢ KIỂM TRA, THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', STYLE.title);
  const readable = groups.reduce((s, g) => s + g.checks.length, 0);
  const against = previous ? ` · so với năm trước: ${safeText(previous.source)}` : '';
  summary.put(2, 1, `${files.length} tệp: ${readable} đọc được, ${unreadable.length} không đọc được · ${groups.length} nhóm bộ tiêu chí${options.createdAt ? ` · lập ngày ${options.createdAt}` : ''}${against}`, STYLE.subtitle);
  if (groups.length > 1) {
    summary.put(3, 1, 'Mỗi nhóm (cùng bộ tiêu chí, phiên bản, năm và cấp) được xếp hạng riêng; không so sánh chỉ số giữa các nhóm.', STYLE.warning);
  }
  let row = 5;
  groups.forEach((g, gi) => {
    summary.put(row++, 1, groupTitle(g, gi), GROUP_STYLE);
    summary.header(row++, headers);
    for (const r of g.checks) {
      const c = r.check;
      const { errors, warnings } = countProblems(c);
      const change = previous?.changeOf.get(r);
      const notes = [
        `Chi tiết: trang "${unitSheets.get(r)}"`,
        ...(r.duplicateOf ? [`Trùng đơn vị với tệp ${safeText(r.duplicateOf)}`] : []),
        ...(c.unit ? [] : ['Tệp không ghi tên đơn vị']),
        ...(change?.previousUnit ? [`Năm trước là "${safeText(change.previousUnit)}" (khớp theo tên tệp)`] : []),
      ];
      const final = c.result.final;
      const values: Record<(typeof headers)[number], CellLiteral> = {
        'Hạng': r.rank ?? '—',
        'Đơn vị': safeText(r.unitName),
        'Bộ tiêu chí': `${c.set.id} v${c.set.version}`,
        'Năm': c.year,
        'Điểm tự đánh giá': c.result.self.points,
        'Điểm thẩm định': c.result.appraised.points,
        'Điểm đạt': final.points,
        'Điểm tối đa áp dụng': final.max,
        'Chỉ số (%)': final.publishedIndex,
        'Xếp loại': c.rankable ? bandText(final) : NOT_RANKED,
        'Chỉ số năm trước': change?.previousIndex ?? null,
        'Hạng năm trước': change ? (change.previousRank ?? (change.matchedBy ? '—' : null)) : null,
        'Thay đổi': change ? describeRankChange(change, r.rank).vi : null,
        'Số lỗi': errors,
        'Số cảnh báo': warnings,
        'Tệp': safeText(c.file),
        'Ghi chú': notes.join('; '),
      };
      const rates = [column('Chỉ số (%)'), column('Chỉ số năm trước')];
      summary.row(row++, headers.map((h) => values[h]), (col) =>
        rates.includes(col) ? STYLE.rate : col === column('Số lỗi') && errors > 0 ? ERROR_COUNT : STYLE.number,
      );
    }
    row++;
  });
  if (previous && previous.unmatched.length > 0) {
    summary.put(row++, 1, `ĐƠN VỊ CÓ TRONG XẾP HẠNG NĂM TRƯỚC, KHÔNG CÓ NĂM NAY (${previous.unmatched.length})`, GROUP_STYLE);
    summary.header(row, UNMATCHED_HEADERS);
    const top = row++;
    previous.unmatched.forEach((p, i) =>
      summary.row(row++, [i + 1, safeText(p.unit), `${safeText(p.setId)} · ${p.year}`, p.rank ?? '—', p.index, safeText(p.file)], (col) => (col === 5 ? STYLE.rate : STYLE.number)),
    );
    // The file's path gets the width of the figures' columns beside it.
    summary.merge(top, UNMATCHED_HEADERS.length, row - 1, column('Xếp loại'));
    row++;
  }
  if (unreadable.length > 0) {
    summary.put(row++, 1, `TỆP KHÔNG ĐỌC ĐƯỢC (${unreadable.length})`, GROUP_STYLE);
    summary.header(row++, ['STT', 'Tệp', 'Lý do']);
    unreadable.forEach((u, i) => summary.row(row++, [i + 1, safeText(u.file), safeText(u.error)], () => STYLE.leaf));
    summary.merge(row - unreadable.length, 3, row - 1, headers.length);
  }

  const sheets = [summary.build(), fieldComparison(groups), ...groups.flatMap((g) => g.checks.map((r) => unitSheet(r, g, unitSheets.get(r)!, previous?.changeOf.get(r))))];
  return {
    // Every sheet prints legibly on A4 landscape, numbered, its table's header repeated.
    sheets: sheets.map((s) => printReady(s, { right: 'Tổng hợp thẩm định Chỉ số CCHC' })),
    names: [],
    properties: { title: 'Tổng hợp thẩm định Chỉ số CCHC', subject: 'Chỉ số cải cách hành chính', creator: 'par-index' },
  };
}

function groupTitle(g: CheckGroup, index: number): string {
  const status = g.set.status === 'illustrative' ? ' — MINH HỌA, không chính thức' : '';
  return `Nhóm ${index + 1}: ${safeText(g.set.title)} (bộ ${g.set.id} v${g.set.version} · năm ${g.year} · cấp ${LEVEL_LABEL[g.set.level]})${status} — ${g.checks.length} đơn vị`;
}

/** Points lost per field per unit, and the fields that lose the most in each group. */
function fieldComparison(groups: readonly CheckGroup[]): SheetSpec {
  const sheet = new SheetBuilder(CONSOLIDATION_SHEETS.fields);
  const widest = Math.max(0, ...groups.map((g) => g.checks.length));
  sheet.columns([8, 40, 10, ...Array.from({ length: widest }, () => 12), 12, 12, 12, 10]);
  sheet.put(1, 1, 'SO SÁNH ĐIỂM BỊ MẤT THEO LĨNH VỰC GIỮA CÁC ĐƠN VỊ', STYLE.title);
  sheet.put(2, 1, 'Điểm mất = điểm tối đa áp dụng − điểm đạt. Tô đỏ: đơn vị mất nhiều nhất ở lĩnh vực đó; tô vàng: 3 lĩnh vực mất nhiều điểm nhất của nhóm.', STYLE.subtitle);
  let row = 4;
  groups.forEach((g, gi) => {
    sheet.put(row++, 1, groupTitle(g, gi), GROUP_STYLE);
    const units = g.checks;
    const n = units.length;
    const totalCol = 4 + n;
    sheet.header(row++, ['Mã', 'Lĩnh vực', 'Điểm tối đa', ...units.map((u) => `${u.rank ?? '—'}. ${safeText(u.unitName)}`), 'Tổng điểm mất', 'Bình quân mỗi đơn vị', 'Tỷ lệ mất so tối đa', 'Thứ tự mất nhiều']);
    const fields = units[0].check.fields;
    const stats = fields.map((field, fi) => {
      const lost = units.map((u) => u.check.fields[fi]?.lost ?? 0);
      const applicable = units.reduce((s, u) => s + (u.check.fields[fi]?.applicableMax ?? 0), 0);
      const total = sum(lost);
      return { field, lost, total, rate: applicable > 0 ? total / applicable : null };
    });
    const order = [...new Set(stats.map((s) => s.rate ?? -1))].sort((a, b) => b - a);
    const first = row;
    for (const s of stats) {
      sheet.row(row++, [s.field.code, safeText(s.field.name), s.field.maxScore, ...s.lost, round(s.total), round(s.total / n), s.rate, s.rate === null ? null : order.indexOf(s.rate) + 1], (col) =>
        col === totalCol + 2 ? STYLE.rate : col <= 2 ? STYLE.leaf : STYLE.number,
      );
    }
    const last = row - 1;
    sheet.row(row++, ['', 'Tổng cộng', sum(fields.map((f) => f.maxScore)), ...units.map((u) => round(sum(u.check.fields.map((f) => f.lost)))), round(sum(stats.map((s) => s.total))), null, null, null], () => STYLE.total);
    if (n > 0 && fields.length > 0) {
      const block = rangeA1(first, 4, last, 3 + n);
      const rowMax = `$${columnLetter(4)}${first}:$${columnLetter(3 + n)}${first}`;
      sheet.highlight({ range: block, formula: `AND(${a1(first, 4)}>0,${a1(first, 4)}=MAX(${rowMax}))`, style: HIGHLIGHT.bad, meaning: 'most-lost' });
      const totals = `${a1(first, totalCol, true)}:${a1(last, totalCol, true)}`;
      sheet.highlight({
        range: rangeA1(first, totalCol, last, totalCol),
        formula: `AND(${a1(first, totalCol)}>0,${a1(first, totalCol)}>=LARGE(${totals},MIN(3,COUNT(${totals}))))`,
        style: HIGHLIGHT.near,
        meaning: 'most-lost',
      });
    }
    row++;
  });
  if (groups.length === 0) sheet.put(row, 1, 'Không có tệp nào đọc được.');
  return sheet.build();
}

function unitSheet(r: RankedCheck, g: CheckGroup, name: string, change: RankChange | undefined): SheetSpec {
  const c = r.check;
  const sheet = new SheetBuilder(name);
  sheet.columns([6, 11, 22, 10, 22, 100]);
  const { errors, warnings, infos } = countProblems(c);
  sheet.put(1, 1, safeText(r.unitName), STYLE.title);
  sheet.put(2, 1, `Tệp: ${safeText(c.file)} · bộ ${c.set.id} v${c.set.version} · năm ${c.year} · hạng ${r.rank ?? '—'}/${g.checks.length} trong nhóm${change ? ` · năm trước: ${previousText(change, r.rank)}` : ''}`, STYLE.subtitle);
  sheet.put(3, 1, `${resultText(c.result)}${c.rankable ? '' : ` (${NOT_RANKED})`} · ${errors} lỗi, ${warnings} cảnh báo, ${infos} thông tin`, STYLE.subtitle);
  sheet.header(5, PROBLEM_HEADERS);
  if (c.problems.length === 0) sheet.put(6, 1, 'Không có vấn đề.');
  c.problems.forEach((p, i) => {
    const cell = p.cell ? `${safeText(p.cell.sheet)}!${p.cell.cell}` : '';
    sheet.row(6 + i, [i + 1, SEVERITY_LABEL[p.severity], p.code, p.criterion ?? '', cell, safeText(p.message)], (col) =>
      col === 2 && p.severity === 'error' ? ERROR_COUNT : col === 6 ? STYLE.leaf : STYLE.code,
    );
  });
  sheet.freeze(5);
  return sheet.build();
}

/** "hạng 5, tăng 2 bậc", "mới", "chưa xếp hạng", "hạng 4 (tên khi đó: Sở A), giữ hạng": last year's rank and the change, in words. */
export function previousText(change: RankChange, rank: number | null): string {
  const { vi } = describeRankChange(change, rank);
  if (change.matchedBy === null) return vi;
  const renamed = change.previousUnit === null ? '' : ` (tên khi đó: ${safeText(change.previousUnit)})`;
  const before = `${change.previousRank === null ? 'chưa xếp hạng' : `hạng ${change.previousRank}`}${renamed}`;
  return vi === '—' ? before : `${before}, ${vi}`;
}

const GROUP_STYLE: StyleSpec = { font: { bold: true, color: '1F4E79' }, fill: 'DDEBF7' };
const ERROR_COUNT: StyleSpec = { font: { bold: true, color: '9C0006' }, fill: 'FFC7CE', border: true, vertical: 'top' };

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** Points to the thousandth, as everywhere else. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A sheet written row by row. */
class SheetBuilder {
  private readonly cells: CellSpec[] = [];
  private readonly merges: string[] = [];
  private readonly conditionalFormats: ConditionalFormatSpec[] = [];
  private widths: number[] = [];
  private frozen: number | null = null;

  constructor(private readonly name: string) {}

  columns(widths: number[]): void {
    this.widths = widths;
  }

  put(row: number, col: number, value: CellLiteral, style?: StyleSpec): void {
    if (value === null || value === '') return;
    this.cells.push({ row, col, value, ...(style ? { style } : {}) });
  }

  header(row: number, labels: readonly string[]): void {
    labels.forEach((label, i) => this.put(row, i + 1, label, STYLE.header));
  }

  row(row: number, values: readonly CellLiteral[], style: (col: number) => StyleSpec): void {
    values.forEach((value, i) => {
      if (value === null || value === '') this.cells.push({ row, col: i + 1, style: style(i + 1) });
      else this.cells.push({ row, col: i + 1, value, style: style(i + 1) });
    });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    for (let r = top; r <= bottom; r++) this.merges.push(rangeA1(r, left, r, right));
  }

  highlight(cf: ConditionalFormatSpec): void {
    this.conditionalFormats.push(cf);
  }

  freeze(rows: number): void {
    this.frozen = rows;
  }

  build(): SheetSpec {
    return {
      name: this.name,
      state: 'visible',
      columns: this.widths.map((width, i) => ({ col: i + 1, width })),
      rows: [],
      cells: this.cells,
      merges: this.merges,
      ...(this.frozen ? { freeze: { rows: this.frozen, cols: 0 } } : {}),
      validations: [],
      conditionalFormats: this.conditionalFormats,
      charts: [],
    };
  }
}
