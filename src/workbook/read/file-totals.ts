/**
 * The totals the file itself shows: the results Excel (or LibreOffice) cached in the
 * total row when the file was last saved. A file written by a tool
 * that does not calculate carries none; every value is then null.
 */
import type { SheetGrid } from '../grid';
import { gridValue } from '../grid';
import { cachedNumber } from './cell-text';

export interface FileTotals {
  /** False when the file holds no calculated results at all (never opened in a spreadsheet). */
  computed: boolean;
  maxScore: number | null;
  applicableMax: number | null;
  selfScore: number | null;
  appraisedScore: number | null;
  score: number | null;
  /** Error values the file shows instead of a total (#REF! after a row was deleted). */
  errors: Partial<Record<'maxScore' | 'applicableMax' | 'selfScore' | 'appraisedScore' | 'score', string>>;
}

export interface TotalsPlace {
  sheet: SheetGrid;
  totalRow: number | null;
  col: { maxScore: number; applicableMax: number; selfScore: number; appraisedScore: number; score: number };
}

export function readFileTotals(p: TotalsPlace): FileTotals {
  const at = (row: number | null, col: number) => (row === null ? null : gridValue(p.sheet, row, col));
  const raw = {
    maxScore: at(p.totalRow, p.col.maxScore),
    applicableMax: at(p.totalRow, p.col.applicableMax),
    selfScore: at(p.totalRow, p.col.selfScore),
    appraisedScore: at(p.totalRow, p.col.appraisedScore),
    score: at(p.totalRow, p.col.score),
  };
  const errors: FileTotals['errors'] = {};
  for (const key of ['maxScore', 'applicableMax', 'selfScore', 'appraisedScore', 'score'] as const) {
    const v = raw[key];
    if (v !== null && typeof v === 'object') errors[key] = v.error;
  }
  return {
    computed: raw.maxScore !== null || raw.applicableMax !== null,
    errors,
    maxScore: cachedNumber(raw.maxScore),
    applicableMax: cachedNumber(raw.applicableMax),
    selfScore: cachedNumber(raw.selfScore),
    appraisedScore: cachedNumber(raw.appraisedScore),
    score: cachedNumber(raw.score),
  };
}
