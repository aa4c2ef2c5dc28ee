/**
 * Checking files, always in worker threads: a file that runs a worker out of memory or
 * past the time limit gets that as its verdict, the worker is replaced, and the run goes
 * on — a hostile file cannot hold the check, on one thread or many. One worker per core
 * when the machine has cores to spare and each gets enough files to pay for its start;
 * one otherwise. Results come back in input order whatever order the threads finish in.
 * Only where the compiled worker is not there (tests run the TypeScript sources) are the
 * files checked in this thread, without those limits.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { formatPoints } from '../domain';
import type { CheckedFile } from '../workbook/consolidation/checked-file';
import { checkFile } from './check-file';
import type { CheckInput } from './check-inputs';
import type { CheckJob } from './check-worker';

/**
 * Each worker loads the program and warms up its compiler on its own (about half a
 * second), and threads share the memory bandwidth: on a 2-core machine two workers
 * checked 100 submissions in 1,6–1,9 s against 1,0–1,5 s in one thread, and 200 in
 * 2,1–3,0 s against 2,0–2,6 s, with 60 % more memory. So one worker by default, more
 * only from 4 cores, and only with this many files for each.
 */
export const MIN_CORES_FOR_WORKERS = 4;
export const MIN_FILES_PER_WORKER = 25;
/** A scoring file checks in well under a second; one that takes this long is refused. */
export const FILE_TIMEOUT_MS = 60_000;
/** Heap a worker may use for one file before the file is refused (a hostile file, not a real one). */
const WORKER_HEAP_MB = 512;

export interface PoolOptions {
  /** Worker threads to use; by default as above. */
  threads?: number;
  /** The compiled worker script; by default check-worker.js beside this file. */
  workerScript?: string;
  /** By default FILE_TIMEOUT_MS. */
  fileTimeoutMs?: number;
}

export interface CheckRun {
  results: CheckedFile[];
  /** Worker threads used; 0 when the files were checked in this thread. */
  threads: number;
  /** How long each file took, in input order (from being sent to a ready worker to its verdict). */
  fileMs: number[];
}

export async function checkFiles(inputs: readonly CheckInput[], options: PoolOptions = {}): Promise<CheckRun> {
  const script = options.workerScript ?? join(__dirname, 'check-worker.js');
  if (!existsSync(script) || inputs.length === 0) return inThisThread(inputs);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(inputs.length), inputs.length));
  return { ...(await inWorkers(inputs, script, threads, options.fileTimeoutMs ?? FILE_TIMEOUT_MS)), threads };
}

function defaultThreads(files: number): number {
  const cores = availableParallelism();
  return cores < MIN_CORES_FOR_WORKERS ? 1 : Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER));
}

async function inThisThread(inputs: readonly CheckInput[]): Promise<CheckRun> {
  const results: CheckedFile[] = [];
  const fileMs: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    results.push(await checkFile(input.path, input.shown));
    fileMs.push(performance.now() - started);
  }
  return { results, threads: 0, fileMs };
}

function inWorkers(inputs: readonly CheckInput[], script: string, threads: number, timeoutMs: number): Promise<Omit<CheckRun, 'threads'>> {
  const results: CheckedFile[] = new Array(inputs.length);
  const fileMs: number[] = new Array(inputs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolveAll) => {
    const start = () => {
      const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      let current: CheckJob | null = null;
      let timer: NodeJS.Timeout | null = null;
      let sent = 0;
      const finish = (id: number, result: CheckedFile) => {
        if (timer) clearTimeout(timer);
        results[id] = result;
        fileMs[id] = performance.now() - sent;
        current = null;
        done++;
        if (done === inputs.length) resolveAll({ results, fileMs });
      };
      const feed = () => {
        if (next >= inputs.length) {
          void worker.terminate();
          return;
        }
        const id = next++;
        current = { id, path: inputs[id].path, shown: inputs[id].shown };
        timer = setTimeout(() => fail('timeout'), timeoutMs);
        sent = performance.now();
        worker.postMessage(current);
      };
      const fail = (why: 'timeout' | 'crash', detail = '') => {
        const job = current;
        worker.removeAllListeners();
        void worker.terminate();
        if (job) finish(job.id, lost(job, why, detail, timeoutMs));
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
      // The clock of a file starts when its worker is up: a slow start is not the file's doing.
      worker.once('online', feed);
    };
    for (let t = 0; t < threads; t++) start();
  });
}

function lost(job: CheckJob, why: 'timeout' | 'crash', detail: string, timeoutMs: number): CheckedFile {
  if (why === 'timeout') {
    const seconds = timeoutMs / 1000;
    return { readable: false, file: job.shown, reason: 'timeout', error: `đọc tệp quá lâu (hơn ${formatPoints(seconds)} giây), đã dừng`, errorEn: `reading took longer than ${seconds} s and was stopped` };
  }
  const memory = /memory|heap/i.test(detail);
  return memory
    ? { readable: false, file: job.shown, reason: 'too-big', error: 'tệp cần quá nhiều bộ nhớ để đọc, đã dừng', errorEn: 'the file needs too much memory to read' }
    : { readable: false, file: job.shown, reason: 'internal', error: `lỗi khi đọc tệp (${detail.slice(0, 160)})`, errorEn: `failed while reading the file (${detail.slice(0, 160)})` };
}
