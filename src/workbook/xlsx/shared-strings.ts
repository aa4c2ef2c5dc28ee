/**
 * The shared-string table (xl/sharedStrings.xml): each <si> is a plain <t>, or rich-text
 * runs <r><t>; phonetic guides (<rPh>) are left out, as Excel shows them only as ruby.
 */
import { MarkupMemo } from './markup-memo';
import { newTagAt, nextTag, sameAscii, utf8Of } from './markup-scan';
import { decodeOoxmlEscapes, decodeXml } from './xml-text';

const decode = (markup: string) => decodeOoxmlEscapes(decodeXml(utf8Of(markup)));
/** Long strings recur across a set's files (criterion names, the stored set); short ones are cheaper to decode than to look up. */
const longStrings = new MarkupMemo(decode, 20_000, 4_000_000);
const LONG = 40;

export function readSharedStrings(part: Buffer): string[] {
  const src = part.toString('latin1');
  const out: string[] = [];
  const at = newTagAt();
  let current: string | null = null;
  // The usual item is one run of text: decoded straight from the bytes when short.
  let runs = 0;
  let runFrom = 0;
  let inText = false;
  let phonetic = 0;
  for (let i = 0; nextTag(src, i, at); i = at.next) {
    if (inText && current !== null && phonetic === 0) {
      if (at.lt > i) {
        if (runs++ === 0) runFrom = i;
        current += src.slice(i, at.lt);
      }
      if (at.kind === 'cdata') {
        runs += 2;
        current += src.slice(at.textStart, at.textEnd).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
      }
    }
    if (at.kind !== 'tag') continue;
    const { localStart: from, localEnd: to } = at;
    if (sameAscii(src, from, to, 'si')) {
      if (at.closing) {
        if (current !== null) out.push(textOf(part, current, runs, runFrom));
        current = null;
      } else if (at.selfClosing) out.push('');
      else {
        current = '';
        runs = 0;
      }
      inText = false;
    } else if (sameAscii(src, from, to, 't')) inText = !at.closing && !at.selfClosing;
    else if (sameAscii(src, from, to, 'rPh') && !at.selfClosing) phonetic = Math.max(0, phonetic + (at.closing ? -1 : 1));
  }
  return out;
}

function textOf(part: Buffer, markup: string, runs: number, runFrom: number): string {
  if (markup.length >= LONG) return longStrings.entry(markup).text;
  const text = runs === 1 ? part.toString('utf8', runFrom, runFrom + markup.length) : utf8Of(markup);
  return decodeOoxmlEscapes(decodeXml(text));
}
