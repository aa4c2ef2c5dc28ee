/**
 * Looks inside a would-be .xlsx before exceljs does: what kind of file it really is
 * (old .xls, password-protected, .ods, not a zip, cut short) and whether it is small
 * enough to open. The zip's central directory is read by hand and every part is
 * inflated with a hard output limit, so a zip bomb is refused after a few megabytes of
 * work rather than after filling the memory. Cells and rows are counted by the sheet
 * reader as it goes (sheet-xml.ts), in the same pass that reads them.
 */
import { inflateRawSync } from 'node:zlib';
import { UnreadableWorkbookError } from './unreadable';

import { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_TOTAL_BYTES } from './limits';

export { MAX_CELLS, MAX_FILE_BYTES, MAX_PART_BYTES, MAX_ROWS, MAX_TOTAL_BYTES } from './limits';

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface XlsxInspection {
  /** Every worksheet part in the package, listed by the workbook or not. */
  worksheetParts: string[];
  /**
   * A part of the package inflated, or null when the package has no such part.
   * Inflating past the limits throws, as above.
   */
  part(name: string): Buffer | null;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function inspectXlsx(buffer: Buffer, source = ''): XlsxInspection {
  const fail = (reason: ConstructorParameters<typeof UnreadableWorkbookError>[0], vi: string, en: string): never => {
    throw new UnreadableWorkbookError(reason, vi, en, source);
  };
  if (buffer.length === 0) fail('empty', 'tệp rỗng (0 byte)', 'the file is empty (0 bytes)');
  if (buffer.length > MAX_FILE_BYTES) {
    fail('too-big', `tệp quá lớn (${mb(buffer.length)} MB, tối đa ${mb(MAX_FILE_BYTES)} MB)`, `the file is too big (${mb(buffer.length)} MB, limit ${mb(MAX_FILE_BYTES)} MB)`);
  }
  if (buffer.subarray(0, 8).equals(CFB_MAGIC)) {
    // Excel saves a password-protected .xlsx as an OLE container with an EncryptionInfo stream.
    if (buffer.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      fail('encrypted', 'tệp được đặt mật khẩu mở (mã hóa); hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại', 'the file is password-protected (encrypted); remove the password and send it again');
    }
    fail('xls', 'tệp là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel và lưu thành .xlsx', 'the file is an Excel 97-2003 .xls; save it as .xlsx');
  }
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    fail('not-xlsx', 'tệp không phải bảng tính Excel .xlsx (không phải tệp nén OOXML)', 'the file is not an .xlsx workbook (not an OOXML zip package)');
  }
  if (buffer.length < 22) fail('corrupt', 'tệp .xlsx bị hỏng hoặc chưa tải về hết (thiếu cấu trúc zip)', 'the .xlsx is corrupt or truncated (no zip directory)');

  const entries = centralDirectory(buffer, fail);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    const mimetype = entries.find((e) => e.name === 'mimetype');
    if (mimetype && readEntry(buffer, mimetype, 200, fail).toString('latin1').includes('opendocument.spreadsheet')) {
      fail('ods', 'tệp là định dạng OpenDocument (.ods); hãy lưu thành .xlsx', 'the file is an OpenDocument spreadsheet (.ods); save it as .xlsx');
    }
    fail('not-xlsx', 'tệp nén không chứa bảng tính Excel (thiếu xl/workbook.xml)', 'the zip holds no Excel workbook (no xl/workbook.xml)');
  }
  if (entries.some((e) => (e.flags & 1) === 1)) {
    fail('encrypted', 'tệp nén được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại', 'the zip is password-protected');
  }

  let total = 0;
  for (const entry of entries) {
    if (entry.size > MAX_PART_BYTES) fail('too-big', `tệp chứa phần quá lớn khi giải nén (${entry.name}, ${mb(entry.size)} MB)`, `a part inflates too big (${entry.name})`);
    total += entry.size;
  }
  if (total > MAX_TOTAL_BYTES) fail('too-big', 'tệp quá lớn khi giải nén', 'the package inflates too big');
  // Sizes in the directory may lie: what is really inflated is counted too.
  let inflatedBytes = 0;
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    worksheetParts: entries.map((e) => e.name).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name)),
    part(name) {
      const entry = byName.get(name);
      if (!entry) return null;
      const data = readEntry(buffer, entry, MAX_PART_BYTES, fail);
      inflatedBytes += data.length;
      if (inflatedBytes > MAX_TOTAL_BYTES) fail('too-big', 'tệp quá lớn khi giải nén', 'the package inflates too big');
      return data;
    },
  };
}

function centralDirectory(buffer: Buffer, fail: (r: 'corrupt', vi: string, en: string) => never): ZipEntry[] {
  const corrupt = (why: string) => fail('corrupt', `tệp .xlsx bị hỏng hoặc chưa tải về hết (${why})`, `the .xlsx is corrupt or truncated (${why})`);
  // End of central directory: 22 bytes plus a comment of up to 65535.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65535); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt('không thấy mục lục zip');
  let count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== 0x07064b50) corrupt('mục lục zip64 không hợp lệ');
    const zip64 = Number(buffer.readBigUInt64LE(locator + 8));
    if (zip64 + 56 > buffer.length || buffer.readUInt32LE(zip64) !== 0x06064b50) corrupt('mục lục zip64 không hợp lệ');
    count = Number(buffer.readBigUInt64LE(zip64 + 32));
    offset = Number(buffer.readBigUInt64LE(zip64 + 48));
  }
  if (count > 10_000) corrupt('quá nhiều phần');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) corrupt('mục lục zip bị cắt');
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > buffer.length) corrupt('mục lục zip bị cắt');
    const entry: ZipEntry = {
      flags: buffer.readUInt16LE(p + 8),
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      size: buffer.readUInt32LE(p + 24),
      localOffset: buffer.readUInt32LE(p + 42),
      name: buffer.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, ''),
    };
    readZip64Extra(buffer, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readZip64Extra(buffer: Buffer, start: number, length: number, entry: ZipEntry): void {
  for (let q = start; q + 4 <= start + length; ) {
    const id = buffer.readUInt16LE(q);
    const size = buffer.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = r + 8 <= q + 4 + size ? Number(buffer.readBigUInt64LE(r)) : 0;
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

function readEntry(buffer: Buffer, entry: ZipEntry, limit: number, fail: (r: 'corrupt' | 'too-big', vi: string, en: string) => never): Buffer {
  const p = entry.localOffset;
  if (p + 30 > buffer.length || buffer.readUInt32LE(p) !== 0x04034b50) {
    fail('corrupt', `tệp .xlsx bị hỏng hoặc chưa tải về hết (phần ${entry.name} bị thiếu)`, `the .xlsx is corrupt or truncated (${entry.name} is missing)`);
  }
  const start = p + 30 + buffer.readUInt16LE(p + 26) + buffer.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) {
    fail('corrupt', `tệp .xlsx bị hỏng hoặc chưa tải về hết (phần ${entry.name} bị cắt)`, `the .xlsx is corrupt or truncated (${entry.name} is cut short)`);
  }
  const data = buffer.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) {
    fail('corrupt', `tệp .xlsx dùng kiểu nén không hỗ trợ (${entry.method})`, `unsupported compression method ${entry.method}`);
  }
  try {
    // Output in one chunk of the size the directory states (when it is honest), instead of
    // 16 KB chunks copied together at the end; the limit holds whatever it states.
    const chunkSize = Math.min(Math.max(entry.size + 64, 16 * 1024), 8 * 1024 * 1024);
    return inflateRawSync(data, { maxOutputLength: limit, chunkSize });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return fail('too-big', `tệp chứa phần quá lớn khi giải nén (${entry.name})`, `a part inflates too big (${entry.name})`);
    }
    return fail('corrupt', `tệp .xlsx bị hỏng (không giải nén được ${entry.name})`, `the .xlsx is corrupt (cannot inflate ${entry.name})`);
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
