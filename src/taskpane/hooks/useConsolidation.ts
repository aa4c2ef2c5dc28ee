/**
 * Files the appraiser picked, read and checked one after another in the pane; each verdict
 * shows as soon as its file is done. Picking again starts over (a slower, older run stops).
 * The reader (and exceljs behind it) is loaded only then, so the pane opens as fast as before.
 */
import { useCallback, useRef, useState } from 'react';
import type { CheckedFile, PreviousRanking } from '../../workbook/consolidation';
import { readBytes } from './read-bytes';

export interface ConsolidationItem {
  name: string;
  /** null while the file is being read. */
  verdict: CheckedFile | null;
}

/** Last year's report, picked to show each unit's previous rank and its change. */
export type PreviousPick =
  | { name: string; state: 'reading' }
  | { name: string; state: 'read'; ranking: PreviousRanking }
  | { name: string; state: 'refused'; error: string; errorEn: string };

export interface Consolidation {
  items: ConsolidationItem[];
  /** Every picked file has its verdict (and there is at least one). */
  verdicts: CheckedFile[] | null;
  pick(files: readonly File[]): Promise<void>;
  previous: PreviousPick | null;
  /** null: compare with nothing. */
  pickPrevious(file: File | null): Promise<void>;
}

export function useConsolidation(): Consolidation {
  const [items, setItems] = useState<ConsolidationItem[]>([]);
  const run = useRef(0);

  const pick = useCallback(async (files: readonly File[]) => {
    const seq = ++run.current;
    setItems(files.map((f) => ({ name: f.name, verdict: null })));
    for (const [i, file] of files.entries()) {
      const verdict = await checkFile(file);
      if (seq !== run.current) return;
      setItems((prev) => prev.map((item, k) => (k === i ? { ...item, verdict } : item)));
    }
  }, []);

  const [previous, setPrevious] = useState<PreviousPick | null>(null);
  const previousRun = useRef(0);
  const pickPrevious = useCallback(async (file: File | null) => {
    const seq = ++previousRun.current;
    if (file === null) return setPrevious(null);
    setPrevious({ name: file.name, state: 'reading' });
    let picked: PreviousPick;
    try {
      const bytes = await readBytes(file);
      const { readPickedPreviousReport } = await import('../../workbook/check-files');
      const read = await readPickedPreviousReport({ name: file.name, bytes });
      picked = read.ok ? { name: file.name, state: 'read', ranking: { source: file.name, units: read.units } } : { name: file.name, state: 'refused', error: read.message, errorEn: read.messageEn };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      picked = { name: file.name, state: 'refused', error: `không mở được tệp (${why})`, errorEn: `cannot open the file (${why})` };
    }
    if (seq === previousRun.current) setPrevious(picked);
  }, []);

  const done = items.length > 0 && items.every((i) => i.verdict !== null);
  return { items, verdicts: done ? items.map((i) => i.verdict!) : null, pick, previous, pickPrevious };
}

async function checkFile(file: File): Promise<CheckedFile> {
  let bytes: ArrayBuffer;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { readable: false, file: file.name, reason: 'unopenable', error: `không mở được tệp (${why})`, errorEn: `cannot open the file (${why})` };
  }
  const { checkPickedFile } = await import('../../workbook/check-files');
  return checkPickedFile({ name: file.name, bytes });
}
