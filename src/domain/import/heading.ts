/**
 * What the lines above an annex's table say about the set: its title ("PHỤ LỤC: BỘ TIÊU
 * CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2026"), and from it or the decision
 * line ("Ban hành kèm theo Quyết định số …"), the level of the units it scores and the
 * year. Each is null when the lines do not say it, so the caller's default applies.
 */
import type { Level } from '../schema';
import { findHeader, findTitle, yearInTitle, type TableHeader } from './header';
import { cellText, foldKey, type TableGrid } from './text';

export interface Heading {
  title: string | null;
  year: number | null;
  level: Level | null;
}

/** How each level is named in titles and decisions (folded: no accents, lower case). */
const LEVEL_WORDS: ReadonlyArray<[Level, RegExp]> = [
  ['xa', /\b(cap xa|xa, phuong|xa phuong|xa, phuong, thi tran|ubnd (cac )?xa|uy ban nhan dan (cac )?xa)\b/],
  ['so', /\b(so, ban, nganh|so ban nganh|cac so\b|cap so\b|co quan chuyen mon)/],
  ['tinh', /\b(cap tinh|cac tinh, thanh pho)\b/],
];

export function readHeading(grid: TableGrid, header: TableHeader | null = findHeader(grid)): Heading {
  const title = findTitle(grid, header);
  const lines = headingLines(grid, header);
  const named = lines.map((l) => /năm\s+(20\d\d)\b/iu.exec(l.normalize('NFC'))).find((m) => m !== null);
  // "năm 2026" anywhere first; else a year printed in the title, else in the decision's date.
  const year = named ? Number(named[1]) : ([title ?? '', ...lines].map(yearInTitle).find((y) => y !== null) ?? null);
  const keys = lines.map(foldKey);
  const level = LEVEL_WORDS.find(([, words]) => keys.some((k) => words.test(k)))?.[0] ?? null;
  return { title, year, level };
}

/** The text of every line above the header (at most ten when there is no header). */
function headingLines(grid: TableGrid, header: TableHeader | null): string[] {
  const end = header ? header.firstRow : Math.min(grid.values.length, 10);
  const lines: string[] = [];
  for (let r = 0; r < end; r++) {
    const text = (grid.values[r] ?? []).map((v) => cellText(v).replace(/\n/g, ' ')).filter((t) => t !== '').join(' ');
    if (text !== '') lines.push(text);
  }
  return lines;
}
