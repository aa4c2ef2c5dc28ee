/**
 * Reading per-criterion values (targets, last year's scores) from CSV or JSON.
 * CSV is what planners export from Excel: a header "code,target" or "code,score",
 * values "15.3" or "15,3" (quoted when the separator is a comma), or ";"-separated as
 * Vietnamese-locale Excel writes it. A code the set does not have is an error naming the
 * line, never a value silently dropped.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseNumber, type CellRef, type CellValue, type CriteriaSet } from '../domain';
import { CliError, fileFailure } from './errors';

export type ValueKind = 'target' | 'score';

export interface ValueRow {
  code: string;
  value: CellValue;
  at: CellRef;
}

const HEADER_NAMES: Record<ValueKind, string[]> = {
  target: ['target', 'muc tieu', 'muctieu', 'muc_tieu'],
  score: ['score', 'selfscore', 'diem', 'diem tu danh gia'],
};

export function readValueFile(path: string, kind: ValueKind, set: CriteriaSet): ValueRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    throw new CliError(`Không đọc được tệp ${path}: ${fileFailure(e)}`);
  }
  const rows = path.toLowerCase().endsWith('.json') ? fromJson(text, path) : fromCsv(text, path, kind);
  for (const row of rows) {
    if (!set.byCode.has(row.code)) {
      throw new CliError(`${path}, ${row.at.cell}: mã "${row.code}" không có trong bộ tiêu chí ${set.id} (các mã lĩnh vực: ${set.items.map((i) => i.code).join(', ')})`);
    }
  }
  const seen = new Map<string, ValueRow>();
  for (const row of rows) {
    const earlier = seen.get(row.code);
    if (earlier) throw new CliError(`${path}: mã "${row.code}" xuất hiện hai lần (${earlier.at.cell} và ${row.at.cell})`);
    seen.set(row.code, row);
  }
  return rows;
}

function fromJson(text: string, path: string): ValueRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new CliError(`${path}: cần một đối tượng JSON dạng { "3": 15.3, "8": 16 }`);
  return Object.entries(data as Record<string, unknown>).map(([code, value]) => {
    if (value !== null && typeof value !== 'number' && typeof value !== 'string') {
      throw new CliError(`${path}: giá trị của mã "${code}" phải là số hoặc chuỗi như "15,3"`);
    }
    return { code: code.trim(), value: typeof value === 'string' ? csvValue(value) : value, at: { sheet: basename(path), cell: `"${code}"` } };
  });
}

function fromCsv(text: string, path: string, kind: ValueKind): ValueRow[] {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new CliError(`${path} trống`);
  const header = lines[headerIndex];
  const separator = header.includes(';') && !header.includes(',') ? ';' : header.includes('\t') ? '\t' : ',';
  const names = splitCsvLine(header, separator).map(fold);
  const codeCol = names.findIndex((n) => n === 'code' || n === 'ma' || n === 'stt');
  const valueCol = names.findIndex((n) => HEADER_NAMES[kind].includes(n));
  if (codeCol < 0 || valueCol < 0) {
    throw new CliError(`${path}, dòng ${headerIndex + 1}: cần dòng tiêu đề "code,${kind}" (đang là "${header.trim()}")`);
  }
  const rows: ValueRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitCsvLine(lines[i], separator);
    const code = (cells[codeCol] ?? '').trim().replace(/\.$/, '');
    if (code === '') throw new CliError(`${path}, dòng ${i + 1}: thiếu mã tiêu chí`);
    const value = cells[valueCol] ?? '';
    rows.push({ code, value: csvValue(value), at: { sheet: basename(path), cell: `dòng ${i + 1}` } });
  }
  return rows;
}

/** RFC 4180 quoting: "15,3" keeps its comma. */
function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase();
}

/**
 * A CSV holds only text, so "15.3" and "15,3" there are the numbers they spell (unlike a
 * workbook cell, where text is not a number); anything else stays text for the validation
 * to name.
 */
function csvValue(value: string): CellValue {
  if (value.trim() === '') return null;
  const parsed = parseNumber(value);
  return parsed.kind === 'number' ? parsed.value : value;
}
