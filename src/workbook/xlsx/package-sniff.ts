/**
 * What the browser can learn about a would-be .xlsx before handing it to exceljs, without
 * inflating anything (node:zlib is not there): its size, what kind of file it really is
 * (old .xls, password-protected, .ods, not a zip, cut short) and the inflated sizes its
 * zip directory declares. exceljs inflates every part in full, so a part that declares
 * itself too big is refused here; one that lies about its size is only caught by the
 * row and cell limits once loaded (the server reader, with a hard inflate limit, stops
 * such a file earlier).
 *
 * The limits are the server reader's (limits.ts).
 */
import { UnreadableWorkbookError, type UnreadableReason } from './unreadable';

import { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_TOTAL_BYTES } from './limits';

export { MAX_CELLS, MAX_FILE_BYTES, MAX_PART_BYTES, MAX_ROWS, MAX_TOTAL_BYTES } from './limits';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream Excel writes into a password-protected file. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

interface Entry {
  name: string;
  flags: number;
  method: number;
  size: number;
  localOffset: number;
}

export function sniffXlsx(bytes: Uint8Array, source: string): void {
  const fail = (reason: UnreadableReason, vi: string, en: string): never => {
    throw new UnreadableWorkbookError(reason, vi, en, source);
  };
  if (bytes.length === 0) fail('empty', 'tệp rỗng (0 byte)', 'the file is empty (0 bytes)');
  if (bytes.length > MAX_FILE_BYTES) {
    fail('too-big', `tệp quá lớn (${mb(bytes.length)} MB, tối đa ${mb(MAX_FILE_BYTES)} MB)`, `the file is too big (${mb(bytes.length)} MB, limit ${mb(MAX_FILE_BYTES)} MB)`);
  }
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    if (indexOf(bytes, ENCRYPTION_INFO) >= 0) {
      fail('encrypted', 'tệp được đặt mật khẩu mở (mã hóa); hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại', 'the file is password-protected (encrypted); remove the password and send it again');
    }
    fail('xls', 'tệp là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel và lưu thành .xlsx', 'the file is an Excel 97-2003 .xls; save it as .xlsx');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint32(0, true) !== 0x04034b50) {
    fail('not-xlsx', 'tệp không phải bảng tính Excel .xlsx (không phải tệp nén OOXML)', 'the file is not an .xlsx workbook (not an OOXML zip package)');
  }
  const corrupt = (why: string) => fail('corrupt', `tệp .xlsx bị hỏng hoặc chưa tải về hết (${why})`, `the .xlsx is corrupt or truncated (${why})`);
  const entries = centralDirectory(view, corrupt);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    const mimetype = entries.find((e) => e.name === 'mimetype' && e.method === 0);
    if (mimetype && storedText(bytes, view, mimetype).includes('opendocument.spreadsheet')) {
      fail('ods', 'tệp là định dạng OpenDocument (.ods); hãy lưu thành .xlsx', 'the file is an OpenDocument spreadsheet (.ods); save it as .xlsx');
    }
    fail('not-xlsx', 'tệp nén không chứa bảng tính Excel (thiếu xl/workbook.xml)', 'the zip holds no Excel workbook (no xl/workbook.xml)');
  }
  if (entries.some((e) => (e.flags & 1) === 1)) fail('encrypted', 'tệp nén được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại', 'the zip is password-protected');
  let total = 0;
  for (const entry of entries) {
    if (entry.size > MAX_PART_BYTES) fail('too-big', `tệp chứa phần quá lớn khi giải nén (${entry.name}, ${mb(entry.size)} MB)`, `a part inflates too big (${entry.name})`);
    total += entry.size;
    if (total > MAX_TOTAL_BYTES) fail('too-big', 'tệp quá lớn khi giải nén', 'the package inflates too big');
  }
}

function centralDirectory(view: DataView, corrupt: (why: string) => never): Entry[] {
  const length = view.byteLength;
  if (length < 22) corrupt('thiếu cấu trúc zip');
  // End of central directory: 22 bytes plus a comment of up to 65535.
  let eocd = -1;
  for (let i = length - 22; i >= Math.max(0, length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt('không thấy mục lục zip');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) corrupt('mục lục zip64 không hợp lệ');
    const zip64 = Number(view.getBigUint64(locator + 8, true));
    if (zip64 + 56 > length || view.getUint32(zip64, true) !== 0x06064b50) corrupt('mục lục zip64 không hợp lệ');
    count = Number(view.getBigUint64(zip64 + 32, true));
    offset = Number(view.getBigUint64(zip64 + 48, true));
  }
  if (count > 10_000) corrupt('quá nhiều phần');
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > length || view.getUint32(p, true) !== 0x02014b50) corrupt('mục lục zip bị cắt');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > length) corrupt('mục lục zip bị cắt');
    const entry: Entry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + p + 46, nameLength)).replace(/^\//, ''),
    };
    if (entry.size === 0xffffffff) entry.size = zip64Size(view, p + 46 + nameLength, extraLength);
    if (entry.localOffset >= length) corrupt(`phần ${entry.name} bị thiếu`);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The inflated size from a zip64 extra field (the first of its 8-byte values). */
function zip64Size(view: DataView, start: number, length: number): number {
  for (let q = start; q + 4 <= start + length; ) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (id === 0x0001 && size >= 8) return Number(view.getBigUint64(q + 4, true));
    q += 4 + size;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** The first bytes of a stored (uncompressed) entry, as Latin-1. */
function storedText(bytes: Uint8Array, view: DataView, entry: Entry): string {
  const p = entry.localOffset;
  if (p + 30 > bytes.length) return '';
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  return String.fromCharCode(...bytes.subarray(start, Math.min(start + Math.min(entry.size, 200), bytes.length)));
}

function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
