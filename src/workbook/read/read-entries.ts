/**
 * What the unit, the planner and the appraiser typed, row by row, each value with the
 * cell it came from. Field targets live in "Tổng hợp"; everything else in "Chấm điểm".
 * A parent's total is read only when its formula was replaced by a typed number.
 */
import {
  formatPoints,
  parseNumber,
  toMilli,
  type Assessment,
  type CellRef,
  type CriteriaSet,
  type Entry,
  type EntryField,
  type Problem,
  FIELD_LABELS,
} from '../../domain';
import { isoToSerial } from '../excel-dates';
import { gridFormula, gridValue, mergeAt, type GridValue, type SheetGrid } from '../grid';
import { NOT_APPLICABLE_MARK, type ScoringColumnKey } from '../layout';
import { clip, entryText, entryValue, isBlank } from './cell-text';
import { cellRefAt } from './cell-refs';

export interface EntriesInput {
  set: CriteriaSet;
  scoring: { sheet: SheetGrid; col: Record<ScoringColumnKey, number>; rowOf: ReadonlyMap<string, number> };
  summary: { sheet: SheetGrid; targetCol: number; rowOf: ReadonlyMap<string, number> } | null;
}

const TEXT_FIELDS = ['evidence', 'explanation', 'appraisalNote', 'leadUnit', 'partnerUnits', 'deadline'] as const;

export function readEntries(input: EntriesInput): { assessment: Assessment; problems: Problem[] } {
  const { set, scoring, summary } = input;
  const entries: Record<string, Entry> = {};
  const cells: Record<string, Partial<Record<EntryField, CellRef>>> = {};
  const problems: Problem[] = [];
  const s = scoring.sheet;
  const col = scoring.col;

  for (const node of set.nodes) {
    const row = scoring.rowOf.get(node.code);
    if (row === undefined) continue;
    const entry: Entry = {};
    const refs: Partial<Record<EntryField, CellRef>> = {};
    const input = (field: NumberField, sheet: SheetGrid, r: number, c: number) => {
      const at = (refs[field] = cellRef(sheet, r, c));
      const problem = typedNumber(node.code, field, sheet, r, c, at, entry);
      if (problem) problems.push(problem);
    };

    if (node.depth === 1) {
      const summaryRow = summary?.rowOf.get(node.code);
      if (summary && summaryRow !== undefined) input('target', summary.sheet, summaryRow, summary.targetCol);
    } else input('target', s, row, col.target);
    input('previousScore', s, row, col.previousScore);

    if (node.isLeaf) {
      input('selfScore', s, row, col.selfScore);
      input('appraisedScore', s, row, col.appraisedScore);
      const at = (refs.notApplicable = cellRef(s, row, col.notApplicable));
      const mark = gridValue(s, row, col.notApplicable);
      if (typeof mark === 'string' && mark.trim().toLowerCase() === NOT_APPLICABLE_MARK) entry.notApplicable = true;
      else if (!isBlank(mark)) {
        problems.push({
          code: 'na-mark-unknown',
          severity: 'warning',
          criterion: node.code,
          field: 'notApplicable',
          cell: at,
          message: `Ô ${s.name}!${at.cell} có ${JSON.stringify(entryText(mark))}; chỉ "x" mới là "Không đánh giá", nên tiêu chí ${node.code} vẫn được tính`,
          messageEn: `${s.name}!${at.cell} holds ${JSON.stringify(entryText(mark))}; only "x" marks "not assessed", so ${node.code} is still counted`,
        });
      }
      checkMax(node.code, node.maxScore, gridValue(s, row, col.maxScore), cellRef(s, row, col.maxScore), problems);
    } else {
      refs.selfScore = cellRef(s, row, col.selfScore);
      refs.appraisedScore = cellRef(s, row, col.appraisedScore);
      if (gridFormula(s, row, col.selfScore) === null) {
        // The parent's sum was typed over: what it states is compared with its children.
        refs.statedSelfTotal = refs.selfScore;
        const stated = entryValue(gridValue(s, row, col.selfScore));
        if (stated !== null) entry.statedSelfTotal = stated;
      }
    }
    for (const field of TEXT_FIELDS) {
      refs[field] = cellRef(s, row, col[field]);
      const text = entryText(textCell(s, row, col[field]));
      if (text !== undefined) entry[field] = text;
    }
    entries[node.code] = entry;
    cells[node.code] = refs;
  }

  const assessment: Assessment = { entries, cells };
  return { assessment, problems };
}

function cellRef(sheet: SheetGrid, row: number, col: number): CellRef {
  return cellRefAt(sheet.name, row, col);
}

/**
 * A score or target as typed, kept raw: "15,3" stored as text stays text, which the
 * validation reports (number-as-text) and, as in Excel, nobody adds up. A number in a
 * date-formatted cell is that number (the format only shows it as a date). A formula holds
 * no typed value: its cached error (a #REF! after a deleted row) is not a typed target, and
 * a formula typed into an input cell is said as such.
 */
type NumberField = 'selfScore' | 'appraisedScore' | 'target' | 'previousScore';

function typedNumber(code: string, field: NumberField, sheet: SheetGrid, row: number, col: number, cell: CellRef, entry: Entry): Problem | null {
  const value = gridValue(sheet, row, col);
  const formula = gridFormula(sheet, row, col);
  if (formula !== null && (value === null || value === '') && (field === 'selfScore' || field === 'appraisedScore')) return formulaInInput(code, field, formula, cell);
  if (formula !== null && typeof value === 'object' && value !== null) return null;
  const raw = entryValue(typeof value === 'string' ? (isoToSerial(value) ?? value) : value);
  if (raw === null) return null;
  entry[field] = raw;
  return null;
}

function formulaInInput(code: string, field: 'selfScore' | 'appraisedScore', formula: string, cell: CellRef): Problem {
  const what = FIELD_LABELS[field];
  return {
    code: 'formula-in-input',
    severity: 'error',
    criterion: code,
    field,
    cell,
    message: `Ô ${cell.sheet}!${cell.cell} (${what.vi} của tiêu chí ${code}) là ô nhập điểm nhưng chứa công thức =${clip(formula, 70)} chưa được tính; hãy gõ điểm là một số`,
    messageEn: `${cell.sheet}!${cell.cell} (${what.en} of ${code}) is an input cell but holds the formula =${clip(formula, 70)}, never calculated; type the score as a number`,
  };
}

/** A text cell's value; a cell inside a merged area reads the area's value (one evidence for several rows). */
function textCell(sheet: SheetGrid, row: number, col: number): GridValue {
  const value = gridValue(sheet, row, col);
  if (value !== null) return value;
  const merge = mergeAt(sheet, row, col);
  return merge ? gridValue(sheet, merge.top, merge.left) : null;
}

function checkMax(code: string, max: number, cell: ReturnType<typeof gridValue>, ref: CellRef, problems: Problem[]): void {
  const parsed = parseNumber(typeof cell === 'object' && cell !== null ? cell.error : cell);
  if (parsed.kind === 'number' && toMilli(parsed.value) === toMilli(max)) {
    if (typeof cell === 'string') {
      problems.push({
        code: 'number-as-text',
        severity: 'error',
        criterion: code,
        cell: ref,
        message: `Điểm tối đa của tiêu chí ${code} ở ô ${ref.sheet}!${ref.cell} được lưu dạng chữ "${cell}" nên Excel bỏ qua ô này khi cộng điểm tối đa; hãy gõ lại thành số ${formatPoints(max)}`,
        messageEn: `The maximum of ${code} in ${ref.sheet}!${ref.cell} is stored as text "${cell}", which Excel leaves out of sums; it should be the number ${max}`,
      });
    }
    return;
  }
  const shown = parsed.kind === 'empty' ? 'để trống' : parsed.kind === 'invalid' ? `"${parsed.input}"` : formatPoints(parsed.value);
  problems.push({
    code: 'max-changed',
    severity: 'error',
    criterion: code,
    cell: ref,
    message: `Điểm tối đa của tiêu chí ${code} trong tệp là ${shown}, bộ tiêu chí quy định ${formatPoints(max)} (ô ${ref.sheet}!${ref.cell} đã bị sửa)`,
    messageEn: `The maximum of ${code} in the file is ${parsed.kind === 'number' ? parsed.value : shown}; the set says ${max} (${ref.sheet}!${ref.cell} was edited)`,
  });
}


