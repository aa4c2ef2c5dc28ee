/**
 * What a terminal user expects of any command-line tool: --help and -h for the program and
 * for each command, --version, the near option or command for a mistyped one, quiet ends
 * when the output is piped into head, and a sentence (not ENOENT) for a missing file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, runBin, runCli } from '../helpers/run-cli';
import { renderFilled, typedAssessment } from '../helpers/filled-workbook';

const tmp = mkdtempSync(join(tmpdir(), 'par-conventions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
const COMMANDS = ['sets', 'template', 'check', 'plan', 'upgrade', 'import-set', 'export-set'];

describe('help and version', () => {
  it('par-index --help and -h: usage in Vietnamese, every command with what it does, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await runCli([flag]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^Cách dùng: par-index LỆNH/);
      const listed = r.stdout.split('Lệnh:\n')[1].split('\n').map((l) => l.trim().split(/\s{2,}/));
      for (const name of COMMANDS) expect(listed.find(([n]) => n === name)?.[1]).toMatch(/\p{L}/u);
      expect(r.stdout).toContain('Mã thoát: 0');
      expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
    }
  });

  it.each(COMMANDS)('par-index %s --help, -h and help: that command\'s usage and options, exit 0', async (name) => {
    const r = await runCli([name, '--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^Cách dùng: par-index ${name} `));
    expect(r.stdout).toContain('Tùy chọn:');
    expect(r.stdout).toContain(`Ví dụ:\n  par-index ${name}`);
    expect(r.stdout).not.toMatch(/Usage:|Options:|display help/);
    expect(await runCli([name, '-h'])).toEqual(r);
    expect(await runCli(['help', name])).toEqual(r);
  });

  it('check --help lists every option check takes', async () => {
    const r = await runCli(['check', '--help']);
    for (const option of ['--report <TỔNG-HỢP.xlsx>', '--json', '--threads <N>', '-h, --help']) expect(r.stdout).toContain(option);
  });

  it('--version and -v print the package version, exit 0', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(await runCli(['-v'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('with nothing to do: the help on stderr, exit 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Cách dùng: par-index LỆNH/);
  });

  it('as the binary: --help and check --help exit 0 with usage on stdout', () => {
    const top = runBin(['--help'], tmp);
    expect(top).toMatchObject({ code: 0, stderr: '' });
    expect(top.stdout).toContain('check');
    const check = runBin(['check', '--help'], tmp);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toMatch(/^Cách dùng: par-index check TỆP\.xlsx\|THƯ-MỤC/);
  });
});

describe('mistakes in how a command is called: a Vietnamese sentence, the near name, exit 2', () => {
  it('an unknown option names the option the user most likely meant', async () => {
    const r = await runCli(['check', 'a.xlsx', '--jsn']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'par-index check: Không có tùy chọn --jsn. Có phải ý bạn là --json? Xem: par-index check --help\n' });
    expect((await runCli(['template', '--set-fil', 'x.json'])).stderr).toContain('Không có tùy chọn --set-fil. Có phải ý bạn là --set-file?');
    // Nothing near: no guess.
    expect((await runCli(['sets', '--zzzzzz'])).stderr).toBe('par-index sets: Không có tùy chọn --zzzzzz. Xem: par-index sets --help\n');
  });

  it('an unknown command names the near command', async () => {
    const r = await runCli(['chek', 'a.xlsx']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'par-index: Không có lệnh "chek". Có phải ý bạn là check? Xem: par-index --help\n' });
  });

  it('an option without its value, or with the next option taken for it', async () => {
    expect(await runCli(['template', '--set', 'minh-hoa-3-cap', '--out'])).toMatchObject({ code: 2, stderr: 'par-index template: Tùy chọn --out cần một giá trị\n' });
    const next = await runCli(['template', '--set', 'minh-hoa-3-cap', '--out', '--force'], tmp);
    expect(next).toMatchObject({ code: 2, stderr: expect.stringContaining('Tùy chọn --out cần một giá trị (nhận được "--force"') });
    expect(existsSync(join(tmp, '--force'))).toBe(false);
  });

  it('an argument a command does not take', async () => {
    expect(await runCli(['sets', 'thua'])).toMatchObject({ code: 2, stderr: 'par-index sets: Không hiểu tham số "thua". Xem: par-index sets --help\n' });
  });

  it('no English from the argument library reaches the user', async () => {
    const calls = [['check', '--x'], ['chek'], ['template', '--out'], ['sets', 'a', 'b'], ['plan', '--depth']];
    for (const args of calls) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/error:|unknown|missing|Did you mean|too many/i);
    }
  });
});

describe('files that are not there', () => {
  it('gets a sentence naming the file in every command, never a bare error code', async () => {
    const cases: [string[], string][] = [
      [['plan', '--set', 'lai-chau-so-2025', '--targets', 'khong-co.csv'], `Không đọc được tệp ${join(tmp, 'khong-co.csv')}: không tìm thấy tệp`],
      [['template', '--set-file', 'khong-co.json', '--out', 'x.xlsx'], 'Tệp bộ tiêu chí khong-co.json: không tìm thấy tệp'],
      [['upgrade', 'khong-co.xlsx', '--out', 'moi.xlsx'], 'khong-co.xlsx: không tìm thấy tệp'],
      [['export-set', 'khong-co.xlsx', '--out', 'bo.json'], 'khong-co.xlsx: không tìm thấy tệp'],
      [['import-set', 'khong-co.xlsx', '--out', 'bo.json'], 'Không đọc được tệp khong-co.xlsx: không tìm thấy tệp'],
      [['plan', 'khong-co.xlsx'], 'Không đọc được khong-co.xlsx: không tìm thấy tệp'],
    ];
    for (const [args, sentence] of cases) {
      const r = await runCli(args, tmp);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(sentence);
      expect(r.stderr).not.toMatch(/ENOENT|EACCES|\n\s+at /);
    }
    const check = await runCli(['check', 'khong-co.xlsx'], tmp);
    expect(check).toMatchObject({ code: 2, stdout: expect.stringContaining('khong-co.xlsx: KHÔNG ĐỌC ĐƯỢC — không tìm thấy tệp') });
  });
});

describe('a year far from the set\'s', () => {
  it('template warns about it (a typo such as 2052 for 2025) and still writes the file', async () => {
    const far = await runCli(['template', '--set', 'lai-chau-so-2025', '--year', '2052', '--out', 'xa.xlsx'], tmp);
    expect(far.code).toBe(0);
    expect(far.stderr).toBe('CẢNH BÁO: năm 2052 cách năm của bộ tiêu chí lai-chau-so-2025 (2025) 27 năm. Kiểm tra lại --year, hoặc chọn bộ tiêu chí của năm đó (xem: par-index sets).\n');
    expect(existsSync(join(tmp, 'xa.xlsx'))).toBe(true);
    // The next year's plan on this year's set is ordinary.
    const near = await runCli(['template', '--set', 'lai-chau-so-2025', '--year', '2026', '--out', 'gan.xlsx'], tmp);
    expect(near).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('output piped into head', () => {
  const folder = join(tmp, 'bai-nop');
  beforeAll(async () => {
    mkdirSync(folder);
    const file = join(folder, 'don-vi-00.xlsx');
    writeFileSync(file, await renderFilled(typedAssessment()));
    // More output than a pipe holds (64 KB), so head is gone while the check still writes.
    for (let i = 1; i < 30; i++) copyFileSync(file, join(folder, `don-vi-${String(i).padStart(2, '0')}.xlsx`));
  });

  /** The real pipeline in a shell: the CLI's exit code and stderr, and what head printed. */
  function piped(args: string): { code: number; stderr: string; head: string } {
    const script = `node ${JSON.stringify(BIN)} ${args} 2>err.txt | head -1; echo "\${PIPESTATUS[0]}" > code.txt`;
    const r = spawnSync('bash', ['-c', script], { cwd: tmp, encoding: 'utf8' });
    return { code: Number(readFileSync(join(tmp, 'code.txt'), 'utf8')), stderr: readFileSync(join(tmp, 'err.txt'), 'utf8'), head: r.stdout };
  }

  it('par-index check FOLDER | head -1: the first line, then a quiet end with the check\'s own exit code', () => {
    const plain = runBin(['check', 'bai-nop'], tmp);
    expect(plain.code).toBe(0);
    expect(plain.stdout.length).toBeGreaterThan(96 * 1024);
    const r = piped('check bai-nop');
    expect(r.head).toBe(plain.stdout.split('\n')[0] + '\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a report asked for is still written whole when the reader of the output has gone', () => {
    const r = piped('check bai-nop --json --report tong-hop.xlsx');
    expect(r.head).toBe('{\n');
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.code).toBe(0);
    // A whole workbook: the zip's end record is there.
    const report = readFileSync(join(tmp, 'tong-hop.xlsx'));
    expect(report.subarray(report.length - 22, report.length - 18).toString('hex')).toBe('504b0506');
  });
});
