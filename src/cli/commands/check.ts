/**
 * par-index check FILE.xlsx|FOLDER... [--report SUMMARY.xlsx] [--json] [--threads N]
 * What the Hội đồng thẩm định runs on the files units send: every problem with the cell it
 * is in (scores above the maximum, missing evidence, formulas typed over, maxima edited,
 * rows deleted, numbers stored as text), errors first, and the totals the engine computes
 * beside those the file shows. A folder stands for every .xlsx in it; many files are
 * checked in parallel where the machine has cores to spare (--threads sets how many). A
 * file that cannot be read, or takes too long, gets its reason and the run goes on.
 * --report writes the consolidation workbook (ranking, problems per unit, fields compared).
 * --previous sets each unit's rank beside last year's (a folder of last year's submissions,
 * or last year's report): the change in places, the units new and the units gone.
 * Exit 0: no errors · 1: errors found · 2: some file could not be read (the report is
 * still written, listing it).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { bandText, describeRankChange, formatPoints, formatRate, pointsEqual, resultText, type PreviousUnit, type Problem } from '../../domain';
import { resultJson } from '../result-json';
import { groupChecks, NOT_RANKED } from '../../workbook/consolidation/groups';
import type { CheckedFile, ReadableCheck } from '../../workbook/consolidation/checked-file';
import { previousText } from '../../workbook/consolidation/consolidate';
import { compareWithPrevious, type PreviousRanking } from '../../workbook/consolidation/previous';
import { loadPrevious } from '../check-previous';
import { declareCommand, parseCommand } from '../command';
import { expandInputs } from '../check-inputs';
import { checkFiles } from '../check-pool';
import { checkReportPath, writeReport } from '../check-report';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../errors';
import type { CliIO } from '../io';
import { printProblems } from '../problems-output';

type CheckOptions = { report?: string; json?: true; threads?: string; previous?: string };

export function checkCli(): Command {
  return declareCommand('check', 'kiểm tra tệp đã chấm, từng tệp hoặc cả thư mục bài nộp')
    .usage('TỆP.xlsx|THƯ-MỤC… [--report TỔNG-HỢP.xlsx] [--previous NĂM-TRƯỚC] [--json] [--threads N]')
    .description(
      'Kiểm tra tệp đã chấm: điểm vượt tối đa, thiếu tài liệu kiểm chứng, công thức bị ghi đè, điểm tối đa bị sửa, ' +
        'dòng tiêu chí bị xóa, số lưu dạng chữ ("15,3"); in tổng điểm của tệp và tổng tính lại. ' +
        'THƯ-MỤC: mọi tệp .xlsx trong thư mục. Tệp không đọc được có lý do, các tệp khác vẫn được kiểm tra.\n\n' +
        'Mã thoát: 0 không có lỗi · 1 có tệp có lỗi · 2 có tệp không đọc được hoặc sai cách gọi.',
    )
    .argument('[TỆP|THƯ-MỤC...]', 'tệp .xlsx đã chấm, hoặc thư mục chứa các tệp đó')
    .option('--report <TỔNG-HỢP.xlsx>', 'ghi sổ tổng hợp: xếp hạng các đơn vị (theo bộ tiêu chí/năm/cấp), lỗi từng đơn vị, so sánh theo lĩnh vực')
    .option(
      '--previous <NĂM-TRƯỚC>',
      'so xếp hạng với năm trước: thư mục bài nộp năm trước, hoặc báo cáo tổng hợp năm trước (.xlsx do --report ghi). ' +
        'Thêm chỉ số, hạng năm trước và thay đổi ("tăng 3 bậc", "giảm 1 bậc", "giữ hạng", "mới"); đơn vị khớp theo tên, ' +
        'đổi tên thì theo tên tệp (bỏ năm); so trong cùng bộ tiêu chí; đơn vị năm trước không còn được liệt kê',
    )
    .option('--json', 'in kết quả dạng JSON (mã vấn đề, ô, tổng điểm) thay cho bảng chữ')
    .option('--threads <N>', 'số tệp kiểm tra song song, 1–64 (mặc định: 1; máy từ 4 nhân: một tệp mỗi nhân khi có nhiều tệp)')
    .addHelpText('after', '\nVí dụ:\n  par-index check bai-nop/ --report tong-hop.xlsx\n  par-index check bai-nop-2025/ --report tong-hop-2025.xlsx --previous tong-hop-2024.xlsx\n  par-index check so-xay-dung.xlsx --json');
}

export async function checkCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { operands, opts } = parseCommand<CheckOptions>(checkCli(), argv, io);
  if (operands.length === 0) throw new CliError('Thiếu tệp cần kiểm tra: par-index check TỆP.xlsx|THƯ-MỤC [TỆP.xlsx…] [--report TỔNG-HỢP.xlsx] [--json] [--threads N]');
  const threadsArg = opts.threads;
  const threadCount = threadsArg === undefined ? undefined : Number(threadsArg);
  if (threadCount !== undefined && !(Number.isInteger(threadCount) && threadCount >= 1 && threadCount <= 64)) {
    throw new CliError(`--threads cần một số nguyên từ 1 đến 64 (nhận được "${threadsArg}")`);
  }
  const json = opts.json === true;
  const reportArg = opts.report;
  const report = reportArg === undefined ? null : resolve(io.cwd, reportArg);
  const { inputs, emptyFolders } = await expandInputs(operands, io.cwd, report);
  for (const folder of emptyFolders) io.err(`${folder}: thư mục không có tệp .xlsx nào`);
  if (inputs.length === 0) throw new CliError('Không có tệp .xlsx nào để kiểm tra');
  if (report) await checkReportPath(report, inputs.map((i) => i.path));
  // Last year's ranking first: a wrong --previous stops the run before anything is written.
  const previous = opts.previous === undefined ? null : await loadPrevious(opts.previous, io.cwd, { threads: threadCount, report });
  for (const line of previous?.unreadable ?? []) io.err(`Năm trước, bỏ qua tệp không đọc được: ${line}`);

  const started = Date.now();
  const { results, threads } = await checkFiles(inputs, { threads: threadCount });
  const seconds = (Date.now() - started) / 1000;
  const unreadable = results.filter((r) => !r.readable).length;
  const withErrors = results.filter((r) => r.readable && !isOk(r)).length;

  const { ranking, unmatchedPrevious } = rankingOf(results, previous?.ranking ?? null);
  if (json) {
    const previousJson = previous ? { previous: { source: previous.ranking.source, units: previous.ranking.units.length, unmatched: unmatchedPrevious.map(previousUnitJson) } } : {};
    io.out(JSON.stringify({ files: results.map(fileJson), ranking, ...previousJson, ...(report ? { report: reportArg } : {}) }, null, 2));
  } else {
    for (const r of results) {
      if (r.readable) printFile(r, io);
      else io.out(`${r.file}: KHÔNG ĐỌC ĐƯỢC — ${r.error}\n`);
    }
    if (ranking.length > 1 || previous) printRanking(ranking, io);
    if (previous) printUnmatched(unmatchedPrevious, previous.ranking.source, io);
  }
  if (results.length > 1) {
    const how = threads > 1 ? ` bằng ${threads} luồng song song` : '';
    // With --json, stdout is the JSON only; the count goes to stderr.
    (json ? io.err : io.out)(
      `Tổng: ${results.length} tệp · ${unreadable} không đọc được · ${withErrors} có lỗi · ${results.length - unreadable - withErrors} không có lỗi (kiểm tra${how} trong ${formatPoints(Math.round(seconds * 10) / 10)} giây)`,
    );
  }
  if (report) {
    await writeReport(report, results, { createdAt: new Date().toISOString().slice(0, 10), ...(previous ? { previous: previous.ranking } : {}) });
    (json ? io.err : io.out)(`Đã ghi báo cáo tổng hợp: ${reportArg}`);
  }
  return unreadable > 0 ? EXIT_USAGE : withErrors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function isOk(r: ReadableCheck): boolean {
  return !r.problems.some((p) => p.severity === 'error');
}

function fileJson(r: CheckedFile) {
  if (!r.readable) return { file: r.file, ok: false, error: r.error };
  return {
    file: r.file,
    setId: r.set.id,
    unit: r.unit,
    ok: isOk(r),
    result: resultJson(r.result),
    problems: r.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      criterion: p.criterion,
      sheet: p.cell?.sheet ?? null,
      cell: p.cell?.cell ?? null,
      message: p.message,
    })),
    cells: r.cells,
    totals: r.totals,
  };
}

function printFile(r: ReadableCheck, io: CliIO): void {
  const { engine, file: shown } = r.totals;
  const pts = (n: number | null) => (n === null ? '—' : formatPoints(n));
  const differs: string[] = [];
  if (shown.computed) {
    if (!pointsEqual(shown.selfScore ?? 0, engine.selfScore ?? 0)) differs.push(`tự đánh giá ${pts(shown.selfScore)}`);
    if (!pointsEqual(shown.appraisedScore ?? 0, engine.appraisedScore ?? 0)) differs.push(`thẩm định ${pts(shown.appraisedScore)}`);
  }
  const status = r.set.status === 'official' ? '' : r.set.status === 'illustrative' ? ', MINH HỌA' : ', nhập từ phụ lục';
  const header = [
    `${r.file}`,
    `bộ ${r.set.id} v${r.set.version}${status}`,
    `đơn vị: ${r.unit ?? '(chưa ghi)'} · năm ${r.year}`,
    resultText(r.result),
    ...(differs.length > 0 ? [`tệp ghi: ${differs.join(', ')}`] : []),
  ].join(' · ');
  io.out(header);
  // The report is the output: problems go to stdout with the same wording as elsewhere.
  printProblems(r.problems, { ...io, err: io.out }, '  ');
  io.out(`  → ${counts(r.problems)}\n`);
}

interface RankingEntry {
  /** Set id, version, year and level: units are ranked only within their group. */
  group: string;
  file: string;
  unit: string | null;
  rank: number | null;
  index: number | null;
  publishedIndex: number | null;
  band: string | null;
  provisional: boolean;
  /** False for a file with errors: listed, not ranked until corrected. */
  ranked: boolean;
  /** With --previous: last year's published index and rank (null: not found, or not ranked then). */
  previousIndex?: number | null;
  previousRank?: number | null;
  /** previousRank − rank, so moving up is positive; null for a unit new or unranked in either year. */
  rankChange?: number | null;
  /** How last year's unit was found: by unit name, by file name (renamed), or null (new). */
  matchedBy?: 'unit' | 'file' | null;
  /** Last year's name of a unit found by its file name. */
  previousUnit?: string | null;
  /** "tăng 3 bậc", "giảm 1 bậc", "giữ hạng", "mới", or "—". */
  change?: string;
}

/** The same ranking as the --report workbook's, group by group, in rank order, beside last year's when given. */
function rankingOf(results: readonly CheckedFile[], previous: PreviousRanking | null): { ranking: RankingEntry[]; unmatchedPrevious: PreviousUnit[] } {
  const { groups } = groupChecks(results);
  const compared = previous ? compareWithPrevious(groups, previous.units) : null;
  const ranking = groups.flatMap((g) =>
    g.checks.map((r): RankingEntry => {
      const { check, rank } = r;
      const change = compared?.changeOf.get(r);
      return {
        group: `${g.set.id} v${g.set.version} · ${g.year} · ${g.set.level}`,
        file: check.file,
        unit: check.unit,
        rank,
        index: check.result.final.index,
        publishedIndex: check.result.final.publishedIndex,
        band: check.result.final.band,
        provisional: check.result.final.provisional,
        ranked: check.rankable,
        ...(change
          ? {
              previousIndex: change.previousIndex,
              previousRank: change.previousRank,
              rankChange: change.rankChange,
              matchedBy: change.matchedBy,
              previousUnit: change.previousUnit,
              change: describeRankChange(change, rank).vi,
            }
          : {}),
      };
    }),
  );
  return { ranking, unmatchedPrevious: compared?.unmatched ?? [] };
}

function previousUnitJson(p: PreviousUnit) {
  return { unit: p.unit, file: p.file, setId: p.setId, year: p.year, rank: p.rank, index: p.index };
}

function printRanking(ranking: readonly RankingEntry[], io: CliIO): void {
  let group: string | null = null;
  for (const e of ranking) {
    if (e.group !== group) io.out(`Xếp hạng (bộ ${(group = e.group)}):`);
    const figure = e.ranked ? `${formatRate(e.publishedIndex) || '—'} · ${bandText({ band: e.band, provisional: e.provisional, index: e.index })}` : NOT_RANKED;
    const change = e.matchedBy === undefined ? null : { previousRank: e.previousRank ?? null, previousIndex: e.previousIndex ?? null, rankChange: e.rankChange ?? null, matchedBy: e.matchedBy, previousUnit: e.previousUnit ?? null };
    const before = change ? ` · năm trước: ${previousText(change, e.rank)}` : '';
    io.out(`  ${e.rank ?? '—'}. ${e.unit ?? '(chưa ghi đơn vị)'} — ${figure}${before} · ${e.file}`);
  }
  io.out('');
}

function printUnmatched(units: readonly PreviousUnit[], source: string, io: CliIO): void {
  if (units.length === 0) {
    io.out(`Mọi đơn vị trong xếp hạng năm trước (${source}) đều có năm nay.\n`);
    return;
  }
  io.out(`Đơn vị có trong xếp hạng năm trước (${source}), không có năm nay (${units.length}):`);
  for (const p of units) io.out(`  ${p.unit} — bộ ${p.setId} · ${p.year} · hạng ${p.rank ?? '—'} · ${formatRate(p.index) || '—'} · ${p.file}`);
  io.out('');
}

function counts(problems: readonly Problem[]): string {
  const n = (s: Problem['severity']) => problems.filter((p) => p.severity === s).length;
  const [e, w, i] = [n('error'), n('warning'), n('info')];
  if (e + w + i === 0) return 'không có vấn đề';
  return [`${e} lỗi`, `${w} cảnh báo`, ...(i > 0 ? [`${i} thông tin`] : [])].join(', ');
}
