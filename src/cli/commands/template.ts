/**
 * par-index template --set ID --out FILE.xlsx [--unit NAME] [--year YYYY] [--targets FILE | --goal 78,3%] [--previous LAST.xlsx]
 *   [--print tu-danh-gia|tham-dinh|ke-hoach] [--force]
 * Writes the scoring workbook of a set: live formulas, validation and highlights that work
 * in Excel without the add-in. Planned field targets can be filled in from a value file, or
 * proposed from an overall goal; last year's final scores come from last year's file.
 * A workbook already at --out is never replaced without --force: it may be a unit's
 * filled-in scores.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatPoints, formatRate, numberOrNull, parseNumber, proposeSetTargets, sumPoints, targetsToType, validateAssessment, type Assessment, type CriteriaSet, type Goal } from '../../domain';
import { buildWorkbook } from '../../workbook/build-workbook';
import { SHEETS, SUMMARY_COL } from '../../workbook/layout';
import { columnLetter } from '../../workbook/a1';
import { declareCommand, parseCommand, required } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors';
import type { CliIO } from '../io';
import { printViewOption, withPrintOption } from '../print-option';
import { printProblems } from '../problems-output';
import { readValueFile } from '../value-file';
import { resolveSet } from '../set-source';
import { overwriteRefusal, writeAtomically } from '../write-workbook';
import { buildOrphanSheet } from '../../workbook/orphan-sheet';
import { readPreviousYear, type PreviousYear } from '../previous-year';

const TARGET_ERRORS = new Set(['target-above-max', 'target-negative', 'target-not-number']);
const STATUS_NOTES = {
  official: '',
  illustrative: ' — MINH HỌA, không phải bộ chính thức',
  imported: ' — nhập từ phụ lục, chưa đối chiếu',
} as const;

type TemplateOptions = {
  set?: string;
  setFile?: string;
  out?: string;
  unit?: string;
  year?: string;
  targets?: string;
  goal?: string;
  previous?: string;
  print?: string;
  force?: true;
};

export function templateCli(): Command {
  const command = declareCommand('template', 'tạo tệp Excel chấm điểm của một bộ tiêu chí')
    .usage('(--set ID | --set-file SET.json) --out TỆP.xlsx [--unit TÊN] [--year NĂM] [--previous NĂM-TRƯỚC.xlsx] [--targets TỆP | --goal 78,3%] [--print BIỂU] [--force]')
    .description('Tạo tệp Excel chấm điểm (công thức, kiểm tra dữ liệu, tô màu) dùng được cả khi không có add-in.')
    .option('--set <ID>', 'bộ tiêu chí có sẵn (xem: par-index sets)')
    .option('--set-file <SET.json>', 'bộ tiêu chí từ tệp (par-index import-set hoặc export-set)')
    .option('--out <TỆP.xlsx>', 'tệp Excel sẽ tạo')
    .option('--unit <TÊN>', 'tên đơn vị ghi sẵn trong tệp')
    .option('--year <NĂM>', 'năm đánh giá (mặc định: năm của bộ tiêu chí)')
    .option('--targets <TỆP>', 'mục tiêu ghi sẵn: CSV "code,target" hoặc JSON { "3": 15.3 }')
    .option(
      '--previous <NĂM-TRƯỚC.xlsx>',
      'tệp chấm điểm năm trước: điểm đạt cuối cùng của từng tiêu chí được ghi vào cột "Điểm năm trước", theo mã tiêu chí; tiêu chí không còn trong bộ mới được liệt kê ở trang "Dữ liệu cũ"',
    )
    .option('--goal <MỤC-TIÊU>', 'mục tiêu chung ("78,3%" theo tỷ lệ, hoặc "78,3" điểm): đề xuất mục tiêu từng tiêu chí từ điểm năm trước, giữ các dòng đã đạt tối đa');
  return withPrintOption(command)
    .option('--force', 'ghi đè nếu tệp --out đã có')
    .addHelpText(
      'after',
      '\nVí dụ:\n  par-index template --set lai-chau-so-2025 --unit "Sở Xây dựng" --out so-xay-dung.xlsx' +
        '\n  par-index template --set-file bo-2025.json --year 2025 --previous cham-diem-2024.xlsx --goal 78,3% --out cham-diem-2025.xlsx',
    );
}

export async function templateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { opts } = parseCommand<TemplateOptions>(templateCli(), argv, io);
  const set = resolveSet(opts, io);
  if (!set) throw new CliError('Thiếu --set ID (xem: par-index sets) hoặc --set-file SET.json (tệp từ par-index import-set)');
  const outArg = required(opts.out, '--out FILE.xlsx (tệp Excel sẽ tạo)');
  if (!/\.xlsx$/i.test(outArg)) throw new CliError(`--out phải là tệp .xlsx (đang là "${outArg}")`);
  const out = resolve(io.cwd, outArg);
  const unit = opts.unit?.trim() ?? '';
  const year = parseYear(opts.year, set);
  if (Math.abs(year - set.year) > 1) io.err(yearWarning(year, set));
  const force = opts.force === true;
  const printView = printViewOption(opts.print);

  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`Không có thư mục ${folder} để ghi ${basename(out)}`);
  if (existsSync(out) && !force) throw new CliError(overwriteRefusal(outArg));

  if (opts.targets !== undefined && opts.goal !== undefined) throw new CliError('Chỉ dùng một trong hai: --targets TỆP hoặc --goal 78,3%');
  const goal = opts.goal === undefined ? null : parseGoal(opts.goal);
  const previous = opts.previous === undefined ? null : await readPreviousYear(opts.previous, set, io);

  const assessment: Assessment = { entries: {}, cells: {} };
  const targetsPath = opts.targets;
  if (targetsPath) {
    for (const row of readValueFile(resolve(io.cwd, targetsPath), 'target', set)) {
      (assessment.entries[row.code] ??= {}).target = row.value;
      (assessment.cells![row.code] ??= {}).target = row.at;
    }
    const problems = validateAssessment(set, assessment).filter((p) => TARGET_ERRORS.has(p.code) || p.code === 'target-missing');
    const errors = problems.filter((p) => TARGET_ERRORS.has(p.code));
    if (errors.length > 0) {
      printProblems(errors, io);
      io.err(`Chưa tạo tệp ${outArg}: sửa mục tiêu trong ${targetsPath} rồi chạy lại.`);
      return EXIT_PROBLEMS;
    }
    printProblems(problems, io);
  }

  // The workbook gets numbers, never "15,3" as text (Excel's SUM would skip it).
  const values: Assessment = { entries: {} };
  for (const [code, entry] of Object.entries(assessment.entries)) {
    const target = numberOrNull(entry.target);
    if (target !== null) values.entries[code] = { target };
  }
  for (const [code, entry] of Object.entries(previous?.carried.values.entries ?? {})) (values.entries[code] ??= {}).previousScore = entry.previousScore;
  if (goal !== null) {
    const proposal = proposeSetTargets(set, values, goal);
    if (!proposal.ok) throw new CliError(`--goal ${opts.goal}: ${proposal.message}`);
    for (const [code, target] of targetsToType(set, proposal.targets)) (values.entries[code] ??= {}).target = target;
  }
  const spec = buildWorkbook(set, { unit: unit || undefined, year, values, printView, createdAt: new Date().toISOString() });
  if (previous && previous.carried.orphaned.length > 0) spec.sheets.splice(spec.sheets.length - 1, 0, buildOrphanSheet(previous.carried.orphaned, previous.from));
  // exceljs is loaded when a workbook is written, so that --help and the other commands start fast.
  const { renderXlsx } = await import('../../workbook/xlsx/render');
  const buffer = await renderXlsx(spec);
  writeAtomically(out, buffer, force, outArg);

  io.out(summary(set, { out, unit, year, values, previous, previousArg: opts.previous }));
  return EXIT_OK;
}

/** "78,3%" is a rate of the applicable maximum; "78,3" points. */
function parseGoal(text: string): Goal {
  const trimmed = text.trim();
  const isRate = trimmed.endsWith('%');
  const parsed = parseNumber(isRate ? trimmed.slice(0, -1).trim() : trimmed);
  if (parsed.kind !== 'number' || parsed.value < 0 || (isRate && parsed.value > 100)) {
    throw new CliError(`--goal phải là tỷ lệ như "78,3%" hoặc số điểm như "78,3" (đang là "${text}")`);
  }
  return isRate ? { rate: parsed.value / 100 } : { points: parsed.value };
}

function parseYear(text: string | undefined, set: CriteriaSet): number {
  if (text === undefined) return set.year;
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) throw new CliError(`--year phải là năm gồm 4 chữ số, ví dụ --year ${set.year} (đang là "${text}")`);
  const year = Number(trimmed);
  if (year < 1990 || year > 2100) throw new CliError(`--year ${trimmed} không phải năm đánh giá hợp lý (1990–2100)`);
  return year;
}

/** A year far from the set's is most often a typo (2052 for 2025), or the wrong set. */
function yearWarning(year: number, set: CriteriaSet): string {
  return (
    `CẢNH BÁO: năm ${year} cách năm của bộ tiêu chí ${set.id} (${set.year}) ${Math.abs(year - set.year)} năm. ` +
    'Kiểm tra lại --year, hoặc chọn bộ tiêu chí của năm đó (xem: par-index sets).'
  );
}

function summary(set: CriteriaSet, info: { out: string; unit: string; year: number; values: Assessment; previous: PreviousYear | null; previousArg?: string }): string {
  const fieldTargets = set.items.map((f) => info.values.entries[f.code]?.target).filter((t): t is number => typeof t === 'number');
  const total = sumPoints(fieldTargets);
  const otherTargets = Object.entries(info.values.entries).filter(([code, e]) => e.target !== undefined && set.byCode.get(code)!.depth > 1).length;
  const targets =
    fieldTargets.length === 0
      ? `chưa có — nhập ở trang "${SHEETS.summary}", cột ${columnLetter(SUMMARY_COL.target)}`
      : `${fieldTargets.length}/${set.items.length} lĩnh vực` +
        (fieldTargets.length === set.items.length ? `, tổng ${formatPoints(total)}/${formatPoints(set.totalMax)} điểm (${formatRate(total / set.totalMax)})` : '') +
        (otherTargets > 0 ? `; ${otherTargets} tiêu chí con` : '');
  const lines = [
    `Đã tạo tệp chấm điểm: ${info.out}`,
    `  Bộ tiêu chí: ${set.title} (${set.id})${STATUS_NOTES[set.status]}`,
    `  Đơn vị:      ${info.unit || '(chưa ghi — nhập ở ô C3 trang "' + SHEETS.scoring + '")'}`,
    `  Năm:         ${info.year}`,
    `  Số dòng:     ${set.nodes.length} (${set.items.length} lĩnh vực, ${set.leaves.length} dòng chấm điểm), tổng ${formatPoints(set.totalMax)} điểm`,
    `  Mục tiêu:    ${targets}`,
  ];
  if (info.previous) {
    const p = info.previous;
    lines.push(
      `  Năm trước:   ${p.carried.carried} tiêu chí có điểm từ ${info.previousArg} (bộ ${p.from.setId} phiên bản ${p.from.version}${p.year !== null ? `, năm ${p.year}` : ''})` +
        (p.carried.orphaned.length > 0 ? `; ${p.carried.orphaned.length} không còn trong bộ mới (trang "Dữ liệu cũ")` : ''),
    );
  }
  return lines.join('\n');
}
