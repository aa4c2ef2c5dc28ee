/**
 * Annexes as provinces lay them out: the set's title or the decision line right above the
 * header (no blank line between), a row of column numbers "(1) (2) (3)…" under it; the
 * level and year read from those lines. Tables rendered by the annex writer (tables.ts),
 * and one saved by LibreOffice from such a table.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importCriteriaSet, readHeading } from '../../src/domain/import';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { recalculate, sofficePath } from '../helpers/libreoffice';
import { camauItems } from './camau';
import { renderAnnex, treeOf } from './tables';

const META = { id: 'nhap-thu', title: 'Bộ nhập thử', year: 2025, level: 'so' as const, source: 'kiểm thử' };
const items = camauItems(10);

const TITLE = 'PHỤ LỤC: BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2026';
const DECISION = '(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/12/2025 của UBND tỉnh Cà Mau)';

describe('a title or decision line directly above the header', () => {
  for (const [what, titleRows] of [
    ['the set’s title', [TITLE]],
    ['the decision line', [TITLE, DECISION]],
  ] as const) {
    for (const header of ['plain', 'caps', 'merged', 'two-row'] as const) {
      it(`${what}, a ${header} header, column numbers under it: the exact tree`, () => {
        const table = renderAnnex(items, { titleRows: [...titleRows], titleTight: true, columnNumbers: true, header });
        const r = importCriteriaSet(table.sheet, META);
        if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
        expect(r.set.items).toEqual(treeOf(items));
        expect(r.table.headerRow).toBe(titleRows.length + 1);
      });
    }
  }

  it('the level and year come from those lines', () => {
    const commune = renderAnnex(items, { titleRows: [TITLE, DECISION], titleTight: true });
    expect(readHeading(commune.sheet)).toEqual({ title: TITLE, year: 2026, level: 'xa' });
    const departments = renderAnnex(items, { titleRows: ['BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CÁC SỞ, BAN, NGÀNH', '(Kèm theo Quyết định số 88/QĐ-UBND ngày 10/01/2025)'], titleTight: true });
    expect(readHeading(departments.sheet)).toMatchObject({ level: 'so', year: 2025 });
    expect(readHeading(renderAnnex(items).sheet)).toEqual({ title: null, year: null, level: null });
  });

  it('as LibreOffice saves such an annex (merged title over the table’s width)', async () => {
    if (!sofficePath()) return;
    const tmp = mkdtempSync(join(tmpdir(), 'par-annex-'));
    try {
      const table = renderAnnex(items, { titleRows: [TITLE, DECISION], titleTight: true, columnNumbers: true, header: 'merged' });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Phụ lục');
      table.sheet.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
      for (const m of table.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
      ws.mergeCells(1, 1, 1, 4);
      ws.mergeCells(2, 1, 2, 4);
      const path = join(tmp, 'phu-luc.xlsx');
      writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
      const [saved] = await recalculate([path], { outDir: join(tmp, 'lo') });
      const grid = await readXlsxGrid(readFileSync(saved), 'phu-luc.xlsx');
      const sheet = grid.sheets[0];
      const r = importCriteriaSet(sheet, META);
      if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
      expect(r.set.items).toEqual(treeOf(items));
      expect(readHeading(sheet)).toMatchObject({ year: 2026, level: 'xa' });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
