/**
 * A formula's text from its markup in a worksheet (read as Latin-1), decoded once across
 * files (markup-memo.ts). The previous file's formulas of the same sheet, in order, are
 * tried first: one comparison instead of hashing the markup, and submissions of one set
 * mostly have the same formulas in the same places.
 */
import { MarkupMemo, type Decoded } from './markup-memo';
import { utf8Of } from './markup-scan';
import { decodeXml } from './xml-text';

const formulas = new MarkupMemo((markup) => decodeXml(utf8Of(markup)), 50_000, 16_000_000);
const previousOrder = new Map<string, Decoded[]>();

export interface FormulaDecoder {
  decode(markup: string): string;
  /** The sheet is read: its formulas become the order the next file's are tried in. */
  done(): void;
}

export function formulaDecoder(sheet: string): FormulaDecoder {
  const previous = previousOrder.get(sheet) ?? [];
  const order: Decoded[] = [];
  return {
    decode(markup) {
      let entry: Decoded | undefined = previous[order.length];
      if (entry === undefined || entry.markup !== markup) entry = formulas.entry(markup);
      order.push(entry);
      return entry.text;
    },
    done() {
      // A hostile file may carry any number of sheets; only the last few orders are kept.
      if (previousOrder.size >= 16 && !previousOrder.has(sheet)) previousOrder.clear();
      previousOrder.set(sheet, order);
    },
  };
}
