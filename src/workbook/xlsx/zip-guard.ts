/**
 * Opens a would-be .xlsx for the server reader: what kind of file it really is and whether
 * it is small enough to open come from its zip directory (zip-directory.ts), and every part is
 * inflated with a hard output limit, so a zip bomb is refused after a few megabytes of
 * work rather than after filling the memory. Cells and rows are counted by the sheet
 * reader as it goes (sheet-xml.ts), in the same pass that reads them.
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_PART_BYTES, MAX_TOTAL_BYTES } from './limits';
import { dataStart, failer, zipDirectory, type Fail, type ZipEntry } from './zip-directory';

export { MAX_CELLS, MAX_FILE_BYTES, MAX_PART_BYTES, MAX_ROWS, MAX_TOTAL_BYTES } from './limits';

export interface XlsxInspection {
  /** Every worksheet part in the package, listed by the workbook or not. */
  worksheetParts: string[];
  /**
   * A part of the package inflated, or null when the package has no such part.
   * Inflating past the limits throws, as above.
   */
  part(name: string): Buffer | null;
}

export function inspectXlsx(buffer: Buffer, source = ''): XlsxInspection {
  const fail = failer(source);
  const entries = zipDirectory(buffer, fail);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // Sizes in the directory may lie: what is really inflated is counted too.
  let inflatedBytes = 0;
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    worksheetParts: entries.map((e) => e.name).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name)),
    part(name) {
      const entry = byName.get(name);
      if (!entry) return null;
      const data = readEntry(buffer, view, entry, fail);
      inflatedBytes += data.length;
      if (inflatedBytes > MAX_TOTAL_BYTES) fail('too-big', 'tệp quá lớn khi giải nén', 'the package inflates too big');
      return data;
    },
  };
}

function readEntry(buffer: Buffer, view: DataView, entry: ZipEntry, fail: Fail): Buffer {
  const start = dataStart(view, entry);
  if (start < 0) fail('corrupt', `tệp .xlsx bị hỏng hoặc chưa tải về hết (phần ${entry.name} bị thiếu)`, `the .xlsx is corrupt or truncated (${entry.name} is missing)`);
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
    return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return fail('too-big', `tệp chứa phần quá lớn khi giải nén (${entry.name})`, `a part inflates too big (${entry.name})`);
    }
    return fail('corrupt', `tệp .xlsx bị hỏng (không giải nén được ${entry.name})`, `the .xlsx is corrupt (cannot inflate ${entry.name})`);
  }
}
