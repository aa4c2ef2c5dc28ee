/**
 * The acceptance proof of the .xlsx template: files written by the CLI's renderer, filled
 * the way a user fills them (typing into input cells after the file exists), recalculated
 * by a real spreadsheet engine (LibreOffice headless), give the same numbers as the
 * domain engine — every row, the total, the head and the plan table. Validation,
 * conditional formats and sheet protection are in the saved file and survive a
 * LibreOffice round trip. Where the file and the engine disagree today, a test says so
 * cell by cell ("known divergences") instead of hiding it.
 *
 * Every workbook of this file goes through ONE soffice call (beforeAll, ~4–5 s).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { findBundledSet } from '../../src/criteria';
import {
  buildPlan,
  computeResult,
  computeTotals,
  NO_BAND,
  STATUS_LABELS,
  statusOf,
  type Assessment,
  type CriteriaSet,
  type Entry,
  type PlanRow,
} from '../../src/domain';
import { a1, columnLetter, parseRange } from '../../src/workbook/a1';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { COL, HEAD, ROWS, SHEETS, SUMMARY, SUMMARY_COL } from '../../src/workbook/layout';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { recalculate, SOFFICE_MISSING, valueAt } from '../helpers/libreoffice';
import { runCli } from '../helpers/run-cli';
import { smallSet } from '../fixtures/small-set';

const CREATED_AT = '2025-06-01T00:00:00.000Z';
const minhHoa = findBundledSet('minh-hoa-3-cap')!;
const laiChau = findBundledSet('lai-chau-so-2025')!;
const dir = mkdtempSync(join(tmpdir(), 'par-lo-test-'));

// ---------------------------------------------------------------------------------------
// What the units type. Inputs are literals; every expected number comes from the engine.
// ---------------------------------------------------------------------------------------

interface Typed {
  set: CriteriaSet;
  /** The assessment as the domain sees it. */
  assessment: Assessment;
  /** Codes whose entries go in through the builder's `values` (the rest are typed afterwards). */
  viaBuilder: (code: string) => boolean;
  /** The text typed in "Không đánh giá" where it is not plain "x". */
  marks?: Record<string, string>;
}

/** Cycled through for free and ratio leaves: quarters, a third to 3 decimals, eighths. */
const DECIMALS = [1.25, 0.75, 0.333, 1.875, 0.125, 2.375, 0.5];

function minhHoaAssessment(): Assessment {
  const set = minhHoa;
  const entries: Record<string, Entry> = {};
  const unscored = new Set(['1.1.2', '4.2.2', '7.3.1']);
  let d = 0;
  set.leaves.forEach((leaf, i) => {
    if (leaf.scoredBy !== 'self' || unscored.has(leaf.code)) return;
    let selfScore: number;
    // Mostly the best outcome, sometimes the middle or the worst one.
    if (leaf.method === 'options') selfScore = leaf.options[i % 9 === 8 ? leaf.options.length - 1 : i % 9 === 4 ? 1 : 0].points;
    else {
      const fits = DECIMALS.filter((v) => v <= leaf.maxScore);
      selfScore = fits[d++ % fits.length];
    }
    // The appraisers have been through fields 1–5 and 8 and agreed, except where set below.
    const appraised = !/^[67]\./.test(leaf.code);
    entries[leaf.code] = { selfScore, ...(appraised ? { appraisedScore: selfScore } : {}), evidence: `Văn bản số ${i + 1}/QĐ-UBND` };
  });
  const put = (code: string, entry: Entry) => (entries[code] = { ...entries[code], ...entry });
  // Not assessed: one still carrying a stale self score, one a stale self and appraised score.
  put('2.1.1', { notApplicable: true, selfScore: 0.5, appraisedScore: 0.5 });
  put('2.1.2', { selfScore: 0.75, appraisedScore: 0.5 });
  put('2.1.3', { notApplicable: true });
  put('3.7', { notApplicable: true, selfScore: 1.25, appraisedScore: 1 }); // typed "X " (see marks)
  put('3.3.3', { notApplicable: true, selfScore: undefined });
  put('8.1.1', { notApplicable: true });
  put('6.3', { notApplicable: true, selfScore: 2 });
  // Appraisal differs from the self score.
  put('1.1.1', { selfScore: 0.5, appraisedScore: 0.25 });
  put('1.6', { selfScore: 1.25, appraisedScore: 1.5 });
  put('3.4.1', { selfScore: 3.333, appraisedScore: 3 });
  put('5.3', { selfScore: 1.5, appraisedScore: 0.75 });
  put('8.3.1', { selfScore: 2.5, appraisedScore: 2.333 });
  put('7.1', { selfScore: 1, appraisedScore: 1 });
  put('4.1.2', { selfScore: 0, appraisedScore: 1 });
  // Council and survey leaves: appraised only.
  put('1.2.2', { appraisedScore: 0.75 });
  put('1.5', { appraisedScore: 0.5 });
  put('1.4.3', { appraisedScore: 0.375 });
  put('8.1.2', { appraisedScore: 1.2 });
  put('8.1.3', { appraisedScore: 2.25 });
  put('8.1.4', { appraisedScore: 2 });
  put('8.2.1', { appraisedScore: 1.75 });
  put('8.2.2', { appraisedScore: 2 });
  put('8.2.3', { appraisedScore: 1.5 });
  put('8.4.1', { appraisedScore: 2.125 });
  // Field targets, typed in "Tổng hợp"!D; each within the field's applicable maximum.
  const targets: Record<string, number> = { '1': 7, '2': 4.5, '3': 18, '4': 8, '5': 0, '6': 4.5, '7': 5.5, '8': 16 };
  for (const [code, target] of Object.entries(targets)) put(code, { target });
  return { entries };
}

function laiChauAssessment(): Assessment {
  const self = [9.25, 6.5, 14.333, 8.75, 10, 5.5, null, 15.3];
  const appraised: Record<string, number> = { '3': 13.77, '5': 9.5, '8': 16 };
  const targets = [9, 6.5, 15.3, 9, 10, 5.5, 7, 16]; // seed 001, the 2025 plan
  const entries: Record<string, Entry> = {};
  laiChau.items.forEach((field, i) => {
    entries[field.code] = {
      target: targets[i],
      ...(self[i] === null ? {} : { selfScore: self[i], evidence: `Báo cáo số ${i + 1}` }),
      ...(appraised[field.code] === undefined ? {} : { appraisedScore: appraised[field.code] }),
    };
  });
  return { entries };
}

const FILLED: Typed[] = [
  { set: minhHoa, assessment: minhHoaAssessment(), viaBuilder: (c) => c.startsWith('1.'), marks: { '3.7': 'X ' } },
  { set: laiChau, assessment: laiChauAssessment(), viaBuilder: (c) => c === '1' },
];

/** Scores typed as text, the way a pasted "15,3" arrives. */
const TEXT_NUMBERS: Typed = {
  set: minhHoa,
  assessment: {
    entries: {
      '8.3.1': { selfScore: '0,75' },
      '8.3.2': { selfScore: 1 },
      '3.4.1': { selfScore: '1,5' },
      '3.4.2': { selfScore: 1 },
      '3.4.3': { selfScore: 2 },
    },
  },
  viaBuilder: () => false,
};

const SEED_001_TARGETS = [9, 6.5, 15.3, 9, 10, 5.5, 7, 16];

/**
 * Where the file and the engine part ways today (see the "known divergences" tests):
 * a stale score on a not-assessed row as the only self score, targets typed on leaves
 * only (the engine sums them up the tree, the sheet does not), a target on a
 * not-assessed leaf.
 */
const FIELD_7_LEAF_TARGETS: Record<string, number> = { '7.1': 1, '7.2.1': 0.5, '7.2.2': 1, '7.2.3': 0.5, '7.3.1': 1, '7.3.2': 0.5, '7.4': 0.5, '7.5.1': 1, '7.5.2': 0.5 };
const DIVERGENCES: Typed = {
  set: minhHoa,
  assessment: {
    entries: {
      '2.1.1': { notApplicable: true, selfScore: 0.5 },
      '2.2.1': { target: 0.5, appraisedScore: 0.5 },
      '2.2.2': { target: 0.25 },
      '2.2.3': { target: 0.5 },
      '3.3.3': { notApplicable: true, target: 2 },
      ...Object.fromEntries(Object.entries(FIELD_7_LEAF_TARGETS).map(([code, target]) => [code, { target, appraisedScore: target }])),
    },
  },
  viaBuilder: () => false,
};

/**
 * A field that is itself a leaf and may be not assessed (field 3 of the small test set,
 * a survey): marked "x" with a stale appraised score and a target.
 */
const LEAF_FIELD_NA: Typed = {
  set: smallSet,
  assessment: {
    entries: {
      '1': { target: 5 },
      '2': { target: 7 },
      '3': { notApplicable: true, appraisedScore: 4, target: 4 },
      '1.1.1': { selfScore: 1 },
      '1.1.2': { selfScore: 1.5 },
      '1.2': { selfScore: 1 },
      '2.1': { selfScore: 4 },
      '2.2': { selfScore: 3 },
    },
  },
  viaBuilder: () => false,
};

// ---------------------------------------------------------------------------------------
// Writing files: render, then type into the input cells with exceljs, rows found by code.
// ---------------------------------------------------------------------------------------

async function render(set: CriteriaSet, values?: Assessment): Promise<Buffer> {
  return renderXlsx(buildWorkbook(set, { unit: 'Sở Xây dựng', year: 2025, createdAt: CREATED_AT, ...(values ? { values } : {}) }));
}

/** Row of each code in column A, from the first item row down (both sheets keep codes in A). */
function rowsByCode(ws: ExcelJS.Worksheet, from: number): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = from; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (v !== null && v !== undefined && String(v).trim() !== '') rows.set(String(v).trim(), r);
  }
  return rows;
}

async function typeInto(file: string, typed: Typed): Promise<void> {
  const { set, assessment } = typed;
  const builderEntries = Object.fromEntries(Object.entries(assessment.entries).filter(([code]) => typed.viaBuilder(code)));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await render(set, { entries: builderEntries })) as unknown as ExcelJS.Buffer);
  const scoring = wb.getWorksheet(SHEETS.scoring)!;
  const summary = wb.getWorksheet(SHEETS.summary)!;
  const rows = rowsByCode(scoring, ROWS.firstItem);
  const fieldRows = rowsByCode(summary, SUMMARY.firstField);
  for (const [code, entry] of Object.entries(assessment.entries)) {
    if (typed.viaBuilder(code)) continue;
    const node = set.byCode.get(code)!;
    const row = rows.get(code);
    if (row === undefined) throw new Error(`code ${code} not found in ${file}`);
    // Numbers as numbers; a string (TEXT_NUMBERS) goes in as text, as a paste would put it.
    if (entry.selfScore !== undefined && entry.selfScore !== null) scoring.getCell(row, COL.selfScore).value = entry.selfScore as number | string;
    if (entry.notApplicable) scoring.getCell(row, COL.notApplicable).value = typed.marks?.[code] ?? 'x';
    if (entry.appraisedScore !== undefined && entry.appraisedScore !== null) scoring.getCell(row, COL.appraisedScore).value = entry.appraisedScore as number;
    if (entry.target !== undefined && entry.target !== null) {
      if (node.depth === 1) summary.getCell(fieldRows.get(code)!, SUMMARY_COL.target).value = entry.target as number;
      else scoring.getCell(row, COL.target).value = entry.target as number;
    }
  }
  // Marks of entries that went through the builder are typed too (the builder writes "x").
  for (const [code, mark] of Object.entries(typed.marks ?? {})) {
    if (typed.viaBuilder(code)) scoring.getCell(rows.get(code)!, COL.notApplicable).value = mark;
  }
  await wb.xlsx.writeFile(file);
}

// ---------------------------------------------------------------------------------------
// Reading XML parts of a saved file.
// ---------------------------------------------------------------------------------------

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name.replace(/^.*:/, ''), attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => (stack[stack.length - 1].text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root;
}

function all(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(node);
  return found;
}

const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
const truthy = (v: string | undefined) => v === '1' || v === 'true';

interface SavedSheets {
  sheet(name: string): Promise<XmlNode>;
  styles: XmlNode;
  workbook: XmlNode;
}

async function openParts(file: string): Promise<SavedSheets> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = async (path: string) => parseXml(await zip.file(path)!.async('string'));
  const workbook = await part('xl/workbook.xml');
  const rels = await part('xl/_rels/workbook.xml.rels');
  const styles = await part('xl/styles.xml');
  return {
    workbook,
    styles,
    sheet: async (name) => {
      const entry = all(workbook, 'sheet').find((s) => s.attrs.name === name);
      if (!entry) throw new Error(`no sheet ${name} in ${file}`);
      const rid = entry.attrs['r:id'];
      const target = all(rels, 'Relationship').find((r) => r.attrs.Id === rid)!.attrs.Target;
      return part(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  };
}

/** The validations whose sqref covers a cell. */
function validationsAt(sheet: XmlNode, address: string): XmlNode[] {
  const { top, left } = parseRange(address);
  return all(sheet, 'dataValidation').filter((dv) =>
    dv.attrs.sqref.split(/\s+/).some((r) => {
      const box = parseRange(r);
      return top >= box.top && top <= box.bottom && left >= box.left && left <= box.right;
    }),
  );
}

function cellStyleLocked(sheet: XmlNode, styles: XmlNode, address: string): boolean {
  const c = all(sheet, 'c').find((cell) => cell.attrs.r === address);
  const xfs = all(styles, 'cellXfs')[0].children.filter((n) => n.name === 'xf');
  const xf = xfs[Number(c?.attrs.s ?? 0)];
  const protection = xf && child(xf, 'protection');
  // Locked is the default; only locked="0"/"false" unlocks.
  return !(protection && (protection.attrs.locked === '0' || protection.attrs.locked === 'false'));
}

// ---------------------------------------------------------------------------------------
// Comparing a recalculated file with the engine.
// ---------------------------------------------------------------------------------------

type Blank = 'blank' | 'zero';

class Comparison {
  readonly mismatches: string[] = [];
  checked = 0;

  constructor(readonly wb: ExcelJS.Workbook) {}

  /** expected null: the file shows a blank (formula "") or 0, as the formula is written to do. */
  num(sheet: string, address: string, expected: number | null, blank: Blank, what: string): void {
    this.checked++;
    const actual = valueAt(this.wb, sheet, address);
    const ok =
      expected === null
        ? blank === 'blank'
          ? actual === null
          : actual === 0
        : typeof actual === 'number' && Math.abs(actual - expected) <= 1e-6;
    if (!ok) this.mismatches.push(`${sheet}!${address} (${what}): file ${JSON.stringify(actual)}, engine ${expected === null ? `null → ${blank}` : expected}`);
  }

  bool(sheet: string, address: string, expected: boolean, what: string): void {
    this.checked++;
    const actual = valueAt(this.wb, sheet, address);
    if (actual !== expected) this.mismatches.push(`${sheet}!${address} (${what}): file ${JSON.stringify(actual)}, engine ${expected}`);
  }

  text(sheet: string, address: string, expected: string | null, what: string): void {
    this.checked++;
    const actual = valueAt(this.wb, sheet, address);
    if (actual !== expected) this.mismatches.push(`${sheet}!${address} (${what}): file ${JSON.stringify(actual)}, engine ${JSON.stringify(expected)}`);
  }
}


function compareWithEngine(wb: ExcelJS.Workbook, set: CriteriaSet, assessment: Assessment): Comparison {
  const cmp = new Comparison(wb);
  const S = SHEETS.scoring;
  const self = computeTotals(set, assessment, 'self');
  const appraised = computeTotals(set, assessment, 'appraised');
  const final = computeTotals(set, assessment, 'final');
  const everyRow = buildPlan(set, assessment, { basis: 'final', depth: Number.POSITIVE_INFINITY });
  const planOf = new Map(everyRow.rows.map((r) => [r.code, r]));
  const rows = rowsByCode(wb.getWorksheet(S)!, ROWS.firstItem);
  expect([...rows.keys()].filter((k) => set.byCode.has(k))).toEqual(set.nodes.map((n) => n.code));

  const rates = (row: number, p: PlanRow, label: string) => {
    cmp.num(S, a1(row, COL.scoreRate), p.scoreRate, 'blank', `${label} tỷ lệ đạt`);
    cmp.num(S, a1(row, COL.completion), p.completion, 'blank', `${label} hoàn thành`);
    cmp.num(S, a1(row, COL.gapToTarget), p.gapToTarget, 'blank', `${label} chênh lệch mục tiêu`);
    cmp.num(S, a1(row, COL.gapToMax), p.gapToMax, 'blank', `${label} còn thiếu`);
  };

  for (const node of set.nodes) {
    const row = rows.get(node.code)!;
    const f = final.byCode.get(node.code)!;
    const p = planOf.get(node.code)!;
    const at = (key: keyof typeof COL) => a1(row, COL[key]);
    cmp.num(S, at('maxScore'), node.maxScore, 'blank', `${node.code} tối đa`);
    cmp.num(S, at('applicableMax'), f.applicableMax, 'blank', `${node.code} tối đa áp dụng`);
    const entry = assessment.entries[node.code] ?? {};
    // A leaf's target is what was typed (kept visible on a not-assessed row, counted nowhere);
    // a parent's is the engine's: typed, or the sum of its applicable children's.
    const typedTarget = typeof entry.target === 'number' ? entry.target : null;
    cmp.num(S, at('target'), node.isLeaf && node.depth > 1 ? typedTarget : f.target, 'blank', `${node.code} mục tiêu`);
    if (node.isLeaf) {
      // Leaves show what was typed (a stale score on a not-assessed row stays visible).
      const typed = typeof entry.selfScore === 'number' ? entry.selfScore : null;
      const typedAppraised = typeof entry.appraisedScore === 'number' ? entry.appraisedScore : null;
      cmp.num(S, at('selfScore'), typed, 'blank', `${node.code} tự đánh giá (ô nhập)`);
      cmp.num(S, at('appraisedScore'), typedAppraised, 'blank', `${node.code} thẩm định (ô nhập)`);
    } else {
      // Parents are SUM(...): 0, not blank, when no child is scored.
      cmp.num(S, at('selfScore'), self.byCode.get(node.code)!.score, 'zero', `${node.code} tổng tự đánh giá`);
      cmp.num(S, at('appraisedScore'), appraised.byCode.get(node.code)!.score, 'zero', `${node.code} tổng thẩm định`);
    }
    cmp.num(S, at('score'), f.score, 'blank', `${node.code} điểm đạt`);
    rates(row, p, node.code);
  }

  const total = Math.max(...rows.values()) + 1; // the row after the last criterion
  expect(valueAt(wb, S, a1(total, COL.name))).toBe('TỔNG CỘNG');
  cmp.num(S, a1(total, COL.maxScore), set.totalMax, 'blank', 'tổng tối đa');
  cmp.num(S, a1(total, COL.applicableMax), everyRow.total.applicableMax, 'blank', 'tổng tối đa áp dụng');
  cmp.num(S, a1(total, COL.target), everyRow.total.target, 'blank', 'tổng mục tiêu');
  cmp.num(S, a1(total, COL.selfScore), self.total.score, 'zero', 'tổng tự đánh giá');
  cmp.num(S, a1(total, COL.appraisedScore), appraised.total.score, 'zero', 'tổng thẩm định');
  cmp.num(S, a1(total, COL.score), everyRow.total.score, 'blank', 'tổng điểm đạt');
  rates(total, everyRow.total, 'tổng');

  const head = (cell: { row: number; col: number }) => a1(cell.row, cell.col);
  const result = computeResult(set, assessment);
  for (const [basis, cells] of [
    ['self', { total: HEAD.selfTotal, max: HEAD.selfMax, index: HEAD.selfIndex }],
    ['appraised', { total: HEAD.appraisedTotal, max: HEAD.appraisedMax, index: HEAD.appraisedIndex }],
    ['final', { total: HEAD.finalTotal, max: HEAD.finalMax, index: HEAD.finalIndex }],
  ] as const) {
    cmp.num(S, head(cells.total), result[basis].points, 'blank', `đầu trang: điểm ${basis}`);
    cmp.num(S, head(cells.max), result[basis].max, 'blank', `đầu trang: tối đa ${basis}`);
    cmp.num(S, head(cells.index), result[basis].index, 'blank', `đầu trang: tỷ lệ ${basis}`);
  }
  cmp.text(S, head(HEAD.finalBand), result.final.band ?? NO_BAND.vi, 'đầu trang: xếp loại');
  cmp.bool(S, head(HEAD.finalProvisional), result.final.provisional, 'đầu trang: tạm tính');

  const T = SHEETS.summary;
  const plan = buildPlan(set, assessment, { basis: 'final' });
  const summaryRows = rowsByCode(wb.getWorksheet(T)!, SUMMARY.firstField);
  const planRows: Array<[number, PlanRow]> = plan.rows.map((r) => [summaryRows.get(r.code)!, r]);
  const summaryTotal = SUMMARY.firstField + set.items.length;
  expect(valueAt(wb, T, a1(summaryTotal, SUMMARY_COL.name))).toBe('Tổng cộng');
  planRows.push([summaryTotal, plan.total]);
  for (const [row, r] of planRows) {
    const at = (key: keyof typeof SUMMARY_COL) => a1(row, SUMMARY_COL[key]);
    const label = r.code || 'tổng';
    // The official maximum, and the applicable one beside it only where rows are not assessed.
    cmp.num(T, at('maxScore'), r.maxScore, 'blank', `${label} tối đa`);
    cmp.num(T, at('applicableMax'), r.applicableMax === r.maxScore ? null : r.applicableMax, 'blank', `${label} tối đa áp dụng`);
    // Field targets are typed here; the total is the engine's.
    const typedTarget = r.code ? assessment.entries[r.code]?.target : undefined;
    cmp.num(T, at('target'), r.code ? (typeof typedTarget === 'number' ? typedTarget : null) : r.target, 'blank', `${label} mục tiêu`);
    cmp.num(T, at('targetRate'), r.targetRate, 'blank', `${label} tỷ lệ mục tiêu`);
    cmp.num(T, at('score'), r.score, 'blank', `${label} điểm đạt`);
    cmp.num(T, at('scoreRate'), r.scoreRate, 'blank', `${label} tỷ lệ đạt`);
    cmp.num(T, at('completion'), r.completion, 'blank', `${label} hoàn thành`);
    cmp.num(T, at('gapToTarget'), r.gapToTarget, 'blank', `${label} chênh lệch`);
    cmp.text(T, at('status'), STATUS_LABELS[r.status].vi, `${label} trạng thái`);
  }
  return cmp;
}

// ---------------------------------------------------------------------------------------
// One LibreOffice run for the whole file.
// ---------------------------------------------------------------------------------------

const files = {
  minhHoa: join(dir, 'filled-minh-hoa.xlsx'),
  laiChau: join(dir, 'filled-lai-chau.xlsx'),
  seed001: join(dir, 'seed-001.xlsx'),
  template: join(dir, 'template-minh-hoa.xlsx'),
  textNumbers: join(dir, 'text-numbers.xlsx'),
  divergences: join(dir, 'divergences.xlsx'),
  float: join(dir, 'float.xlsx'),
  cliSeed001: join(dir, 'cli-seed-001.xlsx'),
  leafFieldNa: join(dir, 'leaf-field-na.xlsx'),
};
type FileKey = keyof typeof files;
const recalculated = {} as Record<FileKey, string>;
const opened = new Map<FileKey, ExcelJS.Workbook>();
let libreOfficeMs = 0;

async function open(key: FileKey): Promise<ExcelJS.Workbook> {
  if (!opened.has(key)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated[key]);
    opened.set(key, wb);
  }
  return opened.get(key)!;
}

beforeAll(async () => {
  await typeInto(files.minhHoa, FILLED[0]);
  await typeInto(files.laiChau, FILLED[1]);
  await typeInto(files.textNumbers, TEXT_NUMBERS);
  await typeInto(files.divergences, DIVERGENCES);
  await typeInto(files.leafFieldNa, LEAF_FIELD_NA);
  // The same plan through the CLI, targets read from the CSV ("6,5" quoted, comma decimals).
  const cli = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', files.cliSeed001, '--targets', join(__dirname, '../fixtures/seed001-targets.csv')]);
  if (cli.code !== 0) throw new Error(`par-index template failed: ${cli.stderr}`);
  // How LibreOffice compares floating-point numbers (13,77 is exactly 90 % of 15,3).
  const float = new ExcelJS.Workbook();
  const ws = float.addWorksheet('f');
  ws.getCell('A1').value = { formula: '13.77>=15.3*0.9' } as ExcelJS.CellFormulaValue;
  ws.getCell('A2').value = { formula: '13.77-15.3*0.9' } as ExcelJS.CellFormulaValue;
  ws.getCell('A3').value = { formula: '13.77=15.3*0.9' } as ExcelJS.CellFormulaValue;
  await float.xlsx.writeFile(files.float);
  // Seed 001: the 2025 targets typed into the plan table of an empty template.
  const seed = new ExcelJS.Workbook();
  await seed.xlsx.load((await render(laiChau)) as unknown as ExcelJS.Buffer);
  SEED_001_TARGETS.forEach((t, i) => (seed.getWorksheet(SHEETS.summary)!.getCell(SUMMARY.firstField + i, SUMMARY_COL.target).value = t));
  await seed.xlsx.writeFile(files.seed001);
  // The template exactly as the renderer writes it (exceljs would damage its validations on re-save).
  writeFileSync(files.template, await render(minhHoa));

  const keys = Object.keys(files) as FileKey[];
  const started = Date.now();
  const out = await recalculate(keys.map((k) => files[k]));
  libreOfficeMs = Date.now() - started;
  keys.forEach((k, i) => (recalculated[k] = out[i]));
}, 180_000);

afterAll(() => {
  console.info(`LibreOffice recalculated ${Object.keys(files).length} workbooks in one soffice call: ${libreOfficeMs} ms`);
  // PAR_KEEP_FILES=1 keeps the workbooks (before and after LibreOffice) to open by hand.
  if (process.env.PAR_KEEP_FILES) console.info(`Files: ${dir} and ${recalculated.template ? dirname(recalculated.template) : '(none)'}`);
  else for (const d of [dir, ...(recalculated.template ? [dirname(dirname(recalculated.template))] : [])]) rmSync(d, { recursive: true, force: true });
});

describe('LibreOffice computes what the domain engine computes', () => {
  it.each([
    ['minh-hoa-3-cap', 0, 'minhHoa'],
    ['lai-chau-so-2025', 1, 'laiChau'],
  ] as const)('%s: every row, the total, the head and the plan table match the engine', async (_id, index, key) => {
    const typed = FILLED[index];
    const cmp = compareWithEngine(await open(key), typed.set, typed.assessment);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.checked).toBeGreaterThan(typed.set.nodes.length * 8);
  });

  it('minh-hoa-3-cap: hand-checked values (not-assessed rows, stale scores, appraisal, bands)', async () => {
    const wb = await open('minhHoa');
    const S = SHEETS.scoring;
    const rows = rowsByCode(wb.getWorksheet(S)!, ROWS.firstItem);
    const at = (code: string, key: keyof typeof COL) => valueAt(wb, S, a1(rows.get(code)!, COL[key]));
    // 2.1: 2.1.1 is "x" with stale 0,5 / 0,5 (ignored); 2.1.2 self 0,75, appraised 0,5; 2.1.3 council "x".
    expect(at('2.1', 'selfScore')).toBeCloseTo(0.75, 9);
    expect(at('2.1', 'appraisedScore')).toBeCloseTo(0.5, 9);
    expect(at('2.1', 'applicableMax')).toBeCloseTo(1, 9);
    expect(at('2.1', 'score')).toBeCloseTo(0.5, 9);
    expect(at('2.1', 'scoreRate')).toBeCloseTo(0.5, 9);
    expect(at('2.1.1', 'selfScore')).toBe(0.5);
    expect(at('2.1.1', 'score')).toBeNull();
    expect(at('2.1.1', 'applicableMax')).toBe(0);
    // 3.7 is marked "X " (capital, trailing space): still not assessed; stale 1,25 / 1 ignored.
    expect(at('3.7', 'applicableMax')).toBe(0);
    expect(at('3.7', 'score')).toBeNull();
    expect(at('3.7', 'scoreRate')).toBeNull();
    // 1.6: self 1,25, appraised 1,5 → the appraised score counts.
    expect(at('1.6', 'score')).toBe(1.5);
    expect(at('1.6', 'scoreRate')).toBeCloseTo(0.75, 9);
    // 4.1.2: self 0 is a score (not blank); appraised 1 wins.
    expect(at('4.1.2', 'score')).toBe(1);
    // 3.3: 3.3.1 ratio, 3.3.2 option, 3.3.3 "x" → applicable 2 of 4,5.
    expect(at('3.3', 'maxScore')).toBe(4.5);
    expect(at('3.3', 'applicableMax')).toBe(2);
    // Field 5 has target 0: target rate 0 %, completion blank (÷ 0), status met.
    const T = SHEETS.summary;
    const f5 = SUMMARY.firstField + 4;
    expect(valueAt(wb, T, a1(f5, SUMMARY_COL.target))).toBe(0);
    expect(valueAt(wb, T, a1(f5, SUMMARY_COL.targetRate))).toBe(0);
    expect(valueAt(wb, T, a1(f5, SUMMARY_COL.completion))).toBeNull();
    expect(valueAt(wb, T, a1(f5, SUMMARY_COL.status))).toBe('Đạt mục tiêu');
    // The applicable maximum of the whole set: 100 less 2.1.1, 2.1.3, 3.3.3, 3.7, 6.3, 8.1.1.
    const totalRow = ROWS.firstItem + minhHoa.nodes.length;
    expect(valueAt(wb, S, a1(totalRow, COL.maxScore))).toBe(100);
    expect(valueAt(wb, S, a1(totalRow, COL.applicableMax))).toBeCloseTo(100 - 0.5 - 0.5 - 2.5 - 2 - 3 - 1.5, 9);
    // Field 2's target 4,5 is met exactly; the bands differ between self and appraisal.
    expect(valueAt(wb, T, a1(SUMMARY.firstField + 1, SUMMARY_COL.status))).toBe('Đạt mục tiêu');
    expect(valueAt(wb, T, a1(SUMMARY.firstField + 1, SUMMARY_COL.gapToTarget))).toBe(0);
    // Only the final index is banded (G6), on the index as published.
    expect(valueAt(wb, S, 'G4')).toBeNull();
    expect(valueAt(wb, S, 'G6')).toBe(computeResult(minhHoa, minhHoaAssessment()).final.band);
  });

  it('lai-chau-so-2025: hand-checked totals, index and the unset band', async () => {
    const wb = await open('laiChau');
    const S = SHEETS.scoring;
    // Self 9,25 + 6,5 + 14,333 + 8,75 + 10 + 5,5 + 15,3 (field 7 not scored) = 69,633.
    expect(valueAt(wb, S, 'C4')).toBeCloseTo(69.633, 9);
    expect(valueAt(wb, S, 'F4')).toBeCloseTo(0.69633, 9);
    // Appraised: the appraised score where given, else the self-score: the final points here.
    expect(valueAt(wb, S, 'C5')).toBeCloseTo(69.27, 9);
    // The set has no bands: the one "no band yet" text.
    expect(valueAt(wb, S, 'G6')).toBe('Chưa xếp loại');
    // Final: 9,25 + 6,5 + 13,77 + 8,75 + 9,5 + 5,5 + 16 = 69,27 against the target 78,3.
    const T = SHEETS.summary;
    const total = SUMMARY.firstField + 8;
    expect(valueAt(wb, T, a1(total, SUMMARY_COL.score))).toBeCloseTo(69.27, 9);
    expect(valueAt(wb, T, a1(total, SUMMARY_COL.target))).toBeCloseTo(78.3, 9);
    expect(valueAt(wb, T, a1(total, SUMMARY_COL.gapToTarget))).toBeCloseTo(9.03, 9);
    expect(valueAt(wb, T, a1(total, SUMMARY_COL.status))).toBe('Chưa đạt');
    // Field 3: 13,77 of 15,3 is exactly 90 % → "Gần đạt" (the near band is inclusive).
    expect(valueAt(wb, T, a1(SUMMARY.firstField + 2, SUMMARY_COL.completion))).toBeCloseTo(0.9, 12);
    expect(valueAt(wb, T, a1(SUMMARY.firstField + 2, SUMMARY_COL.status))).toBe('Gần đạt');
    // Field 7: target 7, nothing scored.
    expect(valueAt(wb, T, a1(SUMMARY.firstField + 6, SUMMARY_COL.status))).toBe('Chưa chấm');
    expect(valueAt(wb, T, a1(SUMMARY.firstField + 6, SUMMARY_COL.score))).toBeNull();
    // Field 1 over its target: a negative gap.
    expect(valueAt(wb, T, a1(SUMMARY.firstField, SUMMARY_COL.gapToTarget))).toBeCloseTo(-0.25, 9);
  });
});

describe('seed 001: the 2025 plan of Sở Xây dựng Lai Châu', () => {
  it.each([
    ['typed into "Tổng hợp"!D5:D12', 'seed001'],
    ['written by par-index template --targets seed001-targets.csv', 'cliSeed001'],
  ] as const)('targets %s give the rates 90 %%, 100 %%, 60 %%, 100 %%, 100 %%, 64,71 %%, 93,33 %%, 69,57 %% and 78,3 in all', async (_how, key) => {
    const wb = await open(key);
    const T = SHEETS.summary;
    const rates = SEED_001_TARGETS.map((_t, i) => valueAt(wb, T, a1(SUMMARY.firstField + i, SUMMARY_COL.targetRate)));
    expect(rates.map((r) => Number(((r as number) * 100).toFixed(2)))).toEqual([90, 100, 60, 100, 100, 64.71, 93.33, 69.57]);
    const total = SUMMARY.firstField + 8;
    expect(valueAt(wb, T, a1(total, SUMMARY_COL.maxScore))).toBe(100);
    expect(valueAt(wb, T, a1(total, SUMMARY_COL.target))).toBeCloseTo(78.3, 9);
    expect(Number(((valueAt(wb, T, a1(total, SUMMARY_COL.targetRate)) as number) * 100).toFixed(2))).toBe(78.3);
    expect(valueAt(wb, T, a1(total, SUMMARY_COL.status))).toBe('Chưa chấm');
    // The scoring sheet shows the same targets on the field rows and the total row.
    const S = SHEETS.scoring;
    expect(SEED_001_TARGETS.map((_t, i) => valueAt(wb, S, a1(ROWS.firstItem + i, COL.target)))).toEqual(SEED_001_TARGETS);
    expect(valueAt(wb, S, a1(ROWS.firstItem + 8, COL.target))).toBeCloseTo(78.3, 9);
    // Nothing scored: the head stays blank rather than showing 0.
    expect(valueAt(wb, S, 'C4')).toBeNull();
    expect(valueAt(wb, S, 'F4')).toBeNull();
    expect(valueAt(wb, S, 'C6')).toBeNull();
    expect(valueAt(wb, S, 'G6')).toBe('Chưa xếp loại');
  });
});

describe('validation, conditional formats and protection are in the saved file', () => {
  const S = SHEETS.scoring;
  const spec = buildWorkbook(minhHoa, { createdAt: CREATED_AT });
  const rowOf = new Map(minhHoa.nodes.map((n, i) => [n.code, ROWS.firstItem + i]));
  const totalRow = ROWS.firstItem + minhHoa.nodes.length;
  const optionLeaves = minhHoa.leaves.filter((l) => l.method === 'options');

  const assertStructure = async (file: string, written: 'renderer' | 'libreoffice') => {
    const parts = await openParts(file);
    const sheet = await parts.sheet(S);

    // A free leaf (5.5.3, max 0,5): decimal between 0 and its own maximum cell.
    const free = rowOf.get('5.5.3')!;
    const [dv] = validationsAt(sheet, a1(free, COL.selfScore));
    expect(dv).toBeDefined();
    expect(dv.attrs.type).toBe('decimal');
    // OOXML's default operator is "between": exceljs omits it, LibreOffice writes it.
    expect(dv.attrs.operator ?? 'between').toBe('between');
    if (written === 'libreoffice') expect(dv.attrs.operator).toBe('between');
    expect(child(dv, 'formula1')!.text).toBe('0');
    const firstOfRule = parseRange(dv.attrs.sqref.split(/\s+/)[0]).top;
    // Relative to the rule's first cell; for a one-cell rule that is $C<row> itself.
    expect(child(dv, 'formula2')!.text).toBe(`$C${firstOfRule}`);
    expect(firstOfRule).toBe(free);
    expect(truthy(dv.attrs.allowBlank)).toBe(true);
    expect(truthy(dv.attrs.showErrorMessage)).toBe(true);

    // An options leaf: a list from its row of points on the hidden "_par" sheet.
    const leaf = optionLeaves[0];
    const [list] = validationsAt(sheet, a1(rowOf.get(leaf.code)!, COL.selfScore));
    expect(list.attrs.type).toBe('list');
    const metaRow = 1;
    const lastCol = columnLetter(5 + leaf.options.length - 1);
    expect(child(list, 'formula1')!.text).toMatch(new RegExp(`^'?_par'?!\\$E\\$${metaRow}:\\$${lastCol}\\$${metaRow}$`));
    // The appraised score of an options leaf has the same list.
    const [appraisedList] = validationsAt(sheet, a1(rowOf.get(leaf.code)!, COL.appraisedScore));
    expect(child(appraisedList, 'formula1')!.text).toBe(child(list, 'formula1')!.text);

    // "Không đánh giá": the one-item list "x".
    const [na] = validationsAt(sheet, a1(rowOf.get('2.1.1')!, COL.notApplicable));
    expect(na.attrs.type).toBe('list');
    expect(child(na, 'formula1')!.text).toBe('"x"');
    // A leaf that may not be skipped has no such list.
    expect(validationsAt(sheet, a1(rowOf.get('1.1.1')!, COL.notApplicable))).toEqual([]);

    // Conditional formats: every rule of the spec, by formula and range.
    const cfRules = all(sheet, 'conditionalFormatting').flatMap((cf) =>
      cf.children.filter((r) => r.name === 'cfRule').map((r) => ({ sqref: cf.attrs.sqref, type: r.attrs.type, formula: child(r, 'formula')!.text })),
    );
    const expected = spec.sheets[0].conditionalFormats;
    expect(cfRules).toHaveLength(expected.length);
    expect(cfRules.map((r) => r.formula).sort()).toEqual(expected.map((c) => c.formula).sort());
    expect(cfRules.every((r) => r.type === 'expression')).toBe(true);
    expect(cfRules).toContainEqual({ sqref: `E${ROWS.firstItem}:E${totalRow}`, type: 'expression', formula: `AND(ISNUMBER($E${ROWS.firstItem}),ROUND($E${ROWS.firstItem},3)>ROUND($C${ROWS.firstItem},3))` });
    expect(cfRules).toContainEqual({
      sqref: `K${ROWS.firstItem}:K${totalRow}`,
      type: 'expression',
      formula: `AND(ISNUMBER($D8),ISNUMBER($K8),NOT(ROUND($K8,3)>=ROUND($D8,3)),ROUND($K8/$D8,9)>=0.9)`,
    });

    // Protected without a password; input cells unlocked, formulas locked.
    const protection = all(sheet, 'sheetProtection');
    expect(protection).toHaveLength(1);
    expect(truthy(protection[0].attrs.sheet)).toBe(true);
    for (const attr of ['password', 'hashValue', 'saltValue', 'algorithmName']) expect(protection[0].attrs[attr]).toBeUndefined();
    for (const [code, key] of [['5.5.3', 'selfScore'], ['5.5.3', 'appraisedScore'], ['2.1.1', 'notApplicable'], ['5.5.3', 'evidence'], ['1.1', 'target']] as const) {
      expect([code, key, cellStyleLocked(sheet, parts.styles, a1(rowOf.get(code)!, COL[key]))]).toEqual([code, key, false]);
    }
    for (const [code, key] of [['5.5.3', 'score'], ['5.5', 'selfScore'], ['5.5.3', 'maxScore']] as const) {
      expect([code, key, cellStyleLocked(sheet, parts.styles, a1(rowOf.get(code)!, COL[key]))]).toEqual([code, key, true]);
    }
    expect(cellStyleLocked(sheet, parts.styles, 'C3')).toBe(false); // the unit's name

    // The plan table: targets are unlocked decimals limited by the field's full maximum.
    const summary = await parts.sheet(SHEETS.summary);
    const [target] = validationsAt(summary, a1(SUMMARY.firstField, SUMMARY_COL.target));
    expect(target.attrs.type).toBe('decimal');
    expect(Number(child(target, 'formula2')!.text)).toBe(minhHoa.items[0].maxScore);
    expect(cellStyleLocked(summary, parts.styles, a1(SUMMARY.firstField, SUMMARY_COL.target))).toBe(false);
    expect(all(summary, 'sheetProtection')).toHaveLength(1);
    // A data bar is a rule and its Excel 2010 extension (x14:cfRule: no gradient, bounds).
    const bars = spec.sheets[1].dataBars?.length ?? 0;
    expect(bars).toBe(3);
    expect(all(summary, 'cfRule')).toHaveLength(spec.sheets[1].conditionalFormats.length + 2 * bars);
    expect(all(summary, 'cfRule').filter((r) => r.attrs.type === 'dataBar')).toHaveLength(2 * bars);
    return parts;
  };

  it('as the renderer writes it', async () => {
    const parts = await assertStructure(files.template, 'renderer');
    expect(all(parts.workbook, 'sheet').find((s) => s.attrs.name === SHEETS.meta)!.attrs.state).toBe('veryHidden');
  });

  it('after a LibreOffice round trip', async () => {
    const parts = await assertStructure(recalculated.template, 'libreoffice');
    // LibreOffice has no "very hidden": the metadata sheet comes back merely hidden.
    expect(all(parts.workbook, 'sheet').find((s) => s.attrs.name === SHEETS.meta)!.attrs.state).toBe('hidden');
    // The option lists the dropdowns read are still there.
    const wb = await open('template');
    const leaf = optionLeaves[0];
    expect(valueAt(wb, SHEETS.meta, 'D1')).toBe(leaf.code);
    expect(leaf.options.map((_o, j) => valueAt(wb, SHEETS.meta, a1(1, 5 + j)))).toEqual(leaf.options.map((o) => o.points));
  });
});

describe('numbers typed as text', () => {
  it('a score typed as "0,75" is ignored by the file\'s totals (while the engine reads it): check must flag it', async () => {
    const wb = await open('textNumbers');
    const S = SHEETS.scoring;
    const rows = rowsByCode(wb.getWorksheet(S)!, ROWS.firstItem);
    const at = (code: string, key: keyof typeof COL) => valueAt(wb, S, a1(rows.get(code)!, COL[key]));
    expect(at('8.3.1', 'selfScore')).toBe('0,75');
    // 8.3 = 8.3.1 ("0,75", text) + 8.3.2 (1): the file adds only the 1.
    expect(at('8.3', 'selfScore')).toBe(1);
    expect(at('8.3.1', 'score')).toBeNull();
    expect(at('8.3', 'score')).toBe(1);
    // 3.4 = 3.4.1 ("1,5", text, in a leaf that may be not assessed: N()) + 1 + 2.
    expect(at('3.4', 'selfScore')).toBe(3);
    expect(at('3', 'selfScore')).toBe(3);
    expect(valueAt(wb, S, 'C4')).toBe(4);
    // The engine counts them as the file does (not at all); check flags them as number-as-text.
    const engine = computeTotals(minhHoa, TEXT_NUMBERS.assessment, 'self');
    expect(engine.byCode.get('8.3')!.score).toBeCloseTo(1, 9);
    expect(engine.byCode.get('3.4')!.score).toBeCloseTo(3, 9);
    expect(engine.total.score).toBeCloseTo(4, 9);
  });
});

describe('where the engine and a naive sheet would part ways, the file agrees with the engine', () => {
  it('a stale score on a not-assessed row, the only self score: no total, no index, no band — like the engine', async () => {
    const wb = await open('divergences');
    const engine = computeTotals(minhHoa, DIVERGENCES.assessment, 'self');
    expect(engine.total.score).toBeNull();
    expect(engine.index).toBeNull();
    expect(valueAt(wb, SHEETS.scoring, 'C4')).toBeNull();
    expect(valueAt(wb, SHEETS.scoring, 'F4')).toBeNull();
    // The appraised side has real scores: the head shows them.
    const appraised = computeTotals(minhHoa, DIVERGENCES.assessment, 'appraised');
    expect(valueAt(wb, SHEETS.scoring, 'C5')).toBeCloseTo(appraised.total.score!, 9);
  });

  it('targets typed on leaves only: criteria, fields, the total and the plan table roll them up as the engine does', async () => {
    const wb = await open('divergences');
    const S = SHEETS.scoring;
    const rows = rowsByCode(wb.getWorksheet(S)!, ROWS.firstItem);
    const final = computeTotals(minhHoa, DIVERGENCES.assessment, 'final');
    // Criterion 2.2: leaf targets 0,5 + 0,25 + 0,5.
    expect(final.byCode.get('2.2')!.target).toBeCloseTo(1.25, 9);
    expect(valueAt(wb, S, a1(rows.get('2.2')!, COL.target))).toBeCloseTo(1.25, 9);
    // Field 7: every leaf has a target; the field row and the plan table's rates use their sum.
    const plan = buildPlan(minhHoa, DIVERGENCES.assessment, { basis: 'final' });
    const f7 = plan.rows.find((r) => r.code === '7')!;
    expect(f7.target).toBeCloseTo(6.5, 9); // 1 + 0,5 + 1 + 0,5 + 1 + 0,5 + 0,5 + 1 + 0,5
    expect(f7.status).toBe('met');
    expect(valueAt(wb, S, a1(rows.get('7')!, COL.target))).toBeCloseTo(6.5, 9);
    const row7 = SUMMARY.firstField + 6;
    expect(valueAt(wb, SHEETS.summary, a1(row7, SUMMARY_COL.target))).toBeNull(); // nothing typed there
    expect(valueAt(wb, SHEETS.summary, a1(row7, SUMMARY_COL.targetRate))).toBeCloseTo(f7.targetRate!, 9);
    expect(valueAt(wb, SHEETS.summary, a1(row7, SUMMARY_COL.status))).toBe('Đạt mục tiêu');
    // Field 2 has 2.1 without targets: like the engine, no field target.
    expect(final.byCode.get('2')!.target).toBeNull();
    expect(valueAt(wb, S, a1(rows.get('2')!, COL.target))).toBeNull();
    const cmp = compareWithEngine(wb, minhHoa, DIVERGENCES.assessment);
    expect(cmp.mismatches).toEqual([]);
  });

  it('a target on a not-assessed leaf stays visible in its cell but counts nowhere, like the engine', async () => {
    const wb = await open('divergences');
    const rows = rowsByCode(wb.getWorksheet(SHEETS.scoring)!, ROWS.firstItem);
    const final = computeTotals(minhHoa, DIVERGENCES.assessment, 'final');
    expect(final.byCode.get('3.3.3')!.target).toBeNull();
    expect(valueAt(wb, SHEETS.scoring, a1(rows.get('3.3.3')!, COL.target))).toBe(2);
    expect(final.byCode.get('3.3')!.target).toBeNull();
    expect(valueAt(wb, SHEETS.scoring, a1(rows.get('3.3')!, COL.target))).toBeNull();
  });

  it('a field that is a leaf, not assessed, with a stale appraised score and a target: every cell agrees with the engine', async () => {
    const cmp = compareWithEngine(await open('leafFieldNa'), smallSet, LEAF_FIELD_NA.assessment);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.checked).toBeGreaterThan(100);
    const wb = await open('leafFieldNa');
    expect(buildPlan(smallSet, LEAF_FIELD_NA.assessment).total.target).toBe(12);
    expect(valueAt(wb, SHEETS.summary, a1(8, SUMMARY_COL.target))).toBe(12);
    expect(valueAt(wb, SHEETS.scoring, 'I18')).toBe(0);
    expect(computeTotals(smallSet, LEAF_FIELD_NA.assessment, 'appraised').total.score).toBeNull();
  });

  it('13,77 of a 15,3 target is exactly 90 %: "Gần đạt" in the engine and in the file, whatever the float rounding', async () => {
    const wb = await open('float');
    expect(13.77 >= 15.3 * 0.9).toBe(false);
    expect(valueAt(wb, 'f', 'A1')).toBe(true);
    expect(statusOf(15.3, 13.77, 0.9)).toBe('near');
    console.info(`LibreOffice: 13.77-15.3*0.9 = ${valueAt(wb, 'f', 'A2')}`);
  });
});

describe('the LibreOffice harness', () => {
  it('says how to install LibreOffice when soffice cannot be started', async () => {
    await expect(recalculate([files.template], { soffice: join(dir, 'no-such-soffice') })).rejects.toThrow(SOFFICE_MISSING);
  });

  it('refuses two inputs with the same name (their copies would collide)', async () => {
    await expect(recalculate([files.template, join(dir, 'x', 'template-minh-hoa.xlsx')])).rejects.toThrow('both named template-minh-hoa.xlsx');
  });
});
