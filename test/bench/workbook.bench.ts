/**
 * npm run bench — the scoring workbook at 20 and ~500 rows: building the description,
 * writing .xlsx, reading it back and checking it, upgrading it, and how many
 * context.sync() calls the Office.js renderer makes (issue target: at most 3 whatever the size).
 */
import { buildPlan } from '../../src/domain';
import { findBundledSet } from '../../src/criteria';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { renderIntoWorkbook } from '../../src/workbook/office/render';
import { checkWorkbook } from '../../src/workbook/read/check';
import { interpretWorkbook } from '../../src/workbook/read/interpret';
import { planUpgradeOf } from '../../src/workbook/upgrade';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { createExcelDouble } from '../doubles/excel-recording-double';
import { syntheticAssessment, syntheticSet } from '../fixtures/synthetic-set';
import { measure, measureAsync, report } from './measure';

export async function benchWorkbook(): Promise<void> {
  const sets = [
    { label: 'lai-chau-so-2025', set: findBundledSet('lai-chau-so-2025')! },
    { label: 'minh-hoa-3-cap', set: findBundledSet('minh-hoa-3-cap')! },
    { label: 'synthetic 8×8×6', set: syntheticSet(8, 8, 6) },
  ];
  for (const { label, set } of sets) {
    const values = syntheticAssessment(set);
    const options = { unit: 'Sở Thử Nghiệm', year: 2025, createdAt: '2025-01-01T00:00:00.000Z', values };
    const spec = buildWorkbook(set, options);
    const file = await renderXlsx(spec);
    const grid = await readXlsxGrid(file, 'bench.xlsx');
    const read = interpretWorkbook(grid);
    if (!read.ok) throw new Error(`bench workbook unreadable: ${read.message}`);

    const double = createExcelDouble({ apiVersion: '1.10' });
    const uninstall = double.install();
    try {
      await renderIntoWorkbook(double.context, spec);
    } finally {
      uninstall();
    }

    const rows = [
      measure('buildWorkbook (description)', () => buildWorkbook(set, options), { runs: 30, warmup: 3 }),
      await measureAsync('renderXlsx (exceljs)', () => renderXlsx(spec), { runs: 5, warmup: 1 }),
      await measureAsync('readXlsxGrid', () => readXlsxGrid(file, 'bench.xlsx'), { runs: 5, warmup: 1 }),
      measure('interpret + checkWorkbook', () => {
        const r = interpretWorkbook(grid);
        if (r.ok) checkWorkbook(r);
      }, { runs: 20, warmup: 3 }),
      measure('buildPlan from the read file', () => buildPlan(read.set, read.assessment, { depth: Infinity }), { runs: 50, warmup: 5 }),
      measure('planUpgradeOf (same set)', () => planUpgradeOf(read, grid, set), { runs: 20, warmup: 3 }),
    ];
    report(`workbook: ${label} (${set.nodes.length} rows, ${set.leaves.length} leaves)`, rows, {
      'xlsx size': `${Math.round(file.length / 1024)} KB`,
      'Office.js context.sync() calls': `${double.syncCount()} (target ≤ 3)`,
      'operations per sync': double.syncDetails().map((d) => d.operations).join(' / '),
    });
  }
}
