/**
 * Walking the tags of a spreadsheet part held as a Latin-1 string (a character per byte,
 * so offsets are byte offsets and no UTF-8 work is spent on markup): the worksheet and
 * shared-string readers are both a loop over nextTag. Only what those parts use is
 * understood — elements, comments, processing instructions, CDATA; namespace prefixes
 * are dropped (<c> or <x:c>); well-formedness is not checked. Every step moves forward,
 * so a hostile part costs time in proportion to its size.
 */

/** Where the tag found by nextTag lies; one object reused for the whole walk. */
export interface TagAt {
  /** 'tag': an element's start or end; 'cdata': text in [textStart, textEnd); 'skip': nothing to read. */
  kind: 'tag' | 'cdata' | 'skip';
  /** The "<" it starts at, and where the text after it starts. */
  lt: number;
  next: number;
  closing: boolean;
  selfClosing: boolean;
  /** The local name (after any "prefix:") is [localStart, localEnd); attributes are [localEnd, attrEnd). */
  localStart: number;
  localEnd: number;
  attrEnd: number;
  textStart: number;
  textEnd: number;
}

export function newTagAt(): TagAt {
  return { kind: 'skip', lt: 0, next: 0, closing: false, selfClosing: false, localStart: 0, localEnd: 0, attrEnd: 0, textStart: 0, textEnd: 0 };
}

const LT = 60;
const BANG = 33;
const SLASH = 47;
const COLON = 58;
const QUESTION = 63;

/** The next tag at or after `from` into `tag`; false when there is none (or it is cut off). */
export function nextTag(src: string, from: number, tag: TagAt): boolean {
  // Markup is mostly tag after tag: the next one usually starts right here.
  const lt = from < src.length && src.charCodeAt(from) === LT ? from : src.indexOf('<', from);
  if (lt < 0) return false;
  tag.lt = lt;
  let p = lt + 1;
  const first = src.charCodeAt(p);
  if (first === BANG || first === QUESTION) {
    tag.kind = 'skip';
    if (first === BANG && src.startsWith('--', lt + 2)) {
      const end = src.indexOf('-->', lt + 4);
      tag.next = end < 0 ? src.length : end + 3;
    } else if (first === BANG && src.startsWith('[CDATA[', lt + 2)) {
      const end = src.indexOf(']]>', lt + 9);
      tag.kind = 'cdata';
      tag.textStart = lt + 9;
      tag.textEnd = end < 0 ? src.length : end;
      tag.next = end < 0 ? src.length : end + 3;
    } else {
      const end = src.indexOf('>', lt + 1);
      tag.next = end < 0 ? src.length : end + 1;
    }
    return true;
  }
  const closing = first === SLASH;
  if (closing) p++;
  const nameStart = p;
  let localStart = p;
  for (let ch = src.charCodeAt(p); p < src.length && isNameChar(ch); ch = src.charCodeAt(++p)) {
    if (ch === COLON) localStart = p + 1;
  }
  const localEnd = p;
  // Writers escape ">" inside attribute values, so the first one ends the tag.
  const gt = src.indexOf('>', p);
  if (gt < 0) return false;
  tag.kind = localEnd === nameStart ? 'skip' : 'tag';
  tag.closing = closing;
  tag.selfClosing = !closing && src.charCodeAt(gt - 1) === SLASH;
  tag.localStart = localStart;
  tag.localEnd = localEnd;
  tag.attrEnd = tag.selfClosing ? gt - 1 : gt;
  tag.next = gt + 1;
  return true;
}

/**
 * Does src spell `text` (ASCII) at `at`? A loop the compiler inlines: the builtin
 * startsWith costs a call, and the reader asks this several times for every cell.
 */
export function hasAt(src: string, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (src.charCodeAt(at + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** The first `ch` in src[from, to), or -1: for the few characters of an attribute value, where indexOf's call costs more than the search. */
export function charIn(src: string, ch: number, from: number, to: number): number {
  for (let p = from; p < to; p++) if (src.charCodeAt(p) === ch) return p;
  return -1;
}

/** Does src[from, to) spell `text` (ASCII)? */
export function sameAscii(src: string, from: number, to: number, text: string): boolean {
  return to - from === text.length && hasAt(src, from, text);
}

export function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/**
 * Text read as Latin-1 (a character per byte) as what its bytes say in UTF-8, always as a
 * string of its own: a slice would keep the whole part it came from alive for as long as
 * the text is kept (in a verdict, in a memo).
 */
export function utf8Of(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/** Letters, digits, . - _ : and any non-ASCII byte (part of a UTF-8 name). */
function isNameChar(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 58) || ch === 95 || ch === 45 || ch === 46 || ch >= 128;
}
