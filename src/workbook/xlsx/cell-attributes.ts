/**
 * The attributes of <row>, <c> and <f> a worksheet reader needs — r, s, t, si, ref —
 * found in a tag's attribute text (a Latin-1 string, see markup-scan.ts) as offsets, so no
 * string is made for an address or a style number.
 */
import { charIn, isSpace, sameAscii } from './markup-scan';

/** Slots in `found`: the value's start at the slot, its end at slot + 1; -1 when absent. */
export const R = 0;
export const S = 2;
export const T = 4;
export const SI = 6;
export const REF = 8;

const COLON = 58;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;

export class AttributeScan {
  readonly found = new Int32Array(10);

  /** The attributes of src[from, to), the text between a tag's name and its ">". */
  scan(src: string, from: number, to: number): void {
    this.clear();
    if (this.canonical(src, from, to)) return;
    const found = this.found;
    let p = from;
    while (p < to) {
      while (p < to && isSpace(src.charCodeAt(p))) p++;
      const nameStart = p;
      let localStart = p;
      while (p < to && src.charCodeAt(p) !== EQUALS && !isSpace(src.charCodeAt(p))) {
        if (src.charCodeAt(p) === COLON) localStart = p + 1;
        p++;
      }
      const nameEnd = p;
      while (p < to && isSpace(src.charCodeAt(p))) p++;
      if (p >= to || src.charCodeAt(p) !== EQUALS) {
        // A bare word is not an attribute; step past it.
        if (p === nameStart) p++;
        continue;
      }
      p++;
      while (p < to && isSpace(src.charCodeAt(p))) p++;
      const quote = src.charCodeAt(p);
      if (quote !== QUOTE && quote !== APOS) return;
      const end = src.indexOf(quote === QUOTE ? '"' : "'", p + 1);
      if (end < 0 || end > to) return;
      const slot = slotOf(src, localStart, nameEnd);
      if (slot >= 0 && found[slot] < 0) {
        found[slot] = p + 1;
        found[slot + 1] = end;
      }
      p = end + 1;
    }
  }

  /** A row needs only r: when it comes first, the rest (spans, heights) is not read. */
  scanRow(src: string, from: number, to: number): void {
    this.clear();
    if (src.charCodeAt(from) === 32 && src.charCodeAt(from + 1) === 114 && src.charCodeAt(from + 2) === EQUALS && src.charCodeAt(from + 3) === QUOTE) {
      const end = charIn(src, QUOTE, from + 4, to);
      if (end >= 0) {
        this.found[R] = from + 4;
        this.found[R + 1] = end;
        return;
      }
    }
    this.scan(src, from, to);
  }

  private clear(): void {
    for (let k = 0; k < 10; k++) this.found[k] = -1;
  }

  /**
   * The form Excel, exceljs and most writers use — ` r="B7" s="3" t="s"`: one-letter
   * names, double quotes, single spaces — read without the general loop; false (and
   * nothing found) for anything else, which the general loop then reads.
   */
  private canonical(src: string, from: number, to: number): boolean {
    const found = this.found;
    let p = from;
    while (p < to) {
      if (src.charCodeAt(p) !== 32 || src.charCodeAt(p + 2) !== EQUALS || src.charCodeAt(p + 3) !== QUOTE) break;
      const name = src.charCodeAt(p + 1);
      const slot = name === 114 ? R : name === 115 ? S : name === 116 ? T : -1;
      if (slot < 0) break;
      const end = charIn(src, QUOTE, p + 4, to);
      if (end < 0) break;
      if (found[slot] < 0) {
        found[slot] = p + 4;
        found[slot + 1] = end;
      }
      p = end + 1;
    }
    if (p === to) return true;
    this.clear();
    return false;
  }
}

function slotOf(src: string, from: number, to: number): number {
  const length = to - from;
  const a = src.charCodeAt(from);
  if (length === 1) return a === 114 ? R : a === 115 ? S : a === 116 ? T : -1;
  if (length === 2) return a === 115 && src.charCodeAt(from + 1) === 105 ? SI : -1;
  return length === 3 && sameAscii(src, from, to, 'ref') ? REF : -1;
}

/** A non-negative integer written in plain digits in src[from, to), or -1. */
export function digitsValue(src: string, from: number, to: number): number {
  if (to === from) return -1;
  let v = 0;
  for (let p = from; p < to; p++) {
    const d = src.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Row × 32768 + column of an A1 address in src[from, to), or -1. */
export function parseAddress(src: string, from: number, to: number): number {
  let p = from;
  let col = 0;
  while (p < to && p - from < 3) {
    const ch = src.charCodeAt(p) | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
    p++;
  }
  if (p === from || p === to || to - p > 7) return -1;
  let row = 0;
  for (; p < to; p++) {
    const d = src.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    row = row * 10 + d;
  }
  return row * 32_768 + col;
}
