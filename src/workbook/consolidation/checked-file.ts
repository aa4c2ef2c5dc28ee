/**
 * One submission's verdict, as plain data: what the CLI prints and writes as JSON, what a
 * worker thread hands back, and what the consolidation is built from. A file that could
 * not be read keeps its reason; a read one keeps its set, unit, totals, problems (with
 * cells) and the points it lost per field. Pure: the pane can build the same from files
 * read in the browser.
 */
import type { Problem, Level, Result, SetStatus } from '../../domain';
import type { CellAddresses, CheckResult, CheckTotals } from '../read/check';
import type { ReadableWorkbook } from '../read/interpret';

export interface FieldLoss {
  code: string;
  name: string;
  maxScore: number;
  applicableMax: number;
  /** Điểm đạt of the field: appraised where there is one, else self-assessed. */
  score: number | null;
  /** applicableMax − score: the points the field lost. */
  lost: number;
}

export interface CheckedSet {
  id: string;
  version: string;
  title: string;
  status: SetStatus;
  level: Level;
  year: number;
}

export interface ReadableCheck {
  readable: true;
  /** The file as the user named it (a path relative to where the check ran). */
  file: string;
  set: CheckedSet;
  unit: string | null;
  /** The year typed in the file, else the set's. */
  year: number;
  problems: Problem[];
  cells: Record<string, CellAddresses>;
  totals: CheckTotals;
  /** The result (domain/result.ts): ranked and banded on result.final. */
  result: Result;
  /** result.final.index (exact): Điểm đạt ÷ applicable maximum. */
  index: number | null;
  /** result.final.band: the band of the published index, or null. */
  band: string | null;
  /** No problem of severity error: only such a file is ranked. */
  rankable: boolean;
  fields: FieldLoss[];
}

export interface UnreadableCheck {
  readable: false;
  file: string;
  /** A stable word (corrupt, encrypted, too-big, set-unknown, …) for tools. */
  reason: string;
  error: string;
  errorEn: string;
}

export type CheckedFile = ReadableCheck | UnreadableCheck;

export function readableCheck(file: string, read: ReadableWorkbook, result: CheckResult): ReadableCheck {
  const { set } = read;
  const final = result.final;
  const fields = set.items.map((field): FieldLoss => {
    const t = final.byCode.get(field.code)!;
    return {
      code: field.code,
      name: field.name,
      maxScore: field.maxScore,
      applicableMax: t.applicableMax,
      score: t.score,
      lost: Math.max(0, Math.round((t.applicableMax - (t.score ?? 0)) * 1000) / 1000),
    };
  });
  return {
    readable: true,
    file,
    set: { id: set.id, version: set.version, title: set.title, status: set.status, level: set.level, year: set.year },
    unit: read.unit,
    year: read.year ?? set.year,
    problems: result.problems,
    cells: result.cells,
    totals: result.totals,
    result: result.result,
    index: result.result.final.index,
    band: result.result.final.band,
    rankable: !result.problems.some((p) => p.severity === 'error'),
    fields,
  };
}

export function countProblems(file: ReadableCheck): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const p of file.problems) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
