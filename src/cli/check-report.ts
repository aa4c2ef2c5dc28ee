/**
 * Writes the consolidation workbook, and nothing else: the whole file is rendered in
 * memory, written to a temporary file beside the report, then renamed over it, so a
 * crash or a full disk never leaves half a report (or a stray file somewhere else).
 */
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { consolidate, type ConsolidateOptions } from '../workbook/consolidation/consolidate';
import type { CheckedFile } from '../workbook/consolidation/checked-file';
import { CliError, fileFailure } from './errors';

export async function checkReportPath(path: string, inputs: readonly string[]): Promise<void> {
  if (!/\.xlsx$/i.test(path)) throw new CliError(`Tệp báo cáo phải có đuôi .xlsx: ${basename(path)}`);
  if (inputs.includes(path)) throw new CliError(`Tệp báo cáo ${basename(path)} cũng là một tệp cần kiểm tra; hãy chọn tên khác để không ghi đè bài nộp`);
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) throw new CliError(`Không có thư mục để ghi báo cáo: ${dirname(path)}`);
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new CliError(`${basename(path)} là một thư mục, không ghi báo cáo vào đó được`);
}

export async function writeReport(path: string, files: readonly CheckedFile[], options: ConsolidateOptions): Promise<void> {
  // exceljs is loaded only when a report is asked for: a plain check does not need it.
  const { renderXlsx } = await import('../workbook/xlsx/render');
  const buffer = await renderXlsx(consolidate(files, options));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, buffer, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw new CliError(`Không ghi được báo cáo ${basename(path)}: ${fileFailure(e, 'write')}`);
  }
}
