/**
 * export-scores → import-scores into a fresh template → check gives the result of the
 * original file; a bad row is listed with its line and changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SHEETS } from '../../src/workbook/layout';
import { lineHeight } from '../../src/workbook/row-heights';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { FONT } from '../../src/workbook/styles';
import { minhHoa, renderFilled, typedAssessment } from '../helpers/filled-workbook';
import { runCli } from '../helpers/run-cli';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'par-scores-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** check --json's result and the problems' codes and cells, the parts a round trip must keep. */
async function checked(file: string) {
  const run = await runCli(['check', file, '--json']);
  const [only] = JSON.parse(run.stdout).files;
  return { result: only.result, problems: only.problems.map((p: { code: string; criterion: string | null }) => `${p.code}@${p.criterion}`).sort() };
}

test('export-scores → import-scores into a fresh template → check gives the same result as the original', async () => {
  // Leaves only: field targets live in Tổng hợp and are not part of the exchange.
  const typed = typedAssessment();
  const leaves = new Set(minhHoa.leaves.map((l) => l.code));
  const values = { entries: Object.fromEntries(Object.entries(typed.entries).filter(([code]) => leaves.has(code))) };
  const original = join(tmp, 'goc.xlsx');
  writeFileSync(original, await renderFilled(values));

  for (const format of ['csv', 'json'] as const) {
    const scores = join(tmp, `diem.${format}`);
    const exported = await runCli(['export-scores', original, '--out', scores]);
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    expect(exported.stdout).toContain(`${minhHoa.leaves.length} tiêu chí`);
    if (format === 'csv') expect(readFileSync(scores, 'utf8').charCodeAt(0)).toBe(0xfeff);

    const fresh = join(tmp, `trang-${format}.xlsx`);
    expect((await runCli(['template', '--set', minhHoa.id, '--unit', 'Sở Xây dựng tỉnh Lai Châu', '--year', '2025', '--out', fresh])).code).toBe(0);
    const out = join(tmp, `nhap-${format}.xlsx`);
    const imported = await runCli(['import-scores', fresh, scores, '--out', out]);
    expect([imported.code, imported.stderr]).toEqual([0, '']);
    expect(imported.stdout).toContain(`nhận ${minhHoa.leaves.length} dòng`);
    expect(await checked(out)).toEqual(await checked(original));
  }
});

test('a bad row is listed with its line and not written; exit 1; the old file is kept', async () => {
  const original = join(tmp, 'mot.xlsx');
  writeFileSync(original, await renderFilled({ entries: { '1.1.1': { selfScore: 0.5, evidence: 'QĐ 1' } } }));
  const scores = join(tmp, 'sai.csv');
  writeFileSync(scores, 'code,selfScore,evidence\n1.1.2,0.5,KH 2\n1.1.3,7,KH 3\n');
  const out = join(tmp, 'mot-moi.xlsx');
  const before = readFileSync(original);
  const run = await runCli(['import-scores', original, scores, '--out', out]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/sai\.csv, dòng 3 \(mã 1\.1\.3\): .*vượt điểm tối đa 1/);
  expect(readFileSync(original)).toEqual(before);
  const exported = join(tmp, 'mot-moi.json');
  expect((await runCli(['export-scores', out, '--out', exported])).code).toBe(0);
  const rows = new Map((JSON.parse(readFileSync(exported, 'utf8')).rows as Array<{ code: string; selfScore: unknown; evidence: unknown }>).map((r) => [r.code, r]));
  expect([rows.get('1.1.1')!.selfScore, rows.get('1.1.1')!.evidence]).toEqual([0.5, 'QĐ 1']);
  expect([rows.get('1.1.2')!.selfScore, rows.get('1.1.2')!.evidence]).toEqual([0.5, 'KH 2']);
  expect(rows.get('1.1.3')!.selfScore).toBeNull();
});

test('import-scores: a row given 600 characters of evidence is written tall enough to show them all', async () => {
  const leaf = minhHoa.leaves.find((l) => l.scoredBy === 'self' && l.method === 'free')!;
  const evidence = Array.from({ length: 12 }, (_, i) => `Quyết định số ${100 + i}/QĐ-UBND ngày 15/3/2025 về cải cách hành chính;`).join(' ');
  expect(evidence.length).toBeGreaterThan(580);
  const fresh = join(tmp, 'trang-dai.xlsx');
  expect((await runCli(['template', '--set', minhHoa.id, '--unit', 'Sở Tư pháp', '--year', '2025', '--out', fresh])).code).toBe(0);
  const scores = join(tmp, 'dai.csv');
  writeFileSync(scores, `code,evidence\n${leaf.code},"${evidence}"\n`);
  const out = join(tmp, 'dai-moi.xlsx');
  expect((await runCli(['import-scores', fresh, scores, '--out', out])).code).toBe(0);
  const height = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.getWorksheet(SHEETS.scoring)!.getRow(scoringLayout(minhHoa).rowOf.get(leaf.code)!).height;
  };
  // About 24 lines in the 26-character evidence column: far more than the ten lines checked here.
  expect(await height(out)).toBeGreaterThan(lineHeight(10, FONT.size));
  expect(await height(out)).toBeGreaterThan(await height(fresh));
});
