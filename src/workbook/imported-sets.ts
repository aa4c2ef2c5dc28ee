/**
 * Criteria sets imported into a workbook (from a pasted annex, issue 5), kept in the very
 * hidden "_par_sets" sheet so they travel with the file and can be picked when the scoring
 * sheet is made. Its own sheet, not "_par": "_par" belongs to the scoring sheet and exists
 * only once one is made, while a set is usually imported before that.
 * Layout: column A key, column B value (text) — the marker, then per set its id, the number
 * of JSON chunks and the chunks, as "_par" stores the scoring sheet's own set.
 */
import { loadCriteriaSet, type CriteriaSet, type CriteriaSetData } from '../domain';
import { foldKey } from '../domain/import/text';
import { gridValue, type SheetGrid } from './grid';
import { META_CHUNK } from './layout';

export const IMPORTED_SETS_SHEET = '_par_sets';
const MARKER = 'par-index-sets';

export type ImportedSetsRow = [key: string, value: string];

/** The cells of the sheet, A1 down, for the given sets (later ones replace earlier ones of the same id). */
export function importedSetsRows(sets: readonly CriteriaSetData[]): ImportedSetsRow[] {
  const byId = new Map(sets.map((s) => [s.id, s]));
  const rows: ImportedSetsRow[] = [[MARKER, 'Bộ tiêu chí đã nhập vào sổ tính — không sửa trang này']];
  for (const set of byId.values()) {
    const json = JSON.stringify(set);
    const chunks = Math.ceil(json.length / META_CHUNK);
    rows.push(['set', set.id], ['setJson', String(chunks)]);
    for (let i = 0; i < chunks; i++) rows.push([`setJson.${i + 1}`, json.slice(i * META_CHUNK, (i + 1) * META_CHUNK)]);
  }
  return rows;
}

export interface StoredSets {
  sets: CriteriaSet[];
  data: CriteriaSetData[];
  /** Sets that could not be read back (edited by hand), in Vietnamese. */
  problems: string[];
}

export function readImportedSets(sheet: SheetGrid | undefined): StoredSets {
  const out: StoredSets = { sets: [], data: [], problems: [] };
  if (!sheet || gridValue(sheet, 1, 1) !== MARKER) return out;
  const text = (row: number) => {
    const v = gridValue(sheet, row, 2);
    return v === null || typeof v === 'object' ? '' : String(v);
  };
  for (let row = 2; row <= sheet.values.length; row++) {
    if (gridValue(sheet, row, 1) !== 'set') continue;
    const id = text(row);
    const chunks = Number(text(row + 1));
    const json = Array.from({ length: Number.isInteger(chunks) ? chunks : 0 }, (_, i) => text(row + 2 + i)).join('');
    try {
      const data = JSON.parse(json) as CriteriaSetData;
      out.sets.push(loadCriteriaSet(data, id));
      out.data.push(data);
    } catch (e) {
      out.problems.push(`Bộ tiêu chí đã nhập "${id}" (trang ${sheet.name}, dòng ${row}) không đọc được: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  return out;
}

/** "Phụ lục I - Sở 2026" → "phu-luc-i-so-2026": a set id from a title or sheet name. */
export function setIdFrom(text: string): string {
  const id = foldKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9][a-z0-9-]*$/.test(id) ? id.slice(0, 60) : 'bo-tieu-chi-nhap';
}
