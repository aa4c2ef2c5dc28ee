/**
 * Which criteria set a command works with: a bundled one (--set ID) or one a province
 * annex was imported into (--set-file SET.json, written by import-set). A set file is
 * validated by the same schema and invariants as the bundled sets.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { findBundledSet } from '../criteria';
import { CriteriaSetError, formatPoints, loadCriteriaSet, type CriteriaSet } from '../domain';
import { CliError, fileFailure } from './errors';
import type { CliIO } from './io';

const MAX_SET_FILE_BYTES = 5 * 1024 * 1024;

/** The set named by --set or --set-file, or null when neither is given. */
export function resolveSet(opts: { set?: string; setFile?: string }, io: CliIO): CriteriaSet | null {
  const id = opts.set;
  const file = opts.setFile;
  if (id !== undefined && file !== undefined) throw new CliError('Chỉ dùng một trong hai: --set ID hoặc --set-file SET.json');
  if (id !== undefined) {
    const set = findBundledSet(id);
    if (!set) throw new CliError(`Không có bộ tiêu chí "${id}". Xem danh sách: par-index sets`);
    return set;
  }
  return file === undefined ? null : readSetFile(resolve(io.cwd, file), file);
}

export function readSetFile(path: string, shown: string): CriteriaSet {
  let text: string;
  try {
    const buffer = readFileSync(path);
    if (buffer.length > MAX_SET_FILE_BYTES) {
      throw new CliError(`${shown}: tệp bộ tiêu chí quá lớn (${formatPoints(Math.round(buffer.length / 1024 / 102.4) / 10)} MB, tối đa ${formatPoints(MAX_SET_FILE_BYTES / 1024 / 1024)} MB)`);
    }
    text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Tệp bộ tiêu chí ${shown}: ${fileFailure(e)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${shown} không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  try {
    return loadCriteriaSet(raw, basename(shown));
  } catch (e) {
    if (e instanceof CriteriaSetError) throw new CliError(e.message);
    throw e;
  }
}
