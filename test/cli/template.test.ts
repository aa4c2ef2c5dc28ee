import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { findBundledSet } from '../../src/criteria';
import { COL, HEAD, ROWS, SHEETS, SUMMARY, SUMMARY_COL } from '../../src/workbook/layout';
import { columnLetter } from '../../src/workbook/a1';
import { runCli } from '../helpers/run-cli';

const fixtures = join(__dirname, '../fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'par-template-'));
const path = (name: string) => join(tmp, name);
const write = (name: string, text: string) => {
  writeFileSync(path(name), text);
  return path(name);
};

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('par-index template --print', () => {
  const hiddenKeys = (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(SHEETS.scoring)!;
    return (Object.keys(COL) as Array<keyof typeof COL>).filter((key) => ws.getColumn(COL[key]).hidden);
  };
  const activeTab = (wb: ExcelJS.Workbook) => (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;

  it('opens on the self-assessment form by default: the appraisal, plan and result columns are hidden', async () => {
    expect((await runCli(['template', '--set', 'minh-hoa-3-cap', '--out', 'mac-dinh.xlsx'], tmp)).code).toBe(0);
    const wb = await open(path('mac-dinh.xlsx'));
    expect(hiddenKeys(wb)).not.toContain('selfScore');
    expect(hiddenKeys(wb)).toEqual(expect.arrayContaining(['target', 'appraisedScore', 'appraisalNote', 'score', 'flags']));
    expect(activeTab(wb)).toBe(0);
  });

  it('tham-dinh shows the appraisal columns; ke-hoach opens on Tổng hợp', async () => {
    expect((await runCli(['template', '--set', 'minh-hoa-3-cap', '--out', 'tham-dinh.xlsx', '--print', 'tham-dinh'], tmp)).code).toBe(0);
    const appraisal = await open(path('tham-dinh.xlsx'));
    expect(hiddenKeys(appraisal)).not.toContain('appraisedScore');
    expect(hiddenKeys(appraisal)).not.toContain('appraisalNote');
    expect((await runCli(['template', '--set', 'minh-hoa-3-cap', '--out', 'ke-hoach.xlsx', '--print', 'ke-hoach'], tmp)).code).toBe(0);
    const plan = await open(path('ke-hoach.xlsx'));
    expect(plan.worksheets[activeTab(plan)].name).toBe(SHEETS.summary);
    expect(hiddenKeys(plan)).not.toContain('target');
  });

  it('refuses a view it does not know, naming the three', async () => {
    const r = await runCli(['template', '--set', 'minh-hoa-3-cap', '--out', 'sai.xlsx', '--print', 'tat-ca'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--print phải là một trong tu-danh-gia, tham-dinh, ke-hoach (đang là "tat-ca")');
    expect(existsSync(path('sai.xlsx'))).toBe(false);
  });
});

describe('par-index template', () => {
  it('writes the Lai Châu workbook with unit, year and the seed 001 targets as numbers', async () => {
    const r = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', 'so-xd.xlsx', '--unit', 'Sở Xây dựng', '--year', '2025', '--targets', join(fixtures, 'seed001-targets.csv')], tmp);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Đã tạo tệp chấm điểm: ${path('so-xd.xlsx')}`);
    expect(r.stdout).toContain('lai-chau-so-2025');
    expect(r.stdout).toContain('Sở Xây dựng');
    expect(r.stdout).toContain('2025');
    expect(r.stdout).toMatch(/Số dòng:\s+8 \(8 lĩnh vực, 8 dòng chấm điểm\)/);
    expect(r.stdout).toContain('8/8 lĩnh vực, tổng 78,3/100 điểm');

    const wb = await open(path('so-xd.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.scoring, SHEETS.summary, SHEETS.meta]);
    expect(wb.getWorksheet(SHEETS.meta)!.state).toBe('veryHidden');
    const scoring = wb.getWorksheet(SHEETS.scoring)!;
    expect(scoring.getCell(HEAD.unit.row, HEAD.unit.col).value).toBe('Sở Xây dựng');
    expect(scoring.getCell('C3').value).toBe('Sở Xây dựng');
    expect(scoring.getCell('H3').value).toBe(2025);
    const summary = wb.getWorksheet(SHEETS.summary)!;
    const targets = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => summary.getCell(SUMMARY.firstField + i, SUMMARY_COL.target).value);
    // "6,5" and "5,5" in the CSV become numbers, not text Excel would not add up.
    expect(targets).toEqual([9, 6.5, 15.3, 9, 10, 5.5, 7, 16]);
    expect(summary.getCell(SUMMARY.firstField, SUMMARY_COL.code).value).toBe('1');
    // No temp file left behind.
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('defaults the year to the set\'s and leaves unit and targets for the user', async () => {
    const r = await runCli(['template', '--set', 'minh-hoa-3-cap', '--out', path('minh-hoa.xlsx')]);
    expect(r.code).toBe(0);
    const set = findBundledSet('minh-hoa-3-cap')!;
    expect(r.stdout).toContain('MINH HỌA');
    expect(r.stdout).toContain(`Số dòng:     ${set.nodes.length}`);
    expect(r.stdout).toContain(`chưa có — nhập ở trang "Tổng hợp", cột ${columnLetter(SUMMARY_COL.target)}`);
    const wb = await open(path('minh-hoa.xlsx'));
    const scoring = wb.getWorksheet(SHEETS.scoring)!;
    expect(scoring.getCell('H3').value).toBe(set.year);
    expect(scoring.getCell('C3').value ?? '').toBe('');
    expect(scoring.getCell(ROWS.firstItem, COL.code).value).toBe(set.nodes[0].code);
    expect(scoring.getCell(ROWS.firstItem + set.nodes.length, COL.name).value).toBe('TỔNG CỘNG');
    expect(wb.getWorksheet(SHEETS.summary)!.getCell(SUMMARY.firstField, SUMMARY_COL.target).value).toBeNull();
  });

  it('takes JSON targets, also for criteria below the fields, and warns about fields without one', async () => {
    const targets = write('t.json', JSON.stringify({ '1': 8, '3': '20,5', '3.1.1': 0.5 }));
    const r = await runCli(['template', '--set', 'minh-hoa-3-cap', '--out', path('json.xlsx'), '--targets', targets]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('CẢNH BÁO target-missing');
    expect(r.stdout).toContain('2/8 lĩnh vực; 1 tiêu chí con');
    const wb = await open(path('json.xlsx'));
    const summary = wb.getWorksheet(SHEETS.summary)!;
    expect(summary.getCell(SUMMARY.firstField, SUMMARY_COL.target).value).toBe(8);
    expect(summary.getCell(SUMMARY.firstField + 2, SUMMARY_COL.target).value).toBe(20.5);
    const set = findBundledSet('minh-hoa-3-cap')!;
    const row = ROWS.firstItem + set.nodes.findIndex((n) => n.code === '3.1.1');
    expect(wb.getWorksheet(SHEETS.scoring)!.getCell(row, COL.target).value).toBe(0.5);
  });

  it('refuses to overwrite an existing file unless --force is given', async () => {
    const file = path('filled.xlsx');
    writeFileSync(file, 'bảng điểm đã nhập');
    const r = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('đã có');
    expect(r.stderr).toContain('không ghi đè');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('bảng điểm đã nhập');

    const forced = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    const wb = await open(file);
    expect(wb.getWorksheet(SHEETS.scoring)).toBeDefined();
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('exits 1 and writes nothing when a target is above its maximum', async () => {
    const targets = write('over.csv', 'code,target\n1,9\n3,"26,5"\n');
    const r = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', path('over.xlsx'), '--targets', targets]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LỖI target-above-max [over.csv!dòng 3]: Mục tiêu của 3 là 26,5, vượt điểm tối đa 25,5');
    expect(r.stderr).toContain('Chưa tạo tệp');
    expect(r.stdout).toBe('');
    expect(existsSync(path('over.xlsx'))).toBe(false);

    const bad = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', path('nan.xlsx'), '--targets', write('nan.csv', 'code,target\n2,abc\n4,-1\n')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('LỖI target-not-number');
    expect(bad.stderr).toContain('LỖI target-negative');
    expect(existsSync(path('nan.xlsx'))).toBe(false);
  });

  it('exits 2 with a Vietnamese message for a bad year, an unknown set and missing flags', async () => {
    for (const year of ['25', '20x5', '2025.5', '12345']) {
      const r = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', path('y.xlsx'), '--year', year]);
      expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('--year phải là năm gồm 4 chữ số') });
    }
    const far = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', path('y.xlsx'), '--year', '1066']);
    expect(far.code).toBe(2);
    expect(existsSync(path('y.xlsx'))).toBe(false);

    const unknown = await runCli(['template', '--set', 'khong-co', '--out', path('u.xlsx')]);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Không có bộ tiêu chí "khong-co"') });
    expect(existsSync(path('u.xlsx'))).toBe(false);

    expect(await runCli(['template', '--out', path('u.xlsx')])).toMatchObject({ code: 2, stderr: expect.stringContaining('Thiếu --set') });
    expect(await runCli(['template', '--set', 'lai-chau-so-2025'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Thiếu --out') });
    expect(await runCli(['template', '--set', 'lai-chau-so-2025', '--out', path('a.csv')])).toMatchObject({ code: 2, stderr: expect.stringContaining('.xlsx') });
    expect(await runCli(['template', '--set', 'lai-chau-so-2025', '--out', join(tmp, 'khong-co', 'a.xlsx')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Không có thư mục'),
    });
    const unknownCode = await runCli(['template', '--set', 'lai-chau-so-2025', '--out', path('c.xlsx'), '--targets', write('c.csv', 'code,target\n9,1\n')]);
    expect(unknownCode).toMatchObject({ code: 2, stderr: expect.stringContaining('mã "9" không có trong bộ tiêu chí') });
    expect(existsSync(path('c.xlsx'))).toBe(false);
  });
});

describe('par-index template --previous', () => {
  it('refuses a file that is not a par-index workbook, naming it, and writes nothing', async () => {
    const notOurs = new ExcelJS.Workbook();
    notOurs.addWorksheet('Sheet1').getCell('A1').value = 'Kết quả 2024';
    await notOurs.xlsx.writeFile(path('bang-khac.xlsx'));
    const r = await runCli(['template', '--set', 'minh-hoa-3-cap', '--previous', 'bang-khac.xlsx', '--out', 'moi.xlsx'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--previous bang-khac.xlsx: không đọc được kết quả năm trước');
    expect(r.stderr).toContain('_par');
    expect(existsSync(path('moi.xlsx'))).toBe(false);
    const missing = await runCli(['template', '--set', 'minh-hoa-3-cap', '--previous', 'khong-co.xlsx', '--out', 'moi.xlsx'], tmp);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--previous khong-co.xlsx');
  });

  it('--goal is a rate or points, not with --targets; --help tells both options', async () => {
    const bad = await runCli(['template', '--set', 'minh-hoa-3-cap', '--goal', 'nhiều', '--out', 'g.xlsx'], tmp);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--goal phải là tỷ lệ như "78,3%" hoặc số điểm như "78,3" (đang là "nhiều")');
    const both = await runCli(['template', '--set', 'minh-hoa-3-cap', '--goal', '78,3%', '--targets', 'x.csv', '--out', 'g.xlsx'], tmp);
    expect(both.stderr).toContain('Chỉ dùng một trong hai: --targets TỆP hoặc --goal 78,3%');
    const help = await runCli(['template', '--help'], tmp);
    expect(help.stdout).toContain('--previous <NĂM-TRƯỚC.xlsx>');
    expect(help.stdout).toContain('--goal <MỤC-TIÊU>');
  });
});
