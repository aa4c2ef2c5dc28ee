/** Runs the CLI in-process with a recording IO, or as the real binary. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n'), cwd });
  return { code, stdout, stderr };
}

export const BIN = join(__dirname, '../../bin/par-index.js');

/** The compiled binary, as a user runs it (needs `npm run build:cli`, which the test command does). */
export function runBin(args: string[], cwd = process.cwd()): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
