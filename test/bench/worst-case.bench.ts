/**
 * npm run bench — hostile files: each worst case a file under the size limit can carry
 * (unclosed tags, deep nesting, long attribute runs, floods of empty elements, in every
 * part the reader scans), checked as the CLI checks one file, start to verdict. Goal: no
 * file takes more than 2 s. Reported, never asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import JSZip from 'jszip';
import { checkFile } from '../../src/cli/check-file';
import { MAX_FILE_BYTES } from '../../src/workbook/xlsx/limits';
import { renderFilled, typedAssessment } from '../helpers/filled-workbook';
import { report } from './measure';

const GOAL_MS = 2000;

/** Part → how it is made hostile. Sizes are inflated sizes; compressed, each file is far under the limit. */
const CASES: Record<string, [part: string, edit: (xml: string) => string]> = {
  'styles.xml: ~600 KB of "<a" after the end': ['xl/styles.xml', (x) => x + '<a'.repeat(300_000)],
  'styles.xml: 50 MB of "<a"': ['xl/styles.xml', (x) => x + '<a'.repeat(25_000_000)],
  'styles.xml: a number format of 5 M "["': ['xl/styles.xml', (x) => x.replace('<fonts', `<numFmts count="1"><numFmt numFmtId="200" formatCode="${'['.repeat(5_000_000)}"/></numFmts><fonts`)],
  'workbook.xml: 2 M unclosed <definedName>': ['xl/workbook.xml', (x) => x + '<definedName>'.repeat(2_000_000)],
  'workbook.xml: a 10 MB attribute run': ['xl/workbook.xml', (x) => x.replace('<workbookPr', `<workbookPr ${'a="1" '.repeat(1_700_000)}`)],
  'relationships: 2 M unclosed quotes': ['xl/_rels/workbook.xml.rels', (x) => x + '<Relationship a="'.repeat(2_000_000)],
  'sharedStrings.xml: 2 M unclosed <si><t>': ['xl/sharedStrings.xml', (x) => x.replace('</sst>', '<si><t>'.repeat(2_000_000) + '</sst>')],
  'sheet: 5 M empty cells': ['xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', '<c r="Z9" s="1"/>'.repeat(5_000_000) + '</sheetData>')],
  'sheet: 3 M levels of nesting': ['xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', '<x>'.repeat(3_000_000) + '</x>'.repeat(3_000_000) + '</sheetData>')],
  'sheet: a 30 MB attribute run in one cell': ['xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', `<row r="300"><c r="A300" ${'b="1" '.repeat(5_000_000)}><v>1</v></c></row></sheetData>`)],
  'sheet: 2 M unclosed <c><f>': ['xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', '<c r="A1"><f>'.repeat(2_000_000) + '</sheetData>')],
  'sheet: a 4 MB formula of nested SUMs over a parent’s total': ['xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="E13"([^>]*)><f>[^<]*<\/f>/, `<c r="E13"$1><f>${'SUM('.repeat(500_000)}1${')'.repeat(500_000)}</f>`)],
};

export async function benchWorstCase(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'par-bench-worst-'));
  try {
    const clean = await renderFilled(typedAssessment());
    const cleanPath = join(tmp, 'sach.xlsx');
    writeFileSync(cleanPath, clean);
    for (let i = 0; i < 3; i++) await checkFile(cleanPath, 'sach.xlsx');
    const extra: Record<string, string> = {};
    let worst = 0;
    for (const [name, [part, edit]] of Object.entries(CASES)) {
      const zip = await JSZip.loadAsync(clean);
      zip.file(part, edit(await zip.file(part)!.async('string')));
      const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
      const path = join(tmp, 'xau.xlsx');
      writeFileSync(path, data);
      const t0 = performance.now();
      const verdict = await checkFile(path, 'xau.xlsx');
      const ms = performance.now() - t0;
      worst = Math.max(worst, ms);
      const outcome = verdict.readable ? 'read' : `refused (${verdict.reason})`;
      extra[name] = `${ms.toFixed(0)} ms, ${(data.length / 1024).toFixed(0)} KB of ${(MAX_FILE_BYTES / 1024 / 1024).toFixed(0)} MB allowed, ${outcome}`;
    }
    extra['slowest file'] = `${worst.toFixed(0)} ms (goal < ${GOAL_MS} ms) ${worst < GOAL_MS ? '✓' : '✗'}`;
    report('hostile files, one at a time (par-index check of one file, in this thread)', [], extra);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchWorstCase().catch((e) => {
    process.stderr.write(String(e?.stack ?? e) + '\n');
    process.exitCode = 1;
  });
}
