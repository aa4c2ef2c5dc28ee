/**
 * A second .xlsx writer for tests, not built on exceljs: the minimal SpreadsheetML a
 * program of its own would write — values, formulas (without cached results), shared
 * strings, sheet states (the very hidden _par sheet), defined names, merged cells and
 * hidden rows — zipped with jszip. Styles are one plain format: the reader must not
 * depend on how exceljs lays out its parts.
 */
import JSZip from 'jszip';
import { a1 } from '../../src/workbook/a1';
import type { SheetSpec, WorkbookSpec } from '../../src/workbook/spec';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export async function writeSpreadsheetMl(spec: WorkbookSpec): Promise<Buffer> {
  const zip = new JSZip();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (text: string) => {
    let i = stringIndex.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      stringIndex.set(text, i);
    }
    return i;
  };
  spec.sheets.forEach((sheet, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, shared)));
  const sheetEntries = spec.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state === 'visible' ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`).join('');
  const names = spec.names.map((n) => `<definedName name="${esc(n.name)}">${esc(n.ref)}</definedName>`).join('');
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheetEntries}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}<calcPr fullCalcOnLoad="1"/></workbook>`,
  );
  const n = spec.sheets.length;
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${spec.sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
  );
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  );
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${spec.sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

function sheetXml(sheet: SheetSpec, shared: (text: string) => number): string {
  const rows = new Map<number, string[]>();
  const cells = [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of cells) {
    const ref = a1(c.row, c.col);
    let xml: string | null = null;
    if (c.formula !== undefined) xml = `<c r="${ref}"><f>${esc(c.formula)}</f></c>`;
    else if (typeof c.value === 'number') xml = `<c r="${ref}"><v>${c.value}</v></c>`;
    else if (typeof c.value === 'boolean') xml = `<c r="${ref}" t="b"><v>${c.value ? 1 : 0}</v></c>`;
    else if (typeof c.value === 'string' && c.value !== '') xml = `<c r="${ref}" t="s"><v>${shared(c.value)}</v></c>`;
    if (xml === null) continue;
    const list = rows.get(c.row) ?? [];
    list.push(xml);
    rows.set(c.row, list);
  }
  const hidden = new Set(sheet.rows.filter((r) => r.hidden).map((r) => r.row));
  for (const r of hidden) if (!rows.has(r)) rows.set(r, []);
  const rowXml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => `<row r="${r}"${hidden.has(r) ? ' hidden="1"' : ''}>${rows.get(r)!.join('')}</row>`)
    .join('');
  const merges = sheet.merges.length > 0 ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${rowXml}</sheetData>${merges}</worksheet>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
