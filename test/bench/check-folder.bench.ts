/**
 * npm run bench — checking a folder: 100 submissions of ~150 rows (half written by exceljs,
 * half by the second writer) checked one after another by one worker thread, as the CLI
 * does on a machine of fewer than four cores, against the bare exceljs load of the same
 * files and `soffice --headless --convert-to csv` of them; then `par-index check DIR` as
 * the CLI runs it here (as many workers as it decides).
 * Targets: ≥ 20× faster than LibreOffice, ≤ 0,5× the bare load, no file over 2 s, peak
 * memory ≤ 200 MB.
 * Then the reader fuzzed with 10 000 fast-check cases. Reported, never asserted.
 *
 * Each timing runs in a fresh Node process, as a real check does (module loading, then
 * one file to warm up, then the 100 timed), and every figure is the median of several
 * runs: one second of work on a shared machine varies by a third from run to run. The
 * LibreOffice runs are taken between the check runs, so that a slow spell of the host
 * weighs on both sides of the ratio.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
// Compiled beside the bench, so the child processes below have them to load.
import '../../src/cli/check-worker';
import '../../src/cli/check-pool';
import { generateCorpus } from '../helpers/corpus';
import { sofficePath } from '../helpers/libreoffice';
import { fuzzBase, readerProperties } from '../corpus/fuzz-properties';
import { report } from './measure';

/** A check run is short, so a slow second of the host moves one run a lot: nine, for a steady median. */
const CHECK_RUNS = 9;
const LOAD_RUNS = 3;
const LO_RUNS = 3;

export async function benchCheckFolder(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'par-bench-folder-'));
  const dir = join(tmp, 'bai-nop');
  mkdirSync(dir);
  try {
    await generateCorpus(dir, { count: 100, seed: 7, rows: 150, readableOnly: true, exceljsEvery: 2 });
    // LibreOffice runs between the check runs, so a slow minute of the host falls on both.
    const soffice = libreOfficeRunner(readdirSync(dir).sort().map((n) => join(dir, n)), tmp);
    const checkTimes: number[] = [];
    const loTimes: number[] = [];
    let maxFileMs = 0;
    for (let i = 0; i < CHECK_RUNS; i++) {
      const run = timedChild(dir, 'check');
      checkTimes.push(run.ms);
      maxFileMs = Math.max(maxFileMs, run.maxFileMs);
      if (soffice && i % (CHECK_RUNS / LO_RUNS) === 0) loTimes.push(soffice());
    }
    const check = median(checkTimes);
    const lo = soffice ? median(loTimes) : null;
    const load = median(Array.from({ length: LOAD_RUNS }, () => timedChild(dir, 'exceljs').ms));
    const pool = cliRun(dir);
    const spread = (r: Runs) => `median of ${r.all.length} fresh processes; ${r.all.map((ms) => ms.toFixed(0)).join(', ')}`;
    report('check a folder (100 submissions, ~150 rows each)', [], {
      'check, one worker thread': `${check.median.toFixed(0)} ms (${(check.median / 100).toFixed(1)} ms per file; ${spread(check)})`,
      'bare exceljs load of the same files': `${load.median.toFixed(0)} ms (${spread(load)})`,
      'check ÷ bare load': `${(check.median / load.median).toFixed(2)}× (target ≤ 0,5×) ${check.median / load.median <= 0.5 ? '✓' : '✗'}`,
      'slowest file, over all check runs': `${maxFileMs.toFixed(0)} ms (target ≤ 2000 ms) ${maxFileMs <= 2000 ? '✓' : '✗'}`,
      'par-index check DIR (as the CLI runs it)': pool ? `${pool.ms.toFixed(0)} ms, ${pool.threads === 1 ? 'one worker thread' : `${pool.threads} worker threads`}` : 'not run',
      'peak RSS of that run (process + workers)': pool ? `${pool.rssMb.toFixed(0)} MB (target ≤ 200 MB) ${pool.rssMb <= 200 ? '✓' : '✗'}` : 'not run',
      'soffice --convert-to csv, one call, 100 files': lo === null ? 'LibreOffice not installed' : `${lo.median.toFixed(0)} ms (${spread(lo)}, taken between the check runs)`,
      // For scale: LibreOffice only converting the same files. The budget is the line against exceljs above.
      'LibreOffice ÷ check (one thread)': lo === null ? '—' : `${(lo.median / check.median).toFixed(1)}×`,
      ...(lo !== null && pool ? { 'LibreOffice ÷ par-index check DIR': `${(lo.median / pool.ms).toFixed(1)}×` } : {}),
    });

    const base = await fuzzBase();
    const props = readerProperties(base);
    const runs = { mutatedBytes: 5000, randomSheetXml: 3500, randomGrid: 1500 };
    const t0 = performance.now();
    await fc.assert(props.mutatedBytes, { numRuns: runs.mutatedBytes, seed: 42 });
    await fc.assert(props.randomSheetXml, { numRuns: runs.randomSheetXml, seed: 42 });
    await fc.assert(props.randomGrid, { numRuns: runs.randomGrid, seed: 42 });
    const fuzzMs = performance.now() - t0;
    const cases = Object.values(runs).reduce((s, n) => s + n, 0);
    report('reader fuzzing (fast-check)', [], { cases: `${cases} (bytes ${runs.mutatedBytes}, XML ${runs.randomSheetXml}, grids ${runs.randomGrid}): all read or refused`, time: `${(fuzzMs / 1000).toFixed(1)} s (${(fuzzMs / cases).toFixed(2)} ms per case)` });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

interface Runs {
  median: number;
  all: number[];
}

function median(all: number[]): Runs {
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(all.length / 2)], all };
}

/**
 * One fresh process: the check as the CLI runs it with one worker thread (checkFiles), or
 * a bare exceljs load, of every file in the folder, timed after the first file has warmed
 * up the process — module loading is not counted. The check's worker is a new one for the
 * timed run, as in a real check: its start and warm-up are counted.
 */
function timedChild(dir: string, what: 'check' | 'exceljs'): { ms: number; maxFileMs: number } {
  const pool = join(__dirname, '../../src/cli/check-pool.js');
  const script = `
    const { readdirSync, readFileSync } = require('node:fs');
    const { join } = require('node:path');
    const dir = ${JSON.stringify(dir)};
    const names = readdirSync(dir).sort();
    const paths = names.map((n) => join(dir, n));
    const run = ${
      what === 'check'
        ? `(() => {
            const { checkFiles } = require(${JSON.stringify(pool)});
            const inputs = names.map((shown, i) => ({ shown, path: paths[i] }));
            return async (first) => Math.max(...(await checkFiles(first ? inputs.slice(0, 1) : inputs, { threads: 1 })).fileMs);
          })()`
        : `(() => {
            const ExcelJS = require('exceljs');
            const load = (i) => new ExcelJS.Workbook().xlsx.load(readFileSync(paths[i]));
            return async (first) => { for (let i = 0; i < (first ? 1 : paths.length); i++) await load(i); return 0; };
          })()`
    };
    (async () => {
      await run(true);
      const t0 = performance.now();
      const maxFileMs = await run(false);
      process.stdout.write(JSON.stringify({ ms: performance.now() - t0, maxFileMs }));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: join(__dirname, '../..'), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`timed ${what} run failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** par-index check's pool in a child process, so its peak RSS is the check's alone. */
function cliRun(dir: string): { ms: number; threads: number; rssMb: number } | null {
  const pool = join(__dirname, '../../src/cli/check-pool.js');
  const script = `
    const { checkFiles } = require(${JSON.stringify(pool)});
    const { readdirSync } = require('node:fs');
    const { join } = require('node:path');
    const dir = ${JSON.stringify(dir)};
    const inputs = readdirSync(dir).sort().map((n) => ({ shown: n, path: join(dir, n) }));
    const t0 = performance.now();
    checkFiles(inputs).then((run) => {
      const ms = performance.now() - t0;
      process.stdout.write(JSON.stringify({ ms, threads: run.threads, rssMb: process.resourceUsage().maxRSS / 1024, files: run.results.length }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) {
    process.stderr.write(`par-index check run failed: ${r.stderr}\n`);
    return null;
  }
  return JSON.parse(r.stdout);
}

/** One `soffice --convert-to csv` of every file per call; null when LibreOffice is not installed. */
function libreOfficeRunner(paths: string[], tmp: string): (() => number) | null {
  const soffice = sofficePath();
  if (!soffice) return null;
  const profile = join(tmp, 'lo-profile');
  const out = join(tmp, 'csv');
  mkdirSync(join(profile, 'user'), { recursive: true });
  // Recalculate on load, as for the formula proofs: what reading a submission really costs it.
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
  );
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--convert-to', 'csv', '--outdir', out, ...paths];
  const env = { ...process.env, HOME: tmp, SAL_USE_VCLPLUGIN: 'svp' };
  // A first start creates the profile; it is not part of the conversion.
  spawnSync(soffice, ['--headless', '--terminate_after_init', `-env:UserInstallation=${pathToFileURL(profile).href}`], { env, timeout: 120_000 });
  return () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const t0 = performance.now();
    const r = spawnSync(soffice, args, { env, timeout: 900_000, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0 || readdirSync(out).length !== paths.length) {
      process.stderr.write(`soffice: exit ${r.status}, ${readdirSync(out).length}/${paths.length} converted\n${r.stderr}\n`);
    }
    return ms;
  };
}
