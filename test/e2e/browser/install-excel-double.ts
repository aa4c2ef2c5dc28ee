/**
 * Browser entry of the end-to-end harness: served INSTEAD OF office.js, it installs the
 * recording Excel test double as `window.Excel` / `window.Office`. The test reaches the same
 * double as `window.parExcelDouble` to inspect the workbook model and to play the user.
 * A test may seed the workbook by setting `window.parExcelDoubleOptions` in an init script.
 */
import { createExcelDouble, type ExcelDouble, type ExcelDoubleOptions } from '../../doubles/excel-recording-double';

interface DoubleWindow {
  parExcelDouble?: ExcelDouble;
  parExcelDoubleOptions?: ExcelDoubleOptions;
}

const win = window as unknown as DoubleWindow & Record<string, unknown>;
const double = createExcelDouble(win.parExcelDoubleOptions ?? {});
double.install(win);
win.parExcelDouble = double;
