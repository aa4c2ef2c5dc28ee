/**
 * One submission checked, start to verdict: opened (or refused with its reason), read,
 * validated, and summarised as plain data. Never throws: a file that breaks the reader in
 * a way nobody foresaw still gets a verdict, and the run goes on.
 */
import { checkWorkbook } from '../workbook/read/check';
import { readableCheck, type CheckedFile } from '../workbook/consolidation/checked-file';
import { openWorkbook } from './workbook-file';

export async function checkFile(path: string, shown: string): Promise<CheckedFile> {
  try {
    const opened = await openWorkbook(path);
    if (!opened.ok) return { readable: false, file: shown, reason: opened.reason, error: opened.error, errorEn: opened.errorEn };
    return readableCheck(shown, opened.read, checkWorkbook(opened.read));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e);
    return { readable: false, file: shown, reason: 'internal', error: `lỗi khi đọc tệp (${why}); hãy gửi tệp này cho nhóm hỗ trợ`, errorEn: `failed while reading the file (${why})` };
  }
}
