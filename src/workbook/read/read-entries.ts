/**
 * What the unit, the planner and the appraiser typed, row by row, each value with the
 * cell it came from. Field targets live in "Tổng hợp"; everything else in "Chấm điểm".
 * A parent's total is read only when its formula was replaced by a typed number.
 */
import {
  computeTotals,
  formatPoints,
  grandTotal,
  parseNumber,
  subtractPoints,
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

interface TextNumber {
  code: string;
  field: 'selfScore' | 'appraisedScore' | 'target';
  raw: string;
  value: number;
  cell: CellRef;
}

export function readEntries(input: EntriesInput): { assessment: Assessment; problems: Problem[] } {
  const { set, scoring, summary } = input;
  const entries: Record<string, Entry> = {};
  const cells: Record<string, Partial<Record<EntryField, CellRef>>> = {};
  const problems: Problem[] = [];
  const textNumbers: TextNumber[] = [];
  const s = scoring.sheet;
  const col = scoring.col;

  for (const node of set.nodes) {
    const row = scoring.rowOf.get(node.code);
    if (row === undefined) continue;
    const entry: Entry = {};
    const refs: Partial<Record<EntryField, CellRef>> = {};
    const input = (field: 'selfScore' | 'appraisedScore' | 'target', sheet: SheetGrid, r: number, c: number) => {
      const at = (refs[field] = cellRef(sheet, r, c));
      const problem = typedNumber(node.code, field, sheet, r, c, at, entry, textNumbers);
      if (problem) problems.push(problem);
    };

    if (node.depth === 1) {
      const summaryRow = summary?.rowOf.get(node.code);
      if (summary && summaryRow !== undefined) input('target', summary.sheet, summaryRow, summary.targetCol);
    } else input('target', s, row, col.target);

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
  problems.push(...textNumberProblems(set, assessment, textNumbers));
  return { assessment, problems };
}

function cellRef(sheet: SheetGrid, row: number, col: number): CellRef {
  return cellRefAt(sheet.name, row, col);
}

/**
 * A score or target as typed: kept raw, and noted when it is a number stored as text. A
 * number in a date-formatted cell is that number (the format only shows it as a date). A
 * formula holds no typed value: its cached error (a #REF! after a deleted row) is not a
 * typed target, and a formula typed into an input cell is said as such.
 */
function typedNumber(code: string, field: TextNumber['field'], sheet: SheetGrid, row: number, col: number, cell: CellRef, entry: Entry, textNumbers: TextNumber[]): Problem | null {
  const value = gridValue(sheet, row, col);
  const formula = gridFormula(sheet, row, col);
  if (formula !== null && (value === null || value === '') && field !== 'target') return formulaInInput(code, field, formula, cell);
  if (formula !== null && typeof value === 'object' && value !== null) return null;
  const raw = entryValue(typeof value === 'string' ? (isoToSerial(value) ?? value) : value);
  if (raw === null) return null;
  entry[field] = raw;
  if (typeof raw === 'string') {
    const parsed = parseNumber(raw);
    if (parsed.kind === 'number') textNumbers.push({ code, field, raw, value: parsed.value, cell });
  }
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

/**
 * "15,3" typed as text: the engine reads 15,3, but SUM in the file skips it. The message
 * gives the number it should be and the total the file shows because of it.
 */
function textNumberProblems(set: CriteriaSet, assessment: Assessment, list: readonly TextNumber[]): Problem[] {
  if (list.length === 0) return [];
  // The assessment as the file's own sums see it: only the entries that change are copied.
  const without = (drop: readonly TextNumber[]): Assessment => {
    const entries = { ...assessment.entries };
    for (const t of drop) {
      const copy: Entry = { ...entries[t.code] };
      delete copy[t.field];
      entries[t.code] = copy;
    }
    return { entries };
  };
  const fileAssessment = without(list);
  // Targets need the tree (a parent's target rolls up); scores only the grand total.
  const targets = list.some((t) => t.field === 'target')
    ? { right: computeTotals(set, assessment, 'self').total.target, shown: computeTotals(set, fileAssessment, 'self').total.target }
    : null;
  const engine = { self: grandTotal(set, assessment, 'self'), appraised: grandTotal(set, assessment, 'appraised') };
  const file = { self: grandTotal(set, fileAssessment, 'self'), appraised: grandTotal(set, fileAssessment, 'appraised') };
  return list.map((t) => {
    const node = set.byCode.get(t.code)!;
    const where = `${t.cell.sheet}!${t.cell.cell}`;
    let effect: { vi: string; en: string };
    if (t.field === 'target') {
      const { right, shown } = targets!;
      effect =
        node.depth === 1
          ? {
              vi: `tổng mục tiêu trong trang ${t.cell.sheet} ${shown === null ? 'để trống' : `là ${formatPoints(shown)}`}${right === null ? '' : ` thay vì ${formatPoints(right)}`}`,
              en: `the total target in ${t.cell.sheet} shows ${shown ?? 'blank'} instead of ${right}`,
            }
          : { vi: 'tỷ lệ hoàn thành mục tiêu của dòng này trong tệp bị bỏ trống', en: 'the row’s target completion in the file is left blank' };
    } else {
      const basis = t.field === 'selfScore' ? 'self' : 'appraised';
      const right = engine[basis].score ?? 0;
      const shown = file[basis].score ?? 0;
      const alone = subtractPoints(right, grandTotal(set, without([t]), basis).score ?? 0);
      const label = t.field === 'selfScore' ? 'tự đánh giá' : 'thẩm định';
      effect =
        toMilli(alone) === 0
          ? { vi: `điểm này không được cộng vào tổng điểm ${label} trong tệp`, en: `it is not added to the file's total` }
          : {
              vi: `tổng điểm ${label} trong tệp thiếu ${formatPoints(alone)} điểm (${formatPoints(shown)} thay vì ${formatPoints(right)})`,
              en: `the file's ${basis === 'self' ? 'self-score' : 'appraised'} total is ${alone} short (${shown} instead of ${right})`,
            };
    }
    const what = { selfScore: 'Điểm tự đánh giá', appraisedScore: 'Điểm thẩm định', target: 'Mục tiêu' }[t.field];
    return {
      code: 'number-as-text',
      severity: 'error',
      criterion: t.code,
      field: t.field,
      cell: t.cell,
      message: `${what} của ${node.depth === 1 ? 'lĩnh vực' : 'tiêu chí'} ${t.code} ở ô ${where} được lưu dạng chữ "${t.raw}", không phải số: Excel bỏ qua ô này khi cộng, nên ${effect.vi}. Hãy gõ lại thành số ${formatPoints(t.value)}`,
      messageEn: `${what === 'Mục tiêu' ? 'Target' : t.field === 'selfScore' ? 'Self-score' : 'Appraised score'} of ${t.code} in ${where} is the text "${t.raw}", not a number: Excel leaves it out of sums, so ${effect.en}. Type it as the number ${t.value}`,
    } satisfies Problem;
  });
}

