/**
 * `check --previous LAST`: last year's ranking, from last year's folder of submissions
 * (checked and ranked exactly as this year's are) or from the report `check --report`
 * wrote last year (its ranking table read back). Anything else is refused, naming the
 * file, before this year's files are checked or a report is written.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { groupChecks } from '../workbook/consolidation/groups';
import { rankedUnits, readPreviousReport, type PreviousRanking } from '../workbook/consolidation/previous';
import { interpretWorkbook } from '../workbook/read/interpret';
import { readXlsxGrid, UnreadableWorkbookError } from '../workbook/xlsx/read-grid';
import { expandInputs } from './check-inputs';
import { checkFiles } from './check-pool';
import { CliError, fileFailure } from './errors';

export interface LoadedPrevious {
  ranking: PreviousRanking;
  /** Last year's files that could not be read (a folder only): left out of last year's ranking. */
  unreadable: string[];
}

const WHAT = 'thư mục bài nộp năm trước hoặc báo cáo tổng hợp năm trước (.xlsx do "par-index check --report" ghi)';

export async function loadPrevious(arg: string, cwd: string, options: { threads?: number; report: string | null }): Promise<LoadedPrevious> {
  const path = resolve(cwd, arg);
  if (path === options.report) throw new CliError(`--previous ${arg} trùng với tệp báo cáo sẽ ghi; hãy ghi báo cáo năm nay ra tệp khác để giữ báo cáo năm trước`);
  const info = await stat(path).catch((e: unknown) => {
    throw new CliError(`--previous ${arg}: ${fileFailure(e)} (cần ${WHAT})`);
  });
  if (info.isDirectory()) return fromFolder(arg, cwd, options.threads);
  if (!/\.xlsx$/i.test(path)) throw new CliError(`--previous ${arg}: không phải ${WHAT}`);
  return { ranking: await fromReport(arg, path), unreadable: [] };
}

async function fromFolder(arg: string, cwd: string, threads: number | undefined): Promise<LoadedPrevious> {
  const { inputs } = await expandInputs([arg], cwd);
  if (inputs.length === 0) throw new CliError(`--previous ${arg}: thư mục không có tệp .xlsx nào`);
  const { results } = await checkFiles(inputs, { threads });
  const { groups, unreadable } = groupChecks(results);
  if (groups.length === 0) throw new CliError(`--previous ${arg}: không tệp nào trong thư mục đọc được (${unreadable.length} tệp không đọc được)`);
  return { ranking: { source: arg, units: rankedUnits(groups) }, unreadable: unreadable.map((u) => `${u.file}: ${u.error}`) };
}

async function fromReport(arg: string, path: string): Promise<PreviousRanking> {
  const name = basename(path);
  const buffer = await readFile(path).catch((e: unknown) => {
    throw new CliError(`--previous ${name}: ${fileFailure(e)}`);
  });
  let grid;
  try {
    grid = await readXlsxGrid(buffer, name);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliError(`--previous ${name}: ${e.message}`);
    throw e;
  }
  const read = readPreviousReport(grid);
  if (read.ok) return { source: arg, units: read.units };
  // One unit's scoring file is a common slip for last year's folder: say so.
  const hint = interpretWorkbook(grid).ok ? '; đây là tệp chấm điểm của một đơn vị — hãy chỉ thư mục chứa bài nộp năm trước' : '';
  throw new CliError(`--previous ${read.message}${hint}`);
}
