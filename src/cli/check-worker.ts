/** A worker thread of the check pool: checks the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { checkFile } from './check-file';

export interface CheckJob {
  id: number;
  path: string;
  shown: string;
}

parentPort?.on('message', (job: CheckJob) => {
  void checkFile(job.path, job.shown).then((result) => parentPort!.postMessage({ id: job.id, result }));
});
