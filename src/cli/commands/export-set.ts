/**
 * par-index export-set FILE.xlsx --out SET.json [--force]
 * Takes the criteria set a scoring workbook carries (an imported annex travels inside the
 * file) and writes it as a set file another unit can use with template --set-file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { criteriaSetToData, formatPoints } from '../../domain';
import { interpretWorkbook } from '../../workbook/read/interpret';
import { readXlsxGrid, UnreadableWorkbookError } from '../../workbook/xlsx/read-grid';
import { parseArgs, requireFlag } from '../args';
import { CliError, EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { overwriteRefusal, writeAtomically } from '../write-workbook';

const USAGE = 'par-index export-set FILE.xlsx --out SET.json [--force]';

export async function exportSetCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { out: true, force: false });
  if (args.positional.length !== 1) throw new CliError(`Cần đúng một tệp chấm điểm. Cách dùng: ${USAGE}`);
  const shown = args.positional[0];
  const outArg = requireFlag(args, 'out', 'SET.json (tệp bộ tiêu chí sẽ ghi)');
  if (!/\.json$/i.test(outArg)) throw new CliError(`--out phải là tệp .json (đang là "${outArg}")`);
  const out = resolve(io.cwd, outArg);
  const force = args.flags.force === true;
  if (existsSync(out) && !force) throw new CliError(overwriteRefusal(outArg));
  let read;
  try {
    const path = resolve(io.cwd, shown);
    read = interpretWorkbook(await readXlsxGrid(readFileSync(path), basename(path)));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliError(`${shown}: ${e.message}`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(code === 'ENOENT' ? `Không tìm thấy tệp ${shown}` : `Không đọc được ${shown} (${code})`);
    throw e;
  }
  if (!read.ok) throw new CliError(`${shown}: ${read.message}`);
  const data = criteriaSetToData(read.set);
  writeAtomically(out, Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'), force, outArg);
  io.out(`Đã ghi ${outArg}: ${read.set.title} (${read.set.id}, phiên bản ${read.set.version}), ${read.set.nodes.length} dòng, tổng ${formatPoints(read.set.totalMax)} điểm.`);
  return EXIT_OK;
}
