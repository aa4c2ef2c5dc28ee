/**
 * Row heights from the text a row holds: wrapped to its column's (or merged area's) width in
 * the workbook's font, so nothing overlaps the next row or is clipped on paper. exceljs writes
 * no heights and other programs do not fit rows on open, so both renderers write these.
 *
 * The widths are Times New Roman's (Liberation Serif has the same metrics), in thousandths of
 * an em, by letter after the Vietnamese marks are taken off; a little is added so a line never
 * comes out shorter than the program lays it.
 */
import { parseRange } from './a1';
import type { SheetSpec } from './spec';
import { fontOf } from './styles';

/** Excel's row height limit, in points. */
const MAX_ROW_HEIGHT = 409;
/** Rows go in whole pixels (0,75 pt). */
const PIXEL = 0.75;
/** Line spacing of the font, in ems (ascent + descent + leading). */
const LINE = 1.2;
/** Space above and below the text in a cell, and on its sides, in points. */
const PAD_Y = 3.5;
const PAD_X = 5;
/** One indent level, in points (three characters of the default font). */
const INDENT = 9;
/** Laid-out text comes out a little wider than the sum of the glyphs' widths. */
const SLACK = 1.06;

const LOWER: Record<string, number> = {
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
};
const UPPER: Record<string, number> = {
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
};
const OTHER: Record<string, number> = {
  ' ': 250, ',': 250, '.': 250, ':': 278, ';': 278, '(': 333, ')': 333, '-': 333, '–': 500, '—': 1000, '/': 278,
  '%': 833, '…': 1000, '"': 408, "'": 180, '“': 444, '”': 444, '·': 250, '×': 564, '+': 564, '=': 564, '<': 564,
  '>': 564, '≥': 549, '≤': 549, '&': 778, '*': 500, '#': 500, '!': 333, '?': 444, '[': 333, ']': 333,
};

/** A column width in "characters" (as in the file's <col width>) to points; see office/render.ts. */
export function columnWidthPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * PIXEL;
}

/** Width of a text in points, in the workbook's font. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch;
    units += LOWER[base] ?? UPPER[base] ?? OTHER[base] ?? (/\d/.test(base) ? 500 : /\p{Lu}/u.test(base) ? 722 : 500);
  }
  return (units / 1000) * size * (bold ? 1.08 : 1) * SLACK;
}

/** How many lines a text takes wrapped at a width (points), breaking at spaces and line breaks. */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  const space = textWidth(' ', size, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const w = textWidth(word, size, bold);
      if (line === 0) {
        // A word wider than the cell is broken over lines of its own.
        count += Math.max(0, Math.ceil(w / width) - 1);
        line = w > width ? w % width : w;
      } else if (line + space + w <= width) {
        line += space + w;
      } else {
        count += Math.max(1, Math.ceil(w / width));
        line = w > width ? w % width : w;
      }
    }
    lines += count;
  }
  return lines;
}

/** Points for so many lines of a font size, in whole pixels, within Excel's limit. */
export function lineHeight(lines: number, size: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil((lines * LINE * size + PAD_Y) / PIXEL) * PIXEL);
}

/**
 * The height (points) every row with text needs, with the description's own heights as a floor.
 * Hidden columns do not count (their text neither shows nor prints); a merged area wraps at its
 * visible width. A formula's text is unknown here and taken as one line.
 */
export function rowHeights(sheet: SheetSpec): Map<number, number> {
  const widths = new Map(sheet.columns.map((c) => [c.col, c.hidden ? 0 : c.width]));
  const widthOf = (col: number) => widths.get(col) ?? 8.43;
  const span = new Map<string, { right: number }>();
  const covered = new Set<string>();
  for (const address of sheet.merges) {
    const box = parseRange(address);
    if (box.top !== box.bottom) continue;
    span.set(`${box.top},${box.left}`, { right: box.right });
    for (let c = box.left + 1; c <= box.right; c++) covered.add(`${box.top},${c}`);
  }
  const heights = new Map<number, number>();
  for (const r of sheet.rows) if (r.height !== undefined) heights.set(r.row, r.height);
  for (const cell of sheet.cells) {
    const key = `${cell.row},${cell.col}`;
    if (covered.has(key)) continue;
    const right = span.get(key)?.right ?? cell.col;
    let chars = 0;
    for (let c = cell.col; c <= right; c++) chars += widthOf(c);
    if (chars === 0) continue;
    const font = fontOf(cell.style);
    const text = cell.formula === undefined && cell.value !== undefined && cell.value !== null ? String(cell.value) : '';
    const usable = Math.max(1, columnWidthPoints(chars) - PAD_X - (cell.style?.indent ?? 0) * INDENT);
    const lines = text === '' ? 1 : cell.style?.wrap ? wrappedLines(text, usable, font.size, font.bold) : text.split(/\r?\n/).length;
    const needed = lineHeight(lines, font.size);
    heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, needed));
  }
  return heights;
}
