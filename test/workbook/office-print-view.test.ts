/**
 * The pane switches the printed forms by the rule `par-index template --print` writes them with:
 * for each form, the columns of "Chấm điểm" the pane hides over the recording double are the
 * columns hidden in the file the command writes, and the sheet it activates is the one the
 * file opens on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { findBundledSet } from '../../src/criteria';
import { SCORING_COLUMNS, SHEETS } from '../../src/workbook/layout';
import { PRINT_VIEWS, type PrintView } from '../../src/workbook/print-views';
import { createExcelDouble } from '../doubles/excel-recording-double';
import { runCli } from '../helpers/run-cli';
import { officePortOn } from '../doubles/office-port-on-double';

const set = findBundledSet('minh-hoa-3-cap')!;
const tmp = mkdtempSync(join(tmpdir(), 'par-print-view-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let written = 0;

interface Written {
  hidden: number[];
  activeSheet: string;
}

/** What `template --print VIEW` writes: the hidden scoring columns and the sheet the file opens on. */
async function templateFile(view: PrintView): Promise<Written> {
  const file = join(tmp, `${view}-${++written}.xlsx`);
  const run = await runCli(['template', '--set', set.id, '--unit', 'Sở Tư pháp', '--year', '2025', '--print', view, '--out', file], tmp);
  expect(run.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEETS.scoring)!;
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  return {
    hidden: SCORING_COLUMNS.map((_, i) => i + 1).filter((col) => ws.getColumn(col).hidden),
    activeSheet: wb.worksheets[activeTab].name,
  };
}

test('each printed form hides in the pane exactly the columns the written file hides, and opens the same sheet', async () => {
  const double = createExcelDouble();
  const restore = double.install();
  try {
    const port = officePortOn(double);
    await port.insertScoringSheet(set, { unit: 'Sở Tư pháp', year: 2025 });
    const model = double.sheet(SHEETS.scoring);
    const paneHidden = () => SCORING_COLUMNS.map((_, i) => i + 1).filter((col) => model.columns.get(col)?.hidden === true);
    // Every form after every other, so each switch also undoes what the one before hid.
    const order: PrintView[] = [...PRINT_VIEWS, ...[...PRINT_VIEWS].reverse(), 'tham-dinh'];
    const seen = new Set<string>();
    for (const view of order) {
      const file = await templateFile(view);
      await port.setPrintView(view);
      expect([view, paneHidden()]).toEqual([view, file.hidden]);
      expect([view, double.state().activeSheet]).toEqual([view, file.activeSheet]);
      expect([view, (await port.readState()).printView]).toEqual([view, view]);
      seen.add(file.hidden.join(','));
    }
    // The forms differ from one another: a pane that hid nothing, or always the same, would fail.
    expect(seen.size).toBe(PRINT_VIEWS.length);
  } finally {
    restore();
  }
});

test('"Cập nhật" rebuilds the sheets on the form they showed, and the CLI does the same with --print', async () => {
  const double = createExcelDouble();
  const restore = double.install();
  try {
    const port = officePortOn(double);
    await port.insertScoringSheet(set, { unit: 'Sở Tư pháp', year: 2025 });
    await port.setPrintView('tham-dinh');
    await port.upgradeScoringSheet(set);
    expect((await port.readState()).printView).toBe('tham-dinh');
    const model = double.sheet(SHEETS.scoring);
    const paneHidden = SCORING_COLUMNS.map((_, i) => i + 1).filter((col) => model.columns.get(col)?.hidden === true);
    expect(paneHidden).toEqual((await templateFile('tham-dinh')).hidden);
  } finally {
    restore();
  }
  // The same file upgraded and re-imported on the command line, asked for the appraisal form.
  const source = join(tmp, 'nguon.xlsx');
  expect((await runCli(['template', '--set', set.id, '--year', '2025', '--out', source], tmp)).code).toBe(0);
  const upgraded = join(tmp, 'nang-cap.xlsx');
  const upgrade = await runCli(['upgrade', source, '--print', 'tham-dinh', '--out', upgraded], tmp);
  expect(upgrade.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(upgraded);
  const ws = wb.getWorksheet(SHEETS.scoring)!;
  expect(SCORING_COLUMNS.map((_, i) => i + 1).filter((col) => ws.getColumn(col).hidden)).toEqual((await templateFile('tham-dinh')).hidden);
  const wrong = await runCli(['upgrade', source, '--print', 'bieu-la', '--out', join(tmp, 'sai.xlsx')], tmp);
  expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('tu-danh-gia, tham-dinh, ke-hoach')]);
});
