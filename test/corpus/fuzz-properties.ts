/**
 * Property-based fuzzing of the reader: whatever bytes arrive — a good file with bytes
 * flipped or cut short, a package whose sheet XML is random, a random grid — reading and
 * checking either succeeds or refuses the file with UnreadableWorkbookError, the one
 * documented failure. Shared by the tests (a few hundred cases) and the bench (10 000+).
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { findBundledSet } from '../../src/criteria';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { checkWorkbook } from '../../src/workbook/read/check';
import { interpretWorkbook } from '../../src/workbook/read/interpret';
import type { WorkbookSpec } from '../../src/workbook/spec';
import { readXlsxGrid, UnreadableWorkbookError } from '../../src/workbook/xlsx/read-grid';
import { writeSpreadsheetMl } from '../helpers/spreadsheetml-writer';

/** Reads and checks; resolves 'read' or 'refused', rejects with anything else. */
export async function readAndCheck(buffer: Buffer): Promise<'read' | 'refused'> {
  try {
    const read = interpretWorkbook(await readXlsxGrid(buffer, 'fuzz.xlsx'));
    if (read.ok) checkWorkbook(read);
    return 'read';
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return 'refused';
    throw e;
  }
}

export interface FuzzBase {
  file: Buffer;
  zip: JSZip;
  spec: WorkbookSpec;
}

export async function fuzzBase(): Promise<FuzzBase> {
  const spec = buildWorkbook(findBundledSet('lai-chau-so-2025')!, { unit: 'Sở Xây dựng', year: 2025, createdAt: '' });
  const file = await writeSpreadsheetMl(spec);
  return { file, zip: await JSZip.loadAsync(file), spec };
}

const xmlish = fc.array(
  fc.oneof(
    fc.constantFrom('<c r="A1">', '<c r="ZZZZ9">', '<c r="B2" t="s"><v>99999</v></c>', '<row r="0">', '<row r="1048577">', '<f t="shared" si="0"/>', '<f t="shared" ref="A1:A9" si="0">A1+</f>', '<v>1e400</v>', '<is><t>', '</c>', '</row>', '&#xFFFFFF;', '&#55296;', '_xD800_', '<sheetData>', '</sheetData>', '<c t="e"><v>#N/A</v></c>', '<c t="d"><v>không phải ngày</v></c>', '"', "'", '<'),
    fc.string({ maxLength: 30 }),
  ),
  { maxLength: 60 },
);

export function readerProperties(base: FuzzBase) {
  const mutatedBytes = fc.asyncProperty(
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
    fc.option(fc.nat(), { nil: undefined }),
    async (flips, cut) => {
      const b = Buffer.from(base.file);
      for (const [at, byte] of flips) b[at % b.length] = byte;
      await readAndCheck(cut === undefined ? b : b.subarray(0, cut % b.length));
    },
  );
  const randomSheetXml = fc.asyncProperty(xmlish, fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml'), async (parts, part) => {
    const zip = await JSZip.loadAsync(base.file);
    const original = await zip.file(part)!.async('string');
    const at = original.indexOf('<sheetData>') >= 0 ? original.indexOf('<sheetData>') + 11 : Math.floor(original.length / 2);
    zip.file(part, original.slice(0, at) + parts.join('') + original.slice(at));
    await readAndCheck(await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
  });
  const cellValue = fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null), fc.constantFrom('15,3', 'x', '=SUM(A1)', '#REF!', '1.1.1', 'TỔNG CỘNG', 'Mã'));
  const randomGrid = fc.asyncProperty(
    fc.array(fc.tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 22 }), cellValue, fc.boolean()), { maxLength: 80 }),
    async (edits) => {
      // The template with random cells typed over it: values, and formulas written as text.
      const spec = structuredClone(base.spec);
      const sheet = spec.sheets[edits.length % spec.sheets.length];
      for (const [row, col, value, asFormula] of edits) {
        const cell = { row, col, ...(asFormula && typeof value === 'string' ? { formula: value } : { value: typeof value === 'number' && !Number.isFinite(value) ? 0 : value }) };
        const at = sheet.cells.findIndex((c) => c.row === row && c.col === col);
        if (at >= 0) sheet.cells[at] = cell;
        else sheet.cells.push(cell);
      }
      await readAndCheck(await writeSpreadsheetMl(spec));
    },
  );
  return { mutatedBytes, randomSheetXml, randomGrid };
}
