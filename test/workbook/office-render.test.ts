/* The office-addins lint rules take exceljs's getCell()/getRow() for Office.js proxies that need
   load() + sync(); nothing here reads an Office.js object without loading it. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
/**
 * The Office.js renderer, run against the recording test double of the Excel API, must write
 * what the exceljs renderer writes — cell by cell, rule by rule — in at most three syncs, for the
 * two bundled sets and a synthetic set of ~570 rows. The reader must give back what was written.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findBundledSet } from '../../src/criteria';
import type { CriteriaSet } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { gridFormula, gridValue, type WorkbookGrid } from '../../src/workbook/grid';
import { HEAD, SHEETS } from '../../src/workbook/layout';
import { isDateFormat } from '../../src/workbook/excel-dates';
import { readGrid } from '../../src/workbook/office/read';
import {
  columnWidthPoints,
  ExcelApiTooOldError,
  NameExistsError,
  needsQuotePrefix,
  rectangles,
  renderIntoWorkbook,
  SheetExistsError,
  type RenderReport,
} from '../../src/workbook/office/render';
import type { SheetSpec, WorkbookSpec } from '../../src/workbook/spec';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { WriteFailedError } from '../../src/workbook/office/rollback';
import { syntheticSet } from '../fixtures/synthetic-set';
import { createExcelDouble, type ExcelDouble, type ModelValue, type SheetModel } from '../doubles/excel-recording-double';

const OPTIONS = { unit: 'UBND xã Thử Nghiệm', year: 2025, createdAt: '2025-06-30T08:00:00.000Z' };

interface Rendered {
  set: CriteriaSet;
  spec: WorkbookSpec;
  double: ExcelDouble;
  report: RenderReport;
  exceljs: ExcelJS.Workbook;
  zip: JSZip;
}

async function renderInto(double: ExcelDouble, spec: WorkbookSpec): Promise<RenderReport> {
  const uninstall = double.install();
  try {
    return await renderIntoWorkbook(double.context, spec);
  } finally {
    uninstall();
  }
}

async function renderBoth(set: CriteriaSet, apiVersion = '1.10'): Promise<Rendered> {
  const spec = buildWorkbook(set, OPTIONS);
  const double = createExcelDouble({ apiVersion });
  const report = await renderInto(double, spec);
  const xlsx = await renderXlsx(spec);
  const exceljs = new ExcelJS.Workbook();
  await exceljs.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return { set, spec, double, report, exceljs, zip: await JSZip.loadAsync(xlsx) };
}

// ---------------------------------------------------------------------------------------------
// Normalisers: exceljs (file) side and double (Office.js) side, to one shape

type Content = string | number | boolean | null;

function fileContent(cell: ExcelJS.Cell): Content {
  if (cell.type === ExcelJS.ValueType.Merge) return null; // exceljs shows the master's value in merged cells
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if ('formula' in (v as object)) return `formula:${(v as { formula: string }).formula}`;
    throw new Error(`unexpected exceljs value at ${cell.address}: ${JSON.stringify(v)}`);
  }
  return v as Content;
}

function doubleContent(model: SheetModel, row: number, col: number): Content {
  const cell = model.at(row, col);
  if (cell.formula !== null) return `formula:${cell.formula.slice(1)}`;
  const v: ModelValue = cell.value;
  if (v !== null && typeof v === 'object') return `error:${v.error}`;
  return v;
}

const hex = (argb: string | undefined) => (argb ? `#${argb.slice(2).toUpperCase()}` : undefined);

function fileStyle(cell: ExcelJS.Cell) {
  const font = cell.font ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const a = cell.alignment ?? {};
  const vertical = a.vertical === 'middle' ? 'Center' : a.vertical;
  return {
    numberFormat: cell.numFmt ?? 'General',
    font: font.name,
    bold: font.bold ?? false,
    italic: font.italic ?? false,
    size: font.size === 11 ? undefined : font.size, // exceljs reads the default font back as size 11
    color: hex(font.color?.argb),
    fill: fill?.type === 'pattern' ? hex(fill.fgColor?.argb) : undefined,
    horizontal: a.horizontal ? a.horizontal[0].toUpperCase() + a.horizontal.slice(1) : undefined,
    vertical: vertical ? vertical[0].toUpperCase() + vertical.slice(1) : undefined,
    wrap: a.wrapText ?? false,
    indent: a.indent || undefined,
    locked: cell.protection?.locked !== false,
  };
}

function doubleStyle(model: SheetModel, row: number, col: number) {
  const c = model.at(row, col);
  const f = c.format;
  return {
    numberFormat: c.numberFormat,
    font: f.font.name,
    bold: f.font.bold ?? false,
    italic: f.font.italic ?? false,
    size: f.font.size === 11 ? undefined : f.font.size,
    color: f.font.color,
    fill: f.fill,
    horizontal: f.horizontalAlignment,
    vertical: f.verticalAlignment,
    wrap: f.wrapText ?? false,
    indent: f.indentLevel || undefined,
    locked: f.locked,
  };
}

const THIN = { style: 'Continuous', weight: 'Thin', color: '#BFBFBF' };

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], decode(m[2])]));
}

/** The sheet XML exceljs wrote for a sheet name (via workbook.xml and its rels). */
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheetTag = [...workbook.matchAll(/<sheet [^>]*\/>/g)].map((m) => attrs(m[0])).find((a) => a.name === name);
  if (!sheetTag) throw new Error(`no sheet ${name} in workbook.xml`);
  const rel = [...rels.matchAll(/<Relationship [^>]*\/>/g)].map((m) => attrs(m[0])).find((a) => a.Id === sheetTag.id);
  return zip.file(`xl/${rel!.Target.replace(/^\/?xl\//, '')}`)!.async('string');
}

/**
 * Data validations straight from the file: exceljs's reader turns a decimal rule's "$C12" into
 * null (it parseFloat()s every decimal formula), so it cannot be the reference here.
 */
async function fileValidations(zip: JSZip, name: string) {
  const xml = await sheetXml(zip, name);
  return [...xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => {
    const a = attrs(m[1]);
    const f1 = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2]);
    const f2 = /<formula2>([\s\S]*?)<\/formula2>/.exec(m[2]);
    return {
      address: a.sqref,
      type: a.type,
      operator: a.type === 'list' ? undefined : (a.operator ?? 'between'),
      formulae: [f1 && decode(f1[1]), f2 && decode(f2[1])].filter((x): x is string => x !== null),
      prompt: a.showInputMessage === '1' ? { title: a.promptTitle, message: a.prompt } : undefined,
      error: { show: a.showErrorMessage === '1', style: a.errorStyle ?? 'stop', title: a.errorTitle, message: a.error },
      allowBlank: a.allowBlank === '1',
    };
  });
}

function doubleValidations(model: SheetModel) {
  const strip = (f: string) => (f.startsWith('=') ? f.slice(1) : f);
  return model.validations.map((v) => ({
    address: v.address,
    type: v.rule.type.toLowerCase(),
    operator: v.rule.type === 'Decimal' ? v.rule.operator[0].toLowerCase() + v.rule.operator.slice(1) : undefined,
    formulae:
      v.rule.type === 'Decimal'
        ? [strip(v.rule.formula1), ...(v.rule.formula2 !== undefined ? [strip(v.rule.formula2)] : [])]
        : [v.rule.source.startsWith('=') ? v.rule.source.slice(1) : `"${v.rule.source.replace(/"/g, '""')}"`],
    prompt: v.prompt?.showPrompt ? { title: v.prompt.title, message: v.prompt.message } : undefined,
    error: { show: v.errorAlert?.showAlert === true, style: (v.errorAlert?.style ?? '').toLowerCase(), title: v.errorAlert?.title, message: v.errorAlert?.message },
    allowBlank: v.ignoreBlanks === true,
  }));
}

function fileConditionalFormats(ws: ExcelJS.Worksheet) {
  const loaded = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
  const rules = loaded.flatMap((cf) =>
    cf.rules.filter((rule) => rule.type !== 'dataBar').map((rule) => {
      const r = rule as ExcelJS.ExpressionRuleType & { priority: number };
      const fill = r.style?.fill as ExcelJS.FillPattern | undefined;
      return {
        priority: r.priority,
        address: cf.ref,
        type: r.type,
        formula: r.formulae?.[0],
        fill: hex(fill?.bgColor?.argb),
        fontColor: hex(r.style?.font?.color?.argb),
        bold: r.style?.font?.bold === true,
      };
    }),
  );
  return rules.sort((a, b) => a.priority - b.priority).map(({ priority: _p, ...rest }) => rest);
}

/** Data bars as the file has them (exceljs does not read them back): range, bounds, colour. */
function fileDataBars(sheetXml: string) {
  const bars = [...sheetXml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="dataBar"[^>]*><dataBar><cfvo type="num" val="([^"]+)"\/><cfvo type="num" val="([^"]+)"\/><color rgb="FF([0-9A-F]{6})"\/>/g)];
  return bars.map((m) => ({ address: m[1], min: m[2], max: m[3], color: `#${m[4]}` }));
}

function doubleDataBars(model: SheetModel) {
  // In priority order, like the file's (the renderer adds the lowest priority first).
  return model.conditionalFormats
    .filter((cf) => cf.type === 'DataBar')
    .map((cf) => ({ address: cf.address, min: cf.lowerBound?.formula, max: cf.upperBound?.formula, color: cf.barColor, types: [cf.lowerBound?.type, cf.upperBound?.type], gradient: cf.gradientFill }));
}

/** Excel's one-string header ("&L…&C…&R…") as its sections; "&&" is a literal "&". */
function headerSections(text: string | undefined, kind: 'Header' | 'Footer'): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  const names: Record<string, string> = { L: `left${kind}`, C: `center${kind}`, R: `right${kind}` };
  let current = 'C';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '&' && names[text[i + 1]]) {
      current = text[i + 1];
      i++;
      continue;
    }
    const chunk = text[i] === '&' ? text.slice(i, i + 2) : text[i];
    out[names[current]] = (out[names[current]] ?? '') + chunk;
    if (text[i] === '&') i++;
  }
  return out;
}

function doubleConditionalFormats(model: SheetModel) {
  return model.conditionalFormats.filter((cf) => cf.type !== 'DataBar').map((cf) => ({
    address: cf.address,
    type: cf.type === 'Custom' ? 'expression' : cf.type,
    formula: cf.formula?.slice(1),
    fill: cf.fill,
    fontColor: cf.fontColor,
    bold: cf.bold === true,
  }));
}

// ---------------------------------------------------------------------------------------------

const SETS: Array<[string, () => CriteriaSet]> = [
  ['lai-chau-so-2025', () => findBundledSet('lai-chau-so-2025')!],
  ['minh-hoa-3-cap', () => findBundledSet('minh-hoa-3-cap')!],
  ['synthetic 8×10×6', () => syntheticSet(8, 10, 6)],
];

const measured: string[] = [];
afterAll(() => {
  if (measured.length) console.log(`Office.js renderer on the test double:\n${measured.join('\n')}`);
});

describe.each(SETS)('renderIntoWorkbook(%s) into the Excel test double', (_label, makeSet) => {
  let r: Rendered;
  beforeAll(async () => {
    r = await renderBoth(makeSet());
  }, 60_000);

  test('uses at most 3 syncs, suspends calculation, turns events off while writing and back on after', () => {
    const scoring = r.spec.sheets[0];
    const rows = r.set.nodes.length;
    const formatSets = r.double.log.filter(
      (e) =>
        e.kind === 'set' &&
        /^(RangeFormat|RangeFill|RangeFont|RangeBorder|FormatProtection)\./.test(e.member) &&
        !/columnWidth|rowHeight/.test(e.member) &&
        e.target.startsWith("'Chấm điểm'"),
    ).length;
    measured.push(
      `  ${_label}: ${rows} criteria rows, ${r.report.cells} cells, ${r.report.validations} validations, ${r.report.conditionalFormats} conditional formats; ` +
        `syncs ${r.double.syncCount()} (operations per sync ${r.double.syncDetails().map((d) => d.operations).join(' / ')}); ` +
        `"${scoring.name}": ${r.report.perSheet[scoring.name].formatRuns} style rectangles, ${r.report.perSheet[scoring.name].formatCalls} format assignments ` +
        `for ${scoring.cells.filter((c) => c.style).length} styled cells; write requests ≈ ${r.report.requestEstimates.map((b) => Math.round(b / 1024)).join(' / ')} KiB (estimated)`,
    );
    expect(r.double.syncCount()).toBeLessThanOrEqual(3);
    expect(r.double.syncCount()).toBe(3);
    expect(r.report.syncs).toBe(r.double.syncCount());
    expect(r.double.log.filter((e) => e.kind === 'sync')).toHaveLength(3);
    // The report's count of format assignments is what reached Excel.
    expect(formatSets).toBe(r.report.perSheet[scoring.name].formatCalls);
    // Grouped, not per cell: far fewer assignments than styled cells × attributes.
    expect(r.report.perSheet[scoring.name].formatCalls).toBeLessThan(scoring.cells.filter((c) => c.style).length);
    // One block write of contents and one of number formats per sheet.
    expect(r.double.log.filter((e) => e.member === 'Range.formulas')).toHaveLength(r.spec.sheets.length);
    expect(r.double.log.filter((e) => e.member === 'Range.numberFormat')).toHaveLength(r.spec.sheets.length);
    const state = r.double.state();
    expect(state.eventsOffDuringWrites).toBe(true);
    expect(state.writesWhileSuspended).toBeGreaterThan(0);
    expect(state.enableEvents).toBe(true);
    expect(state.calculations).toEqual(['Recalculate']);
    expect(state.pending).toBe(0);
    expect(state.activeSheet).toBe(SHEETS.scoring);
    expect(r.report.skipped).toEqual([]);
    expect(r.report.requestEstimates).toHaveLength(1);
  });

  test('adds the sheets after the existing one, in order, with the same visibility, tab colour and protection', () => {
    expect(r.double.sheetNames()).toEqual(['Sheet1', ...r.spec.sheets.map((s) => s.name)]);
    for (const sheet of r.spec.sheets) {
      const ws = r.exceljs.getWorksheet(sheet.name)!;
      const model = r.double.sheet(sheet.name);
      const state = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' }[model.visibility];
      expect(state).toBe(ws.state);
      expect(model.tabColor ?? undefined).toBe(hex(ws.properties.tabColor?.argb));
      const p = (ws as unknown as { sheetProtection?: Record<string, boolean> }).sheetProtection;
      expect(model.protection.protected).toBe(p?.sheet === true);
      expect(model.protection.password).toBeUndefined();
      expect(model.protection.options).toEqual({
        allowInsertRows: p?.insertRows ?? false,
        allowFormatColumns: p?.formatColumns ?? false,
        allowFormatRows: p?.formatRows ?? false,
        allowAutoFilter: p?.autoFilter ?? false,
        selectionMode: 'Normal',
      });
    }
  });

  test('every cell holds the same value or formula as the exceljs file', () => {
    for (const sheet of r.spec.sheets) {
      const ws = r.exceljs.getWorksheet(sheet.name)!;
      const model = r.double.sheet(sheet.name);
      const addresses = new Set<string>();
      ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => addresses.add(`${cell.row},${cell.col}`)));
      for (const [k, c] of model.cells) if (c.value !== null || c.formula !== null) addresses.add(k);
      expect(addresses.size).toBeGreaterThan(0);
      const differences: string[] = [];
      for (const k of addresses) {
        const [row, col] = k.split(',').map(Number);
        const expected = fileContent(ws.getCell(row, col));
        const actual = doubleContent(model, row, col);
        if (expected !== actual) differences.push(`${sheet.name}!${ws.getCell(row, col).address}: file ${JSON.stringify(expected)} ≠ Office ${JSON.stringify(actual)}`);
      }
      expect(differences).toEqual([]);
    }
  });

  test('every cell has the same number format, font, fill, alignment, indent, lock and borders', () => {
    for (const sheet of r.spec.sheets) {
      const ws = r.exceljs.getWorksheet(sheet.name)!;
      const model = r.double.sheet(sheet.name);
      const maxRow = Math.max(...sheet.cells.map((c) => c.row)) + 1;
      const maxCol = Math.max(...sheet.cells.map((c) => c.col)) + 1;
      const hasBorder = (row: number, col: number) => row >= 1 && col >= 1 && ws.getCell(row, col).border?.top !== undefined;
      const differences: string[] = [];
      for (let row = 1; row <= maxRow; row++) {
        for (let col = 1; col <= maxCol; col++) {
          const cell = ws.getCell(row, col);
          const expected = fileStyle(cell);
          const actual = doubleStyle(model, row, col);
          if (JSON.stringify(expected) !== JSON.stringify(actual)) differences.push(`${sheet.name}!${cell.address} style: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`);
          const edges = model.borders(cell.address);
          if (hasBorder(row, col)) {
            for (const side of ['top', 'bottom', 'left', 'right'] as const) {
              if (JSON.stringify(edges[side]) !== JSON.stringify(THIN)) differences.push(`${sheet.name}!${cell.address} ${side} border ${JSON.stringify(edges[side])}`);
            }
          } else {
            // An edge may be there only because the neighbour on that side has its own border.
            const neighbour = { top: [row - 1, col], bottom: [row + 1, col], left: [row, col - 1], right: [row, col + 1] } as const;
            for (const side of ['top', 'bottom', 'left', 'right'] as const) {
              if (edges[side] && !hasBorder(...neighbour[side])) differences.push(`${sheet.name}!${cell.address} has a stray ${side} border`);
            }
          }
        }
      }
      expect(differences.slice(0, 20)).toEqual([]);
    }
  });

  test('same data validations: type, operator, formulae, prompt, error alert, blanks allowed', async () => {
    for (const sheet of r.spec.sheets) {
      const byAddress = <T extends { address: string }>(list: T[]) => {
        const order = (a: string) => a.replace(/^([A-Z]+)(\d+)/, (_, c: string, n: string) => `${n.padStart(7, '0')}${c.padStart(3, ' ')}`);
        return [...list].sort((a, b) => order(a.address).localeCompare(order(b.address)));
      };
      const expected = byAddress(await fileValidations(r.zip, sheet.name));
      const actual = byAddress(doubleValidations(r.double.sheet(sheet.name)));
      expect(actual).toHaveLength(sheet.validations.length);
      expect(actual).toEqual(expected);
    }
  });

  test('same conditional formats, in the same priority order', () => {
    for (const sheet of r.spec.sheets) {
      const expected = fileConditionalFormats(r.exceljs.getWorksheet(sheet.name)!);
      expect(expected).toHaveLength(sheet.conditionalFormats.length);
      expect(doubleConditionalFormats(r.double.sheet(sheet.name))).toEqual(expected);
    }
  });

  test('same merges, defined names, freeze panes, print setup, row heights, and outline levels, protected sheets included', () => {
    expect(r.double.names()).toEqual(Object.fromEntries(r.exceljs.definedNames.model.map((n) => [n.name, `=${n.ranges[0]}`])));
    for (const sheet of r.spec.sheets) {
      const ws = r.exceljs.getWorksheet(sheet.name)!;
      const model = r.double.sheet(sheet.name);
      expect([...model.mergeAddresses()].sort()).toEqual([...(ws.model.merges ?? [])].sort());
      const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
      expect(model.freeze).toEqual(view?.state === 'frozen' ? { rows: view.ySplit, cols: view.xSplit } : null);
      if (sheet.print) {
        const setup = ws.pageSetup;
        expect(setup.paperSize).toBe(9);
        const inches = setup.margins!;
        const points = (n: number) => Math.round(n * 72 * 1000) / 1000;
        expect(model.pageLayout).toEqual({
          orientation: setup.orientation === 'landscape' ? 'Landscape' : 'Portrait',
          paperSize: 'A4',
          zoom: { horizontalFitToPages: setup.fitToWidth },
          printTitleRows: setup.printTitlesRow!.replace(/(\d+)/g, '$$$1'),
          ...(setup.printArea ? { printArea: setup.printArea.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2') } : {}),
          margins: Object.fromEntries(Object.entries(inches).map(([k, v]) => [k, points(v)])),
          headersFooters: { ...headerSections(ws.headerFooter.oddHeader, 'Header'), ...headerSections(ws.headerFooter.oddFooter, 'Footer') },
        });
        // Every page numbered, "Trang 1/3".
        expect(model.pageLayout.headersFooters?.centerFooter).toMatch(/Trang &P\/&N$/);
        expect(setup.fitToHeight).toBe(0);
      } else expect(model.pageLayout).toEqual({});
      // Outline groups written expanded: the file's sheet level covers every row's level (exceljs
      // writes collapsed="1" otherwise) and Office.js shows every level.
      const levels = Math.max(0, ...sheet.rows.map((x) => x.outlineLevel ?? 0));
      if (levels > 0) {
        expect((ws.properties as { outlineLevelRow?: number }).outlineLevelRow).toBe(levels);
        expect(model.shownOutlineLevels).toEqual({ rows: levels + 1, columns: 0 });
        expect(ws.properties.outlineProperties).toEqual({ summaryBelow: false, summaryRight: false });
      }
      // Every row with text has a height (a wrapped name gets more than one line).
      const heights = sheet.cells.filter((c) => typeof c.value === 'string').map((c) => ws.getRow(c.row).height);
      expect(heights.every((h) => typeof h === 'number' && h > 0)).toBe(true);
      const rows = new Set([...sheet.rows.map((x) => x.row), ...model.rows.keys(), ...sheet.cells.map((c) => c.row)]);
      for (const row of rows) {
        const fileRow = ws.getRow(row);
        expect([row, model.rows.get(row)?.outlineLevel ?? 0]).toEqual([row, fileRow.outlineLevel ?? 0]);
        expect([row, model.rows.get(row)?.height]).toEqual([row, fileRow.height]);
      }
    }
    // A protected sheet with groups (sets with criteria under the fields) is grouped too, before it was protected.
    for (const sheet of r.spec.sheets.filter((x) => x.protection && x.rows.some((row) => (row.outlineLevel ?? 0) > 0))) {
      expect(r.double.sheet(sheet.name).protection.protected).toBe(true);
      expect([...r.double.sheet(sheet.name).rows.values()].some((x) => (x.outlineLevel ?? 0) > 0)).toBe(true);
    }
    expect(r.report.notes.some((n) => /không nhóm dòng/.test(n))).toBe(false);
  });

  test('same data bars on the rate columns of the summary sheet', async () => {
    for (const [i, sheet] of r.spec.sheets.entries()) {
      const xml = await r.zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
      const file = fileDataBars(xml);
      expect(file).toHaveLength(sheet.dataBars?.length ?? 0);
      expect(doubleDataBars(r.double.sheet(sheet.name))).toEqual(file.map((b) => ({ ...b, types: ['Number', 'Number'], gradient: false })));
    }
    expect(r.spec.sheets.find((s) => s.name === SHEETS.summary)!.dataBars?.length).toBe(3);
  });

  test('column widths in points from the character widths, hidden columns hidden', () => {
    for (const sheet of r.spec.sheets) {
      const ws = r.exceljs.getWorksheet(sheet.name)!;
      const model = r.double.sheet(sheet.name);
      for (const c of sheet.columns) {
        expect([c.col, model.columns.get(c.col)?.width]).toEqual([c.col, columnWidthPoints(c.width)]);
        expect([c.col, model.columns.get(c.col)?.hidden ?? false]).toEqual([c.col, c.hidden ?? false]);
        // The xlsx renderer writes 9 as 9,01: exceljs would leave out a width equal to its default.
        expect(ws.getColumn(c.col).width).toBe(c.width === 9 ? 9.01 : c.width);
        expect(ws.getColumn(c.col).hidden).toBe(c.hidden ?? false);
      }
    }
  });

  test('the summary sheet gets its bar chart (which exceljs cannot draw)', () => {
    const chartSpec = r.spec.sheets[1].charts[0];
    const q = (a: string) => `'${SHEETS.summary}'!${a.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
    expect(r.double.sheet(SHEETS.summary).charts).toEqual([
      {
        type: 'BarClustered',
        seriesBy: 'Columns',
        source: q(chartSpec.series[0].values),
        title: chartSpec.title,
        series: chartSpec.series.map((s) => ({ name: s.name, values: q(s.values), xValues: q(chartSpec.categories) })),
        from: chartSpec.from,
        to: chartSpec.to,
      },
    ]);
  });

  test('readGrid gives back the formulas and input values written, A1-based, with names and visibility', async () => {
    const grid = await readGrid(r.double.context);
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual(r.spec.sheets.map((s) => [s.name, s.state]));
    const scoring = grid.sheets.find((s) => s.name === SHEETS.scoring)!;
    const totalRow = r.set.nodes.length + 8;
    const specTotal = r.spec.sheets[0].cells.find((c) => c.row === totalRow && c.col === 5)!;
    expect(gridFormula(scoring, totalRow, 5)).toBe(specTotal.formula);
    expect(gridValue(scoring, HEAD.unit.row, HEAD.unit.col)).toBe(OPTIONS.unit);
    expect(gridValue(scoring, HEAD.year.row, HEAD.year.col)).toBe(2025);
    expect(gridFormula(scoring, HEAD.unit.row, HEAD.unit.col)).toBeNull();
    // Codes stay text (an apostrophe kept "1" and "1.1" from turning into numbers).
    const meta = grid.sheets.find((s) => s.name === SHEETS.meta)!;
    expect(gridValue(meta, 13, 1)).toBe(r.set.nodes[0].code);
    expect(gridValue(meta, 4, 2)).toBe(r.set.version);
    expect(grid.names.PAR_UNIT).toBe(`'${SHEETS.scoring}'!$C$3`);
    // Every cell written comes back as written (formulas without "=", constants as values).
    for (const sheet of r.spec.sheets) {
      const g = grid.sheets.find((s) => s.name === sheet.name)!;
      for (const c of sheet.cells) {
        if (c.formula !== undefined) expect(gridFormula(g, c.row, c.col)).toBe(c.formula);
        else expect([c.row, c.col, gridValue(g, c.row, c.col)]).toEqual([c.row, c.col, c.value === '' ? null : (c.value ?? null)]);
      }
    }
  });
});

describe('the recording test double of the Excel API', () => {
  test('throws on any member it does not implement, reads and writes alike, and is safe to await', async () => {
    const double = createExcelDouble();
    const context = double.context;
    expect(() => (context.workbook as unknown as Record<string, unknown>).tables).toThrow('Excel test double: Workbook.tables is not implemented');
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
    expect(() => ((range as unknown as Record<string, unknown>).formulasLocal = [['=1']])).toThrow('Excel test double: Range.formulasLocal is not implemented');
    expect(() => range.format.autofitColumns()).toThrow('Excel test double: RangeFormat.autofitColumns is not implemented');
    expect(() => (double.Excel as Record<string, unknown>).ChartType && (double.Excel.ChartType as Record<string, unknown>).bar).toThrow(
      'Excel test double: Excel.ChartType.bar is not implemented',
    );
    expect((context as unknown as { then?: unknown }).then).toBeUndefined();
    // Jest can still print one (a failing matcher formats the received object).
    expect(() => expect(range).toBeNull()).toThrow(/toBeNull/);
    expect(JSON.stringify(range)).toBe('{}');
    await expect(Promise.resolve(context.workbook)).resolves.toBe(context.workbook);
  });

  test('throws PropertyNotLoaded before load() + sync(), like the host', async () => {
    const double = createExcelDouble();
    const sheets = double.context.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    await double.context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1']);
    expect(() => sheets.items[0].visibility).toThrow(/PropertyNotLoaded/);
  });

  test('enforces requirement sets', () => {
    const double = createExcelDouble({ apiVersion: '1.8' });
    const ws = double.context.workbook.worksheets.getItem('Sheet1');
    expect(() => ws.pageLayout).toThrow('Worksheet.pageLayout needs ExcelApi 1.9');
    expect(() => ws.getRange('2:3').group('ByRows')).toThrow('Range.group needs ExcelApi 1.10');
    expect(double.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(double.Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
  });

  test('parses text like Excel unless it is formatted "@" or starts with an apostrophe', async () => {
    const double = createExcelDouble();
    const ws = double.context.workbook.worksheets.getItem('Sheet1');
    ws.getRange('B1').numberFormat = [['@']];
    ws.getRange('A1:A6').formulas = [['1.1'], ["'1.1"], ['-x'], ['TRUE'], ['#N/A'], ['Tiêu chí']];
    ws.getRange('B1').formulas = [['1.10']];
    await double.context.sync();
    const m = double.sheet('Sheet1');
    expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1'].map((a) => [m.cell(a).value, m.cell(a).formula])).toEqual([
      [1.1, null],
      ['1.1', null],
      [null, '=-x'],
      [true, null],
      [{ error: '#N/A' }, null],
      ['Tiêu chí', null],
      ['1.10', null],
    ]);
  });

  test('fails a formula that refers to a sheet that does not exist yet', async () => {
    const double = createExcelDouble();
    double.context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [["='Tổng hợp'!D5"]];
    await expect(double.context.sync()).rejects.toThrow(/Tổng hợp/);
  });
});

describe('renderIntoWorkbook refuses and degrades safely', () => {
  const set = () => findBundledSet('minh-hoa-3-cap')!;

  test('a workbook that already has "Chấm điểm": SheetExistsError, one sync, nothing written', async () => {
    const double = createExcelDouble({ sheets: [{ name: 'Sheet1' }, { name: 'chấm điểm', cells: { A1: 'dữ liệu của người dùng' } }] });
    const error = await renderInto(double, buildWorkbook(set(), OPTIONS)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetExistsError);
    expect((error as SheetExistsError).sheets).toEqual(['chấm điểm']);
    expect((error as Error).message).toMatch(/Workbook đã có trang tính "chấm điểm"/);
    expect(double.syncCount()).toBe(1);
    expect(double.log.filter((e) => e.kind === 'set')).toEqual([]);
    expect(double.log.filter((e) => e.kind === 'call').map((e) => e.member)).toEqual(['WorksheetCollection.load', 'NamedItemCollection.load', 'Runtime.load']);
    expect(double.sheetNames()).toEqual(['Sheet1', 'chấm điểm']);
    expect(double.sheet('chấm điểm').cell('A1').value).toBe('dữ liệu của người dùng');
    expect(double.state().pending).toBe(0);
  });

  test('a workbook that already defines PAR_UNIT: NameExistsError, nothing written', async () => {
    const double = createExcelDouble({ names: { PAR_UNIT: '=Sheet1!$A$1' } });
    await expect(renderInto(double, buildWorkbook(set(), OPTIONS))).rejects.toBeInstanceOf(NameExistsError);
    expect(double.sheetNames()).toEqual(['Sheet1']);
    expect(double.log.filter((e) => e.kind === 'set')).toEqual([]);
  });

  test('ExcelApi 1.8: writes everything else and reports outline, print and indent as skipped, in Vietnamese', async () => {
    const double = createExcelDouble({ apiVersion: '1.8' });
    const report = await renderInto(double, buildWorkbook(set(), OPTIONS));
    expect(report.syncs).toBe(3);
    expect(report.skipped.map((s) => [s.feature, s.requirement]).sort()).toEqual([
      ['indent', '1.9'],
      ['outline', '1.10'],
      ['print', '1.9'],
    ]);
    for (const s of report.skipped) expect(s.message).toMatch(/Excel này chưa hỗ trợ/);
    const scoring = double.sheet(SHEETS.scoring);
    expect([...scoring.rows.values()].some((r) => r.outlineLevel)).toBe(false);
    expect(scoring.pageLayout).toEqual({});
    expect(scoring.validations.length).toBeGreaterThan(0);
    expect(scoring.protection.protected).toBe(true);
  });

  test('below ExcelApi 1.8: ExcelApiTooOldError before any sync', async () => {
    const double = createExcelDouble({ apiVersion: '1.7' });
    await expect(renderInto(double, buildWorkbook(set(), OPTIONS))).rejects.toBeInstanceOf(ExcelApiTooOldError);
    expect(double.syncCount()).toBe(0);
  });

  test('a failing batch turns events back on (third sync), removes what it added and says so', async () => {
    const spec = buildWorkbook(set(), OPTIONS);
    const broken: WorkbookSpec = { ...spec, sheets: [{ ...spec.sheets[0], merges: [...spec.sheets[0].merges, 'A1:B1'] } as SheetSpec, ...spec.sheets.slice(1)] };
    const double = createExcelDouble({ enableEvents: true });
    const error = await renderInto(double, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as WriteFailedError).message).toMatch(/overlaps another merge.*Sổ tính đã được đưa về như trước/);
    expect(double.syncCount()).toBe(5); // load, write, events back, then the rollback's read and delete
    expect(double.sheetNames()).toEqual(['Sheet1']);
    expect(double.names()).toEqual({});
    expect(double.state().enableEvents).toBe(true);
    expect(double.state().calculations).toEqual([]);
  });
});

describe('readGrid', () => {
  test('offsets a used range that starts below A1, keeps errors as { error } and reads in two syncs', async () => {
    const double = createExcelDouble({
      sheets: [
        { name: SHEETS.scoring, cells: { B3: 'Đơn vị', D5: { formula: '=1/0', value: { error: '#DIV/0!' } }, C4: 7.5 } },
        { name: SHEETS.meta, visibility: 'VeryHidden', cells: { A1: 'par-index' } },
        { name: 'Của người dùng', cells: { A1: 'không đọc' } },
      ],
    });
    const grid = await (double.Excel.run as (batch: (ctx: Excel.RequestContext) => Promise<WorkbookGrid>) => Promise<WorkbookGrid>)((ctx) => readGrid(ctx));
    expect(double.syncCount()).toBe(2);
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual([
      [SHEETS.scoring, 'visible'],
      [SHEETS.meta, 'veryHidden'],
    ]);
    const sheet = grid.sheets[0];
    expect(sheet.values[0]).toEqual([]);
    expect(gridValue(sheet, 3, 2)).toBe('Đơn vị');
    expect(gridValue(sheet, 4, 3)).toBe(7.5);
    expect(gridValue(sheet, 5, 4)).toEqual({ error: '#DIV/0!' });
    expect(gridFormula(sheet, 5, 4)).toBe('1/0');
    expect(gridValue(sheet, 1, 1)).toBeNull();
    expect(sheet.values[2]).toEqual([null, 'Đơn vị', null, null]); // the used range is B3:D5
  });

  test('gives dates as ISO text, like the exceljs reader, and leaves other numbers alone', async () => {
    const double = createExcelDouble({ sheets: [{ name: SHEETS.scoring }] });
    const ws = double.context.workbook.worksheets.getItem(SHEETS.scoring);
    ws.getRange('S8:S10').numberFormat = [['dd/mm/yyyy'], ['0.00%'], ['m/d/yy h:mm']];
    ws.getRange('S8:S10').formulas = [[45838], [0.5], [45838.5]];
    await double.context.sync();
    const sheet = (await readGrid(double.context)).sheets[0];
    expect([gridValue(sheet, 8, 19), gridValue(sheet, 9, 19), gridValue(sheet, 10, 19)]).toEqual(['2025-06-30', 0.5, '2025-06-30T12:00:00']);
    expect(['General', '@', '0.00', '#,##0', '"ngày"', '[Red]0'].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
    expect(['d/m/yyyy', 'yyyy-mm-dd', 'h:mm', '[$-42A]dd/mm/yyyy'].map(isDateFormat)).toEqual([true, true, true, true]);
  });
});

describe('renderer helpers', () => {
  test('rectangles() covers exactly the given cells, without overlaps', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const points = new Map<string, { row: number; col: number }>();
      for (let i = 0; i < 60; i++) {
        const p = { row: 1 + Math.floor(random() * 12), col: 1 + Math.floor(random() * 8) };
        points.set(`${p.row},${p.col}`, p);
      }
      const covered = new Map<string, number>();
      for (const r of rectangles([...points.values()]))
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) covered.set(`${row},${col}`, (covered.get(`${row},${col}`) ?? 0) + 1);
      expect([...covered.keys()].sort()).toEqual([...points.keys()].sort());
      expect([...covered.values()].every((n) => n === 1)).toBe(true);
    }
    expect(rectangles([{ row: 1, col: 1 }, { row: 1, col: 2 }, { row: 2, col: 1 }, { row: 2, col: 2 }])).toEqual([{ top: 1, bottom: 2, left: 1, right: 2 }]);
  });

  test('needsQuotePrefix() protects text Excel would parse', () => {
    for (const t of ['1', '1.1', '-1', '=A1', '+x', "'x", '#N/A', '(Ký tên)', '…………, ngày', ' 5', 'TRUE', 'false', 'Jan 2025', '2025-01-01T00:00:00Z'])
      expect([t, needsQuotePrefix(t)]).toEqual([t, true]);
    for (const t of ['', 'Đơn vị:', 'x', 'L', 'LSEN', 'par-index', 'Tiêu chí 1.1', 'illustrative', 'Trueness'])
      expect([t, needsQuotePrefix(t)]).toEqual([t, false]);
  });

  test('column widths: 7-pixel digits, padding included, in points', () => {
    expect(columnWidthPoints(9)).toBe(47.25); // 63 px
    expect(columnWidthPoints(52)).toBe(273); // 364 px
    expect(columnWidthPoints(8.43)).toBe(44.25); // Excel's default column: 59 px (64 px with gridline padding in the UI)
  });
});
