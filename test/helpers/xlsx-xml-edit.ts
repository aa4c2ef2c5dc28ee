/**
 * A second writer for tests: edits the XML inside an .xlsx directly, the way another
 * spreadsheet program's save would leave it, without going through exceljs. It types
 * constants over cells (numbers, inline strings such as "15,3"), clears cells, inserts and
 * deletes rows — moving every later row and every formula reference like Excel does,
 * with #REF! for references into a deleted row — renames and removes sheets.
 *
 * The reference shifting here is deliberately a separate, regex-based implementation,
 * so the reader's own formula code is not tested against itself.
 */
import JSZip from 'jszip';

export type XmlCellValue = number | string | boolean | null;

interface SheetEntry {
  name: string;
  path: string;
  rid: string;
}

const REF = /(?<![\p{L}\p{N}_.$'!])(('(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\p{L}\p{N}_(])/gu;

export class XlsxXml {
  private constructor(
    private readonly zip: JSZip,
    private workbook: string,
    private readonly sheets: SheetEntry[],
    private readonly xml: Map<string, string>,
  ) {}

  static async open(buffer: Buffer | Uint8Array): Promise<XlsxXml> {
    const zip = await JSZip.loadAsync(buffer);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id')!, attr(m[0], 'Target')!]));
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => {
      const rid = attr(m[0], 'r:id')!;
      const target = targets.get(rid)!.replace(/^\/?(xl\/)?/, '');
      return { name: unescapeXml(attr(m[0], 'name')!), path: `xl/${target}`, rid };
    });
    const xml = new Map<string, string>();
    for (const s of sheets) xml.set(s.path, await zip.file(s.path)!.async('string'));
    return new XlsxXml(zip, workbook, sheets, xml);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The raw XML of a sheet (for assertions). */
  sheetXml(name: string): string {
    return this.xml.get(this.entry(name).path)!;
  }

  /** Types a constant over a cell (a formula there is gone), keeping its style. Text is written inline. */
  setCell(sheet: string, ref: string, value: XmlCellValue): this {
    const s = this.entry(sheet);
    const row = Number(/\d+$/.exec(ref)![0]);
    let xml = this.xml.get(s.path)!;
    const existing = findCell(xml, ref);
    const style = existing ? attr(existing.text, 's') : undefined;
    const styleAttr = style !== undefined ? ` s="${style}"` : '';
    let cell: string;
    if (value === null) cell = `<c r="${ref}"${styleAttr}/>`;
    else if (typeof value === 'number') cell = `<c r="${ref}"${styleAttr}><v>${value}</v></c>`;
    else if (typeof value === 'boolean') cell = `<c r="${ref}"${styleAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
    else cell = `<c r="${ref}"${styleAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
    if (existing) xml = xml.slice(0, existing.start) + cell + xml.slice(existing.end);
    else xml = insertCell(xml, row, ref, cell);
    this.xml.set(s.path, xml);
    return this;
  }

  /** Replaces a cell's formula text (keeps the cell, drops its cached value). */
  setFormula(sheet: string, ref: string, formula: string): this {
    const s = this.entry(sheet);
    let xml = this.xml.get(s.path)!;
    const existing = findCell(xml, ref);
    if (!existing) throw new Error(`no cell ${ref} in ${sheet}`);
    const style = attr(existing.text, 's');
    const cell = `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}><f>${escapeXml(formula)}</f></c>`;
    xml = xml.slice(0, existing.start) + cell + xml.slice(existing.end);
    this.xml.set(s.path, xml);
    return this;
  }

  /** Empties every cell of a row (the row stays, as after selecting it and pressing Delete). */
  clearRow(sheet: string, row: number): this {
    const s = this.entry(sheet);
    const xml = this.xml.get(s.path)!;
    this.xml.set(
      s.path,
      xml.replace(rowPattern(row), (rowXml) =>
        rowXml.replace(/<c\b[^>]*?(\/>|>[\s\S]*?<\/c>)/g, (c) => {
          const r = attr(c, 'r')!;
          const st = attr(c, 's');
          return `<c r="${r}"${st !== undefined ? ` s="${st}"` : ''}/>`;
        }),
      ),
    );
    return this;
  }

  /** Inserts `count` empty rows before `before`, moving rows and references down like Excel. */
  insertRows(sheet: string, before: number, count: number, fill?: Record<string, XmlCellValue>): this {
    this.moveRows(sheet, (r) => (r >= before ? r + count : r));
    const s = this.entry(sheet);
    let xml = this.xml.get(s.path)!;
    for (let k = 0; k < count; k++) {
      const row = before + k;
      xml = insertRowXml(xml, row, `<row r="${row}"></row>`);
    }
    this.xml.set(s.path, xml);
    for (const [col, value] of Object.entries(fill ?? {})) this.setCell(sheet, `${col}${before}`, value);
    return this;
  }

  /** Deletes a row: later rows move up, references into it become #REF!. */
  deleteRow(sheet: string, row: number): this {
    const s = this.entry(sheet);
    this.xml.set(s.path, this.xml.get(s.path)!.replace(rowPattern(row), ''));
    this.moveRows(sheet, (r) => (r === row ? null : r > row ? r - 1 : r));
    return this;
  }

  /**
   * Sorts rows as Excel and LibreOffice do: the contents of `rows` are put in the given
   * order (order[k] is the row whose contents land in rows[k]); formulas in a moved row
   * keep their relative references relative, and nothing outside is rewritten, so a
   * formula elsewhere that named those cells still names the same cells.
   */
  sortRows(sheet: string, rows: readonly number[], order: readonly number[]): this {
    const s = this.entry(sheet);
    let xml = this.xml.get(s.path)!;
    const contents = new Map(rows.map((r) => [r, rowPattern(r).exec(xml)![0]]));
    const moved = rows.map((target, k) => {
      const from = order[k];
      const delta = target - from;
      return contents
        .get(from)!
        .replace(/(<row\b[^>]*\br=")\d+"/, `$1${target}"`)
        .replace(/(<c\b[^>]*\br="[A-Z]+)\d+"/g, `$1${target}"`)
        .replace(/(<f\b[^>]*>)([\s\S]*?)(<\/f>)/g, (_m, open: string, body: string, close: string) =>
          open +
          escapeXml(
            outsideStrings(unescapeXml(body), (part) =>
              part.replace(REF, (m, prefix: string | undefined, _name: string | undefined, cd: string, col: string, rd: string, r: string) =>
                prefix || rd === '$' ? m : `${cd}${col}${Number(r) + delta}`,
              ),
            ),
          ) +
          close,
        );
    });
    for (const r of rows) xml = xml.replace(contents.get(r)!, `\u0000${r}\u0000`);
    rows.forEach((r, k) => (xml = xml.replace(`\u0000${r}\u0000`, moved[k])));
    this.xml.set(s.path, xml);
    return this;
  }

  /** Inserts an empty column before column `before` (1-based), moving cells and references right like Excel. */
  insertColumn(sheet: string, before: number): this {
    const s = this.entry(sheet);
    const move = (col: string) => {
      const n = colNumber(col);
      return n >= before ? colLetters(n + 1) : col;
    };
    let xml = this.xml.get(s.path)!;
    xml = xml.replace(/(<c\b[^>]*\br=")([A-Z]+)(\d+)"/g, (_m, head: string, col: string, r: string) => `${head}${move(col)}${r}"`);
    xml = xml.replace(/\b(ref|sqref)="([^"]*)"/g, (_m, key: string, value: string) => `${key}="${value.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_mm, c: string, r: string) => `${move(c)}${r}`)}"`);
    // Column widths and the rows' cell spans are layout only; they are left as they were.
    xml = xml.replace(/\sspans="[^"]*"/g, '');
    this.xml.set(s.path, xml);
    this.rewriteFormulas((formula, own) =>
      outsideStrings(formula, (part) =>
        part.replace(REF, (m, prefix: string | undefined, name: string | undefined, cd: string, col: string, rd: string, r: string) => {
          const target = name ? sheetName(name) : own;
          return target === sheet ? `${prefix ?? ''}${cd}${move(col)}${rd}${r}` : m;
        }),
      ),
    );
    return this;
  }

  /** Hides rows (the row keeps its cells; only its hidden flag changes). */
  hideRows(sheet: string, rows: readonly number[]): this {
    const s = this.entry(sheet);
    let xml = this.xml.get(s.path)!;
    for (const r of rows) xml = xml.replace(new RegExp(`<row\\b([^>]*)\\br="${r}"`), `<row hidden="1"$1r="${r}"`);
    this.xml.set(s.path, xml);
    return this;
  }

  /** Renames a sheet and every reference to it, as Excel does. */
  renameSheet(from: string, to: string): this {
    const s = this.entry(from);
    this.workbook = this.workbook.replace(/<sheet\b[^>]*\/>/g, (tag) => (unescapeXml(attr(tag, 'name')!) === from ? tag.replace(/name="[^"]*"/, `name="${escapeXml(to)}"`) : tag));
    const rename = (formula: string) =>
      outsideStrings(formula, (part) =>
        part.replace(/('(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!/gu, (m, name: string) => (sheetName(name) === from ? `${quote(to)}!` : m)),
      );
    this.rewriteFormulas(rename);
    s.name = to;
    return this;
  }

  /** Removes a sheet from the workbook (and its names). */
  removeSheet(name: string): this {
    const s = this.entry(name);
    const index = this.sheets.indexOf(s);
    this.workbook = this.workbook.replace(/<sheet\b[^>]*\/>/g, (tag) => (attr(tag, 'r:id') === s.rid ? '' : tag));
    this.workbook = this.workbook.replace(/<definedName\b[^>]*>([\s\S]*?)<\/definedName>/g, (tag, body: string) => {
      const local = attr(tag, 'localSheetId');
      if (local !== undefined && Number(local) === index) return '';
      return unescapeXml(body).includes(`${quote(name)}!`) || unescapeXml(body).includes(`${name}!`) ? '' : tag;
    });
    this.zip.remove(s.path);
    this.xml.delete(s.path);
    this.sheets.splice(index, 1);
    return this;
  }

  async save(): Promise<Buffer> {
    for (const [path, text] of this.xml) this.zip.file(path, text);
    this.zip.file('xl/workbook.xml', this.workbook);
    // Cached values would be stale after these edits; ask for a recalculation like Excel's save would.
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  private entry(name: string): SheetEntry {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet "${name}" (sheets: ${this.sheetNames().join(', ')})`);
    return s;
  }

  /** Renumbers rows of one sheet and moves every reference into it (null: the row is gone). */
  private moveRows(sheet: string, move: (row: number) => number | null): void {
    const s = this.entry(sheet);
    // Row and cell numbers in the sheet itself.
    let xml = this.xml.get(s.path)!;
    xml = xml.replace(/<row\b[^>]*>/g, (tag) => {
      const r = Number(attr(tag, 'r'));
      const to = move(r);
      return to === null ? tag : tag.replace(/\br="\d+"/, `r="${to}"`);
    });
    xml = xml.replace(/(<c\b[^>]*\br=")([A-Z]+)(\d+)"/g, (_m, head: string, col: string, r: string) => `${head}${col}${move(Number(r)) ?? r}"`);
    // Ranges in merges, validations and conditional formats.
    xml = xml.replace(/\b(ref|sqref)="([^"]*)"/g, (_m, key: string, value: string) => `${key}="${value.replace(/\b([A-Z]{1,3})(\d+)\b/g, (mm, c: string, r: string) => `${c}${move(Number(r)) ?? r}`)}"`);
    this.xml.set(s.path, xml);
    const shift = (formula: string, own: string) =>
      outsideStrings(formula, (part) =>
        part.replace(REF, (m, prefix: string | undefined, name: string | undefined, cd: string, col: string, rd: string, r: string) => {
          const target = name ? sheetName(name) : own;
          if (target !== sheet) return m;
          const to = move(Number(r));
          return to === null ? `${prefix ?? ''}#REF!` : `${prefix ?? ''}${cd}${col}${rd}${to}`;
        }),
      );
    this.rewriteFormulas(shift);
  }

  /** Applies `edit` to every formula in every sheet and to every defined name. */
  private rewriteFormulas(edit: (formula: string, ownSheet: string) => string): void {
    for (const s of this.sheets) {
      const xml = this.xml.get(s.path)!;
      this.xml.set(
        s.path,
        xml
          .replace(/(<f\b[^>]*>)([\s\S]*?)(<\/f>)/g, (_m, open: string, body: string, close: string) => open + escapeXml(edit(unescapeXml(body), s.name)) + close)
          .replace(/(<formula[12]?>)([\s\S]*?)(<\/formula[12]?>)/g, (_m, open: string, body: string, close: string) => open + escapeXml(edit(unescapeXml(body), s.name)) + close),
      );
    }
    this.workbook = this.workbook.replace(/(<definedName\b[^>]*>)([\s\S]*?)(<\/definedName>)/g, (_m, open: string, body: string, close: string) => open + escapeXml(edit(unescapeXml(body), '')) + close);
  }
}

function findCell(xml: string, ref: string): { start: number; end: number; text: string } | null {
  const re = new RegExp(`<c\\b[^>]*\\br="${ref}"[^>]*?(\\/>|>[\\s\\S]*?<\\/c>)`);
  const m = re.exec(xml);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

function rowPattern(row: number): RegExp {
  return new RegExp(`<row\\b[^>]*\\br="${row}"[^>]*?(\\/>|>[\\s\\S]*?<\\/row>)`);
}

function insertCell(xml: string, row: number, ref: string, cell: string): string {
  const m = rowPattern(row).exec(xml);
  if (!m) return insertRowXml(xml, row, `<row r="${row}">${cell}</row>`);
  let rowXml = m[0].endsWith('/>') ? m[0].replace(/\/>$/, `></row>`) : m[0];
  const col = colNumber(/^[A-Z]+/.exec(ref)![0]);
  const cells = [...rowXml.matchAll(/<c\b[^>]*?(\/>|>[\s\S]*?<\/c>)/g)];
  const after = cells.find((c) => colNumber(/^[A-Z]+/.exec(attr(c[0], 'r')!)![0]) > col);
  const at = after ? after.index! : rowXml.lastIndexOf('</row>');
  rowXml = rowXml.slice(0, at) + cell + rowXml.slice(at);
  return xml.slice(0, m.index) + rowXml + xml.slice(m.index + m[0].length);
}

function insertRowXml(xml: string, row: number, rowXml: string): string {
  const rows = [...xml.matchAll(/<row\b[^>]*>/g)];
  const after = rows.find((r) => Number(attr(r[0], 'r')) > row);
  if (after) return xml.slice(0, after.index) + rowXml + xml.slice(after.index);
  if (xml.includes('<sheetData/>')) return xml.replace('<sheetData/>', `<sheetData>${rowXml}</sheetData>`);
  return xml.replace('</sheetData>', `${rowXml}</sheetData>`);
}

function outsideStrings(formula: string, edit: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');
}

function sheetName(written: string): string {
  return written.startsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : written;
}

function quote(name: string): string {
  return /^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function colLetters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}
