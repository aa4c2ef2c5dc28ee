/**
 * Last year's file for `template --previous`: any par-index workbook (any template version,
 * its set read from its own "_par", as `check` does), its final scores carried by code into
 * this year's set. What no longer exists is listed on stderr and, by the caller, in the
 * workbook's "Dữ liệu cũ" sheet.
 */
import { basename, resolve } from 'node:path';
import { carryPreviousScores, type CarryOver, type CellRef, type CriteriaSet } from '../domain';
import { a1 } from '../workbook/a1';
import { describeOrphan, ORPHAN_SHEET } from '../workbook/orphan-sheet';
import { CliError } from './errors';
import type { CliIO } from './io';
import { openWorkbook } from './workbook-file';

export interface PreviousYear {
  carried: CarryOver;
  from: { setId: string; version: string };
  year: number | null;
  /** How many rows of last year's file had a final score. */
  scored: number;
}

export async function readPreviousYear(arg: string, set: CriteriaSet, io: CliIO): Promise<PreviousYear> {
  const opened = await openWorkbook(resolve(io.cwd, arg));
  if (!opened.ok) {
    throw new CliError(`--previous ${arg}: không đọc được kết quả năm trước (${opened.error}); cần tệp chấm điểm .xlsx do par-index hoặc add-in tạo`);
  }
  const { read } = opened;
  const scoreCells: Record<string, CellRef> = {};
  for (const [code, row] of Object.entries(read.rows)) scoreCells[code] = { sheet: read.sheets.scoring, cell: a1(row, read.columns.score) };
  const carried = carryPreviousScores({ set: read.set, assessment: read.assessment, scoreCells }, set);
  const scored = carried.carried + carried.orphaned.length;
  if (scored === 0) io.err(`Lưu ý: ${basename(arg)} chưa có điểm nào (điểm đạt trống ở mọi tiêu chí), nên cột "Điểm năm trước" để trống.`);
  if (carried.orphaned.length > 0) {
    io.err(
      `${carried.orphaned.length} tiêu chí trong ${basename(arg)} (bộ ${read.set.id} phiên bản ${read.set.version}) không còn trong bộ ${set.id} phiên bản ${set.version}; ` +
        `điểm năm trước của chúng được liệt kê ở trang "${ORPHAN_SHEET}":`,
    );
    for (const o of carried.orphaned) io.err(`  - ${describeOrphan(o)}`);
  }
  return { carried, from: { setId: read.set.id, version: read.set.version }, year: read.year, scored };
}
