/**
 * Scores in and out of online PAR systems, one row per criterion: code, name, maxScore,
 * target, selfScore, notApplicable, evidence, explanation, appraisedScore, appraisalNote.
 * Coming back in, a row is checked by the same rules as a value typed in the workbook
 * (validateAssessment); a row that breaks one is refused whole and listed with its line,
 * and nothing that is not in the file changes.
 */
import { entryOf, type Assessment, type CellValue, type Entry } from './assessment';
import type { CriteriaSet } from './criteria-set';
import { pointsEqual } from './decimal';
import { writeCsv, parseCsv } from './csv';
import { formatPoints, parseNumber } from './number';
import { validateAssessment } from './validate';

export const SCORE_COLUMNS = [
  'code',
  'name',
  'maxScore',
  'target',
  'selfScore',
  'notApplicable',
  'evidence',
  'explanation',
  'appraisedScore',
  'appraisalNote',
] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** The fields a row carries back into the assessment. */
const VALUE_COLUMNS = ['target', 'selfScore', 'notApplicable', 'evidence', 'explanation', 'appraisedScore', 'appraisalNote'] as const;
type ValueColumn = (typeof VALUE_COLUMNS)[number];
const TEXT_COLUMNS: ReadonlySet<ValueColumn> = new Set(['evidence', 'explanation', 'appraisalNote']);

export interface ScoreRecord {
  code: string;
  name: string;
  maxScore: number;
  target: CellValue;
  selfScore: CellValue;
  notApplicable: boolean;
  evidence: string | null;
  explanation: string | null;
  appraisedScore: CellValue;
  appraisalNote: string | null;
}

/** Every leaf of the set with what the assessment holds for it, in the set's order. */
export function exportScores(set: CriteriaSet, assessment: Assessment): ScoreRecord[] {
  return set.leaves.map((leaf) => {
    const entry = entryOf(assessment, leaf.code);
    return {
      code: leaf.code,
      name: leaf.name,
      maxScore: leaf.maxScore,
      target: entry.target ?? null,
      selfScore: entry.selfScore ?? null,
      notApplicable: entry.notApplicable === true,
      evidence: entry.evidence ?? null,
      explanation: entry.explanation ?? null,
      appraisedScore: entry.appraisedScore ?? null,
      appraisalNote: entry.appraisalNote ?? null,
    };
  });
}

/** A row read from a file: the columns it has, and where it was. */
export interface ImportedRow {
  /** "dòng 7" for CSV, "rows[3]" for JSON: what the user is told. */
  at: string;
  values: Partial<Record<ScoreColumn, CellValue>>;
}

export interface RejectedRow {
  at: string;
  code: string;
  messages: string[];
}

export interface ScoreImport {
  assessment: Assessment;
  /** Rows whose values were taken. */
  applied: number;
  rejected: RejectedRow[];
}

/**
 * The assessment with each good row's values in place. A column the file does not have
 * leaves that field as it was; an empty cell in a column it has clears the field.
 */
export function importScores(set: CriteriaSet, base: Assessment, rows: readonly ImportedRow[]): ScoreImport {
  const entries: Record<string, Entry> = { ...base.entries };
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, string>();
  let applied = 0;
  for (const row of rows) {
    const code = String(row.values.code ?? '').trim();
    const refuse = (...messages: string[]) => rejected.push({ at: row.at, code, messages });
    if (code === '') {
      refuse('thiếu mã tiêu chí (cột code)');
      continue;
    }
    const node = set.byCode.get(code);
    if (!node) {
      refuse(`mã "${code}" không có trong bộ tiêu chí ${set.id} phiên bản ${set.version}`);
      continue;
    }
    const earlier = seen.get(code);
    if (earlier) {
      refuse(`mã "${code}" đã có ở ${earlier}`);
      continue;
    }
    seen.set(code, row.at);
    const max = parseNumber(row.values.maxScore);
    if (max.kind === 'number' && !pointsEqual(max.value, node.maxScore)) {
      refuse(`điểm tối đa trong tệp là ${formatPoints(max.value)}, bộ tiêu chí ${set.id} phiên bản ${set.version} ghi ${formatPoints(node.maxScore)}: tệp được lập cho bộ tiêu chí khác`);
      continue;
    }
    const entry: Entry = { ...entryOf(base, code) };
    const misplaced: string[] = [];
    for (const column of VALUE_COLUMNS) {
      if (!(column in row.values)) continue;
      const value = row.values[column];
      if (!node.isLeaf && column !== 'target' && !isEmpty(value)) misplaced.push(column);
      setField(entry, column, value);
    }
    if (misplaced.length > 0) {
      refuse(`${code} là tiêu chí có tiêu chí con: chỉ nhận mục tiêu, không nhận ${misplaced.join(', ')}`);
      continue;
    }
    const notApplicable = row.values.notApplicable;
    if ('notApplicable' in row.values && readMark(notApplicable) === undefined) {
      refuse(`cột notApplicable là "${String(notApplicable)}": chỉ nhận "x" (không đánh giá) hoặc để trống`);
      continue;
    }
    const errors = validateAssessment(set, { entries: { [code]: entry } })
      .filter((p) => p.criterion === code && p.severity === 'error')
      .map((p) => p.message);
    if (errors.length > 0) {
      refuse(...errors);
      continue;
    }
    entries[code] = entry;
    applied++;
  }
  return { assessment: { entries }, applied, rejected };
}

function setField(entry: Entry, column: ValueColumn, value: CellValue): void {
  if (column === 'notApplicable') {
    entry.notApplicable = readMark(value) === true;
    return;
  }
  if (TEXT_COLUMNS.has(column)) {
    const text = isEmpty(value) ? undefined : String(value).trim();
    if (text === undefined) delete entry[column as 'evidence'];
    else entry[column as 'evidence'] = text;
    return;
  }
  // A file carries "15,3" as text; the workbook must get the number, as typing it would.
  const field = column as 'target' | 'selfScore' | 'appraisedScore';
  const parsed = parseNumber(value);
  if (parsed.kind === 'empty') delete entry[field];
  else entry[field] = parsed.kind === 'number' ? parsed.value : value;
}

/** "x" as the workbook takes it; true/false and 1/0 as online systems write it. */
function readMark(value: CellValue): boolean | undefined {
  if (isEmpty(value) || value === false || value === 0) return false;
  if (value === true || value === 1) return true;
  const text = String(value).trim().toLowerCase();
  if (text === 'x' || text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

function isEmpty(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * As CSV for Excel and online systems: numbers with a decimal point, "x" for không đánh
 * giá, text that would start a formula kept as text with a leading apostrophe (taken off
 * again on import).
 */
export function scoresToCsv(records: readonly ScoreRecord[]): string {
  const cell = (value: CellValue): string | number | null => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 'x' : null;
    return keepAsText(value);
  };
  return writeCsv([
    [...SCORE_COLUMNS],
    ...records.map((r) => SCORE_COLUMNS.map((column) => (column === 'notApplicable' ? (r.notApplicable ? 'x' : null) : cell(r[column])))),
  ]);
}

export class ScoreFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoreFileError';
  }
}

/** Rows of a CSV whose header names the columns (any order, unknown columns refused). */
export function scoreRowsFromCsv(text: string): ImportedRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new ScoreFileError('tệp trống');
  const columns = header.cells.map((c) => c.trim());
  const unknown = columns.filter((c) => !(SCORE_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0 || !columns.includes('code')) {
    throw new ScoreFileError(
      `dòng ${header.line}: cần dòng tiêu đề gồm các cột ${SCORE_COLUMNS.join(', ')} (có cột code)` +
        (unknown.length > 0 ? `; không nhận cột ${unknown.map((u) => `"${u}"`).join(', ')}` : ''),
    );
  }
  return records.map((record) => ({
    at: `dòng ${record.line}`,
    values: Object.fromEntries(columns.map((column, i) => [column, unapostrophe(record.cells[i] ?? '')])),
  }));
}

/** `[{ code, selfScore, … }]` or `{ rows: [...] }`, as exportScores writes it. */
export function scoreRowsFromJson(data: unknown): ImportedRow[] {
  const rows = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(rows)) throw new ScoreFileError('cần một mảng JSON các dòng { code, selfScore, … } hoặc { "rows": [...] }');
  return rows.map((row, i) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new ScoreFileError(`rows[${i}] không phải một đối tượng`);
    const values: Partial<Record<ScoreColumn, CellValue>> = {};
    for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
      if (!(SCORE_COLUMNS as readonly string[]).includes(key)) throw new ScoreFileError(`rows[${i}]: không nhận trường "${key}"`);
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) throw new ScoreFileError(`rows[${i}].${key}: cần số, chuỗi hoặc true/false`);
      values[key as ScoreColumn] = value as CellValue;
    }
    return { at: `rows[${i}]`, values };
  });
}

/**
 * A CSV cell that starts with = + - @ (or a tab / carriage return) is run as a formula when
 * Excel opens the file: a leading apostrophe keeps it text there.
 */
function keepAsText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function unapostrophe(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
