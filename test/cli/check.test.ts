/**
 * par-index check and par-index plan FILE.xlsx: what the Hội đồng runs on the files units
 * send. Exit 0 clean · 1 errors found · 2 some file unreadable (the others still checked).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeResult, formatPoints, resultText } from '../../src/domain';
import { runBin, runCli } from '../helpers/run-cli';
import { minhHoa, renderFilled, templateRows, typedAssessment } from '../helpers/filled-workbook';
import { XlsxXml } from '../helpers/xlsx-xml-edit';
import { columnLetter } from '../../src/workbook/a1';
import { SUMMARY_COL } from '../../src/workbook/layout';

const S = 'Chấm điểm';
const rows = templateRows();
const tmp = mkdtempSync(join(tmpdir(), 'par-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const put = (name: string, data: Buffer | string) => {
  writeFileSync(join(tmp, name), data);
  return name;
};

let clean: string;
let tampered: string;
beforeAll(async () => {
  const buffer = await renderFilled(typedAssessment());
  clean = put('so-xay-dung.xlsx', buffer);
  const x = await XlsxXml.open(buffer);
  x.setCell(S, `E${rows.row('1.1.3')}`, 1.5)
    .setCell(S, `C${rows.row('2.2.1')}`, 1)
    .setCell(S, `E${rows.row('3.4')}`, 6)
    .setCell(S, `E${rows.row('3.4.1')}`, '2,5');
  tampered = put('so-y-te.xlsx', await x.save());
});

describe('par-index check', () => {
  it('a clean file: exit 0, a header line with set, unit and totals in Vietnamese numbers', async () => {
    const r = await runCli(['check', clean], tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [header] = r.stdout.split('\n');
    expect(header).toMatch(/^so-xay-dung\.xlsx · bộ minh-hoa-3-cap v1\.0\.0, MINH HỌA · đơn vị: Sở Xây dựng tỉnh Lai Châu · năm 2025 · tự đánh giá [\d,]+\/[\d,]+ \([\d,]+%\) · thẩm định [\d,]+\/[\d,]+ \([\d,]+%\) · /);
    // The result in words, as the domain defines it: only the final index has a band.
    expect(header.endsWith(resultText(computeResult(minhHoa, typedAssessment())))).toBe(true);
    expect(header).toMatch(/ · xếp loại \S+( \S+)? \(tạm tính\)$/);
    expect(r.stdout).not.toContain('LỖI');
    expect(r.stdout).toMatch(/→ 0 lỗi, \d+ cảnh báo/);
  });

  it('a tampered file: exit 1, every problem with its cell, errors first', async () => {
    const r = await runCli(['check', tampered], tmp);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    const errors = lines.filter((l) => l.includes('LỖI'));
    // Errors first, in the set's order; a file's own problems and the set's rules side by side.
    expect(errors).toEqual([
      `  LỖI score-above-max [${S}!E${rows.row('1.1.3')}]: Điểm tự đánh giá của tiêu chí 1.1.3 là 1,5, vượt điểm tối đa 1`,
      `  LỖI max-changed [${S}!C${rows.row('2.2.1')}]: Điểm tối đa của tiêu chí 2.2.1 trong tệp là 1, bộ tiêu chí quy định 0,5 (ô ${S}!C${rows.row('2.2.1')} đã bị sửa)`,
      expect.stringMatching(new RegExp(`^  LỖI formula-overwritten \\[${S}!E${rows.row('3.4')}\\]: Ô ${S}!E${rows.row('3.4')} \\(Điểm tự đánh giá của tiêu chí 3.4\\) .* đang là số 6 gõ đè lên`)),
      expect.stringMatching(new RegExp(`^  LỖI parent-total-mismatch \\[${S}!E${rows.row('3.4')}\\]: Tổng điểm ghi ở 3.4 là 6 nhưng cộng các tiêu chí con được`)),
      expect.stringMatching(new RegExp(`^  LỖI number-as-text \\[${S}!E${rows.row('3.4.1')}\\]: .*"2,5".*như Excel, ô này không được cộng.*Hãy gõ lại thành số 2,5`)),
    ]);
    // Errors come before every warning and note.
    const firstOther = lines.findIndex((l) => !l.includes('LỖI'));
    expect(lines.slice(firstOther).some((l) => l.includes('LỖI'))).toBe(false);
    expect(r.stdout).toMatch(/→ 5 lỗi/);
  });

  it('--json: files with problems (sheet, cell), input addresses and both totals', async () => {
    const r = await runCli(['check', clean, tampered, '--json'], tmp);
    expect(r.code).toBe(1);
    const { files } = JSON.parse(r.stdout);
    expect(files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([
      [clean, true],
      [tampered, false],
    ]);
    const bad = files[1];
    expect(bad).toMatchObject({ setId: 'minh-hoa-3-cap', unit: 'Sở Xây dựng tỉnh Lai Châu' });
    expect(Object.keys(bad).sort()).toEqual(['cells', 'file', 'ok', 'problems', 'result', 'setId', 'totals', 'unit']);
    expect(bad.problems.find((p: { code: string }) => p.code === 'max-changed')).toEqual({
      code: 'max-changed',
      severity: 'error',
      criterion: '2.2.1',
      sheet: S,
      cell: `C${rows.row('2.2.1')}`,
      message: expect.stringContaining('trong tệp là 1, bộ tiêu chí quy định 0,5'),
    });
    const leaf = rows.row('1.1.1');
    expect(bad.cells['1.1.1']).toEqual({
      maxScore: `${S}!C${leaf}`,
      target: `${S}!D${leaf}`,
      selfScore: `${S}!E${leaf}`,
      appraisedScore: `${S}!I${leaf}`,
      evidence: `${S}!G${leaf}`,
      notApplicable: `${S}!F${leaf}`,
    });
    expect(bad.cells['3'].target).toBe(`Tổng hợp!${columnLetter(SUMMARY_COL.target)}${rows.summaryRow('3')}`);
    expect(bad.totals.engine).toMatchObject({ maxScore: 100, applicableMax: 94 });
    // exceljs-written files carry no calculated results: the file side is empty, not guessed.
    expect(bad.totals.file).toMatchObject({ computed: false, selfScore: null });
    expect(files[0].totals.engine.selfScore).toBe(43.875);
    // 1.1.3 and 2.2.1 as the file holds them now; 3.4.1's "2,5" is text, so it is not added.
    expect(bad.totals.engine.selfScore).toBe(43.875 + 1 - 3);
  });

  it('unreadable files get a verdict with the reason, exit 2, and the others are still checked', async () => {
    const broken = await renderFilled();
    const noMeta = await XlsxXml.open(broken);
    noMeta.removeSheet('_par');
    const names = [
      put('ghi-chu.xlsx', 'Đây là tệp văn bản, không phải Excel'),
      put('tai-do.xlsx', broken.subarray(0, Math.floor(broken.length / 2))),
      put('rong.xlsx', Buffer.alloc(0)),
      put('khong-meta.xlsx', await noMeta.save()),
      'khong-co.xlsx',
    ];
    const r = await runCli(['check', names[0], clean, names[1], names[2], tampered, names[3], names[4]], tmp);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('ghi-chu.xlsx: KHÔNG ĐỌC ĐƯỢC — tệp không phải bảng tính Excel .xlsx');
    expect(r.stdout).toContain('tai-do.xlsx: KHÔNG ĐỌC ĐƯỢC — tệp .xlsx bị hỏng hoặc chưa tải về hết');
    expect(r.stdout).toContain('rong.xlsx: KHÔNG ĐỌC ĐƯỢC — tệp rỗng (0 byte)');
    expect(r.stdout).toContain('khong-meta.xlsx: KHÔNG ĐỌC ĐƯỢC — không có trang dữ liệu ẩn "_par"');
    expect(r.stdout).toContain('khong-co.xlsx: KHÔNG ĐỌC ĐƯỢC — không tìm thấy tệp');
    expect(r.stdout).toMatch(/^so-xay-dung\.xlsx · bộ minh-hoa-3-cap/m);
    expect(r.stdout).toMatch(/^so-y-te\.xlsx · bộ minh-hoa-3-cap/m);
    expect(r.stdout).toContain('LỖI max-changed');

    const j = await runCli(['check', names[0], clean, names[2], '--json'], tmp);
    expect(j.code).toBe(2);
    const { files } = JSON.parse(j.stdout);
    expect(files[0]).toEqual({ file: 'ghi-chu.xlsx', ok: false, error: expect.stringContaining('không phải bảng tính Excel') });
    expect(files[1]).toMatchObject({ file: clean, ok: true, setId: 'minh-hoa-3-cap' });
    expect(files[2]).toEqual({ file: 'rong.xlsx', ok: false, error: 'tệp rỗng (0 byte)' });
  });

  it('needs a file, refuses unknown flags', async () => {
    expect(await runCli(['check'], tmp)).toMatchObject({ code: 2, stderr: expect.stringContaining('Thiếu tệp cần kiểm tra') });
    expect(await runCli(['check', clean, '--sett'], tmp)).toMatchObject({ code: 2, stderr: expect.stringContaining('Không có tùy chọn --sett') });
    for (const bad of ['0', '2.5', 'hai']) {
      expect(await runCli(['check', clean, '--threads', bad], tmp)).toMatchObject({ code: 2, stderr: expect.stringContaining(`--threads cần một số nguyên từ 1 đến 64 (nhận được "${bad}")`) });
    }
    expect(await runCli(['check', clean, '--threads', '1'], tmp)).toMatchObject({ code: 0 });
  });

  // Needs the compiled CLI (npm run build:cli), like the plan command's binary test.
  it('runs as the installed binary with the same exit codes', () => {
    expect(runBin(['check', clean], tmp).code).toBe(0);
    expect(runBin(['check', tampered], tmp).code).toBe(1);
    const bad = runBin(['check', 'khong-co.xlsx', clean], tmp);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('khong-co.xlsx: KHÔNG ĐỌC ĐƯỢC');
  });
});

describe('par-index plan FILE.xlsx', () => {
  it('prints the plan of a filled workbook, with the same JSON shape as --set/--targets', async () => {
    const r = await runCli(['plan', clean, '--json'], tmp);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.set).toEqual({ id: 'minh-hoa-3-cap', title: expect.stringContaining('MINH HỌA'), status: 'illustrative' });
    expect(json.basis).toBe('final');
    expect(json.rows.map((row: { code: string }) => row.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const typed = typedAssessment();
    expect(json.rows[2]).toMatchObject({ code: '3', target: typed.entries['3'].target });
    expect(json.total.score).toBe(51.875);
    expect(Object.keys(json).sort()).toEqual(['band', 'basis', 'problems', 'result', 'rows', 'set', 'total']);

    const deep = JSON.parse((await runCli(['plan', clean, '--json', '--depth', '2'], tmp)).stdout);
    expect(deep.rows.some((row: { code: string }) => row.code === '1.1')).toBe(true);

    const text = await runCli(['plan', clean], tmp);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Điểm đạt tính theo điểm thẩm định nếu có');
    expect(text.stdout).toContain(formatPoints(51.875));
  });

  it('exits 1 on numbers the file gets wrong, 2 on an unreadable file or mixed arguments', async () => {
    const r = await runCli(['plan', tampered], tmp);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LỖI max-changed');
    expect(r.stderr).toContain('LỖI score-above-max');
    expect(await runCli(['plan', 'khong-co.xlsx'], tmp)).toMatchObject({ code: 2, stderr: expect.stringContaining('Không đọc được khong-co.xlsx: không tìm thấy tệp') });
    expect(await runCli(['plan', clean, '--set', 'minh-hoa-3-cap'], tmp)).toMatchObject({ code: 2, stderr: expect.stringContaining('--set không dùng cùng tệp .xlsx') });
  });
});

