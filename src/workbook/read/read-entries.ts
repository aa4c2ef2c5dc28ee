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
} from '../../domain';
import { gridFormula, gridValue, type GridValue, type SheetGrid } from '../grid';
import { NOT_APPLICABLE_MARK, type ScoringColumnKey } from '../layout';
import { entryText, entryValue, isBlank } from './cell-text';
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
    const entry = newEntry();
    // Written in one literal, so every row's object has one shape (a cell a row lacks is undefined).
    const refs: Partial<Record<EntryField, CellRef>> = {
      target: undefined,
      selfScore: cellRef(s, row, col.selfScore),
      appraisedScore: cellRef(s, row, col.appraisedScore),
      notApplicable: node.isLeaf ? cellRef(s, row, col.notApplicable) : undefined,
      evidence: cellRef(s, row, col.evidence),
      explanation: cellRef(s, row, col.explanation),
      appraisalNote: cellRef(s, row, col.appraisalNote),
      leadUnit: cellRef(s, row, col.leadUnit),
      partnerUnits: cellRef(s, row, col.partnerUnits),
      deadline: cellRef(s, row, col.deadline),
    };

    if (node.depth === 1) {
      const summaryRow = summary?.rowOf.get(node.code);
      if (summary && summaryRow !== undefined) {
        refs.target = cellRef(summary.sheet, summaryRow, summary.targetCol);
        typedNumber('target', gridValue(summary.sheet, summaryRow, summary.targetCol), entry);
      }
    } else {
      refs.target = cellRef(s, row, col.target);
      typedNumber('target', gridValue(s, row, col.target), entry);
    }

    if (node.isLeaf) {
      typedNumber('selfScore', gridValue(s, row, col.selfScore), entry);
      typedNumber('appraisedScore', gridValue(s, row, col.appraisedScore), entry);
      const mark = gridValue(s, row, col.notApplicable);
      if (typeof mark === 'string' && mark.trim().toLowerCase() === NOT_APPLICABLE_MARK) entry.notApplicable = true;
      else if (!isBlank(mark)) {
        const at = refs.notApplicable!;
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
      if (gridFormula(s, row, col.selfScore) === null) {
        // The parent's sum was typed over: what it states is compared with its children.
        refs.statedSelfTotal = refs.selfScore;
        const stated = entryValue(gridValue(s, row, col.selfScore));
        if (stated !== null) entry.statedSelfTotal = stated;
      }
    }
    for (const field of TEXT_FIELDS) {
      const text = entryText(gridValue(s, row, col[field]));
      if (text !== undefined) entry[field] = text;
    }
    entries[node.code] = entry;
    cells[node.code] = refs;
  }

  const assessment: Assessment = { entries, cells };
  return { assessment, problems };
}

/**
 * Every field named at once, in one order, so every entry of every file has one shape: an
 * entry built field by field as its row has them takes one of dozens of shapes, and each
 * new one met by compiled code (a parent's typed-over total in the 40th file) threw that
 * code away. An absent value stays undefined, which every reader of an entry already
 * treats as absent.
 */
function newEntry(): Entry {
  return {
    selfScore: undefined,
    appraisedScore: undefined,
    target: undefined,
    notApplicable: undefined,
    evidence: undefined,
    explanation: undefined,
    appraisalNote: undefined,
    leadUnit: undefined,
    partnerUnits: undefined,
    deadline: undefined,
    statedSelfTotal: undefined,
  };
}

function cellRef(sheet: SheetGrid, row: number, col: number): CellRef {
  return cellRefAt(sheet.name, row, col);
}

/**
 * A score or target as typed, kept raw: "15,3" stored as text stays text, which the
 * validation reports (number-as-text) and, as in Excel, nobody adds up.
 */
function typedNumber(field: 'selfScore' | 'appraisedScore' | 'target', value: GridValue, entry: Entry): void {
  const raw = entryValue(value);
  if (raw !== null) entry[field] = raw;
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
