/**
 * par-index export-scores FILE.xlsx --out SCORES.csv|SCORES.json [--force]
 * One row per leaf — code, name, maxScore, target, selfScore, notApplicable, evidence,
 * explanation, appraisedScore, appraisalNote — for online PAR systems. CSV is UTF-8 with
 * a BOM, so Excel shows the diacritics.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { exportScores, scoresToCsv } from '../../domain';
import { declareCommand, parseCommand, required } from '../command';
import { CliError, EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { openWorkbook } from '../workbook-file';
import { overwriteRefusal, writeAtomically } from '../write-workbook';

export function exportScoresCli(): Command {
  return declareCommand('export-scores', 'điểm từng tiêu chí ra CSV hoặc JSON, cho hệ thống chấm điểm trực tuyến')
    .usage('TỆP.xlsx --out ĐIỂM.csv|ĐIỂM.json [--force]')
    .description(
      'Ghi mỗi tiêu chí thành phần một dòng: code, name, maxScore, target, selfScore, notApplicable, evidence, ' +
        'explanation, appraisedScore, appraisalNote. CSV theo UTF-8 có BOM để Excel hiện đúng dấu tiếng Việt.',
    )
    .argument('[TỆP.xlsx]', 'tệp chấm điểm')
    .option('--out <ĐIỂM.csv|ĐIỂM.json>', 'tệp sẽ ghi')
    .option('--force', 'ghi đè nếu tệp --out đã có')
    .allowExcessArguments()
    .addHelpText('after', '\nVí dụ:\n  par-index export-scores so-xay-dung.xlsx --out diem.csv');
}

export async function exportScoresCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { operands, opts } = parseCommand<{ out?: string; force?: true }>(exportScoresCli(), argv, io);
  if (operands.length !== 1) throw new CliError('Cần đúng một tệp chấm điểm. Cách dùng: par-index export-scores TỆP.xlsx --out ĐIỂM.csv');
  return runExportScores({ file: operands[0], out: required(opts.out, '--out ĐIỂM.csv hoặc ĐIỂM.json (tệp sẽ ghi)'), force: opts.force === true }, io);
}

async function runExportScores(options: { file: string; out: string; force: boolean }, io: CliIO): Promise<number> {
  const format = /\.csv$/i.test(options.out) ? 'csv' : /\.json$/i.test(options.out) ? 'json' : null;
  if (!format) throw new CliError(`--out phải là tệp .csv hoặc .json (đang là "${options.out}")`);
  const out = resolve(io.cwd, options.out);
  if (existsSync(out) && !options.force) throw new CliError(overwriteRefusal(options.out));
  const opened = await openWorkbook(resolve(io.cwd, options.file));
  if (!opened.ok) throw new CliError(`${options.file}: ${opened.error}`);
  const { read } = opened;
  const records = exportScores(read.set, read.assessment);
  const text =
    format === 'csv'
      ? scoresToCsv(records)
      : JSON.stringify({ set: { id: read.set.id, version: read.set.version }, unit: read.unit ?? null, year: read.year, rows: records }, null, 2) + '\n';
  writeAtomically(out, Buffer.from(text, 'utf8'), options.force, options.out);
  io.out(`Đã ghi ${options.out}: ${records.length} tiêu chí của ${read.unit || options.file} (${read.set.id}, phiên bản ${read.set.version}).`);
  return EXIT_OK;
}
