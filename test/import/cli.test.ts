/**
 * par-index import-set, end to end: an annex table written to a real .xlsx with exceljs
 * (merged header cells, NFD text, page-break header repeats), read by the workbook reader,
 * imported, written as JSON, and loaded back by the core.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSetCommand } from '../../src/cli/commands/import-set';
import { CliError } from '../../src/cli/errors';
import type { CliIO } from '../../src/cli/io';
import { loadCriteriaSet } from '../../src/domain';
import type { SheetGrid } from '../../src/workbook/grid';
import { camauItems, camauTable } from './camau';
import { gridToXlsx, renderAnnex, treeOf } from './tables';

const tmp = mkdtempSync(join(tmpdir(), 'par-import-'));
const NOW = new Date(2025, 10, 23);

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n'), cwd: tmp };
  const code = await importSetCommand(args, io, NOW);
  return { code, stdout, stderr };
}

async function writeXlsx(name: string, sheets: Parameters<typeof gridToXlsx>[0]) {
  writeFileSync(join(tmp, name), await gridToXlsx(sheets));
  return name;
}

const readJson = (name: string) => JSON.parse(readFileSync(join(tmp, name), 'utf8'));

describe('par-index import-set', () => {
  it('imports the corrected Cà Mau table from .xlsx, prints the preview and writes a loadable set', async () => {
    const guide: SheetGrid = { name: 'Hướng dẫn', state: 'visible', values: [['Dán phụ lục vào trang sau.']], formulas: [[null]] };
    const file = await writeXlsx('Phụ lục Cà Mau 2013.xlsx', [{ grid: guide }, { grid: camauTable(10).sheet, merges: camauTable(10).merges }]);
    const r = await run([file, '--out', 'camau.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'Bộ tiêu chí: BẢNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH TỈNH CÀ MAU NĂM 2013',
      '  Mã: phu-luc-ca-mau-2013 · Năm: 2013 · Cấp: Sở, ban, ngành · Nguồn: nhập từ phụ lục (cần đối chiếu với văn bản)',
      '  Từ: Phụ lục Cà Mau 2013.xlsx, trang "Lĩnh vực 1", dòng 5–30',
      '  Lĩnh vực: 1',
      '  Tiêu chí: 3',
      '  Tiêu chí thành phần: 6',
      '  Dòng chấm điểm: 7 (6 dòng chấm theo mức, tổng 14 mức)',
      '  Tổng điểm tối đa: 10',
      'Đã ghi: camau.json',
      '',
    ]);
    const json = readJson('camau.json');
    expect(json).toMatchObject({
      schemaVersion: 1,
      id: 'phu-luc-ca-mau-2013',
      status: 'imported',
      source: 'Nhập từ Phụ lục Cà Mau 2013.xlsx, trang Lĩnh vực 1, ngày 23/11/2025',
      year: 2013,
      level: 'so',
      version: '1',
    });
    const set = loadCriteriaSet(json);
    expect(set.items.length).toBe(1);
    expect(json.items).toEqual(camauItems(10));
    expect(set.byCode.get('1.1.1')!.options).toEqual([
      { label: 'Ban hành kịp thời', points: 1 },
      { label: 'Ban hành không kịp thời', points: 0.5 },
      { label: 'Không ban hành', points: 0 },
    ]);
  });

  it('reads merged headers, NFD text, restarted numbering, page-break repeats and a total row from a real .xlsx', async () => {
    const items = camauItems(10);
    const table = renderAnnex(items, {
      fields: 'roman',
      numbering: 'restart',
      header: 'merged',
      unicode: 'NFD',
      decimal: 'comma',
      suffix: true,
      options: 'dash',
      lineBreaks: true,
      columnNumbers: true,
      repeatHeaderBefore: [10],
      blankBefore: [4],
      totalRow: true,
      titleRows: ['PHỤ LỤC II', 'BỘ TIÊU CHÍ ĐÁNH GIÁ CẤP XÃ (thử nghiệm)'],
    });
    const file = await writeXlsx('xa.xlsx', [{ grid: table.sheet, merges: table.merges }]);
    const r = await run([file, '--out', 'xa.json', '--level', 'xa', '--year', '2026', '--id', 'xa-thu-nghiem', '--sheet', 'phu luc']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cấp: Xã, phường');
    expect(r.stdout).toContain(`Tổng điểm tối đa: 10 (khớp dòng tổng cộng, dòng ${table.sheet.values.length})`);
    const json = readJson('xa.json');
    expect(json).toMatchObject({ id: 'xa-thu-nghiem', year: 2026, level: 'xa', title: 'BỘ TIÊU CHÍ ĐÁNH GIÁ CẤP XÃ (thử nghiệm)', totalMax: 10 });
    expect(json.items).toEqual(treeOf(items));
    expect(JSON.stringify(json)).toBe(JSON.stringify(json).normalize('NFC'));
    loadCriteriaSet(json);
  });

  it('lists problems as "dòng N: lý do", exits 1 and writes nothing', async () => {
    const asRetrieved = camauTable(20);
    const file = await writeXlsx('camau-goc.xlsx', [{ grid: asRetrieved.sheet, merges: asRetrieved.merges }]);
    const r = await run([file, '--out', 'goc.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'Không nhập được bộ tiêu chí từ camau-goc.xlsx, trang "Lĩnh vực 1": 1 lỗi.',
      'dòng 7: điểm tối đa 20 khác tổng điểm tối đa các tiêu chí con 10 (1.1: 5; 1.2: 2; 1.3: 3)',
      'Chưa ghi tệp nào. Sửa bảng trong tệp Excel rồi nhập lại.',
      '',
    ]);
    expect(existsSync(join(tmp, 'goc.json'))).toBe(false);

    const words = camauTable('hai mươi');
    const wordsFile = await writeXlsx('chu.xlsx', [{ grid: words.sheet, merges: words.merges }]);
    const w = await run([wordsFile, '--out', 'chu.json']);
    expect(w.code).toBe(1);
    expect(w.stderr).toContain('dòng 7: điểm tối đa của "1" viết bằng chữ ("hai mươi"); hãy ghi bằng số, ví dụ 2 hoặc 0,5\n');
    expect(existsSync(join(tmp, 'chu.json'))).toBe(false);
  });

  it('refuses bad usage and unreadable files with a CliError (main turns it into exit 2)', async () => {
    const file = await writeXlsx('ok.xlsx', [{ grid: camauTable(10).sheet }]);
    writeFileSync(join(tmp, 'not.xlsx'), 'STT,Tiêu chí,Điểm tối đa\n');
    const cases: [string[], RegExp][] = [
      [[file], /Thiếu --out/],
      [[], /Cần đúng một tệp Excel/],
      [[file, '--out', 'x.json', '--level', 'huyen'], /--level là so/],
      [[file, '--out', 'x.json', '--year', '13'], /--year là một năm/],
      [[file, '--out', 'x.json', '--id', 'Cà Mau'], /--id "Cà Mau" không hợp lệ/],
      [[file, '--out', 'x.json', '--sheet', 'Không có'], /Không có trang "Không có" trong ok.xlsx. Các trang: "Lĩnh vực 1"/],
      [['missing.xlsx', '--out', 'x.json'], /Không đọc được tệp missing.xlsx/],
      [['not.xlsx', '--out', 'x.json'], /^not.xlsx: /],
      [['.', '--out', 'x.json'], /là thư mục/],
      [[file, '--out', 'x.json', '--bogus'], /Không có tùy chọn --bogus/],
    ];
    for (const [args, message] of cases) {
      await expect(run(args)).rejects.toThrow(CliError);
      await expect(run(args)).rejects.toThrow(message);
    }
    expect(existsSync(join(tmp, 'x.json'))).toBe(false);
  });
});
