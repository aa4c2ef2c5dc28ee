/**
 * Are the template's formulas still there? Every formula cell the builder writes is
 * looked up where its row is now, and its formula is compared with the template's after
 * moving every reference to where that row is now — exactly what Excel does to formulas
 * when rows are inserted. A constant where a formula belongs is `formula-overwritten`;
 * a different formula is `formula-changed`.
 */
import { a1 } from '../a1';
import { formatPoints, type CriteriaSet, type Problem } from '../../domain';
import { gridFormula, gridValue, type SheetGrid } from '../grid';
import { HEAD, ROWS, SCORING_COLUMNS, SHEETS, SUMMARY } from '../layout';
import type { SummaryColumnKey } from '../template-versions';
import { scoringLayout } from '../scoring-sheet';
import type { SheetSpec, WorkbookSpec } from '../spec';
import { summaryRowOf, summaryTotalRow } from '../summary-sheet';
import { clip, describeValue, isBlank } from './cell-text';
import type { ExpectedValue, RowRef } from './expected-values';
import { canonicalFormula, isMovedFormula, mapFormulaRefs, ownSheetSpan, rowsMovedFormula, type RefMapper } from './formula-refs';
import { orderFreeFormula } from './formula-order';
import { RowShifts } from './row-shifts';

/** Where a template sheet's rows and columns are now. */
export interface Placement {
  sheet: SheetGrid;
  row: (templateRow: number) => number | null;
  col: (templateCol: number) => number | null;
}

export interface FormulaCheckInput {
  set: CriteriaSet;
  template: WorkbookSpec;
  /** The template version's "Tổng hợp" columns, to name a column in a message (today's when left out). */
  summaryColumns?: readonly SummaryColumnKey[];
  scoring: Placement;
  summary: Placement | null;
  expected: ExpectedValue;
}

const EXCEL_FORMULA_CHARS = 8192;

/** Columns whose formulas carry points into totals: a changed formula there is an error. */
const SUM_KEYS = new Set(['maxScore', 'target', 'selfScore', 'appraisedScore', 'applicableMax', 'score', 'total', 'max', 'index', 'band', 'provisional']);

/** The head block's result cells, in words (result-head.ts writes them). */
const HEAD_CELLS: Array<{ cell: { row: number; col: number }; key: string; basis: 'self' | 'appraised' | 'final'; vi: string; en: string }> = [
  { cell: HEAD.selfTotal, key: 'total', basis: 'self', vi: 'Điểm tự đánh giá', en: 'Self-score points' },
  { cell: HEAD.selfMax, key: 'max', basis: 'self', vi: 'Điểm tối đa áp dụng (tự đánh giá)', en: 'Self-score maximum' },
  { cell: HEAD.selfIndex, key: 'index', basis: 'self', vi: 'Tỷ lệ tự đánh giá', en: 'Self-score rate' },
  { cell: HEAD.appraisedTotal, key: 'total', basis: 'appraised', vi: 'Điểm thẩm định', en: 'Appraised points' },
  { cell: HEAD.appraisedMax, key: 'max', basis: 'appraised', vi: 'Điểm tối đa áp dụng (thẩm định)', en: 'Appraised maximum' },
  { cell: HEAD.appraisedIndex, key: 'index', basis: 'appraised', vi: 'Tỷ lệ thẩm định', en: 'Appraised rate' },
  { cell: HEAD.finalTotal, key: 'total', basis: 'final', vi: 'Điểm đạt', en: 'Final points' },
  { cell: HEAD.finalMax, key: 'max', basis: 'final', vi: 'Điểm tối đa áp dụng', en: 'Applicable maximum' },
  { cell: HEAD.finalIndex, key: 'index', basis: 'final', vi: 'Chỉ số', en: 'Index' },
  { cell: HEAD.finalBand, key: 'band', basis: 'final', vi: 'Xếp loại', en: 'Band' },
  { cell: HEAD.finalProvisional, key: 'provisional', basis: 'final', vi: 'Tạm tính', en: 'Provisional' },
];

interface Described {
  at: RowRef | null;
  key: string;
  column: { vi: string; en: string };
  what: { vi: string; en: string };
  /** Display cells (the summary's title line): overwriting them loses nothing. */
  cosmetic?: boolean;
}

export function checkFormulas(input: FormulaCheckInput): Problem[] {
  const problems: Problem[] = [];
  /** A formula a deleted row broke (#REF!), said once per row, at its leftmost such cell. */
  const brokenRows = new Map<string, { col: number; problem: Problem }>();
  const places = { [SHEETS.scoring]: input.scoring, [SHEETS.summary]: input.summary } as Record<string, Placement | null>;
  let describe: ReturnType<typeof describer> | null = null;
  const { sheets, extent } = formulaCellsOf(input.template);
  const shifts = new Map<string, RowShifts>();
  for (const [name, place] of Object.entries(places)) {
    const size = extent.get(name);
    if (place && size) shifts.set(name, new RowShifts(place, size.rows, size.cols));
  }
  // A file whose rows and columns are all where the template put them (the usual case) has
  // every formula exactly as written: moving references would change nothing, so skip it.
  const unmoved = [SHEETS.scoring, SHEETS.summary].every((name) => places[name]?.sheet.name === name && shifts.get(name)?.unmoved === true);
  for (const { spec, cells } of sheets) {
    const place = places[spec.name];
    if (!place) continue;
    const moveRef: RefMapper = (ref) => {
      const target = places[ref.sheet ?? spec.name];
      if (ref.sheet !== null && !(ref.sheet in places)) return { row: ref.row, col: ref.col };
      if (!target) return null;
      const r = target.row(ref.row);
      const c = target.col(ref.col);
      if (r === null || c === null) return null;
      return ref.sheet !== null ? { row: r, col: c, sheet: target.sheet.name } : { row: r, col: c };
    };
    const sheetShifts = unmoved ? null : shifts.get(spec.name)!;
    for (const cell of cells) {
      const row = place.row(cell.row);
      const col = place.col(cell.col);
      if (row === null || col === null) continue;
      const actual = gridFormula(place.sheet, row, col);
      // Excel keeps formulas of up to 8 192 characters: a longer one was not typed there, and is not parsed.
      const readable = actual !== null && actual.length <= EXCEL_FORMULA_CHARS;
      // Most formulas are exactly as written, or as Excel moved them with their rows.
      if (readable && (sheetShifts === null ? actual === cell.formula : isMovedAsTemplate(actual, cell.formula, sheetShifts, moveRef))) continue;
      const moved = unmoved ? { text: cell.formula, unmapped: 0 } : mapFormulaRefs(cell.formula, moveRef);
      if (moved.unmapped > 0) {
        // A reference to a row that is gone: row-missing says so, and a formula the deletion
        // broke (#REF!) is said once for its row, not once for each of its cells.
        if (actual === null || !actual.includes('#REF!')) continue;
        const known = brokenRows.get(`${place.sheet.name}!${row}`);
        if (known && known.col < col) continue;
      } else if (readable && sameFormula(actual, moved.text)) continue;
      const shownValue = gridValue(place.sheet, row, col);
      if (actual === null && cell.overridable && !isBlank(shownValue)) continue;
      const d = (describe ??= describer(input.set, input.template, input.summaryColumns ?? SUMMARY.columns))(spec, cell.row, cell.col);
      const address = a1(row, col);
      const ref = { sheet: place.sheet.name, cell: address };
      const criterion = d.at?.kind === 'node' ? d.at.code : null;
      if (moved.unmapped > 0) {
        brokenRows.set(`${place.sheet.name}!${row}`, {
          col,
          problem: {
            code: 'formula-changed',
            severity: 'error',
            criterion,
            cell: ref,
            message: `Công thức ở ô ${place.sheet.name}!${address} (${d.column.vi} ${d.what.vi}) trỏ tới dòng đã bị xóa (#REF!): tệp có =${clip(actual!, 70)}. Hãy khôi phục dòng đã xóa hoặc tạo lại tệp mẫu`,
            messageEn: `The formula in ${place.sheet.name}!${address} (${d.column.en} ${d.what.en}) refers to a deleted row (#REF!): the file has =${clip(actual!, 70)}`,
          },
        });
        continue;
      }
      const should = d.at ? input.expected(spec.name === SHEETS.summary ? 'summary' : 'scoring', d.key, d.at) : null;
      const shown = `=${clip(moved.text, 70)}`;
      if (actual === null) {
        const value = describeValue(shownValue, (n) => formatPoints(n));
        const now = isBlank(shownValue) ? { vi: 'đã bị xóa (ô trống)', en: 'is empty' } : { vi: `đang là ${value.vi} gõ đè lên`, en: `holds ${value.en}` };
        problems.push({
          code: 'formula-overwritten',
          severity: d.cosmetic || cell.overridable ? 'warning' : 'error',
          criterion,
          cell: ref,
          message:
            `Ô ${place.sheet.name}!${address} (${d.column.vi} ${d.what.vi}) phải là công thức ${shown} nhưng ${now.vi}` +
            (should !== null ? `; giá trị tính đúng là ${should}` : '') +
            '. Hãy khôi phục công thức (tạo lại tệp mẫu hoặc chép công thức từ dòng cùng loại)',
          messageEn:
            `${place.sheet.name}!${address} (${d.column.en} ${d.what.en}) must hold the formula ${shown} but ${now.en}` +
            (should !== null ? `; it should compute ${should}` : ''),
        });
        continue;
      }
      problems.push({
        code: 'formula-changed',
        severity: SUM_KEYS.has(d.key) && !d.cosmetic ? 'error' : 'warning',
        criterion,
        cell: ref,
        message:
          `Công thức ở ô ${place.sheet.name}!${address} (${d.column.vi} ${d.what.vi}) đã bị sửa: tệp có =${clip(actual, 70)}, mẫu là ${shown}` +
          (should !== null ? `; giá trị tính đúng là ${should}` : ''),
        messageEn: `The formula in ${place.sheet.name}!${address} (${d.column.en} ${d.what.en}) was changed: the file has =${clip(actual, 70)}, the template ${shown}`,
      });
    }
  }
  for (const { problem } of brokenRows.values()) problems.push(problem);
  return problems;
}

/**
 * The same formula as another program spells it (canonicalFormula), or with the terms of
 * its sums in another order, as sorting rows leaves them (formula-order.ts).
 */
function sameFormula(actual: string, expected: string): boolean {
  if (actual === expected) return true;
  const a = canonicalFormula(actual);
  const b = canonicalFormula(expected);
  return a === b || sortedTerms(a) === sortedTerms(b);
}

/**
 * A parent's sum with its terms in one order, each term the child's score cell: the
 * not-assessed guard around a term (IF(TRIM(F74)="x",0,N(E74))) is the child's, and after
 * a sort it names the row the child left, so it is not compared.
 */
function sortedTerms(formula: string): string {
  const bare = formula.replace(/IF\(TRIM\([A-Z]{1,3}\d{1,7}\)="x",0,N\(([A-Z]{1,3}\d{1,7})\)\)/g, '$1');
  return orderFreeFormula(bare) ?? bare;
}

/**
 * isMovedFormula, by the short way when the formula's references all moved by one amount
 * (the rows below an inserted or deleted row): then its text is the template's with every
 * row moved, the same for every file moved there.
 */
function isMovedAsTemplate(actual: string, formula: string, shifts: RowShifts, moveRef: RefMapper): boolean {
  const span = ownSheetSpan(formula);
  const rows = span === null ? null : shifts.over(span);
  const moved = rows === null ? null : rowsMovedFormula(formula, rows);
  return moved !== null ? actual === moved : isMovedFormula(actual, formula, moveRef);
}

/** Which row and column of the template a formula cell is, in words. */
function describer(set: CriteriaSet, template: WorkbookSpec, summaryColumns: readonly SummaryColumnKey[]) {
  const layout = scoringLayout(set);
  const nodeAt = new Map([...layout.rowOf].map(([code, row]) => [row, code]));
  const fieldAt = new Map(set.items.map((f) => [summaryRowOf(set, f.code), f.code]));
  const summaryTotal = summaryTotalRow(set);
  const summarySpec = template.sheets.find((s) => s.name === SHEETS.summary);
  const summaryHeaders = new Map((summarySpec?.cells ?? []).filter((c) => c.row === SUMMARY.header).map((c) => [c.col, String(c.value ?? '')]));
  const nodeWords = (code: string) => {
    const node = set.byCode.get(code)!;
    const kind = node.depth === 1 ? { vi: 'lĩnh vực', en: 'field' } : { vi: 'tiêu chí', en: 'criterion' };
    return { vi: `của ${kind.vi} ${code}`, en: `of ${kind.en} ${code}` };
  };
  const headKeys = new Map(HEAD_CELLS.map((h) => [`${h.cell.row},${h.cell.col}`, h]));

  return (sheet: SheetSpec, row: number, col: number): Described => {
    if (sheet.name === SHEETS.summary) {
      const key = summaryColumns[col - 1] ?? '';
      const column = { vi: summaryHeaders.get(col) ?? '', en: key };
      if (row === summaryTotal) return { at: { kind: 'total' }, key, column, what: { vi: 'dòng Tổng cộng', en: 'of the total row' } };
      const field = fieldAt.get(row);
      if (field) return { at: { kind: 'node', code: field }, key, column, what: nodeWords(field) };
      return { at: null, key: 'title', column: { vi: 'dòng tiêu đề', en: 'title line' }, what: { vi: '', en: '' }, cosmetic: true };
    }
    if (row < ROWS.header) {
      const head = headKeys.get(`${row},${col}`);
      if (head) return { at: { kind: 'head', basis: head.basis }, key: head.key, column: { vi: head.vi, en: head.en }, what: { vi: 'ở đầu trang', en: 'in the head block' } };
      return { at: null, key: 'title', column: { vi: 'ô', en: 'cell' }, what: { vi: 'ở đầu trang', en: 'in the head block' } };
    }
    const key = SCORING_COLUMNS[col - 1]?.key ?? '';
    const column = { vi: SCORING_COLUMNS[col - 1]?.header ?? '', en: SCORING_COLUMNS[col - 1]?.headerEn ?? '' };
    if (row === layout.totalRow) return { at: { kind: 'total' }, key, column, what: { vi: 'dòng TỔNG CỘNG', en: 'of the total row' } };
    const code = nodeAt.get(row);
    if (code) return { at: { kind: 'node', code }, key, column, what: nodeWords(code) };
    return { at: null, key, column, what: { vi: '', en: '' } };
  };
}

interface FormulaCell {
  row: number;
  col: number;
  formula: string;
  overridable?: boolean;
}

/**
 * The template's formula cells per sheet, and how far each sheet reaches: the same for
 * every submission of a set and year, so worked out once per template.
 */
const formulaCells = new WeakMap<WorkbookSpec, { sheets: { spec: SheetSpec; cells: FormulaCell[] }[]; extent: Map<string, { rows: number; cols: number }> }>();

function formulaCellsOf(template: WorkbookSpec) {
  let known = formulaCells.get(template);
  if (!known) {
    const extent = new Map<string, { rows: number; cols: number }>();
    const sheets = template.sheets.map((spec) => {
      let rows = 0;
      let cols = 0;
      const cells: FormulaCell[] = [];
      for (const cell of spec.cells) {
        rows = Math.max(rows, cell.row);
        cols = Math.max(cols, cell.col);
        if (cell.formula !== undefined) cells.push({ row: cell.row, col: cell.col, formula: cell.formula, overridable: cell.overridable });
      }
      extent.set(spec.name, { rows, cols });
      return { spec, cells };
    });
    formulaCells.set(template, (known = { sheets, extent }));
  }
  return known;
}
