/**
 * A part of the package as UTF-8 bytes, the form every reader here scans. XML may be
 * written in UTF-16 too (with a byte-order mark, or declared as such and starting "<?xml"
 * in two-byte characters); openpyxl and LibreOffice read such parts, so they are turned
 * into UTF-8 here. Any other declared encoding is refused with its name.
 */
import { corrupt } from './read-limits';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function utf8Part(bytes: Buffer, name: string, source: string): Buffer {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return Buffer.from(bytes.toString('utf16le', 2), 'utf8');
  if (a === 0xfe && b === 0xff) return Buffer.from(swapped(bytes.subarray(2)).toString('utf16le'), 'utf8');
  // "<?" in UTF-16 without a mark: little- or big-endian by where the zero bytes are.
  if (a === 0x3c && b === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return Buffer.from(bytes.toString('utf16le'), 'utf8');
  if (a === 0x00 && b === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return Buffer.from(swapped(bytes).toString('utf16le'), 'utf8');
  const start = UTF8_BOM.every((x, i) => bytes[i] === x) ? 3 : 0;
  const encoding = declaredEncoding(bytes.toString('latin1', start, Math.min(bytes.length, start + 200)));
  if (encoding !== null && !/^utf-?8$/i.test(encoding) && !/^(us-)?ascii$/i.test(encoding)) {
    throw corrupt(source, `phần ${name} dùng bảng mã ${encoding}, không phải UTF-8 hay UTF-16`);
  }
  return start === 0 ? bytes : bytes.subarray(start);
}

/** The encoding named in an XML declaration at the start of the text, if any. */
function declaredEncoding(head: string): string | null {
  if (!head.startsWith('<?xml')) return null;
  const end = head.indexOf('?>');
  const declaration = end < 0 ? head : head.slice(0, end);
  const at = declaration.indexOf('encoding');
  if (at < 0) return null;
  const quote = declaration.slice(at).search(/["']/);
  if (quote < 0) return null;
  const from = at + quote + 1;
  const close = declaration.indexOf(declaration[from - 1], from);
  return close < 0 ? null : declaration.slice(from, close).trim();
}

function swapped(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16();
}
