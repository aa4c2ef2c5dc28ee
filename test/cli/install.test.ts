/**
 * The one install step the README gives, as a user takes it: `npm pack` of the checkout,
 * then `npm install -g` of the tarball — here into a scratch prefix, offline and with an
 * empty npm cache, so the tarball alone must carry everything (the compiled CLI and its
 * bundled dependencies) — and the command run from a folder that is not the checkout.
 * Also `npm install -g` of the checkout itself (a link, as `npm link` makes).
 * Needs the compiled CLI (npm run build:cli, which the test command runs first).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const tmp = mkdtempSync(join(tmpdir(), 'par-install-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A folder far from the checkout, where the user runs the command. */
const elsewhere = join(tmp, 'bai-lam');
mkdirSync(elsewhere);

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // No node_modules/.bin of the checkout on the way: what the install put in the prefix, and this Node.
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: [join(tmp, 'prefix', 'bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':') };
  for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_')) delete env[key];
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

describe('installing par-index', () => {
  it('npm pack, then npm install -g of the tarball offline with an empty cache: par-index runs from any folder', () => {
    expect(existsSync(join(root, 'lib/cli/main.js'))).toBe(true);
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, '--cache', join(tmp, 'pack-cache')], root);
    expect(packed.status).toBe(0);
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
    expect(tarball).toBe(`par-index-${pkg.version}.tgz`);

    const prefix = join(tmp, 'prefix');
    const installed = run(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--cache', join(tmp, 'empty-cache'), '--no-audit', '--no-fund', join(tmp, tarball)],
      elsewhere,
    );
    expect(installed.stderr).not.toMatch(/ERR|ENOTCACHED/);
    expect(installed.status).toBe(0);

    const bin = join(prefix, 'bin', 'par-index');
    const version = run(bin, ['--version'], elsewhere);
    expect({ code: version.status, out: version.stdout, err: version.stderr }).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    // By name, on the PATH, as a user types it.
    expect(run('par-index', ['--version'], elsewhere).stdout).toBe(`${pkg.version}\n`);

    // The whole round: a workbook written (exceljs, bundled), then checked.
    const template = run(bin, ['template', '--set', 'minh-hoa-3-cap', '--unit', 'Sở Thử', '--out', 'thu.xlsx'], elsewhere);
    expect(template.stderr).toBe('');
    expect(template.status).toBe(0);
    const check = run(bin, ['check', 'thu.xlsx'], elsewhere);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^thu\.xlsx · bộ minh-hoa-3-cap .* đơn vị: Sở Thử/);
  }, 600_000);
});
