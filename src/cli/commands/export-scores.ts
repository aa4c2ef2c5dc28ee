/**
 * par-index export-scores FILE.xlsx --out SCORES.csv|SCORES.json [--force]
 * One row per leaf — code, name, maxScore, target, selfScore, notApplicable, evidence,
 * explanation, appraisedScore, appraisalNote — for online PAR systems. CSV is UTF-8 with
 * a BOM, so Excel shows the diacritics.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportScores, scoresToCsv } from '../../domain';
import { CliError, EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { openWorkbook } from '../workbook-file';
import { overwriteRefusal, writeAtomically } from '../write-workbook';

export interface ExportScoresOptions {
  file: string;
  out: string;
  force: boolean;
}

export async function runExportScores(options: ExportScoresOptions, io: CliIO): Promise<number> {
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
