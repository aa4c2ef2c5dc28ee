/** A formula's text from its markup in a worksheet (read as Latin-1, see markup-scan.ts). */
import { utf8Of } from './markup-scan';
import { decodeXml } from './xml-text';

export function decodeFormula(markup: string): string {
  return decodeXml(utf8Of(markup));
}
