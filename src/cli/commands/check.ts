/**
 * par-index check FILE.xlsx... [--json]
 * What the Hội đồng thẩm định runs on the files units send: every problem with the cell it
 * is in (scores above the maximum, missing evidence, formulas typed over, maxima edited,
 * rows deleted, numbers stored as text), errors first, and the totals the engine computes
 * beside those the file shows. A file that cannot be read gets its reason and the run goes
 * on. Exit 0: no errors · 1: errors found · 2: some file could not be read.
 */
import { resolve } from 'node:path';
import { formatPoints, formatRate, pointsEqual, type Problem } from '../../domain';
import { checkWorkbook, type CheckResult } from '../../workbook/read/check';
import type { ReadableWorkbook } from '../../workbook/read/interpret';
import { parseArgs } from '../args';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../errors';
import type { CliIO } from '../io';
import { printProblems } from '../problems-output';
import { openWorkbook } from '../workbook-file';

export async function checkCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { json: false });
  if (args.positional.length === 0) throw new CliError('Thiếu tệp cần kiểm tra: par-index check TỆP.xlsx [TỆP.xlsx…] [--json]');
  const json = args.flags.json === true;
  const files: unknown[] = [];
  let unreadable = false;
  let errors = false;

  for (const file of args.positional) {
    const opened = await openWorkbook(resolve(io.cwd, file));
    if (!opened.ok) {
      unreadable = true;
      if (json) files.push({ file, ok: false, error: opened.error });
      else io.out(`${file}: KHÔNG ĐỌC ĐƯỢC — ${opened.error}\n`);
      continue;
    }
    const result = checkWorkbook(opened.read);
    const ok = !result.problems.some((p) => p.severity === 'error');
    if (!ok) errors = true;
    if (json) files.push(fileJson(file, opened.read, result, ok));
    else printFile(file, opened.read, result, io);
  }
  if (json) io.out(JSON.stringify({ files }, null, 2));
  return unreadable ? EXIT_USAGE : errors ? EXIT_PROBLEMS : EXIT_OK;
}

function fileJson(file: string, read: ReadableWorkbook, result: CheckResult, ok: boolean) {
  return {
    file,
    setId: read.set.id,
    unit: read.unit,
    ok,
    problems: result.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      criterion: p.criterion,
      sheet: p.cell?.sheet ?? null,
      cell: p.cell?.cell ?? null,
      message: p.message,
    })),
    cells: result.cells,
    totals: result.totals,
  };
}

function printFile(file: string, read: ReadableWorkbook, result: CheckResult, io: CliIO): void {
  const { engine, file: shown } = result.totals;
  const pts = (n: number | null) => (n === null ? '—' : formatPoints(n));
  const part = (label: string, score: number | null, index: number | null, band: string | null) =>
    score === null ? `${label} —` : `${label} ${pts(score)}/${pts(engine.applicableMax)} (${formatRate(index)}${band ? `, ${band}` : ''})`;
  const differs: string[] = [];
  if (shown.computed) {
    if (!pointsEqual(shown.selfScore ?? 0, engine.selfScore ?? 0)) differs.push(`tự đánh giá ${pts(shown.selfScore)}`);
    if (!pointsEqual(shown.appraisedScore ?? 0, engine.appraisedScore ?? 0)) differs.push(`thẩm định ${pts(shown.appraisedScore)}`);
  }
  const status = read.set.status === 'official' ? '' : read.set.status === 'illustrative' ? ', MINH HỌA' : ', nhập từ phụ lục';
  const header = [
    `${file}`,
    `bộ ${read.set.id} v${read.set.version}${status}`,
    `đơn vị: ${read.unit ?? '(chưa ghi)'}${read.year ? ` · năm ${read.year}` : ''}`,
    part('tự đánh giá', engine.selfScore, engine.selfIndex, engine.selfBand),
    part('thẩm định', engine.appraisedScore, engine.appraisedIndex, engine.appraisedBand),
    `điểm đạt ${pts(engine.score)}`,
    ...(differs.length > 0 ? [`tệp ghi: ${differs.join(', ')}`] : []),
  ].join(' · ');
  io.out(header);
  // The report is the output: problems go to stdout with the same wording as elsewhere.
  printProblems(result.problems, { ...io, err: io.out }, '  ');
  io.out(`  → ${counts(result.problems)}\n`);
}

function counts(problems: readonly Problem[]): string {
  const n = (s: Problem['severity']) => problems.filter((p) => p.severity === s).length;
  const [e, w, i] = [n('error'), n('warning'), n('info')];
  if (e + w + i === 0) return 'không có vấn đề';
  return [`${e} lỗi`, `${w} cảnh báo`, ...(i > 0 ? [`${i} thông tin`] : [])].join(', ');
}
