/**
 * Files the appraiser picked in the pane, checked one at a time into the verdicts the
 * consolidation is built from — the same steps as the CLI's check (read, interpret,
 * validate, summarise), with the browser reader. A bad file never throws: it gets a
 * verdict with its reason, and the others go on.
 */
import { readableCheck, readPreviousReport, type CheckedFile, type ReadPrevious } from './consolidation';
import { checkWorkbook } from './read/check';
import { interpretWorkbook } from './read/interpret';
import { readXlsxGridInBrowser } from './xlsx/read-grid-browser';
import { UnreadableWorkbookError } from './xlsx/unreadable';

export interface PickedFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

export async function checkPickedFile(file: PickedFile): Promise<CheckedFile> {
  try {
    const read = interpretWorkbook(await readXlsxGridInBrowser(file.bytes, file.name));
    if (!read.ok) return { readable: false, file: file.name, reason: read.reason, error: read.message, errorEn: read.messageEn };
    return readableCheck(file.name, read, checkWorkbook(read));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return { readable: false, file: file.name, reason: e.reason, error: e.message, errorEn: e.messageEn };
    const why = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e);
    return { readable: false, file: file.name, reason: 'internal', error: `lỗi khi đọc tệp (${why}); hãy gửi tệp này cho nhóm hỗ trợ`, errorEn: `failed while reading the file (${why})` };
  }
}

/** In order, one after another (one workbook in memory at a time); `onChecked` sees each verdict as it comes. */
export async function checkPickedFiles(files: readonly PickedFile[], onChecked?: (verdict: CheckedFile, index: number) => void): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const [i, file] of files.entries()) {
    const verdict = await checkPickedFile(file);
    out.push(verdict);
    onChecked?.(verdict, i);
  }
  return out;
}

/** Last year's consolidation report, picked to compare this year's ranking with: its ranking table read back. */
export async function readPickedPreviousReport(file: PickedFile): Promise<ReadPrevious> {
  try {
    return readPreviousReport(await readXlsxGridInBrowser(file.bytes, file.name));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return { ok: false, message: `${file.name}: ${e.message}`, messageEn: `${file.name}: ${e.messageEn}` };
    const why = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e);
    return { ok: false, message: `${file.name}: lỗi khi đọc tệp (${why})`, messageEn: `${file.name}: failed while reading the file (${why})` };
  }
}
