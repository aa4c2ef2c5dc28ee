/**
 * What the browser can learn about a would-be .xlsx before handing it to exceljs, without
 * inflating anything (node:zlib is not there): the zip directory's verdict (zip-directory.ts,
 * the same walk the server reader makes). exceljs inflates every part in full, so a part
 * that declares itself too big is refused here; one that lies about its size is only
 * caught by the row and cell limits once loaded (the server reader, with a hard inflate
 * limit, stops such a file earlier).
 */
import { failer, zipDirectory } from './zip-directory';

export { MAX_CELLS, MAX_FILE_BYTES, MAX_PART_BYTES, MAX_ROWS, MAX_TOTAL_BYTES } from './limits';

export function sniffXlsx(bytes: Uint8Array, source: string): void {
  zipDirectory(bytes, failer(source));
}
