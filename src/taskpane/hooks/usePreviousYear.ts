/**
 * Mục tiêu → "Lấy kết quả năm trước": last year's .xlsx picked in the pane, read there (nothing
 * is sent anywhere), its final scores carried by criterion code into the open workbook's
 * "Điểm năm trước" column — the same functions as `par-index template --previous`. What no
 * longer exists in this year's set is listed here and on a "Dữ liệu cũ" sheet, not dropped.
 * The reader (and exceljs behind it) is loaded only then.
 */
import { useCallback, useState } from 'react';
import { formatPoints } from '../../domain';
import { buildOrphanSheet, describeOrphan } from '../../workbook/orphan-sheet';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { readBytes } from './read-bytes';
import { useWorkbookState } from './useWorkbookState';

export interface PreviousYearPick {
  /** The file being read, or null. */
  reading: string | null;
  /** What the last pick could not place, with the file it came from. */
  orphans: { file: string; lines: string[] } | null;
  pick(file: File): Promise<void>;
}

export function usePreviousYear(): PreviousYearPick {
  const { workbook } = useWorkbookState();
  const { act, setMessage } = useWorkbook();
  const strings = useStrings();
  const locale = useLocale();
  const [reading, setReading] = useState<string | null>(null);
  const [orphans, setOrphans] = useState<PreviousYearPick['orphans']>(null);
  const set = workbook?.set ?? null;

  const pick = useCallback(
    async (file: File) => {
      if (!set) return;
      setOrphans(null);
      setReading(file.name);
      try {
        let bytes: ArrayBuffer;
        try {
          bytes = await readBytes(file);
        } catch (e) {
          return setMessage({ intent: 'error', text: strings.planner.previousUnreadable(file.name, e instanceof Error ? e.message : String(e)) });
        }
        const { readPreviousYearFile } = await import('../../workbook/previous-year-file');
        const last = await readPreviousYearFile({ name: file.name, bytes }, set);
        if (!last.ok) return setMessage({ intent: 'error', text: strings.planner.previousUnreadable(file.name, locale === 'en' ? last.errorEn : last.error) });
        const orphaned = last.carried.orphaned;
        if (last.scores.size === 0 && orphaned.length === 0) return setMessage({ intent: 'warning', text: strings.planner.previousNone(file.name) });
        const written = await act(
          async (port) => {
            const n = await port.writePreviousScores(last.scores);
            if (orphaned.length > 0) await port.insertSheet(buildOrphanSheet(orphaned, last.from));
            return n;
          },
          (n) => strings.planner.previousWritten(formatPoints(n, locale), file.name),
        );
        if (written !== undefined && orphaned.length > 0) setOrphans({ file: file.name, lines: orphaned.map(describeOrphan) });
      } finally {
        setReading(null);
      }
    },
    [set, act, setMessage, strings, locale],
  );

  return { reading, orphans, pick };
}
