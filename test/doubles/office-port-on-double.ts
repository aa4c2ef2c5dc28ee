/** The pane's Office.js port wired to the recording double, as the pane wires it to Excel. */
import { createOfficePort } from '../../src/workbook/office/port';
import type { WorkbookPort } from '../../src/workbook/port';
import type { ExcelDouble } from './excel-recording-double';

export function officePortOn(double: ExcelDouble, debounceMs = 5): WorkbookPort {
  return createOfficePort({
    run: (batch) => double.Excel.run(batch),
    runOn: (context, batch) => double.Excel.run(context, batch),
    isSetSupported: (name, version) => double.Office.context.requirements.isSetSupported(name, version),
    debounceMs,
  });
}
