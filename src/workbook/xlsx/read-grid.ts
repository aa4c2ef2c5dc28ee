/**
 * Reads an .xlsx into the neutral grid (CLI and tests; the pane has its own Office.js
 * reader). The package is read directly — workbook, relationships, shared strings, the
 * date formats of the styles, and each worksheet's cells — rather than through exceljs:
 * a check needs values and formulas only, and building exceljs's full model (styles,
 * validations, every attribute) cost more than the whole check. Hostile or broken files
 * are refused with a reason a unit can act on; nothing else is ever thrown.
 */
import type { SheetGrid, WorkbookGrid } from '../grid';
import { FormulaDecoder } from './formula-markup';
import { MarkupMemo } from './markup-memo';
import { utf8Of } from './markup-scan';
import { readSharedStrings } from './shared-strings';
import { corrupt, ReadLimits } from './read-limits';
import { readSheetXml } from './sheet-xml';
import { UnreadableWorkbookError } from './unreadable';
import { attribute, attributes, decodeXml, tagPattern } from './xml-text';
import { inspectXlsx, MAX_ROWS, type XlsxInspection } from './zip-guard';

export { UnreadableWorkbookError, type UnreadableReason } from './unreadable';
export { MAX_CELLS, MAX_FILE_BYTES, MAX_ROWS } from './zip-guard';


const EMPTY = Buffer.alloc(0);

export async function readXlsxGrid(buffer: Buffer, source: string): Promise<WorkbookGrid> {
  try {
    return readPackage(inspectXlsx(buffer, source), source);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    // Whatever else a malformed part provokes is still a corrupt file, not a crash.
    throw corrupt(source, e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e));
  }
}

function readPackage(pkg: XlsxInspection, source: string): WorkbookGrid {
  // As Latin-1, one character per byte: the form the memos below are keyed by.
  const markup = (name: string) => pkg.part(name)?.toString('latin1') ?? null;
  const workbook = markup('xl/workbook.xml');
  if (workbook === null) throw corrupt(source, 'thiếu xl/workbook.xml');
  const rels = relationshipsOf.entry(markup('xl/_rels/workbook.xml.rels') ?? '').text;
  const partOf = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback;
  const sharedStrings = readSharedStrings(pkg.part(partOf('sharedStrings', 'xl/sharedStrings.xml')) ?? EMPTY);
  const book = workbooksOf.entry(workbook).text;
  const ctx = new ReadLimits(sharedStrings, dateStylesOf.entry(markup(partOf('styles', 'xl/styles.xml')) ?? '').text, book.date1904, source);
  const sheets: SheetGrid[] = [];
  const read = new Set<string>();
  for (const listed of book.sheets) {
    const name = listed.name ?? `Sheet${sheets.length + 1}`;
    const state = listed.state;
    const rel = listed.id === undefined ? undefined : rels.get(listed.id);
    const xml = rel && rel.type.endsWith('/worksheet') ? pkg.part(rel.target) : EMPTY;
    if (xml === null) throw corrupt(source, `thiếu phần ${rel!.target} của trang "${name}"`);
    ctx.startSheet(name);
    const data = readSheetXml(xml, ctx, new FormulaDecoder(name));
    // Cells may name their rows without <row> elements: count the rows that hold cells too.
    if (data.values.length > MAX_ROWS && data.values.filter((r) => r.length > 0).length > MAX_ROWS) throw ctx.tooManyRows();
    sheets.push({ name, state, values: data.values, formulas: data.formulas });
    if (rel) read.add(rel.target);
  }
  // A worksheet the workbook does not list is invisible to Excel, but a file carrying a
  // hidden flood of cells or a zip bomb is refused all the same: it is not a real submission.
  for (const part of pkg.worksheetParts) {
    if (read.has(part)) continue;
    ctx.startSheet(part);
    readSheetXml(pkg.part(part) ?? EMPTY, ctx, new FormulaDecoder(part));
  }
  return { source, sheets, names: { ...book.names } };
}

/**
 * The small parts every file of one writer repeats, parsed once: the parsed forms are
 * read, never changed (the defined names are copied for the grid).
 */
const relationshipsOf = new MarkupMemo((m) => relationships(textOf(m)), 1_000, 1_000_000);
const dateStylesOf = new MarkupMemo((m) => dateStyles(textOf(m)), 1_000, 4_000_000);
const workbooksOf = new MarkupMemo((m) => workbookPart(textOf(m)), 1_000, 1_000_000);

function textOf(markup: string): string {
  return utf8Of(markup).replace(/^\ufeff/, '');
}

interface WorkbookPart {
  sheets: { name: string | undefined; id: string | undefined; state: SheetGrid['state'] }[];
  date1904: boolean;
  names: Record<string, string>;
}

function workbookPart(workbook: string): WorkbookPart {
  const sheets: WorkbookPart['sheets'] = [];
  const tag = tagPattern();
  for (let m = tag.exec(workbook); m !== null; m = tag.exec(workbook)) {
    if (m[1] || m[2] !== 'sheet') continue;
    const a = attributes(m[3]);
    sheets.push({ name: a.name, id: a.id, state: a.state === 'veryHidden' ? 'veryHidden' : a.state === 'hidden' ? 'hidden' : 'visible' });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  return { sheets, date1904, names: definedNames(workbook) };
}

interface Relationship {
  type: string;
  target: string;
}

/** Id → part, with targets resolved against xl/ ("worksheets/sheet1.xml", "/xl/…", "../xl/…"). */
function relationships(xml: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const tag = tagPattern();
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    if (m[1] || m[2] !== 'Relationship') continue;
    const a = attributes(m[3]);
    if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') continue;
    out.set(a.Id, { type: a.Type ?? '', target: resolvePart(a.Target) });
  }
  return out;
}

function resolvePart(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Indices of the cell formats (<cellXfs>) whose number format is a date. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const tag = tagPattern();
  let inCellXfs = false;
  let index = 0;
  const out = new Set<number>();
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const [, closing, name, attrs, selfClosing] = m;
    if (name === 'numFmt' && !closing) {
      const a = attributes(attrs);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    } else if (name === 'cellXfs') inCellXfs = !closing && !selfClosing;
    else if (name === 'xf' && inCellXfs && !closing) {
      const id = Number(attribute(attrs, 'numFmtId') ?? 0);
      if (DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(index);
      index++;
    }
  }
  return out;
}

function isDateFormat(code: string): boolean {
  // Quoted text, [colours] / [$-locale] and escaped characters do not count.
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function definedNames(workbook: string): Record<string, string> {
  const names: Record<string, string> = {};
  const re = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
  for (let m = re.exec(workbook); m !== null; m = re.exec(workbook)) {
    const name = attribute(m[1], 'name');
    if (name !== undefined) names[name] = decodeXml(m[2]);
  }
  return names;
}
