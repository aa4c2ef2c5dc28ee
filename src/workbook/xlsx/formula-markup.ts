/**
 * A formula's text from its markup in a worksheet (read as Latin-1), decoded once across
 * files (markup-memo.ts). The formulas of the last two files' sheets of the same name, in
 * order, are tried first: one comparison instead of hashing the markup, and submissions
 * of one set mostly have the same formulas in the same places. Two, because a file with
 * inserted rows has every formula below them moved: the file after it matches the one
 * before it.
 */
import { Decoded, MarkupMemo } from './markup-memo';
import { utf8Of } from './markup-scan';
import { decodeXml } from './xml-text';

const formulas = new MarkupMemo((markup) => decodeXml(utf8Of(markup)), 50_000, 4_000_000);
const NONE: readonly Decoded[] = emptyOrder();
const previousOrders = new Map<string, { last: readonly Decoded[]; before: readonly Decoded[] }>();

/** One sheet's formulas, decoded in the order they are read. */
export class FormulaDecoder {
  private readonly last: readonly Decoded[];
  private readonly before: readonly Decoded[];
  private readonly order: Decoded[] = [];

  constructor(private readonly sheet: string) {
    const known = previousOrders.get(sheet);
    this.last = known?.last ?? NONE;
    this.before = known?.before ?? NONE;
  }

  decode(markup: string): string {
    const k = this.order.length;
    let entry = k < this.last.length ? this.last[k] : undefined;
    if (entry === undefined || entry.markup !== markup) {
      entry = k < this.before.length ? this.before[k] : undefined;
      if (entry === undefined || entry.markup !== markup) entry = formulas.entry(markup);
    }
    this.order.push(entry);
    return entry.text;
  }

  /** The sheet is read: its formulas become the order the next file's are tried in. */
  done(): void {
    // A hostile file may carry any number of sheets; only the last few orders are kept.
    if (previousOrders.size >= 16 && !previousOrders.has(this.sheet)) previousOrders.clear();
    previousOrders.set(this.sheet, { last: this.order, before: this.last });
  }
}

/**
 * No earlier file's order: empty, but an array of the same kind as a real order (objects,
 * not small integers), so the decoder's compiled code does not meet a new array shape —
 * and start over — when the second file brings the first real one.
 */
function emptyOrder(): Decoded[] {
  const order = [new Decoded('', '')];
  order.pop();
  return order;
}
