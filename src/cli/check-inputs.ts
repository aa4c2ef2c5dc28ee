/**
 * What `par-index check` was given, as a list of files: a folder stands for every .xlsx
 * directly inside it (sorted, so the run and the report are the same every time), minus
 * Excel's lock files (~$…), macOS resource forks (._…) and the report being written.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface CheckInput {
  /** As shown to the user: the argument, or folder/name for a file found in a folder. */
  shown: string;
  path: string;
}

export interface ExpandedInputs {
  inputs: CheckInput[];
  /** Folders that held no .xlsx (worth saying: a wrong folder is a common mistake). */
  emptyFolders: string[];
}

export async function expandInputs(args: readonly string[], cwd: string, exclude: string | null = null): Promise<ExpandedInputs> {
  const inputs: CheckInput[] = [];
  const emptyFolders: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      if (path !== exclude) inputs.push({ shown: arg, path });
      continue;
    }
    const names = (await readdir(path, { withFileTypes: true }))
      .filter((d) => !d.isDirectory() && isSubmissionName(d.name))
      .map((d) => d.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const found = names.map((name) => ({ shown: join(arg, name), path: join(path, name) })).filter((f) => f.path !== exclude);
    if (found.length === 0) emptyFolders.push(arg);
    inputs.push(...found);
  }
  return { inputs, emptyFolders };
}

export function isSubmissionName(name: string): boolean {
  return /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('._');
}
