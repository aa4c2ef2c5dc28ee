/**
 * npm run bench — the task pane as the user first meets it:
 *  - initial JavaScript: every <script src> of dist/taskpane.html, raw and gzip (target: the
 *    pane's own scripts ≤ 250 KB gzip; Microsoft's office.js is listed apart, it is not ours);
 *  - time to interactive in headless Chromium on the recording Excel double (served where
 *    office.js is): navigation start → first visible, enabled control, and → Start's
 *    "Tạo bảng chấm điểm" usable (the workbook read); median of 7 cold loads (target ≤ 500 ms).
 * Reported, never asserted. Needs `npm run build` first and Debian's chromium.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDoubleBundle } from '../e2e/harness/double-bundle';
import { launchChromium } from '../e2e/harness/chromium';
import { openPane, STARTUP_MARKS, type StartupMarks } from '../e2e/harness/pane-session';
import { DIST } from '../e2e/harness/paths';
import { report, type Measurement } from './measure';

const GZIP_TARGET_KB = 250;
const TTI_TARGET_MS = 500;
const LOADS = 7;

interface ScriptSize {
  src: string;
  rawKB: number;
  gzipKB: number;
}

export function initialScripts(): ScriptSize[] {
  const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
  // office.js from Microsoft's CDN (the default build) is not ours and not on disk: left out.
  const srcs = [...html.matchAll(/<script\b[^>]*?\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  return srcs.map((src) => {
    const file = join(DIST, src.split(/[?#]/)[0]);
    const body = readFileSync(file);
    return { src, rawKB: statSync(file).size / 1024, gzipKB: gzipSync(body).length / 1024 };
  });
}

async function timeToInteractive(): Promise<Measurement[]> {
  await buildDoubleBundle();
  const browser = await launchChromium();
  const times: Record<keyof typeof STARTUP_MARKS, number[]> = { firstControl: [], createSheet: [] };
  try {
    // One warm-up load (Chromium's own first-run work), then cold contexts: no HTTP cache.
    for (let i = 0; i <= LOADS; i++) {
      const pane = await openPane({ browser, measureStartup: true });
      try {
        const done = (marks: typeof STARTUP_MARKS) => Object.keys(marks).every((k) => (window as unknown as StartupMarks).parStartup?.[k as keyof typeof marks] !== undefined);
        await pane.page.waitForFunction(done, STARTUP_MARKS, { timeout: 15_000 });
        const marks = await pane.page.evaluate(() => (window as unknown as StartupMarks).parStartup!);
        if (i > 0) for (const k of Object.keys(times) as Array<keyof typeof times>) times[k].push(marks[k]!);
      } finally {
        await pane.close();
      }
    }
  } finally {
    await browser.close();
  }
  const row = (name: string, list: number[]): Measurement => {
    const sorted = [...list].sort((a, b) => a - b);
    return { name, runs: list.length, medianMs: sorted[Math.floor(sorted.length / 2)], p95Ms: sorted[sorted.length - 1], targetMs: TTI_TARGET_MS };
  };
  return [row(`first control usable (${LOADS} cold loads)`, times.firstControl), row('Start ready ("Tạo bảng chấm điểm")', times.createSheet)];
}

export async function benchPane(): Promise<void> {
  const scripts = initialScripts();
  const ours = scripts.filter((s) => !s.src.startsWith('office-js/'));
  const sum = (list: ScriptSize[], k: 'rawKB' | 'gzipKB') => list.reduce((a, s) => a + s[k], 0);
  const kb = (n: number) => `${n.toFixed(1)} KB`;
  const extra: Record<string, string> = {};
  for (const s of scripts) extra[`  ${s.src}`] = `${kb(s.rawKB)} raw, ${kb(s.gzipKB)} gzip`;
  const oursGzip = sum(ours, 'gzipKB');
  extra['initial JS, pane (gzip)'] = `${kb(oursGzip)}  ${oursGzip <= GZIP_TARGET_KB ? '✓' : '✗'} target ≤ ${GZIP_TARGET_KB} KB`;
  extra['initial JS, with office.js (gzip)'] = kb(sum(scripts, 'gzipKB'));

  let rows: Measurement[] = [];
  try {
    rows = await timeToInteractive();
  } catch (e) {
    extra['time to interactive'] = `not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  report('task pane (dist/, headless Chromium, Excel test double)', rows, extra);
}
