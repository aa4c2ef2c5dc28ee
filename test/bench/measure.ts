/** Timing helpers for npm run bench: warm up, then report the median and the 95th percentile. */
import { performance } from 'node:perf_hooks';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs?: number;
  note?: string;
}

export function measure(name: string, fn: () => unknown, opts: { runs?: number; warmup?: number; target?: number } = {}): Measurement {
  const runs = opts.runs ?? 200;
  for (let i = 0; i < (opts.warmup ?? 20); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return summarise(name, times, opts.target);
}

export async function measureAsync(name: string, fn: () => Promise<unknown>, opts: { runs?: number; warmup?: number; target?: number } = {}): Promise<Measurement> {
  const runs = opts.runs ?? 10;
  for (let i = 0; i < (opts.warmup ?? 2); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarise(name, times, opts.target);
}

function summarise(name: string, times: number[], target?: number): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { name, runs: times.length, medianMs: at(0.5), p95Ms: at(0.95), ...(target !== undefined ? { targetMs: target } : {}) };
}

export function report(title: string, rows: Measurement[], extra: Record<string, string | number> = {}): void {
  const lines = [`\n== ${title}`];
  for (const r of rows) {
    const verdict = r.targetMs === undefined ? '' : r.medianMs <= r.targetMs ? `  ✓ ≤ ${r.targetMs} ms` : `  ✗ target ${r.targetMs} ms`;
    lines.push(`${r.name.padEnd(40)} median ${r.medianMs.toFixed(3).padStart(9)} ms   p95 ${r.p95Ms.toFixed(3).padStart(9)} ms   (${r.runs} runs)${verdict}`);
  }
  for (const [k, v] of Object.entries(extra)) lines.push(`${k.padEnd(40)} ${v}`);
  process.stdout.write(lines.join('\n') + '\n');
  mkdirSync('test-artifacts', { recursive: true });
  appendFileSync(join('test-artifacts', 'bench.json'), JSON.stringify({ title, rows, extra, at: new Date().toISOString() }) + '\n');
}
