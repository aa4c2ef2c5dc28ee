/**
 * A formula's text from its markup in a worksheet (read as Latin-1), remembered across
 * files: every submission of a set repeats the template's few thousand formulas, so each
 * distinct one is decoded (UTF-8, then entities) once. The previous file's formulas of the
 * same sheet, in order, are tried first — one comparison instead of hashing the markup —
 * then every formula seen. Entries hold copies: the markup read is a slice of the whole
 * sheet, which must not outlive its file.
 */
import { utf8Of } from './markup-scan';
import { decodeXml } from './xml-text';

interface Known {
  markup: string;
  text: string;
}

const known = new Map<string, Known>();
const MAX_KNOWN = 50_000;
const previousOrder = new Map<string, Known[]>();

export interface FormulaDecoder {
  decode(markup: string): string;
  /** The sheet is read: its formulas become the order the next file's are tried in. */
  done(): void;
}

export function formulaDecoder(sheet: string): FormulaDecoder {
  const previous = previousOrder.get(sheet) ?? [];
  const order: Known[] = [];
  return {
    decode(markup) {
      let entry: Known | undefined = previous[order.length];
      if (entry === undefined || entry.markup !== markup) {
        entry = known.get(markup);
        if (entry === undefined) {
          if (known.size >= MAX_KNOWN) known.clear();
          entry = { markup: Buffer.from(markup, 'latin1').toString('latin1'), text: decodeXml(utf8Of(markup)) };
          known.set(entry.markup, entry);
        }
      }
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
