/**
 * Last year's file for `template --previous`: any par-index workbook (any template version,
 * its set read from its own "_par", as `check` does), its final scores carried by code into
 * this year's set. What no longer exists is listed on stderr and, by the caller, in the
 * workbook's "Dữ liệu cũ" sheet.
 */
import { basename, resolve } from 'node:path';
import type { CriteriaSet } from '../domain';
import { describeOrphan, ORPHAN_SHEET } from '../workbook/orphan-sheet';
import { previousYearScores, type PreviousYearScores } from '../workbook/previous-year';
import { CliError } from './errors';
import type { CliIO } from './io';
import { openWorkbook } from './workbook-file';

export type PreviousYear = PreviousYearScores;

export async function readPreviousYear(arg: string, set: CriteriaSet, io: CliIO): Promise<PreviousYear> {
  const opened = await openWorkbook(resolve(io.cwd, arg));
  if (!opened.ok) {
    throw new CliError(`--previous ${arg}: không đọc được kết quả năm trước (${opened.error}); cần tệp chấm điểm .xlsx do par-index hoặc add-in tạo`);
  }
  const { read } = opened;
  const previous = previousYearScores(read, set);
  const { carried } = previous;
  if (carried.carried + carried.orphaned.length === 0) io.err(`Lưu ý: ${basename(arg)} chưa có điểm nào (điểm đạt trống ở mọi tiêu chí), nên cột "Điểm năm trước" để trống.`);
  if (carried.orphaned.length > 0) {
    io.err(
      `${carried.orphaned.length} tiêu chí trong ${basename(arg)} (bộ ${read.set.id} phiên bản ${read.set.version}) không còn trong bộ ${set.id} phiên bản ${set.version}; ` +
        `điểm năm trước của chúng được liệt kê ở trang "${ORPHAN_SHEET}":`,
    );
    for (const o of carried.orphaned) io.err(`  - ${describeOrphan(o)}`);
  }
  return previous;
}
