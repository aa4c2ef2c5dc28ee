/**
 * Points as annexes print them. Two places carry them:
 *  - the "Điểm tối đa" cell: 2 · "0,5" · "0.5 điểm" · "1đ" · "2*" · "1(1)" · "3²" — a
 *    number with an optional unit and footnote mark; "hai điểm" is refused as words;
 *  - option rows under a leaf, with the points in the text: "Ban hành kịp thời: 1 điểm",
 *    "Không ban hành – 0 đ", "Đạt 100%: điểm tối đa", "Trên 90% (2 điểm)".
 */
import { parseNumber } from '../number';
import { cellLines, foldKey, plainDashes, SUPERSCRIPT_DIGITS, type CellInput } from './text';

export type MaxCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'words'; text: string }
  | { kind: 'invalid'; text: string };

const NUMBER_WORDS = new Set([
  'khong', 'mot', 'hai', 'ba', 'bon', 'tu', 'nam', 'lam', 'sau', 'bay', 'tam', 'chin', 'muoi', 'tram', 'linh', 'le', 'ruoi', 'nua', 'phay', 'cham',
]);
const UNIT_WORDS = new Set(['diem', 'd']);
const FOOTNOTE = String.raw`(?:\*+|\(\*+\)|\(\d{1,2}\)|\[\d{1,2}\])`;
const MAX_TEXT = new RegExp(String.raw`^([+-]?\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\.?\s*${FOOTNOTE}?$`, 'iu');
const SUPERSCRIPTS = new RegExp(`[${SUPERSCRIPT_DIGITS}]+`, 'g');

export function parseMaxCell(value: CellInput): MaxCell {
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', text: String(value) };
  const text = cellLines(value).join(' ');
  if (text === '') return { kind: 'empty' };
  const match = MAX_TEXT.exec(text.replace(SUPERSCRIPTS, '').trim());
  if (match) {
    const parsed = parseNumber(match[1]);
    if (parsed.kind === 'number') return { kind: 'number', value: parsed.value };
  }
  const words = foldKey(text).split(' ');
  if (words.some((w) => NUMBER_WORDS.has(w)) && words.every((w) => NUMBER_WORDS.has(w) || UNIT_WORDS.has(w))) return { kind: 'words', text };
  return { kind: 'invalid', text };
}

export interface ParsedOption {
  label: string;
  /** 'max': "điểm tối đa" — the leaf's maximum. */
  points: number | 'max';
}

const NUM = String.raw`\d+(?:[.,]\d+)?`;
const UNIT = String.raw`(?:điểm|đ)\.?`;
const MAX_WORDS = String.raw`(?:(?:bằng |được |đạt )?(?:điểm tối đa(?: của tiêu chí(?: thành phần)?)?|tối đa|đủ điểm|toàn bộ số điểm|số điểm tối đa))`;
const VERB = String.raw`(?:(?:thì )?(?:được|đạt|cho|là|tính)\s+)?`;
const END = String.raw`\s*[.;,]?\s*$`;
const LABEL = String.raw`(?<label>.*?[^\s:=-])`;
const FORMS = [
  // "label: 1 điểm", "label: 0,5", "label = 1", "label: điểm tối đa"
  new RegExp(String.raw`^${LABEL}\s*[:=]\s*${VERB}(?:(?<num>${NUM})\s*(?:${UNIT})?|(?<max>${MAX_WORDS}))${END}`, 'iu'),
  // "label - 1 điểm", "label – 0,5đ" (a dash needs the unit: "70 - 90" is a range)
  new RegExp(String.raw`^${LABEL}\s+-\s*${VERB}(?:(?<num>${NUM})\s*${UNIT}|(?<max>${MAX_WORDS}))${END}`, 'iu'),
  // "label (1 điểm)"
  new RegExp(String.raw`^${LABEL}\s*\(\s*${VERB}(?:(?<num>${NUM})\s*${UNIT}|(?<max>${MAX_WORDS}))\s*\)${END}`, 'iu'),
  // "label được 1 điểm", "label 0,5 điểm"
  new RegExp(String.raw`^${LABEL}\s+${VERB}(?<num>${NUM})\s*${UNIT}${END}`, 'iu'),
];
const BULLET = /^(?:[-+•·●○◦▪*]|\(?[ivx]+\)|\d+\))\s*/u;

/** One line of text read as an option with its points, or null when it carries none. */
export function parseOptionText(line: string): ParsedOption | null {
  // Dashes are matched as "-" but the label keeps the printed ones (same length, so the
  // label's span in the matched text is its span in the original).
  const original = line.normalize('NFC').trim();
  const dashed = plainDashes(original);
  const bullet = BULLET.exec(dashed)?.[0].length ?? 0;
  const text = dashed.slice(bullet);
  for (const form of FORMS) {
    const m = form.exec(text);
    if (!m?.groups) continue;
    const label = original.slice(bullet, bullet + m.groups.label.length).trim();
    if (label === '') continue;
    if (m.groups.max) return { label, points: 'max' };
    const parsed = parseNumber(m.groups.num);
    if (parsed.kind === 'number') return { label, points: parsed.value };
  }
  return null;
}

/** A line without its leading bullet ("- ", "+ ", "• "), as stored in guidance and labels. */
export function withoutBullet(line: string): string {
  const bullet = BULLET.exec(plainDashes(line))?.[0].length ?? 0;
  return line.slice(bullet).trim();
}
