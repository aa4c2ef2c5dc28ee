/**
 * What a would-be .xlsx is, learnt from its bytes and its zip directory alone (nothing is
 * inflated): its size, what kind of file it really is (old .xls, password-protected, .ods,
 * not a zip, cut short) and the inflated sizes its directory declares. The server reader
 * (zip-guard.ts, which then inflates parts with a hard limit) and the pane's sniff before
 * exceljs (package-sniff.ts) both walk the directory here, once, so a file refused by one
 * is refused by the other for the same reason. Plain Uint8Array and DataView: the pane has
 * no Buffer.
 */
import { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_TOTAL_BYTES } from './limits';
import { UnreadableWorkbookError, type UnreadableReason } from './unreadable';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The inflated size the directory declares (a hostile file may lie). */
  size: number;
  localOffset: number;
}

export type Fail = (reason: UnreadableReason, vi: string, en: string) => never;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream Excel writes into a password-protected file. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

export function failer(source: string): Fail {
  return (reason, vi, en) => {
    throw new UnreadableWorkbookError(reason, vi, en, source);
  };
}

/**
 * The package's directory, or a refusal with its reason. A package is a workbook when it
 * has the usual xl/workbook.xml or a package relationship (_rels/.rels) naming its main
 * part wherever it is; the reader follows that relationship.
 */
export function zipDirectory(bytes: Uint8Array, fail: Fail): ZipEntry[] {
  if (bytes.length === 0) fail('empty', 'tệp rỗng (0 byte)', 'the file is empty (0 bytes)');
  if (bytes.length > MAX_FILE_BYTES) {
    fail('too-big', `tệp quá lớn (${mb(bytes.length)} MB, tối đa ${mb(MAX_FILE_BYTES)} MB)`, `the file is too big (${mb(bytes.length)} MB, limit ${mb(MAX_FILE_BYTES)} MB)`);
  }
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    // Excel saves a password-protected .xlsx as an OLE container with an EncryptionInfo stream.
    if (indexOf(bytes, ENCRYPTION_INFO) >= 0) {
      fail('encrypted', 'tệp được đặt mật khẩu mở (mã hóa); hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại', 'the file is password-protected (encrypted); remove the password and send it again');
    }
    fail('xls', 'tệp là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel và lưu thành .xlsx', 'the file is an Excel 97-2003 .xls; save it as .xlsx');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint32(0, true) !== 0x04034b50) {
    fail('not-xlsx', 'tệp không phải bảng tính Excel .xlsx (không phải tệp nén OOXML)', 'the file is not an .xlsx workbook (not an OOXML zip package)');
  }
  const corrupt = (why: string): never => fail('corrupt', `tệp .xlsx bị hỏng hoặc chưa tải về hết (${why})`, `the .xlsx is corrupt or truncated (${why})`);
  const entries = centralDirectory(view, corrupt);
  if (!entries.some((e) => e.name === 'xl/workbook.xml' || e.name === '_rels/.rels')) {
    // OpenDocument stores its mimetype first and uncompressed.
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
  return entries;
}

function centralDirectory(view: DataView, corrupt: (why: string) => never): ZipEntry[] {
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
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > length || view.getUint32(p, true) !== 0x02014b50) corrupt('mục lục zip bị cắt');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > length) corrupt('mục lục zip bị cắt');
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + p + 46, nameLength)).replace(/^\//, ''),
    };
    readZip64Extra(view, p + 46 + nameLength, extraLength, entry);
    if (entry.localOffset >= length) corrupt(`phần ${entry.name} bị thiếu`);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The 64-bit sizes and offset of a zip64 extra field, in the order the format gives them. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let q = start; q + 4 <= start + length; ) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = r + 8 <= q + 4 + size ? Number(view.getBigUint64(r, true)) : Number.MAX_SAFE_INTEGER;
        r += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    q += 4 + size;
  }
}

/** Where an entry's data starts, after its local header; -1 when the header is not there. */
export function dataStart(view: DataView, entry: ZipEntry): number {
  const p = entry.localOffset;
  if (p + 30 > view.byteLength || view.getUint32(p, true) !== 0x04034b50) return -1;
  return p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
}

/** The first bytes of a stored (uncompressed) entry, as Latin-1. */
function storedText(bytes: Uint8Array, view: DataView, entry: ZipEntry): string {
  const start = dataStart(view, entry);
  if (start < 0) return '';
  return String.fromCharCode(...bytes.subarray(start, Math.min(start + Math.min(entry.size, 200), bytes.length)));
}

function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
