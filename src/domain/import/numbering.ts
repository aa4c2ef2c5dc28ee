/**
 * The numbering printed in an annex's STT column, read as it is printed:
 *   roman   I, II., IV)          — lĩnh vực
 *   arabic  1, 1., 1.1, 1.1.1.   — tiêu chí / tiêu chí thành phần (restarting or full)
 *   letter  a), b., (c), đ)      — one level below the row they follow
 *   none    empty, "-", "+", "•" — option rows and notes
 * Anything else is "unknown" and reported, never guessed.
 */
import { stripFootnoteMarks } from './text';

export type Label =
  | { kind: 'roman'; value: number; text: string }
  | { kind: 'arabic'; segments: number[]; text: string }
  | { kind: 'letter'; letter: string; text: string }
  | { kind: 'none' }
  | { kind: 'unknown'; text: string };

const ROMAN = /^X{0,3}(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };
const BULLET = /^[-+•·●○◦▪■□*–—]+$/u;
// "Lĩnh vực I", "Tiêu chí 1.1", "TCTP 1.1.1": the word before the number is not part of it.
const KEYWORD = /^(lĩnh vực|tiêu chí thành phần|tiêu chí|tctp|tc|lv|phần|mục)\s+(?=\S)/iu;

export function romanValue(text: string): number | null {
  if (text === '' || !ROMAN.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN_VALUES[text[i]];
    const next = ROMAN_VALUES[text[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Reads a whole STT cell (already normalised by cellText). */
export function classifyLabel(input: string): Label {
  const text = stripFootnoteMarks(input).replace(KEYWORD, '').trim();
  if (text === '' || BULLET.test(text)) return { kind: 'none' };
  const roman = /^([IVX]+)\s*[.):]?$/.exec(text);
  if (roman) {
    const value = romanValue(roman[1]);
    if (value !== null) return { kind: 'roman', value, text: input };
  }
  const compact = text.replace(/\s+/g, '');
  const arabic = /^(\d{1,3}(?:\.\d{1,3})*)\.?\)?$/.exec(compact);
  if (arabic) return { kind: 'arabic', segments: arabic[1].split('.').map(Number), text: input };
  const letter = /^\(?([a-zđ])\s*[.)/]?$/iu.exec(text);
  if (letter) return { kind: 'letter', letter: letter[1].toLowerCase(), text: input };
  return { kind: 'unknown', text: input };
}

/**
 * A label printed at the start of a name when the table has no STT column (or the number
 * sits in the name cell): "I. CÔNG TÁC CHỈ ĐẠO", "1.1. Kế hoạch", "a) Ban hành". A
 * separator is required after a single number or letter so "5 năm" stays a name.
 */
export function splitLabelPrefix(input: string): { label: Label; rest: string } | null {
  const text = input.replace(KEYWORD, '');
  const roman = /^([IVX]+)\s*[.):-]\s*(\S[\s\S]*)$/.exec(text);
  if (roman) {
    const value = romanValue(roman[1]);
    if (value !== null) return { label: { kind: 'roman', value, text: roman[1] }, rest: roman[2] };
  }
  const multi = /^(\d{1,3}(?:\.\d{1,3})+)\.?\)?\s+(\S[\s\S]*)$/.exec(text);
  if (multi) return { label: { kind: 'arabic', segments: multi[1].split('.').map(Number), text: multi[1] }, rest: multi[2] };
  const single = /^(\d{1,3})\s*[.)]\s*(\D[\s\S]*)$/.exec(text);
  if (single) return { label: { kind: 'arabic', segments: [Number(single[1])], text: single[1] }, rest: single[2].trim() };
  const letter = /^\(?([a-zđ])\)\s*(\S[\s\S]*)$|^([a-zđ])\.\s+(\S[\s\S]*)$/iu.exec(text);
  if (letter) {
    const l = (letter[1] ?? letter[3]).toLowerCase();
    return { label: { kind: 'letter', letter: l, text: l + ')' }, rest: letter[2] ?? letter[4] };
  }
  return null;
}
