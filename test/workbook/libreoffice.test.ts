import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findBundledSet } from '../../src/criteria';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { recalculate, valueAt } from '../helpers/libreoffice';

test('explore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'x-'));
  const set = findBundledSet('minh-hoa-3-cap')!;
  const buf = await renderXlsx(buildWorkbook(set, { unit: 'U', year: 2025, createdAt: '2025-01-01T00:00:00Z' }));
  writeFileSync(join(dir, 'raw.xlsx'), buf);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const ws = wb.getWorksheet('Chấm điểm')!;
  ws.getCell('E10').value = 0.25;
  await wb.xlsx.writeFile(join(dir, 'filled.xlsx'));
  const t = Date.now();
  const out = await recalculate([join(dir, 'raw.xlsx'), join(dir, 'filled.xlsx')]);
  console.log('lo ms', Date.now() - t, out);
  for (const f of [join(dir, 'raw.xlsx'), join(dir, 'filled.xlsx'), ...out]) {
    const zip = await JSZip.loadAsync(readFileSync(f));
    console.log(f, Object.keys(zip.files).join(' '));
    const wbx = await zip.file('xl/workbook.xml')!.async('string');
    console.log(wbx.slice(0, 1500));
    const s1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const dv = s1.match(/<dataValidations[\s\S]*?<\/dataValidations>/)?.[0] ?? 'NO DV';
    console.log(dv.slice(0, 2500));
    console.log((s1.match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g) ?? []).join('\n').slice(0, 4000));
    console.log(s1.match(/<sheetProtection[^>]*>/)?.[0]);
  }
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(out[1]);
  for (const a of ['E4','I4','L4','E8','C8','P8','K10','E10','L10']) console.log(a, JSON.stringify(lo.getWorksheet('Chấm điểm')!.getCell(a).value), valueAt(lo,'Chấm điểm',a));
}, 120000);
