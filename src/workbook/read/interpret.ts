/**
 * A filled scoring workbook, as a reader's grid, turned back into an Assessment — every
 * value with the cell it came from — plus what was done to the file that the template
 * would not contain: formulas typed over, maxima edited, rows deleted or duplicated,
 * numbers stored as text. Pure: the same code serves the CLI (exceljs grid) and the pane
 * (Office.js grid).
 */
import { nodeOrder, sortProblems, type Assessment, type CriteriaSet, type Problem } from '../../domain';
import { buildWorkbook } from '../build-workbook';
import { gridValue, type WorkbookGrid } from '../grid';
import { ROWS, SCORING_COLUMNS, SHEETS, SUMMARY, type ScoringColumnKey } from '../layout';
import { scoringLayout } from '../scoring-sheet';
import type { CellSpec, SheetSpec, WorkbookSpec } from '../spec';
import { summaryRowOf, summaryTotalRow } from '../summary-sheet';
import { entryText } from './cell-text';
import { expectedValues, type ExpectedValue } from './expected-values';
import { readFileTotals, type FileTotals } from './file-totals';
import { findTable } from './find-table';
import { checkFormulas } from './formula-check';
import { locateRows } from './locate-rows';
import { findMetaSheet, readMeta } from './meta';
import { layoutOf, templateVersionOf, type SummaryColumnKey, type TemplateLayout } from '../template-versions';
import { readEntries } from './read-entries';
import { resolveSet } from './resolve-set';
import { TablePlacement } from './table-placement';

export type { SummaryColumnKey };

export interface ReadableWorkbook {
  ok: true;
  source: string;
  set: CriteriaSet;
  /** Where the set came from: stored in the file, or bundled with the program. */
  setOrigin: 'embedded' | 'bundled';
  unit: string | null;
  year: number | null;
  sheets: { scoring: string; summary: string | null; meta: string };
  /** Each criterion's row in the scoring sheet, as the file is now. */
  rows: Record<string, number>;
  /** Each column of the scoring sheet, as the file is now. */
  columns: Record<ScoringColumnKey, number>;
  assessment: Assessment;
  /** What reading found wrong with the file itself (the set's own rules are checked by validateAssessment). */
  problems: Problem[];
  fileTotals: FileTotals;
}

export interface UnreadableWorkbook {
  ok: false;
  source: string;
  reason: 'metadata-missing' | 'set-unknown' | 'scoring-sheet-missing';
  message: string;
  messageEn: string;
}

export type ReadWorkbook = ReadableWorkbook | UnreadableWorkbook;

const SCORING_TABLE = { columns: SCORING_COLUMNS.map((c) => ({ key: c.key, label: c.header })), anchor: 'code' as const, minMatches: 6 };

export function interpretWorkbook(grid: WorkbookGrid): ReadWorkbook {
  const source = grid.source;
  const metaSheet = findMetaSheet(grid);
  if (!metaSheet) {
    return {
      ok: false,
      source,
      reason: 'metadata-missing',
      message: `không có trang dữ liệu ẩn "${SHEETS.meta}" (tệp không được tạo bằng par-index, hoặc trang này đã bị xóa), nên không biết tệp chấm theo bộ tiêu chí nào; hãy chép số liệu sang tệp mẫu mới (par-index template) rồi gửi lại`,
      messageEn: `no hidden "${SHEETS.meta}" sheet (not made by par-index, or the sheet was deleted): the criteria set is unknown; copy the data into a fresh template`,
    };
  }
  const meta = readMeta(metaSheet);
  const resolved = resolveSet(meta);
  if (!resolved.ok) return { ok: false, source, reason: 'set-unknown', message: resolved.reason, messageEn: resolved.reasonEn };
  const set = resolved.set;
  const problems: Problem[] = [...resolved.problems];
  const version = templateVersionOf(meta.templateVersion);
  const template = templateFor(set, meta.year, version);
  const fileLayout = layoutOf(version);
  const frame = frameOf(set, template, fileLayout);

  const scoring = findTable(
    grid,
    SHEETS.scoring,
    SCORING_TABLE,
    new Set([metaSheet.name]),
  );
  if (!scoring) {
    return {
      ok: false,
      source,
      reason: 'scoring-sheet-missing',
      message: `không thấy trang "${SHEETS.scoring}" (không có dòng tiêu đề bảng chấm điểm với các cột Mã, Điểm tối đa, Điểm tự đánh giá…)`,
      messageEn: `no "${SHEETS.scoring}" sheet (no scoring table header with Code, Maximum, Self-score… columns)`,
    };
  }
  if (scoring.renamed) problems.push(renamed(SHEETS.scoring, scoring.sheet.name));

  const layout = scoringLayout(set);
  const located = locateRows(set, {
    sheet: scoring.sheet,
    headerRow: scoring.headerRow,
    codeCol: scoring.col.code,
    nameCol: scoring.col.name,
    flagsCol: scoring.col.flags,
    totalLabel: 'TỔNG CỘNG',
    what: 'scoring',
    codes: frame.codes,
  });
  problems.push(...located.problems);

  const summary = findTable(grid, SHEETS.summary, { columns: frame.summaryHeaders, anchor: 'code', minMatches: 5 }, new Set([metaSheet.name, scoring.sheet.name]));
  let summaryRows: ReturnType<typeof locateRows> | null = null;
  if (!summary) {
    problems.push({
      code: 'sheet-missing',
      severity: 'error',
      criterion: null,
      message: `Không thấy trang "${SHEETS.summary}" (bảng mục tiêu theo lĩnh vực): mục tiêu các lĩnh vực không đọc được`,
      messageEn: `No "${SHEETS.summary}" sheet: the fields' targets cannot be read`,
    });
  } else {
    if (summary.renamed) problems.push(renamed(SHEETS.summary, summary.sheet.name));
    summaryRows = locateRows(set, {
      sheet: summary.sheet,
      headerRow: summary.headerRow,
      codeCol: summary.col.code,
      nameCol: summary.col.name,
      totalLabel: 'Tổng cộng',
      what: 'summary',
      codes: frame.fieldCodes,
    });
    problems.push(...summaryRows.problems);
  }

  const { assessment, problems: entryProblems } = readEntries({
    set,
    scoring: { sheet: scoring.sheet, col: scoring.col, rowOf: located.rowOf },
    summary: summary && summaryRows ? { sheet: summary.sheet, targetCol: summary.col.target, rowOf: summaryRows.rowOf } : null,
  });
  problems.push(...entryProblems);

  // Where each template row is now, for moving the template's formulas.
  const { scoringSpec, summarySpec } = frame;
  const scoringPlace = new TablePlacement({
    table: scoring,
    headLabel: (r) => textValue(cellAt(scoringSpec, r, 1)?.value),
    templateHeader: ROWS.header,
    templateTotal: layout.totalRow,
    actualTotal: located.totalRow,
    rowOfTemplate: frame.scoringRows,
    actualRowOf: located.rowOf,
  });
  const summaryPlace =
    summary && summaryRows
      ? new TablePlacement({
          table: summary,
          headLabel: (r) => textValue(cellAt(summarySpec, r, 1)?.value),
          templateHeader: SUMMARY.header,
          templateTotal: summaryTotalRow(set),
          actualTotal: summaryRows.totalRow,
          rowOfTemplate: frame.summaryRows,
          actualRowOf: summaryRows.rowOf,
        })
      : null;
  problems.push(...checkFormulas({ set, template, summaryColumns: fileLayout.summaryColumns, scoring: scoringPlace, summary: summaryPlace, expected: lazyExpected(set, assessment) }));

  const headCell = (cell: { row: number; col: number }): [number, number] | null => {
    const r = scoringPlace.row(cell.row);
    const c = scoringPlace.col(cell.col);
    return r === null || c === null ? null : [r, c];
  };
  const fileTotals = readFileTotals({ sheet: scoring.sheet, totalRow: located.totalRow, col: scoring.col });

  const unitCell = headCell(fileLayout.headUnit);
  const yearCell = headCell(fileLayout.headYear);
  const typedUnit = unitCell ? entryText(gridValue(scoring.sheet, unitCell[0], unitCell[1]))?.trim() : undefined;
  const typedYear = yearCell ? Number(gridValue(scoring.sheet, yearCell[0], yearCell[1])) : NaN;

  return {
    ok: true,
    source,
    set,
    setOrigin: resolved.origin,
    unit: typedUnit || meta.unit || null,
    year: Number.isInteger(typedYear) && typedYear > 1900 ? typedYear : meta.year,
    sheets: { scoring: scoring.sheet.name, summary: summary?.sheet.name ?? null, meta: metaSheet.name },
    rows: Object.fromEntries(located.rowOf),
    columns: scoring.col,
    assessment,
    problems: sortProblems(problems, nodeOrder(set)),
    fileTotals,
  };
}

/**
 * The template a file is compared with — the one of the file's own template version, so a
 * later change of our formulas is never taken for tampering — built once per set, year and
 * version: a folder of a hundred submissions of one set would otherwise build the same
 * description a hundred times. The unit is left out: it is a typed value, not part of any
 * formula or label.
 */
const templates = new WeakMap<CriteriaSet, Map<string, WorkbookSpec>>();
function templateFor(set: CriteriaSet, year: number | null, version: string): WorkbookSpec {
  let byKey = templates.get(set);
  if (!byKey) templates.set(set, (byKey = new Map()));
  const key = `${year}\u0000${version}`;
  let template = byKey.get(key);
  if (!template) byKey.set(key, (template = buildWorkbook(set, { year: year ?? undefined, createdAt: '', templateVersion: version })));
  return template;
}

/** What interpreting needs of a template, the same for every file of its set and year. */
interface TemplateFrame {
  codes: string[];
  fieldCodes: string[];
  scoringSpec: SheetSpec;
  summarySpec: SheetSpec;
  summaryHeaders: { key: SummaryColumnKey; label: string }[];
  /** Template row → code of the criterion (scoring) or field (summary) printed there. */
  scoringRows: ReadonlyMap<number, string>;
  summaryRows: ReadonlyMap<number, string>;
}

const frames = new WeakMap<WorkbookSpec, TemplateFrame>();
function frameOf(set: CriteriaSet, template: WorkbookSpec, layout: TemplateLayout): TemplateFrame {
  let frame = frames.get(template);
  if (!frame) {
    const sheet = (name: string) => template.sheets.find((s) => s.name === name)!;
    const scoringRows = scoringLayout(set).rowOf;
    const summarySpec = sheet(SHEETS.summary);
    frame = {
      codes: set.nodes.map((n) => n.code),
      fieldCodes: set.items.map((f) => f.code),
      scoringSpec: sheet(SHEETS.scoring),
      summarySpec,
      summaryHeaders: layout.summaryColumns.map((key, i) => ({ key, label: String(cellAt(summarySpec, SUMMARY.header, i + 1)?.value ?? '') })),
      scoringRows: new Map(set.nodes.map((n) => [scoringRows.get(n.code)!, n.code])),
      summaryRows: new Map(set.items.map((f) => [summaryRowOf(set, f.code), f.code])),
    };
    frames.set(template, frame);
  }
  return frame;
}

/** The values a computed cell should show are worked out only when a formula is found broken. */
function lazyExpected(set: CriteriaSet, assessment: Assessment): ExpectedValue {
  let expected: ExpectedValue | null = null;
  return (sheet, key, at) => (expected ??= expectedValues(set, assessment))(sheet, key, at);
}

function renamed(expected: string, actual: string): Problem {
  return {
    code: 'sheet-renamed',
    severity: 'info',
    criterion: null,
    message: `Trang "${expected}" đã được đổi tên thành "${actual}"; vẫn đọc được theo dòng tiêu đề`,
    messageEn: `The "${expected}" sheet was renamed "${actual}"; it was found by its header row`,
  };
}

/** A template cell by position; the index is made once per template sheet. */
const cellIndex = new WeakMap<SheetSpec, Map<number, CellSpec>>();
function cellAt(spec: SheetSpec, row: number, col: number): CellSpec | undefined {
  let index = cellIndex.get(spec);
  if (!index) {
    index = new Map();
    // The first cell written at a position is the one a find() would return.
    for (const cell of spec.cells) if (!index.has(cell.row * 32_768 + cell.col)) index.set(cell.row * 32_768 + cell.col, cell);
    cellIndex.set(spec, index);
  }
  return index.get(row * 32_768 + col);
}

function textValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
