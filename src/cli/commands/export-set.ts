/**
 * par-index export-set FILE.xlsx --out SET.json [--force]
 * Takes the criteria set a scoring workbook carries (an imported annex travels inside the
 * file) and writes it as a set file another unit can use with template --set-file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { criteriaSetToData, formatPoints } from '../../domain';
import { declareCommand, parseCommand, required } from '../command';
import { CliError, EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { openWorkbook } from '../workbook-file';
import { overwriteRefusal, writeAtomically } from '../write-workbook';

const USAGE = 'par-index export-set FILE.xlsx --out SET.json [--force]';

type ExportSetOptions = { out?: string; force?: true };

export function exportSetCli(): Command {
  return declareCommand('export-set', 'lấy bộ tiêu chí lưu trong tệp chấm điểm, ghi ra SET.json')
    .usage('TỆP.xlsx --out SET.json [--force]')
    .description('Lấy bộ tiêu chí lưu trong tệp chấm điểm và ghi ra SET.json, để đơn vị khác tạo tệp chấm điểm cùng bộ (template --set-file).')
    .argument('[TỆP.xlsx]', 'tệp chấm điểm có bộ tiêu chí cần lấy')
    .option('--out <SET.json>', 'tệp bộ tiêu chí sẽ ghi')
    .option('--force', 'ghi đè nếu tệp --out đã có')
    .allowExcessArguments()
    .addHelpText('after', '\nVí dụ:\n  par-index export-set so-xay-dung.xlsx --out bo-tieu-chi.json');
}

export async function exportSetCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { operands, opts } = parseCommand<ExportSetOptions>(exportSetCli(), argv, io);
  if (operands.length !== 1) throw new CliError(`Cần đúng một tệp chấm điểm. Cách dùng: ${USAGE}`);
  const shown = operands[0];
  const outArg = required(opts.out, '--out SET.json (tệp bộ tiêu chí sẽ ghi)');
  if (!/\.json$/i.test(outArg)) throw new CliError(`--out phải là tệp .json (đang là "${outArg}")`);
  const out = resolve(io.cwd, outArg);
  const force = opts.force === true;
  if (existsSync(out) && !force) throw new CliError(overwriteRefusal(outArg));
  const opened = await openWorkbook(resolve(io.cwd, shown));
  if (!opened.ok) throw new CliError(`${shown}: ${opened.error}`);
  const { read } = opened;
  const data = criteriaSetToData(read.set);
  writeAtomically(out, Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'), force, outArg);
  io.out(`Đã ghi ${outArg}: ${read.set.title} (${read.set.id}, phiên bản ${read.set.version}), ${read.set.nodes.length} dòng, tổng ${formatPoints(read.set.totalMax)} điểm.`);
  return EXIT_OK;
}
