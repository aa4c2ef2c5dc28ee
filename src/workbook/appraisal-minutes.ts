/**
 * "Biên bản thẩm định": the printable record of an appraisal, as a sheet description both
 * renderers write (Office.js in the pane, exceljs in tests and tools). Values, not formulas:
 * the minutes record the file as it stood when the council signed, and must not move when
 * someone edits the scoring sheet afterwards. A4 portrait, one page wide.
 */
import { computeTotals, formatPoints, resultText, subtractPoints, type Problem } from '../domain';
import { rangeA1 } from './a1';
import { appraisalDifferences, fileFindings, scoredWithoutEvidence } from './appraisal';
import type { CheckResult } from './read/check';
import type { ReadableWorkbook } from './read/interpret';
import type { CellLiteral, CellSpec, SheetSpec, StyleSpec } from './spec';
import { STYLE } from './styles';
import { printSetup } from './print-setup';

export const MINUTES_SHEET = 'Biên bản thẩm định';

const WIDTHS = [9, 44, 10, 11, 11, 11];
const LAST_COL = WIDTHS.length;

export interface MinutesOptions {
  /** ISO date of the minutes; default today. */
  date?: string;
}

export function buildAppraisalMinutes(read: ReadableWorkbook, check: CheckResult, options: MinutesOptions = {}): SheetSpec {
  const cells: CellSpec[] = [];
  const merges: string[] = [];
  const rows: SheetSpec['rows'] = [];
  let row = 0;
  const put = (r: number, col: number, value: CellLiteral, style: StyleSpec = STYLE.leaf) => cells.push({ row: r, col, value, style });
  const line = (value: string, style: StyleSpec, height?: number) => {
    row++;
    put(row, 1, value, style);
    merges.push(rangeA1(row, 1, row, LAST_COL));
    if (height) rows.push({ row, height });
  };
  const header = (labels: Array<string | null>) => {
    row++;
    labels.forEach((label, i) => put(row, i + 1, label, STYLE.header));
  };
  const section = (title: string) => {
    row++;
    line(title, { font: { bold: true, color: '1F4E79' } });
  };
  const none = () => line('Không có.', STYLE.subtitle);

  const year = read.year ?? read.set.year;
  line('BIÊN BẢN THẨM ĐỊNH', { ...STYLE.title, horizontal: 'center' }, 22);
  line(`Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`, { font: { bold: true }, horizontal: 'center', wrap: true }, 30);
  line(`Đơn vị được thẩm định: ${read.unit ?? '……………………………'}`, { wrap: true });
  line(`Bộ tiêu chí: ${read.set.title} (mã ${read.set.id}, phiên bản ${read.set.version})`, { wrap: true }, 30);
  line(`Lập ngày ${viDate(options.date ?? new Date().toISOString())}, từ sổ tính chấm điểm của đơn vị.`, STYLE.subtitle);

  // I. Totals per field, self vs appraised.
  section('I. KẾT QUẢ THEO LĨNH VỰC');
  header(['Mã', 'Lĩnh vực', 'Điểm tối đa', 'Tự đánh giá', 'Thẩm định', 'Chênh lệch']);
  const self = computeTotals(read.set, read.assessment, 'self');
  const appraised = computeTotals(read.set, read.assessment, 'appraised');
  const diff = (a: number | null, s: number | null) => (a === null || s === null ? null : subtractPoints(a, s));
  for (const field of read.set.items) {
    row++;
    const s = self.byCode.get(field.code)!;
    const a = appraised.byCode.get(field.code)!;
    put(row, 1, field.code, STYLE.code);
    put(row, 2, field.name);
    put(row, 3, s.applicableMax, STYLE.number);
    put(row, 4, s.score, STYLE.number);
    put(row, 5, a.score, STYLE.number);
    put(row, 6, diff(a.score, s.score), STYLE.number);
  }
  row++;
  put(row, 1, null, STYLE.total);
  put(row, 2, 'Tổng cộng', STYLE.total);
  put(row, 3, self.total.applicableMax, STYLE.total);
  put(row, 4, self.total.score, STYLE.total);
  put(row, 5, appraised.total.score, STYLE.total);
  put(row, 6, diff(appraised.total.score, self.total.score), STYLE.total);
  // The result as every surface shows it (domain/result.ts): only the final index is banded.
  const result = check.result;
  line(`Kết quả: ${resultText(result)}`, { font: { bold: true }, wrap: true }, 30);

  // II. Differences.
  const differences = appraisalDifferences(read);
  section(`II. TIÊU CHÍ CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ ĐÁNH GIÁ (${differences.length})`);
  if (differences.length === 0) none();
  else {
    header(['Mã', 'Tiêu chí (ý kiến thẩm định)', 'Ô', 'Tự đánh giá', 'Thẩm định', 'Chênh lệch']);
    for (const d of differences) {
      row++;
      put(row, 1, d.code, STYLE.code);
      put(row, 2, d.note ? `${d.name}\nÝ kiến: ${d.note}` : d.name);
      put(row, 3, d.cell, STYLE.leaf);
      put(row, 4, d.selfScore, STYLE.number);
      put(row, 5, d.appraisedScore, STYLE.number);
      put(row, 6, d.delta, STYLE.number);
    }
  }

  // III. Scored without evidence.
  const missing = scoredWithoutEvidence(read);
  section(`III. TIÊU CHÍ CÓ ĐIỂM NHƯNG CHƯA CÓ TÀI LIỆU KIỂM CHỨNG (${missing.length})`);
  if (missing.length === 0) none();
  else {
    header(['Mã', 'Tiêu chí', 'Ô', 'Tự đánh giá', null, null]);
    merges.push(rangeA1(row, 5, row, 6));
    for (const m of missing) {
      row++;
      put(row, 1, m.code, STYLE.code);
      put(row, 2, m.name);
      put(row, 3, m.cell, STYLE.leaf);
      put(row, 4, m.selfScore, STYLE.number);
      merges.push(rangeA1(row, 5, row, 6));
      put(row, 5, null, STYLE.leaf);
    }
  }

  // IV. What was done to the file.
  const findings = fileFindings(check);
  section(`IV. VẤN ĐỀ PHÁT HIỆN TRONG TỆP (${findings.length})`);
  if (findings.length === 0) none();
  else {
    header(['Mã', 'Nội dung', null, null, null, 'Ô']);
    merges.push(rangeA1(row, 2, row, 5));
    for (const f of findings) {
      row++;
      put(row, 1, f.criterion, STYLE.code);
      put(row, 2, findingText(f));
      merges.push(rangeA1(row, 2, row, 5));
      put(row, 6, f.cell ? `${f.cell.sheet}!${f.cell.cell}` : null, STYLE.leaf);
      rows.push({ row, height: 30 });
    }
  }

  // Signatures.
  row += 2;
  put(row, 1, 'NGƯỜI THẨM ĐỊNH', STYLE.signature);
  merges.push(rangeA1(row, 1, row, 2));
  put(row, 4, 'CHỦ TỊCH HỘI ĐỒNG', STYLE.signature);
  merges.push(rangeA1(row, 4, row, LAST_COL));
  row++;
  put(row, 1, '(Ký, ghi rõ họ tên)', STYLE.signatureNote);
  merges.push(rangeA1(row, 1, row, 2));
  put(row, 4, '(Ký, ghi rõ họ tên)', STYLE.signatureNote);
  merges.push(rangeA1(row, 4, row, LAST_COL));

  return {
    name: MINUTES_SHEET,
    state: 'visible',
    tabColor: '1F4E79',
    columns: WIDTHS.map((width, i) => ({ col: i + 1, width })),
    rows,
    cells,
    merges,
    validations: [],
    conditionalFormats: [],
    print: printSetup({ orientation: 'portrait', area: rangeA1(1, 1, row, LAST_COL) }),
    charts: [],
  };
}

function findingText(p: Problem): string {
  return p.severity === 'error' ? `Lỗi: ${p.message}` : p.severity === 'warning' ? `Cảnh báo: ${p.message}` : p.message;
}

function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "12,5 → 10 (−2,5)": a difference as the pane and the minutes say it. */
export function describeDifference(selfScore: number, appraisedScore: number): string {
  const delta = subtractPoints(appraisedScore, selfScore);
  return `${formatPoints(selfScore)} → ${formatPoints(appraisedScore)} (${delta > 0 ? '+' : '−'}${formatPoints(Math.abs(delta))})`;
}
