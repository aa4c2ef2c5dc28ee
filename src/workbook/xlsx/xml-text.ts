/**
 * Just enough XML for the parts of an .xlsx a check needs: a tag's attributes by local
 * name (namespace prefixes dropped, as writers differ: r:id or id), entities and Excel's
 * _xHHHH_ escapes decoded. Linear in the input and without recursion, so a hostile part
 * costs time in proportion to its size and nothing more; well-formedness is not checked
 * (a spreadsheet program does not either). Tags are found by markup-scan.ts.
 */

/**
 * Attributes of a tag by local name (r:id is "id"), decoded: `text` is what lies between
 * the tag's name and its ">". A loop that only moves forward, not a regular expression: an
 * unclosed quote or a run of bare words costs time in proportion to its length.
 */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let p = 0;
  while (p < text.length) {
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    const nameStart = p;
    let localStart = p;
    while (p < text.length && text[p] !== '=' && !isSpace(text.charCodeAt(p))) {
      if (text[p] === ':') localStart = p + 1;
      p++;
    }
    const name = text.slice(localStart, p);
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    if (text[p] !== '=') {
      // A bare word is not an attribute; step past it.
      if (p === nameStart) p++;
      continue;
    }
    p++;
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    const quote = text[p];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, p + 1);
    if (end < 0) break;
    if (name !== '' && !(name in out)) out[name] = decodeXml(text.slice(p + 1, end));
    p = end + 1;
  }
  return out;
}

/** One attribute of a tag's attribute text, by local name. */
export function attribute(text: string, name: string): string | undefined {
  return attributes(text)[name];
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  // The stored set's JSON is thousands of &quot;: plain replacements are several times faster.
  if (!text.includes('&#')) {
    return text.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
  }
  return text.replace(ENTITY, (_m, body: string) => {
    if (body[0] !== '#') return NAMED[body];
    return codePoint(body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
  });
}

/** _x000D_ is how OOXML stores characters XML cannot hold (and _x005F_ a literal underscore). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => codePoint(parseInt(hex, 16)));
}

function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
}
