/**
 * The "_par" metadata sheet: key in column A, value in column B. Found by name, or by
 * its marker key when a tool renamed it.
 */
import { gridValue, type SheetGrid, type WorkbookGrid } from '../grid';
import { META_KEYS, SHEETS } from '../layout';
import { codeOf } from './cell-text';

export interface FileMeta {
  sheet: string;
  setId: string | null;
  setVersion: string | null;
  templateVersion: string | null;
  unit: string | null;
  year: number | null;
  totalRow: number | null;
  /** Criterion code → its row when the file was made. */
  rowMap: Map<string, number>;
  /** The set's JSON as stored, or null when the chunks are missing. */
  setJson: string | null;
}

export function findMetaSheet(grid: WorkbookGrid): SheetGrid | null {
  const byName = grid.sheets.find((s) => s.name === SHEETS.meta);
  if (byName && isMeta(byName)) return byName;
  return grid.sheets.find(isMeta) ?? null;
}

function isMeta(sheet: SheetGrid): boolean {
  return gridValue(sheet, 1, 1) === META_KEYS.marker;
}

export function readMeta(sheet: SheetGrid): FileMeta {
  const text = (row: number) => {
    const v = gridValue(sheet, row, 2);
    return v === null || typeof v === 'object' ? null : String(v);
  };
  const number = (row: number) => {
    const v = gridValue(sheet, row, 2);
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : null;
  };
  const meta: FileMeta = {
    sheet: sheet.name,
    setId: null,
    setVersion: null,
    templateVersion: null,
    unit: null,
    year: null,
    totalRow: null,
    rowMap: new Map(),
    setJson: null,
  };
  const chunks: string[] = [];
  let chunkCount = 0;
  const rows = sheet.values.length;
  for (let row = 1; row <= rows; row++) {
    const key = gridValue(sheet, row, 1);
    if (typeof key !== 'string') continue;
    switch (key) {
      case META_KEYS.setId:
        meta.setId = text(row);
        break;
      case META_KEYS.setVersion:
        meta.setVersion = text(row);
        break;
      case META_KEYS.templateVersion:
        meta.templateVersion = text(row);
        break;
      case META_KEYS.unit:
        meta.unit = text(row);
        break;
      case META_KEYS.year:
        meta.year = number(row);
        break;
      case META_KEYS.totalRow:
        meta.totalRow = number(row);
        break;
      case META_KEYS.rowMap: {
        const count = number(row) ?? 0;
        for (let k = 1; k <= count && row + k <= rows; k++) {
          const code = codeOf(gridValue(sheet, row + k, 1));
          const at = number(row + k);
          if (code && at !== null) meta.rowMap.set(code.code, at);
        }
        row += count;
        break;
      }
      case META_KEYS.setJson:
        chunkCount = number(row) ?? 0;
        break;
      default: {
        const m = /^setJson\.(\d+)$/.exec(key);
        if (m) chunks[Number(m[1]) - 1] = text(row) ?? '';
      }
    }
  }
  const parts = Array.from({ length: chunkCount }, (_, i) => chunks[i]);
  if (chunkCount > 0 && parts.every((c) => typeof c === 'string')) meta.setJson = parts.join('');
  return meta;
}
