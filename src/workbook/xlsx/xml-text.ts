/**
 * Just enough XML for the parts of an .xlsx a check needs: tags found with one regular
 * expression (namespace prefixes dropped, as writers differ: <c> or <x:c>), attributes
 * read on demand, entities and Excel's _xHHHH_ escapes decoded. Linear in the input and
 * without recursion, so a hostile part costs time in proportion to its size and nothing
 * more; well-formedness is not checked (a spreadsheet program does not either).
 */

/** 1 closing slash · 2 local name · 3 attributes · 4 self-closing slash. */
export function tagPattern(): RegExp {
  return /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/g;
}

const ATTRIBUTE = /(?:^|\s)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of a tag by local name (r:id is "id"), decoded. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === '') return out;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** One attribute without building the map (the hot path: a cell's r, t and s). */
export function attribute(text: string, name: string): string | undefined {
  const at = text.indexOf(`${name}=`);
  if (at < 0) return undefined;
  const before = text.charCodeAt(at - 1);
  // "r=" must not match inside "attr=": the name starts after a space or a prefix colon.
  if (at > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58) {
    return attributes(text)[name];
  }
  const quote = text[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return attributes(text)[name];
  const end = text.indexOf(quote, at + name.length + 2);
  if (end < 0) return undefined;
  return decodeXml(text.slice(at + name.length + 2, end));
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
