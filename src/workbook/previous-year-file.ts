/**
 * Last year's .xlsx picked in the pane, read with the browser reader and turned into this
 * year's "Điểm năm trước" values (previous-year.ts, as `template --previous` does). A file
 * that is not a readable par-index workbook gives its reason, never an exception.
 */
import type { CriteriaSet } from '../domain';
import type { PickedFile } from './check-files';
import { previousYearScores, type PreviousYearScores } from './previous-year';
import { interpretWorkbook } from './read/interpret';
import { readXlsxGridInBrowser } from './xlsx/read-grid-browser';
import { UnreadableWorkbookError } from './xlsx/unreadable';

export type PreviousYearFile = ({ ok: true } & PreviousYearScores) | { ok: false; error: string; errorEn: string };

export async function readPreviousYearFile(file: PickedFile, set: CriteriaSet): Promise<PreviousYearFile> {
  try {
    const read = interpretWorkbook(await readXlsxGridInBrowser(file.bytes, file.name));
    if (!read.ok) return { ok: false, error: read.message, errorEn: read.messageEn };
    return { ok: true, ...previousYearScores(read, set) };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return { ok: false, error: e.message, errorEn: e.messageEn };
    throw e;
  }
}
