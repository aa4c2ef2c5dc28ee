/**
 * Checking many files: in worker threads, one per core, when the machine has cores to
 * spare and each thread gets enough files to pay for its start; in this thread otherwise,
 * and always when the compiled worker is not there (tests run the TypeScript sources).
 * Results come back in input order whatever order the threads finish in. A worker that
 * runs out of memory or takes too long on one file gives that file a verdict and is
 * replaced. In this thread, V8's own helper threads run behind the check (helpers-behind.ts).
 * Either way TurboFan inlines less, so the check's code is optimised sooner (compile-budget.ts).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckedFile } from '../workbook/consolidation/checked-file';
import { checkFile } from './check-file';
import type { CheckInput } from './check-inputs';
import type { CheckJob } from './check-worker';
import { budgetCompilesForBatch } from './compile-budget';
import { withHelpersBehind } from './helpers-behind';

/**
 * Each worker loads the program and warms up its compiler on its own (about half a
 * second), and threads share the memory bandwidth: on a 2-core machine two workers
 * checked 100 submissions in 1,6–1,9 s against 1,0–1,5 s in one thread, and 200 in
 * 2,1–3,0 s against 2,0–2,6 s, with 60 % more memory. So threads by default only from 4
 * cores, and only with this many files for each.
 */
export const MIN_CORES_FOR_WORKERS = 4;
export const MIN_FILES_PER_WORKER = 25;
/** A scoring file checks in well under a second; one that takes this long is refused. */
export const FILE_TIMEOUT_MS = 60_000;
/** Heap a worker may use for one file before the file is refused (a hostile file, not a real one). */
const WORKER_HEAP_MB = 512;

export interface PoolOptions {
  /** Worker threads to use (1: this thread); by default as above. */
  threads?: number;
  /** The compiled worker script; by default check-worker.js beside this file. */
  workerScript?: string;
}

export interface CheckRun {
  results: CheckedFile[];
  threads: number;
}

export async function checkFiles(inputs: readonly CheckInput[], options: PoolOptions = {}): Promise<CheckRun> {
  const script = options.workerScript ?? join(__dirname, 'check-worker.js');
  const threads = Math.min(options.threads ?? defaultThreads(inputs.length), inputs.length);
  budgetCompilesForBatch();
  if (threads < 2 || !existsSync(script)) {
    const results = await withHelpersBehind(async () => {
      const out: CheckedFile[] = [];
      for (const input of inputs) out.push(await checkFile(input.path, input.shown));
      return out;
    });
    return { results, threads: 1 };
  }
  return { results: await inWorkers(inputs, script, threads), threads };
}

function defaultThreads(files: number): number {
  const cores = availableParallelism();
  return cores < MIN_CORES_FOR_WORKERS ? 1 : Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER));
}

function inWorkers(inputs: readonly CheckInput[], script: string, threads: number): Promise<CheckedFile[]> {
  const results: CheckedFile[] = new Array(inputs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolveAll) => {
    const start = () => {
      const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      let current: CheckJob | null = null;
      let timer: NodeJS.Timeout | null = null;
      const finish = (id: number, result: CheckedFile) => {
        if (timer) clearTimeout(timer);
        results[id] = result;
        current = null;
        done++;
        if (done === inputs.length) resolveAll(results);
      };
      const feed = () => {
        if (next >= inputs.length) {
          void worker.terminate();
          return;
        }
        const id = next++;
        current = { id, path: inputs[id].path, shown: inputs[id].shown };
        timer = setTimeout(() => fail('timeout'), FILE_TIMEOUT_MS);
        worker.postMessage(current);
      };
      const fail = (why: 'timeout' | 'crash', detail = '') => {
        const job = current;
        worker.removeAllListeners();
        void worker.terminate();
        if (job) finish(job.id, lost(job, why, detail));
        if (done < inputs.length && next < inputs.length) start();
      };
      worker.on('message', (m: { id: number; result: CheckedFile }) => {
        finish(m.id, m.result);
        feed();
      });
      worker.on('error', (e) => fail('crash', e.message));
      worker.on('exit', () => {
        if (current) fail('crash', 'luồng kiểm tra dừng đột ngột');
      });
      feed();
    };
    for (let t = 0; t < threads; t++) start();
  });
}

function lost(job: CheckJob, why: 'timeout' | 'crash', detail: string): CheckedFile {
  if (why === 'timeout') {
    return { readable: false, file: job.shown, reason: 'timeout', error: `đọc tệp quá lâu (hơn ${FILE_TIMEOUT_MS / 1000} giây), đã dừng`, errorEn: `reading took longer than ${FILE_TIMEOUT_MS / 1000} s and was stopped` };
  }
  const memory = /memory|heap/i.test(detail);
  return memory
    ? { readable: false, file: job.shown, reason: 'too-big', error: 'tệp cần quá nhiều bộ nhớ để đọc, đã dừng', errorEn: 'the file needs too much memory to read' }
    : { readable: false, file: job.shown, reason: 'internal', error: `lỗi khi đọc tệp (${detail.slice(0, 160)})`, errorEn: `failed while reading the file (${detail.slice(0, 160)})` };
}
