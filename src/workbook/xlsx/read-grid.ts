/**
 * Reads an .xlsx into the neutral grid (CLI and tests; the pane has its own Office.js
 * reader). The package is read directly — workbook, relationships, shared strings, the
 * date formats of the styles, and each worksheet's cells — rather than through exceljs:
 * a check needs values and formulas only, and building exceljs's full model (styles,
 * validations, every attribute) cost more than the whole check. Hostile or broken files
 * are refused with a reason a unit can act on; nothing else is ever thrown.
 */
import type { SheetGrid, WorkbookGrid } from '../grid';
import { newTagAt, nextTag } from './markup-scan';
import { isDateFormat } from '../excel-dates';
import { utf8Part } from './part-encoding';
import { readSharedStrings } from './shared-strings';
import { corrupt, ReadLimits, type ReadOptions } from './read-limits';
import { readSheetXml } from './sheet-xml';
import { UnreadableWorkbookError } from './unreadable';
import { attributes, decodeXml } from './xml-text';
import { inspectXlsx, type XlsxInspection } from './zip-guard';

export { UnreadableWorkbookError, type UnreadableReason } from './unreadable';
export { MAX_CELLS, MAX_FILE_BYTES, MAX_ROWS } from './zip-guard';
export type { ReadOptions } from './read-limits';

const EMPTY = Buffer.alloc(0);
const OFFICE_DOCUMENT = '/officeDocument';

export async function readXlsxGrid(buffer: Buffer, source: string, options: ReadOptions = {}): Promise<WorkbookGrid> {
  try {
    return readPackage(inspectXlsx(buffer, source), source, options);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    // Whatever else a malformed part provokes is still a corrupt file, not a crash.
    throw corrupt(source, e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e));
  }
}

function readPackage(pkg: XlsxInspection, source: string, options: ReadOptions): WorkbookGrid {
  // Every part as UTF-8 bytes, whatever encoding it was written in.
  const part = (name: string) => {
    const bytes = pkg.part(name);
    return bytes === null ? null : utf8Part(bytes, name, source);
  };
  const text = (name: string) => part(name)?.toString('utf8') ?? null;
  // The main part is where the package relationships say (most writers: xl/workbook.xml).
  const packageRels = relationships(text('_rels/.rels') ?? '', '');
  const workbookName = [...packageRels.values()].find((r) => r.type.endsWith(OFFICE_DOCUMENT))?.target ?? 'xl/workbook.xml';
  const workbook = text(workbookName);
  if (workbook === null) throw corrupt(source, `thiếu ${workbookName}`);
  const rels = relationships(text(relsOf(workbookName)) ?? '', directoryOf(workbookName));
  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const named = (type: string) => {
    const name = partOf(type);
    return name === undefined ? null : part(name);
  };
  const sharedStrings = readSharedStrings(named('sharedStrings') ?? EMPTY);
  const book = workbookPart(workbook);
  const styles = named('styles');
  const ctx = new ReadLimits(sharedStrings, dateStyles(styles?.toString('utf8') ?? ''), book.date1904, source, options);
  const sheets: SheetGrid[] = [];
  const read = new Set<string>();
  for (const listed of book.sheets) {
    const name = listed.name ?? `Sheet${sheets.length + 1}`;
    const rel = listed.id === undefined ? undefined : rels.get(listed.id);
    const xml = rel && rel.type.endsWith('/worksheet') ? part(rel.target) : EMPTY;
    if (xml === null) throw corrupt(source, `thiếu phần ${rel!.target} của trang "${name}"`);
    ctx.startSheet(name);
    const data = readSheetXml(xml, ctx);
    sheets.push({ name, state: listed.state, values: data.values, formulas: data.formulas, ...(data.merges.length > 0 ? { merges: data.merges } : {}) });
    if (rel) read.add(rel.target);
  }
  // A worksheet the workbook does not list is invisible to Excel, but a file carrying a
  // hidden flood of cells or a zip bomb is refused all the same: it is not a real submission.
  for (const name of pkg.worksheetParts) {
    if (read.has(name)) continue;
    ctx.startSheet(name);
    readSheetXml(part(name) ?? EMPTY, ctx);
  }
  return { source, sheets, names: book.names };
}

/** Each tag of a small part (workbook, relationships, styles), in order, in one forward pass. */
function eachTag(xml: string, visit: (name: string, attrs: string, closing: boolean, selfClosing: boolean, end: number, start: number) => void): void {
  const at = newTagAt();
  for (let i = 0; nextTag(xml, i, at); i = at.next) {
    if (at.kind === 'tag') visit(xml.slice(at.localStart, at.localEnd), xml.slice(at.localEnd, at.attrEnd), at.closing, at.selfClosing, at.next, at.lt);
  }
}

interface WorkbookPart {
  sheets: { name: string | undefined; id: string | undefined; state: SheetGrid['state'] }[];
  date1904: boolean;
  names: Record<string, string>;
}

function workbookPart(workbook: string): WorkbookPart {
  const out: WorkbookPart = { sheets: [], date1904: false, names: {} };
  let definedName: { name: string | undefined; from: number } | null = null;
  eachTag(workbook, (tag, attrs, closing, selfClosing, end, start) => {
    if (closing) {
      if (tag === 'definedName' && definedName) {
        if (definedName.name !== undefined) out.names[definedName.name] = decodeXml(workbook.slice(definedName.from, start));
        definedName = null;
      }
      return;
    }
    if (tag === 'sheet') {
      const a = attributes(attrs);
      out.sheets.push({ name: a.name, id: a.id, state: a.state === 'veryHidden' ? 'veryHidden' : a.state === 'hidden' ? 'hidden' : 'visible' });
    } else if (tag === 'workbookPr') {
      const flag = attributes(attrs).date1904;
      out.date1904 = flag === '1' || flag === 'true';
    } else if (tag === 'definedName' && !selfClosing) definedName = { name: attributes(attrs).name, from: end };
  });
  return out;
}

interface Relationship {
  type: string;
  target: string;
}

/** Id → part, with targets resolved against the folder of the part they belong to. */
function relationships(xml: string, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  eachTag(xml, (tag, attrs, closing) => {
    if (closing || tag !== 'Relationship') return;
    const a = attributes(attrs);
    if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') return;
    out.set(a.Id, { type: a.Type ?? '', target: resolvePart(base, a.Target) });
  });
  return out;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
function relsOf(name: string): string {
  const dir = directoryOf(name);
  return `${dir}${dir === '' ? '' : '/'}_rels/${name.slice(dir.length === 0 ? 0 : dir.length + 1)}.rels`;
}

function directoryOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

/** "worksheets/sheet1.xml", "/xl/…" or "../xl/…" against a part's folder. */
function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}/${target}`).split('/');
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
  let inCellXfs = false;
  let index = 0;
  const out = new Set<number>();
  eachTag(xml, (tag, attrs, closing, selfClosing) => {
    if (tag === 'numFmt' && !closing) {
      const a = attributes(attrs);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    } else if (tag === 'cellXfs') inCellXfs = !closing && !selfClosing;
    else if (tag === 'xf' && inCellXfs && !closing) {
      const id = Number(attributes(attrs).numFmtId ?? 0);
      if (DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(index);
      index++;
    }
  });
  return out;
}
