/**
 * A file made with an earlier template is checked against that template's formulas: the
 * fixture was made by the 1.0.0 template (par-index template, then filled by
 * test/fixtures/template-1.0.0/fill.js) before the head block changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { TEMPLATE_VERSION } from '../../src/workbook/layout';
import { checkWorkbook } from '../../src/workbook/read/check';
import { templateVersionOf } from '../../src/workbook/template-versions';
import { minhHoa, readOk } from '../helpers/filled-workbook';

const fixture = readFileSync(join(__dirname, '../fixtures/template-1.0.0/minh-hoa-3-cap-filled.xlsx'));

test('a file filled with the 1.0.0 template checks clean after today’s formula changes', async () => {
  const read = await readOk(fixture, 'cu.xlsx');
  const problems = checkWorkbook(read).problems;
  expect(problems.filter((p) => p.code === 'formula-changed' || p.code === 'formula-overwritten')).toEqual([]);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  // The check is meaningful: today's template writes other formulas in that head.
  const today = buildWorkbook(minhHoa, { year: 2025 }).sheets[0].cells;
  const old = buildWorkbook(minhHoa, { year: 2025, templateVersion: '1.0.0' }).sheets[0].cells;
  const formulaAt = (cells: typeof today, row: number, col: number) => cells.find((c) => c.row === row && c.col === col)?.formula;
  expect(formulaAt(today, 4, 9)).not.toBe(formulaAt(old, 4, 9));
  expect(TEMPLATE_VERSION).not.toBe('1.0.0');
});

test('the template version to compare with: the file’s own, 1.0.0 before versions were kept, ours for a newer one', () => {
  expect(templateVersionOf('1.0.0')).toBe('1.0.0');
  expect(templateVersionOf(TEMPLATE_VERSION)).toBe(TEMPLATE_VERSION);
  expect(templateVersionOf(null)).toBe('1.0.0');
  expect(templateVersionOf('9.9.9')).toBe(TEMPLATE_VERSION);
});
