/**
 * A formula's text from its markup in a worksheet (read as Latin-1), decoded once across
 * files (markup-memo.ts). The previous file's formulas of the same sheet, in order, are
 * tried first: one comparison instead of hashing the markup, and submissions of one set
 * mostly have the same formulas in the same places.
 */
import { MarkupMemo, type Decoded } from './markup-memo';
import { utf8Of } from './markup-scan';
import { decodeXml } from './xml-text';

const formulas = new MarkupMemo((markup) => decodeXml(utf8Of(markup)), 50_000, 4_000_000);
const previousOrder = new Map<string, Decoded[]>();

/** One sheet's formulas, decoded in the order they are read. */
export class FormulaDecoder {
  private readonly previous: Decoded[];
  private readonly order: Decoded[] = [];

  constructor(private readonly sheet: string) {
    this.previous = previousOrder.get(sheet) ?? [];
  }

  decode(markup: string): string {
    const k = this.order.length;
    let entry = k < this.previous.length ? this.previous[k] : undefined;
    if (entry === undefined || entry.markup !== markup) entry = formulas.entry(markup);
    this.order.push(entry);
    return entry.text;
  }

  /** The sheet is read: its formulas become the order the next file's are tried in. */
  done(): void {
    // A hostile file may carry any number of sheets; only the last few orders are kept.
    if (previousOrder.size >= 16 && !previousOrder.has(this.sheet)) previousOrder.clear();
    previousOrder.set(this.sheet, this.order);
  }
}
