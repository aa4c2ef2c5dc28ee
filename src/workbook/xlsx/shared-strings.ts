/**
 * The shared-string table (xl/sharedStrings.xml): each <si> is a plain <t>, or rich-text
 * runs <r><t>; phonetic guides (<rPh>) are left out, as Excel shows them only as ruby.
 */
import { newTagAt, nextTag, sameAscii, utf8Of } from './markup-scan';
import { decodeOoxmlEscapes, decodeXml } from './xml-text';

export function readSharedStrings(part: Buffer): string[] {
  const src = part.toString('latin1');
  const out: string[] = [];
  const at = newTagAt();
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  for (let i = 0; nextTag(src, i, at); i = at.next) {
    if (inText && current !== null && phonetic === 0) {
      if (at.lt > i) current += src.slice(i, at.lt);
      // Markup inside CDATA is literal: re-escaped, so decoding the collected text keeps it.
      if (at.kind === 'cdata') current += src.slice(at.textStart, at.textEnd).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    }
    if (at.kind !== 'tag') continue;
    const { localStart: from, localEnd: to } = at;
    if (sameAscii(src, from, to, 'si')) {
      if (at.closing) {
        if (current !== null) out.push(decodeOoxmlEscapes(decodeXml(utf8Of(current))));
        current = null;
      } else if (at.selfClosing) out.push('');
      else current = '';
      inText = false;
    } else if (sameAscii(src, from, to, 't')) inText = !at.closing && !at.selfClosing;
    else if (sameAscii(src, from, to, 'rPh') && !at.selfClosing) phonetic = Math.max(0, phonetic + (at.closing ? -1 : 1));
  }
  return out;
}
