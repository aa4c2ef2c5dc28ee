/**
 * Text from submissions in the consolidation report: a unit named "-Sở D-" or
 * "=HYPERLINK(…)" reads exactly so, as a text cell, never as a formula and without a
 * visible apostrophe — in the .xlsx the CLI writes and as LibreOffice reads that file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { checkPickedFiles } from '../../src/workbook/check-files';
import { consolidate, CONSOLIDATION_SHEETS } from '../../src/workbook/consolidation';
import { gridValue, gridFormula } from '../../src/workbook/grid';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { minhHoa, renderFilled, typedAssessment } from '../helpers/filled-workbook';
import { sofficePath } from '../helpers/libreoffice';

jest.setTimeout(120_000);

const UNITS = ['-Sở D-', '=HYPERLINK("http://vi-du.invalid","Sở E")', '+Sở F', '@Sở G'];

let report: Buffer;
beforeAll(async () => {
  const files = await checkPickedFiles(await Promise.all(UNITS.map(async (unit, i) => ({ name: `don-vi-${i}.xlsx`, bytes: new Uint8Array(await renderFilled(typedAssessment(), minhHoa, unit)) }))));
  report = await renderXlsx(consolidate(files, { createdAt: '2025-11-20' }));
});

it('every formula-like unit name is a text cell holding the name as typed', async () => {
  const grid = await readXlsxGrid(report, 'tong-hop.xlsx');
  const summary = grid.sheets.find((s) => s.name === CONSOLIDATION_SHEETS.summary)!;
  const found = new Map<string, string | null>();
  for (let r = 1; r <= summary.values.length; r++) {
    const v = gridValue(summary, r, 2);
    if (typeof v === 'string' && UNITS.includes(v)) found.set(v, gridFormula(summary, r, 2));
  }
  expect([...found.keys()].sort()).toEqual([...UNITS].sort());
  expect([...found.values()]).toEqual(UNITS.map(() => null));
});

it('LibreOffice reads the same text, not a formula result', () => {
  const soffice = sofficePath();
  if (!soffice) return;
  const tmp = mkdtempSync(join(tmpdir(), 'par-report-'));
  try {
    writeFileSync(join(tmp, 'tong-hop.xlsx'), report);
    const profile = join(tmp, 'profile');
    const run = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', tmp, join(tmp, 'tong-hop.xlsx')], {
      env: { ...process.env, HOME: tmp, SAL_USE_VCLPLUGIN: 'svp' },
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    // The filter quotes every text cell: each name is quoted text, as typed.
    const csv = readFileSync(join(tmp, 'tong-hop.csv'), 'utf8');
    for (const unit of ['-Sở D-', '+Sở F', '@Sở G']) expect(csv).toContain(`,"${unit}",`);
    expect(csv).toContain('"=HYPERLINK(""http://vi-du.invalid"",""Sở E"")"');
    expect(csv).not.toContain("'-Sở D-");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
