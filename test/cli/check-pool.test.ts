/**
 * The per-file limit holds however many threads check: a file that holds its worker past
 * the limit gets a "timeout" verdict, the worker is replaced, and the files after it are
 * still checked — with one thread (--threads 1, the default on small machines) as with many.
 * The worker here is a stand-in script that hangs on files named "treo" and answers at once
 * for the others, so the test takes seconds, not minutes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles } from '../../src/cli/check-pool';

const tmp = mkdtempSync(join(tmpdir(), 'par-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const workerScript = join(tmp, 'worker.js');
writeFileSync(
  workerScript,
  `const { parentPort } = require('node:worker_threads');
   parentPort.on('message', (job) => {
     if (job.shown.startsWith('treo')) for (;;);
     parentPort.postMessage({ id: job.id, result: { readable: false, file: job.shown, reason: 'stand-in', error: 'đã xem', errorEn: 'seen' } });
   });`,
);

const inputs = ['a.xlsx', 'treo-1.xlsx', 'b.xlsx', 'treo-2.xlsx', 'c.xlsx'].map((shown) => ({ shown, path: join(tmp, shown) }));

describe.each([1, 2])('checkFiles with %i thread(s) and a 1 s limit per file', (threads) => {
  it('stops the files that hang, with the limit in words, and checks every other file', async () => {
    const run = await checkFiles(inputs, { threads, workerScript, fileTimeoutMs: 1000 });
    expect(run.threads).toBe(threads);
    expect(run.results.map((r) => [r.file, r.readable ? 'read' : r.reason])).toEqual([
      ['a.xlsx', 'stand-in'],
      ['treo-1.xlsx', 'timeout'],
      ['b.xlsx', 'stand-in'],
      ['treo-2.xlsx', 'timeout'],
      ['c.xlsx', 'stand-in'],
    ]);
    const hung = run.results[1];
    expect(!hung.readable && hung.error).toBe('đọc tệp quá lâu (hơn 1 giây), đã dừng');
    expect(run.fileMs).toHaveLength(inputs.length);
    expect(run.fileMs[1]).toBeGreaterThanOrEqual(1000);
  });
});
