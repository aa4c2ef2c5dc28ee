import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, runCli } from '../helpers/run-cli';

const fixtures = join(__dirname, '../fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'par-plan-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('par-index plan (seed 001 table)', () => {
  it('prints the 2025 plan of Sở Xây dựng Lai Châu with rates computed from points', async () => {
    const r = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', join(fixtures, 'seed001-targets.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const row = (start: string) => lines.find((l) => l.startsWith(start))!.split(/\s{2,}/);
    // Điểm tối đa as in the set, beside the applicable maximum (no row is "x" here).
    expect(row('3 ')).toEqual(['3', 'Cải cách TTHC', '25,5', '25,5', '15,3', '60,00%', '—', '—', '—', '—', 'Chưa chấm']);
    expect(row('6 ')).toEqual(['6', 'Cải cách tài chính công', '8,5', '8,5', '5,5', '64,71%', '—', '—', '—', '—', 'Chưa chấm']);
    expect(row('8 ')).toEqual(['8', 'Tác động của CCHC', '23', '23', '16', '69,57%', '—', '—', '—', '—', 'Chưa chấm']);
    expect(lines.find((l) => l.includes('Tổng cộng'))!.trim().split(/\s{2,}/)).toEqual(['Tổng cộng', '100', '100', '78,3', '78,30%', '—', '—', '—', '—', 'Chưa chấm']);
  });

  it('--json gives rates as fractions and the exact total', async () => {
    const r = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', join(fixtures, 'seed001-targets.csv'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.set).toEqual({ id: 'lai-chau-so-2025', title: expect.stringContaining('Lai Châu'), status: 'official' });
    expect(json.rows.map((row: { targetRate: number }) => Number((row.targetRate * 100).toFixed(2)))).toEqual([90, 100, 60, 100, 100, 64.71, 93.33, 69.57]);
    expect(json.rows[5].targetRate).toBeCloseTo(0.6470588235294118, 15);
    expect(json.total).toMatchObject({ maxScore: 100, target: 78.3, targetRate: 0.783, status: 'no-score' });
    expect(Object.keys(json.rows[0]).sort()).toEqual(
      ['applicableMax', 'changeFromPrevious', 'code', 'completion', 'depth', 'gapToMax', 'gapToTarget', 'maxScore', 'name', 'previousScore', 'score', 'scoreRate', 'status', 'target', 'targetRate'].sort(),
    );
    // Without last year's results, every row says so with null.
    expect(json.rows.every((row: { previousScore: unknown; changeFromPrevious: unknown }) => row.previousScore === null && row.changeFromPrevious === null)).toBe(true);
  });

  it('reads JSON targets and CSV scores (";" separated, comma decimals) and tracks achievement', async () => {
    const targets = write('t.json', JSON.stringify({ '1': 9, '2': '6,5', '3': 15.3, '4': 9, '5': 10, '6': 5.5, '7': 7, '8': 16 }));
    const scores = write('s.csv', 'code;score\n1;9,5\n2;6,5\n3;14\n4;9\n5;10\n6;5\n7;7\n8;15,3\n');
    const r = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', targets, '--scores', scores, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.total).toMatchObject({ target: 78.3, score: 76.3, gapToTarget: 2, gapToMax: 23.7, status: 'near' });
    expect(json.rows[0]).toMatchObject({ code: '1', score: 9.5, gapToTarget: -0.5, status: 'met' });
    expect(json.rows[2].completion).toBeCloseTo(14 / 15.3, 12);
  });

  it('exits 1 and names the line when a target breaks a maximum', async () => {
    const targets = write('over.csv', 'code,target\n1,9\n3,"26,5"\n');
    const r = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', targets]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LỖI target-above-max [over.csv!dòng 3]: Mục tiêu của 3 là 26,5, vượt điểm tối đa 25,5');
  });

  it('exits 2 with a clear message for unknown codes, unreadable files, bad headers and unknown sets', async () => {
    const unknown = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', write('u.csv', 'code,target\n3,15\n9,1\n')]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('u.csv, dòng 3: mã "9" không có trong bộ tiêu chí lai-chau-so-2025');
    const missing = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', join(tmp, 'khong-co.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Không đọc được tệp ${join(tmp, 'khong-co.csv')}: không tìm thấy tệp`);
    expect(missing.stderr).not.toContain('ENOENT');
    const header = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', write('h.csv', 'linh vuc,diem\n3,15\n')]);
    expect(header.stderr).toContain('cần dòng tiêu đề "code,target"');
    const set = await runCli(['plan', '--set', 'khong-co', '--targets', write('x.csv', 'code,target\n')]);
    expect(set).toMatchObject({ code: 2, stderr: expect.stringContaining('Không có bộ tiêu chí "khong-co"') });
    const flag = await runCli(['plan', '--sett', 'x']);
    expect(flag).toMatchObject({ code: 2, stderr: expect.stringContaining('Không có tùy chọn --sett') });
  });

  it('runs as the installed binary, with exit codes and no stack trace', () => {
    const ok = runBin(['plan', '--set', 'lai-chau-so-2025', '--targets', join(fixtures, 'seed001-targets.csv'), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).total.target).toBe(78.3);
    const bad = runBin(['plan', '--set', 'lai-chau-so-2025']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Thiếu --targets');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('par-index sets', () => {
  it('lists the bundled sets with their status', async () => {
    const r = await runCli(['sets', '--json']);
    expect(r.code).toBe(0);
    const { sets } = JSON.parse(r.stdout);
    const laiChau = sets.find((s: { id: string }) => s.id === 'lai-chau-so-2025');
    expect(laiChau).toMatchObject({ year: 2025, level: 'so', totalMax: 100, official: true, fields: 8, leaves: 8 });
    const text = await runCli(['sets']);
    expect(text.stdout).toMatch(/lai-chau-so-2025\s+2025\s+Sở, ban, ngành\s+100\s+8\s+Chính thức/);
  });
});
