/**
 * LibreOffice headless as the formula engine of the tests: it opens the .xlsx files we
 * write, recalculates every formula and saves them again with the results cached, which
 * exceljs then reads. One soffice process converts all files of a test file at once
 * (each start costs 1,5–2 s), in a fresh profile that forces recalculation on load —
 * without it LibreOffice keeps whatever cached values a file carries.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

export const SOFFICE_MISSING = 'LibreOffice (soffice) is required: apt-get install libreoffice-calc-nogui';

/** Always recalculate on load, for xlsx (OOXML) and ods (ODF) alike. */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface RecalcOptions {
  /** Milliseconds before soffice is killed. */
  timeoutMs?: number;
  /** Where the recalculated copies go; a fresh temp directory by default. */
  outDir?: string;
  soffice?: string;
  /** What to save as: the recalculated workbook (xlsx, default) or its print (pdf). */
  format?: 'xlsx' | 'pdf';
}

export function sofficePath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const path = found.stdout.trim().split('\n')[0];
  return found.status === 0 && path ? path : null;
}

/**
 * Opens every file in LibreOffice, recalculates and saves it as .xlsx; returns the new
 * files' paths in the same order. Input names must be distinct (the output keeps the name).
 */
export async function recalculate(files: readonly string[], options: RecalcOptions = {}): Promise<string[]> {
  if (files.length === 0) return [];
  const soffice = options.soffice ?? sofficePath();
  if (!soffice) throw new Error(SOFFICE_MISSING);
  const inputs = files.map((f) => resolve(f));
  const names = inputs.map((f) => basename(f));
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`recalculate: two input files are both named ${dup}; the converted copies would overwrite each other`);
  for (const f of inputs) if (!existsSync(f)) throw new Error(`recalculate: no such file ${f}`);

  const work = mkdtempSync(join(tmpdir(), 'par-lo-'));
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  const home = join(work, 'home');
  mkdirSync(home);
  const outDir = options.outDir ?? join(work, 'out');
  mkdirSync(outDir, { recursive: true });
  const format = options.format ?? 'xlsx';
  const outputs = names.map((n) => join(outDir, n.replace(/\.[^.]+$/, '') + '.' + format));
  if (outputs.some((o, i) => o === inputs[i])) throw new Error('recalculate: outDir must differ from the input folder');

  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--convert-to', format, '--outdir', outDir, ...inputs];
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: home, SAL_USE_VCLPLUGIN: 'svp' };
  const run = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; error?: Error }>((done) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(soffice, args, { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: null, signal: null, stdout, stderr, error });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
  // The profile and HOME are throwaway; the converted files stay where the caller wants them.
  for (const d of [profile, home]) rmSync(d, { recursive: true, force: true });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? SOFFICE_MISSING : `soffice could not start: ${run.error.message}`);
  }
  const absent = outputs.filter((o) => !existsSync(o));
  if (run.code !== 0 || absent.length > 0) {
    const why = run.signal ? `killed by ${run.signal} (timeout?)` : `exit code ${run.code}`;
    throw new Error(
      `soffice failed (${why}); missing output: ${absent.map((a) => basename(a)).join(', ') || 'none'}\n` +
        `command: ${soffice} ${args.join(' ')}\nstdout: ${run.stdout.trim()}\nstderr: ${run.stderr.trim()}\n${SOFFICE_MISSING}`,
    );
  }
  return outputs;
}

export type CachedValue = number | string | boolean | null;

/**
 * The value a cell shows: the cached result of a formula (as LibreOffice saved it), or the
 * constant. Blank cells, empty text and formula cells without a cached result give null;
 * errors give their text ("#DIV/0!").
 */
export function valueAt(wb: ExcelJS.Workbook, sheet: string, address: string): CachedValue {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet "${sheet}" (sheets: ${wb.worksheets.map((w) => w.name).join(', ')})`);
  // exceljs cells, not Office.js ranges: nothing to load or sync.
  const { type, result, value } = ws.getCell(address);
  // The value of a formula cell drops falsy results (0, "", false); result keeps them.
  if (type === ExcelJS.ValueType.Formula) return result === undefined ? null : plain(result as ExcelJS.CellValue);
  return plain(value);
}

function plain(value: ExcelJS.CellValue): CachedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('error' in value) return value.error;
    if ('richText' in value) return value.richText.map((r) => r.text).join('') || null;
    if ('text' in value) return (value as ExcelJS.CellHyperlinkValue).text;
  }
  return String(value);
}
