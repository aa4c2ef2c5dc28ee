/**
 * Each criterion's row, found by the code in the code column wherever the row now is.
 * Rows a user inserted (notes, blank lines) are passed over; a code that appears twice,
 * a code the set does not have, a code stored as a number and a criterion without a row
 * are reported at their cell.
 */
import { a1 } from '../a1';
import type { CriteriaSet, Problem } from '../../domain';
import { gridRowCount, gridValue, type SheetGrid } from '../grid';
import { cellRefAt } from './cell-refs';
import { codeOf, labelKey, looksLikeCode } from './cell-text';

export interface RowLocation {
  rowOf: Map<string, number>;
  totalRow: number | null;
  problems: Problem[];
}

export interface LocateOptions {
  sheet: SheetGrid;
  headerRow: number;
  codeCol: number;
  nameCol: number;
  /** Column of the hidden row-kind flags, when the sheet has one. */
  flagsCol?: number;
  /** Label of the total row's name cell, compared case-insensitively. */
  totalLabel: string;
  /** "Chấm điểm" or "Tổng hợp", for messages. */
  what: 'scoring' | 'summary';
  /** Codes expected in this table (every node, or only fields). */
  codes: readonly string[];
}

export function locateRows(set: CriteriaSet, o: LocateOptions): RowLocation {
  const problems: Problem[] = [];
  const rowOf = new Map<string, number>();
  const wanted = codeSet(o.codes);
  const rows = gridRowCount(o.sheet);
  const cell = (row: number, col: number) => cellRefAt(o.sheet.name, row, col);
  const totalKey = labelKey(o.totalLabel);

  let totalRow: number | null = null;
  for (let row = o.headerRow + 1; row <= rows && totalRow === null; row++) {
    const flag = o.flagsCol ? gridValue(o.sheet, row, o.flagsCol) : null;
    if (flag === 'T' || labelKey(gridValue(o.sheet, row, o.nameCol)) === totalKey) totalRow = row;
  }

  // Only the table: numbered notes under the signature ("1. …") are not criteria.
  const lastRow = totalRow === null ? rows : totalRow - 1;
  for (let row = o.headerRow + 1; row <= lastRow; row++) {
    const found = codeOf(gridValue(o.sheet, row, o.codeCol));
    if (!found) continue;
    let code = found.code;
    if (found.fromNumber && code.includes('.')) {
      // 1.10 typed into a number cell becomes 1.1: take the first free code it may stand for.
      const candidates = [code, code + '0', code + '00'].filter((c) => wanted.has(c));
      code = candidates.find((c) => !rowOf.has(c)) ?? candidates[0] ?? code;
      problems.push({
        code: 'code-as-number',
        severity: 'warning',
        criterion: wanted.has(code) ? code : null,
        cell: cell(row, o.codeCol),
        message: `Mã ở ô ${a1(row, o.codeCol)} được lưu dạng số (${found.code}), nên "1.10" và "1.1" không phân biệt được; đã hiểu là tiêu chí ${code}. Hãy nhập lại mã dạng chữ`,
        messageEn: `The code in ${a1(row, o.codeCol)} is stored as a number (${found.code}), which cannot tell "1.10" from "1.1"; read as ${code}`,
      });
    }
    if (!wanted.has(code)) {
      if (looksLikeCode(code) || (o.flagsCol !== undefined && /^[LP]/.test(String(gridValue(o.sheet, row, o.flagsCol) ?? '')))) {
        problems.push({
          code: 'unknown-row-code',
          severity: 'warning',
          criterion: null,
          cell: cell(row, o.codeCol),
          message: `Dòng ${row} (trang ${o.sheet.name}) có mã "${code}" không thuộc bộ tiêu chí ${set.id}; dòng này không được tính`,
          messageEn: `Row ${row} of ${o.sheet.name} has code "${code}", which is not in set ${set.id}; it is not counted`,
        });
      }
      continue;
    }
    const first = rowOf.get(code);
    if (first !== undefined) {
      problems.push({
        code: 'row-duplicated',
        severity: 'error',
        criterion: code,
        cell: cell(row, o.codeCol),
        message: `Tiêu chí ${code} có hai dòng trong trang ${o.sheet.name} (dòng ${first} và dòng ${row}); chỉ dòng ${first} được đọc, hãy xóa dòng thừa`,
        messageEn: `Criterion ${code} has two rows in ${o.sheet.name} (rows ${first} and ${row}); only row ${first} is read`,
      });
      continue;
    }
    rowOf.set(code, row);
  }

  for (const code of o.codes) {
    if (rowOf.has(code)) continue;
    const node = set.byCode.get(code)!;
    const parentRow = node.parentCode ? rowOf.get(node.parentCode) : undefined;
    const where = o.what === 'scoring' ? 'Chấm điểm' : 'Tổng hợp';
    problems.push({
      code: 'row-missing',
      severity: 'error',
      criterion: code,
      ...(parentRow !== undefined ? { cell: cell(parentRow, o.codeCol) } : {}),
      message:
        `Không thấy dòng của ${node.depth === 1 ? 'lĩnh vực' : 'tiêu chí'} ${code} (${node.name}) trong trang ${o.sheet.name}: dòng đã bị xóa hoặc mã ở cột ${a1(1, o.codeCol).replace(/\d+$/, '')} bị sửa` +
        (o.what === 'scoring' ? '; điểm của tiêu chí này không đọc được và tổng trong tệp có thể sai' : '; mục tiêu của lĩnh vực này không đọc được'),
      messageEn: `No row for ${code} (${node.nameEn ?? node.name}) in the ${where} sheet "${o.sheet.name}": it was deleted or its code edited`,
    });
  }
  if (totalRow === null) {
    problems.push({
      code: 'row-missing',
      severity: 'error',
      criterion: null,
      message: `Không thấy dòng "${o.totalLabel}" trong trang ${o.sheet.name}: tổng điểm trong tệp không đọc được`,
      messageEn: `No "${o.totalLabel}" row in ${o.sheet.name}: the file's totals cannot be read`,
    });
  }
  return { rowOf, totalRow, problems };
}

/** The codes a table should hold, as a set made once per template: every file of it asks. */
const codeSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function codeSet(codes: readonly string[]): ReadonlySet<string> {
  let set = codeSets.get(codes);
  if (set === undefined) codeSets.set(codes, (set = new Set(codes)));
  return set;
}
