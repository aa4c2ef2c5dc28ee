/**
 * Renders a criteria tree as the annex table an officer would paste into Excel, in a
 * chosen style (numbering, decimals, header wording and merges, option rows, page-break
 * header repeats, blank rows, NFD text …), so the importer can be tested on every layout
 * and round-tripped. Also writes such a table to a real .xlsx (with merged cells).
 */
import ExcelJS from 'exceljs';
import type { CriterionData, ScoringOption } from '../../src/domain';
import type { GridValue, SheetGrid } from '../../src/workbook/grid';

export type HeaderStyle = 'plain' | 'caps' | 'merged' | 'two-row';
export type OptionStyle = 'colon' | 'dash' | 'paren' | 'column';

export interface TableStyle {
  fields: 'roman' | 'arabic';
  /** restart: under each roman field the numbering starts again at "1." (needs roman fields). */
  numbering: 'full' | 'restart';
  trailingDot: boolean;
  /** Number cells, or text with a comma or a dot. */
  decimal: 'number' | 'comma' | 'dot';
  /** "0,5 điểm" in the maximum column. */
  suffix: boolean;
  unicode: 'NFC' | 'NFD';
  header: HeaderStyle;
  options: OptionStyle;
  /** Options worth the leaf's maximum printed as "điểm tối đa". */
  maxWords: boolean;
  /** Third-level rows numbered a), b), … */
  letters: boolean;
  /** No STT column: "1.1. Tên" in the name cell. */
  numberInName: boolean;
  titleRows: string[];
  /** No blank line between the title lines and the header. */
  titleTight?: boolean;
  /** Body lines (0-based, counted before insertions) before which a blank row is inserted. */
  blankBefore: number[];
  /** Body lines before which the header is printed again (page break). */
  repeatHeaderBefore: number[];
  /** "(1) (2) (3) …" under the header. */
  columnNumbers: boolean;
  /** Cách chấm điểm / Tài liệu kiểm chứng / Ghi chú columns (left empty). */
  extraColumns: boolean;
  /** Names of two words or more split over two lines in their cell. */
  lineBreaks: boolean;
  /** Spaces in names as non-breaking spaces. */
  nbsp: boolean;
  /** "*" after field maxima. */
  footnotes: boolean;
  /** "Tổng cộng" row with the sum of the fields, at the end. */
  totalRow: boolean;
}

export const DEFAULT_STYLE: TableStyle = {
  fields: 'arabic',
  numbering: 'full',
  trailingDot: false,
  decimal: 'number',
  suffix: false,
  unicode: 'NFC',
  header: 'plain',
  options: 'colon',
  maxWords: false,
  letters: false,
  numberInName: false,
  titleRows: [],
  blankBefore: [],
  repeatHeaderBefore: [],
  columnNumbers: false,
  extraColumns: false,
  lineBreaks: false,
  nbsp: false,
  footnotes: false,
  totalRow: false,
};

export interface Merge {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RenderedTable {
  sheet: SheetGrid;
  /** Criterion code → sheet row (1-based). */
  rowOf: Record<string, number>;
  /** Criterion code → sheet rows of its option lines. */
  optionRows: Record<string, number[]>;
  headerRow: number;
  merges: Merge[];
}

const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n'];

export function toRoman(n: number): string {
  const parts: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of parts) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

export function printedNumber(code: string, style: TableStyle): string {
  const segs = code.split('.').map(Number);
  const dot = style.trailingDot || (style.numberInName && segs.length === 1) ? '.' : '';
  if (segs.length === 1) return style.fields === 'roman' ? toRoman(segs[0]) + dot : String(segs[0]) + dot;
  if (style.letters && segs.length === 3) return VI_LETTERS[segs[2] - 1] + ')';
  const shown = style.fields === 'roman' && style.numbering === 'restart' ? segs.slice(1) : segs;
  const needsDot = style.numberInName && shown.length === 1;
  return shown.join('.') + (style.trailingDot || needsDot ? '.' : '');
}

export function formatNumber(value: number, style: Pick<TableStyle, 'decimal'>): string {
  const text = String(value);
  return style.decimal === 'comma' ? text.replace('.', ',') : text;
}

function maxCell(value: number, style: TableStyle, footnote: boolean): GridValue {
  if (style.decimal === 'number' && !style.suffix && !footnote) return value;
  return formatNumber(value, style.decimal === 'number' ? { decimal: 'dot' } : style) + (style.suffix ? ' điểm' : '') + (footnote ? '*' : '');
}

function optionText(o: ScoringOption, leafMax: number, style: TableStyle): string {
  const pts = style.maxWords && o.points === leafMax ? 'điểm tối đa' : formatNumber(o.points, style.decimal === 'number' ? { decimal: 'comma' } : style);
  const unit = pts === 'điểm tối đa' ? '' : ' điểm';
  switch (style.options) {
    case 'dash':
      return `- ${o.label} – ${pts}${unit === '' ? '' : ' đ'}`;
    case 'paren':
      return `${o.label} (${pts}${unit})`;
    default:
      return `${o.label}: ${pts}${style.suffix ? unit : ''}`;
  }
}

function displayName(name: string, style: TableStyle): string {
  let text = name;
  if (style.lineBreaks) {
    const words = text.split(' ');
    if (words.length >= 2) {
      const mid = Math.ceil(words.length / 2);
      text = words.slice(0, mid).join(' ') + '\n' + words.slice(mid).join(' ');
    }
  }
  if (style.nbsp) text = text.replace(/ /g, '\u00a0');
  return text;
}

interface Layout {
  width: number;
  stt: number | null;
  name: number;
  max: number;
  headerRows: GridValue[][];
  /** Merges relative to the first header row (row offset 0). */
  headerMerges: Merge[];
}

function layout(style: TableStyle): Layout {
  const stt = style.numberInName ? null : 0;
  const name = stt === null ? 0 : 1;
  const extra = style.extraColumns ? ['Cách chấm điểm', 'Tài liệu kiểm chứng', 'Ghi chú'] : [];
  const sttHead = (text: string) => (stt === null ? [] : [text]);
  switch (style.header) {
    case 'caps': {
      const row = [...sttHead('TT'), 'NỘI DUNG TIÊU CHÍ', 'ĐIỂM TỐI ĐA', ...extra.map((e) => e.toUpperCase())];
      return { width: row.length, stt, name, max: name + 1, headerRows: [row], headerMerges: [] };
    }
    case 'merged': {
      // STT | name merged over two columns | max | "Điểm đánh giá" over three, with a sub-header row;
      // STT, name and max merged down over both header rows (text in the top cell only).
      const max = name + 2;
      const top: GridValue[] = [...sttHead('Số TT'), 'Lĩnh vực, tiêu chí, tiêu chí thành phần', null, 'Điểm chuẩn', 'Điểm đánh giá', null, null, ...extra];
      const sub: GridValue[] = top.map(() => null);
      sub[max + 1] = 'Tự chấm';
      sub[max + 2] = 'Thẩm định';
      sub[max + 3] = 'Sau giải trình';
      const merges: Merge[] = [
        { top: 1, left: name + 1, bottom: 2, right: name + 2 },
        { top: 1, left: max + 1, bottom: 2, right: max + 1 },
        { top: 1, left: max + 2, bottom: 1, right: max + 4 },
      ];
      if (stt !== null) merges.push({ top: 1, left: 1, bottom: 2, right: 1 });
      return { width: top.length, stt, name, max, headerRows: [top, sub], headerMerges: merges };
    }
    case 'two-row': {
      // "Điểm" merged over "Tối đa | Tự chấm".
      const max = name + 1;
      const top: GridValue[] = [...sttHead('STT'), 'Tiêu chí', 'Điểm', null, ...extra];
      const sub: GridValue[] = top.map(() => null);
      sub[max] = 'Tối đa';
      sub[max + 1] = 'Tự chấm';
      return { width: top.length, stt, name, max, headerRows: [top, sub], headerMerges: [{ top: 1, left: max + 1, bottom: 1, right: max + 2 }] };
    }
    default: {
      const row = [...sttHead('STT'), 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', ...extra];
      return { width: row.length, stt, name, max: name + 1, headerRows: [row], headerMerges: [] };
    }
  }
}

interface BodyLine {
  cells: GridValue[];
  code?: string;
  optionOf?: string;
}

export function renderAnnex(items: readonly CriterionData[], partial: Partial<TableStyle> = {}): RenderedTable {
  const style: TableStyle = { ...DEFAULT_STYLE, ...partial };
  if (style.numbering === 'restart' && style.fields !== 'roman') throw new Error('restart numbering needs roman fields');
  const lay = layout(style);
  const blank = (): GridValue[] => Array.from({ length: lay.width }, () => null);

  const body: BodyLine[] = [];
  const walk = (node: CriterionData, depth: number) => {
    const cells = blank();
    const label = printedNumber(node.code, style);
    const name = displayName(node.name, style);
    if (lay.stt === null) cells[lay.name] = `${label} ${name}`;
    else {
      cells[lay.stt] = label;
      cells[lay.name] = name;
    }
    cells[lay.max] = maxCell(node.maxScore, style, style.footnotes && depth === 1);
    body.push({ cells, code: node.code });
    for (const o of node.options ?? []) {
      const line = blank();
      if (style.options === 'column') {
        line[lay.name] = `- ${displayName(o.label, { ...style, lineBreaks: false })}`;
        line[lay.max] = style.decimal === 'number' ? o.points : formatNumber(o.points, style);
      } else line[lay.name] = displayName(optionText(o, node.maxScore, style), { ...style, lineBreaks: false });
      body.push({ cells: line, optionOf: node.code });
    }
    for (const c of node.children ?? []) walk(c, depth + 1);
  };
  for (const item of items) walk(item, 1);
  if (style.totalRow) {
    const cells = blank();
    cells[lay.name] = 'Tổng cộng';
    const total = items.reduce((s, i) => s + Math.round(i.maxScore * 1000), 0) / 1000;
    cells[lay.max] = maxCell(total, style, false);
    body.push({ cells });
  }

  const rows: GridValue[][] = [];
  const merges: Merge[] = [];
  for (const t of style.titleRows) rows.push([t]);
  if (style.titleRows.length > 0 && !style.titleTight) rows.push([]);
  const addHeader = () => {
    const first = rows.length + 1;
    for (const h of lay.headerRows) rows.push([...h]);
    for (const m of lay.headerMerges) merges.push({ top: m.top + first - 1, left: m.left, bottom: m.bottom + first - 1, right: m.right });
    return first;
  };
  const headerRow = addHeader();
  if (style.columnNumbers) rows.push(Array.from({ length: lay.width }, (_, i) => `(${i + 1})`));

  const rowOf: Record<string, number> = {};
  const optionRows: Record<string, number[]> = {};
  body.forEach((line, i) => {
    if (style.repeatHeaderBefore.includes(i)) addHeader();
    if (style.blankBefore.includes(i)) rows.push(blank());
    rows.push(line.cells);
    if (line.code) rowOf[line.code] = rows.length;
    if (line.optionOf) (optionRows[line.optionOf] ??= []).push(rows.length);
  });

  const values = rows.map((r) => r.map((v) => (typeof v === 'string' && style.unicode === 'NFD' ? v.normalize('NFD') : v)));
  return {
    sheet: { name: 'Phụ lục', state: 'visible', values, formulas: values.map((r) => r.map(() => null)) },
    rowOf,
    optionRows,
    headerRow,
    merges,
  };
}

/** A sheet grid written to .xlsx, merged cells included (their text in the first cell only). */
export async function gridToXlsx(sheets: { grid: SheetGrid; merges?: Merge[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const { grid, merges } of sheets) {
    const ws = wb.addWorksheet(grid.name);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v !== 'object') ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The part of a criterion the importer reads back: code, name, maximum, children, options. */
export function treeOf(items: readonly CriterionData[]): CriterionData[] {
  return items.map((n) => ({
    code: n.code,
    name: n.name,
    maxScore: n.maxScore,
    ...(n.children && n.children.length > 0 ? { children: treeOf(n.children) } : {}),
    ...(n.options && n.options.length > 0 ? { options: n.options.map((o) => ({ label: o.label, points: o.points })) } : {}),
  }));
}
