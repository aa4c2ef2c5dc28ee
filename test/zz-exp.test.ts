import ExcelJS from 'exceljs';
import { findBundledSet } from '../src/criteria';
import { buildWorkbook } from '../src/workbook/build-workbook';
import { renderXlsx } from '../src/workbook/xlsx/render';
import { writeFileSync } from 'node:fs';
test('x', async () => {
  const set = findBundledSet('minh-hoa-3-cap')!;
  const buf = await renderXlsx(buildWorkbook(set, { unit: 'U', year: 2025 }));
  writeFileSync('/tmp/exp/raw.xlsx', buf);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  for (const ws of wb.worksheets) console.log(ws.name, ws.state, ws.rowCount, ws.columnCount, ws.actualRowCount);
  const ws = wb.getWorksheet('Chấm điểm')!;
  for (const a of ['A1','E4','I4','L4','A7','A8','C8','D8','E8','P8','K10','E10','T10']) { const c = ws.getCell(a); console.log(a, c.type, JSON.stringify(c.value), c.formula, (c as any).formulaType); }
  console.log(JSON.stringify(wb.definedNames.model));
}, 60000);
