/** Turning grid values into what the interpreter compares: codes, labels, text, numbers. */
import type { CellValue } from '../../domain';
import type { GridValue } from '../grid';

const SPACES = /[\s\u00a0\u202f\u2007\u200b\ufeff]+/g;

export function isBlank(value: GridValue): boolean {
  return value === null || (typeof value === 'string' && value.replace(SPACES, '') === '');
}

/** A header or label as a key: NFC, spaces collapsed, lower case. */
export function labelKey(value: GridValue): string {
  if (typeof value !== 'string') return value === null || typeof value === 'object' ? '' : String(value);
  let key = labelKeys.get(value);
  if (key === undefined) {
    if (labelKeys.size >= LABEL_MEMO) labelKeys.clear();
    key = value.normalize('NFC').replace(SPACES, ' ').trim().toLowerCase();
    labelKeys.set(value, key);
  }
  return key;
}

/** Every submission repeats the template's headers and names: each is folded once. */
const labelKeys = new Map<string, string>();
const LABEL_MEMO = 20_000;

export interface CodeCell {
  code: string;
  /** The code was stored as a number (1.1), which loses trailing zeros (1.10). */
  fromNumber: boolean;
}

/** A criterion code as written in column A: trimmed, NFC, without a trailing "."; numbers as text. */
export function codeOf(value: GridValue): CodeCell | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return { code: String(Number(value.toPrecision(12))), fromNumber: true };
  }
  if (typeof value !== 'string') return null;
  let known = textCodes.get(value);
  if (known === undefined) {
    if (textCodes.size >= LABEL_MEMO) textCodes.clear();
    const code = value.normalize('NFC').replace(SPACES, ' ').trim().replace(/\.$/, '').trim();
    known = code === '' ? null : Object.freeze({ code, fromNumber: false });
    textCodes.set(value, known);
  }
  return known;
}

/** Every submission repeats the set's codes in column A: each is read once. */
const textCodes = new Map<string, CodeCell | null>();

/** Looks like a criterion code (1, 3.2, 3.2.1) rather than a note. */
export function looksLikeCode(code: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){0,5}$/.test(code);
}

/** A cell as an Entry value: numbers and text as stored, errors as their text (#N/A). */
export function entryValue(value: GridValue): CellValue {
  if (value === null) return null;
  if (typeof value === 'object') return value.error;
  if (typeof value === 'string' && value === '') return null;
  return value;
}

/** A cell as text for evidence, notes, units and deadlines; undefined when empty. */
export function entryText(value: GridValue): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value);
  return text === '' ? undefined : text;
}

/** A number from a cached result ("" and text are not numbers here: Excel would not add them). */
export function cachedNumber(value: GridValue): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function cachedText(value: GridValue): string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'object') return value.error;
  return String(value);
}

/** How a value is shown in a message: numbers the Vietnamese way, text in quotes. */
export function describeValue(value: GridValue, format: (n: number) => string): { vi: string; en: string } {
  if (value === null || value === '') return { vi: 'ô trống', en: 'an empty cell' };
  if (typeof value === 'number') return { vi: `số ${format(value)}`, en: `the number ${value}` };
  if (typeof value === 'boolean') return { vi: `giá trị ${value ? 'TRUE' : 'FALSE'}`, en: `the value ${value}` };
  if (typeof value === 'object') return { vi: `lỗi ${value.error}`, en: `the error ${value.error}` };
  return { vi: `chữ "${clip(value)}"`, en: `the text "${clip(value)}"` };
}

export function clip(text: string, max = 80): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
