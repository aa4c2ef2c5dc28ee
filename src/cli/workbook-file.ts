/**
 * Opening a filled workbook from disk for check and plan: a missing, oversized, non-xlsx,
 * corrupt or password-protected file, or one without the template's sheets, gives a
 * reason in Vietnamese instead of an exception. Read synchronously: files are checked one
 * after another (per worker thread), and a round trip through libuv's pool for each one
 * only left the thread idle.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatPoints } from '../domain';
import type { WorkbookGrid } from '../workbook/grid';
import { interpretWorkbook, type ReadableWorkbook } from '../workbook/read/interpret';
import { MAX_FILE_BYTES, readXlsxGrid, UnreadableWorkbookError } from '../workbook/xlsx/read-grid';
import { fileFailure } from './errors';

/** reason: why, as a stable word (missing, corrupt, encrypted, too-big, set-unknown, …). */
export type OpenedWorkbook = { ok: true; read: ReadableWorkbook; grid: WorkbookGrid } | { ok: false; reason: string; error: string; errorEn: string };

export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const name = basename(path);
  let size: number;
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { ok: false, reason: 'directory', error: 'đây là thư mục, không phải tệp', errorEn: 'a directory, not a file' };
    size = info.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { ok: false, reason: 'missing', error: fileFailure(e), errorEn: 'no such file' }
      : { ok: false, reason: 'unopenable', error: fileFailure(e), errorEn: `cannot open the file (${code ?? (e as Error).message})` };
  }
  if (size > MAX_FILE_BYTES) {
    const mb = (n: number) => formatPoints(Math.round((n / 1024 / 1024) * 10) / 10);
    return { ok: false, reason: 'too-big', error: `tệp quá lớn (${mb(size)} MB, tối đa ${mb(MAX_FILE_BYTES)} MB)`, errorEn: `the file is too big (${size} bytes)` };
  }
  try {
    const grid = await readXlsxGrid(readFileSync(path), name);
    const read = interpretWorkbook(grid);
    return read.ok ? { ok: true, read, grid } : { ok: false, reason: read.reason, error: read.message, errorEn: read.messageEn };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return { ok: false, reason: e.reason, error: e.message, errorEn: e.messageEn };
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return { ok: false, reason: 'unopenable', error: fileFailure(e), errorEn: `cannot read the file (${code})` };
    throw e;
  }
}
