/**
 * Files the appraiser picked, read and checked one after another in the pane; each verdict
 * shows as soon as its file is done. Picking again starts over (a slower, older run stops).
 * The reader (and exceljs behind it) is loaded only then, so the pane opens as fast as before.
 */
import { useCallback, useRef, useState } from 'react';
import type { CheckedFile } from '../../workbook/consolidation';
import { readBytes } from './read-bytes';

export interface ConsolidationItem {
  name: string;
  /** null while the file is being read. */
  verdict: CheckedFile | null;
}

export interface Consolidation {
  items: ConsolidationItem[];
  /** Every picked file has its verdict (and there is at least one). */
  verdicts: CheckedFile[] | null;
  pick(files: readonly File[]): Promise<void>;
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

  const done = items.length > 0 && items.every((i) => i.verdict !== null);
  return { items, verdicts: done ? items.map((i) => i.verdict!) : null, pick };
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
