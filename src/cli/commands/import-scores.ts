/**
 * par-index import-scores FILE.xlsx SCORES.csv|SCORES.json --out NEW.xlsx [--force]
 * Writes scores from an online system back into a scoring workbook by criterion code. Each
 * row is checked as if it were typed; a bad row is listed with its line and not written,
 * and nothing else in the workbook changes. The old file is never touched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { importScores, ScoreFileError, scoreRowsFromCsv, scoreRowsFromJson, type ImportedRow } from '../../domain';
import { planUpgradeOf } from '../../workbook/upgrade';
import { renderXlsx } from '../../workbook/xlsx/render';
import { declareCommand, parseCommand, required } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS, fileFailure } from '../errors';
import type { CliIO } from '../io';
import { openWorkbook } from '../workbook-file';
import { overwriteRefusal, writeAtomically } from '../write-workbook';
import { printViewOption, withPrintOption } from '../print-option';
import type { PrintView } from '../../workbook/print-views';

export function importScoresCli(): Command {
  const command = declareCommand('import-scores', 'ghi điểm từ CSV hoặc JSON vào tệp chấm điểm, theo mã tiêu chí')
    .usage('TỆP.xlsx ĐIỂM.csv|ĐIỂM.json --out MỚI.xlsx [--print BIỂU] [--force]')
    .description(
      'Ghi điểm (từ export-scores hoặc hệ thống trực tuyến) vào tệp chấm điểm theo mã tiêu chí, kiểm tra như khi gõ vào ô. ' +
        'Dòng sai được liệt kê kèm số dòng và không được ghi; mọi thứ khác trong tệp giữ nguyên. Tệp cũ không bị sửa.',
    )
    .argument('[TỆP.xlsx]', 'tệp chấm điểm')
    .argument('[ĐIỂM]', 'tệp điểm .csv hoặc .json (các cột như export-scores ghi)')
    .option('--out <MỚI.xlsx>', 'tệp chấm điểm mới sẽ ghi');
  return withPrintOption(command)
    .option('--force', 'ghi đè nếu tệp --out đã có')
    .allowExcessArguments()
    .addHelpText('after', '\nVí dụ:\n  par-index import-scores so-xay-dung.xlsx diem.csv --out so-xay-dung-moi.xlsx');
}

export async function importScoresCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { operands, opts } = parseCommand<{ out?: string; print?: string; force?: true }>(importScoresCli(), argv, io);
  if (operands.length !== 2) throw new CliError('Cần tệp chấm điểm và tệp điểm. Cách dùng: par-index import-scores TỆP.xlsx ĐIỂM.csv --out MỚI.xlsx');
  const out = required(opts.out, '--out MỚI.xlsx (tệp mới sẽ ghi; tệp cũ giữ nguyên)');
  return runImportScores({ file: operands[0], scores: operands[1], out, printView: printViewOption(opts.print), force: opts.force === true }, io);
}

async function runImportScores(options: { file: string; scores: string; out: string; printView: PrintView; force: boolean }, io: CliIO): Promise<number> {
  if (!/\.xlsx$/i.test(options.out)) throw new CliError(`--out phải là tệp .xlsx (đang là "${options.out}")`);
  const input = resolve(io.cwd, options.file);
  const out = resolve(io.cwd, options.out);
  if (out === input) throw new CliError('--out phải khác tệp đang nhập điểm: tệp cũ được giữ nguyên để đối chiếu');
  if (existsSync(out) && !options.force) throw new CliError(overwriteRefusal(options.out));
  const rows = readScoreRows(resolve(io.cwd, options.scores), options.scores);
  const opened = await openWorkbook(input);
  if (!opened.ok) throw new CliError(`${options.file}: ${opened.error}`);
  const { read, grid } = opened;
  const imported = importScores(read.set, read.assessment, rows);
  const plan = planUpgradeOf({ ...read, assessment: { ...read.assessment, entries: imported.assessment.entries } }, grid, read.set, {
    createdAt: new Date().toISOString(),
    printView: options.printView,
  });
  writeAtomically(out, await renderXlsx(plan.spec), options.force, options.out);
  const lines = [`Đã ghi ${options.out}: nhận ${imported.applied} dòng của ${options.scores}.`];
  if (imported.rejected.length > 0) {
    lines.push(`  ${imported.rejected.length} dòng không nhận (giá trị cũ trong tệp được giữ nguyên):`);
    for (const r of imported.rejected) lines.push(`    - ${options.scores}, ${r.at}${r.code ? ` (mã ${r.code})` : ''}: ${r.messages.join('; ')}`);
  }
  io.out(lines.join('\n'));
  return imported.rejected.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function readScoreRows(path: string, shown: string): ImportedRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`${shown}: ${fileFailure(e)}`);
  }
  try {
    if (!/\.json$/i.test(path)) return scoreRowsFromCsv(text);
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (e) {
      throw new ScoreFileError(`không phải JSON hợp lệ (${(e as Error).message})`);
    }
    return scoreRowsFromJson(data);
  } catch (e) {
    if (e instanceof ScoreFileError) throw new CliError(`${shown}: ${e.message}`);
    throw e;
  }
}
