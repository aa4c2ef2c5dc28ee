/**
 * par-index template --set ID --out FILE.xlsx [--unit NAME] [--year YYYY] [--targets FILE] [--force]
 * Writes the scoring workbook of a set: live formulas, validation and highlights that work
 * in Excel without the add-in. Planned field targets can be filled in from a value file.
 * A workbook already at --out is never replaced without --force: it may be a unit's
 * filled-in scores.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { findBundledSet } from '../../criteria';
import { formatPoints, numberOrNull, sumPoints, validateAssessment, type Assessment, type CriteriaSet } from '../../domain';
import { buildWorkbook } from '../../workbook/build-workbook';
import { SHEETS } from '../../workbook/layout';
import { renderXlsx } from '../../workbook/xlsx/render';
import { parseArgs, requireFlag, stringFlag } from '../args';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors';
import type { CliIO } from '../io';
import { printProblems } from '../problems-output';
import { readValueFile } from '../value-file';

const TARGET_ERRORS = new Set(['target-above-max', 'target-negative', 'target-not-number']);
const STATUS_NOTES = {
  official: '',
  illustrative: ' — MINH HỌA, không phải bộ chính thức',
  imported: ' — nhập từ phụ lục, chưa đối chiếu',
} as const;

export async function templateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { set: true, out: true, unit: true, year: true, targets: true, force: false });
  if (args.positional.length > 0) throw new CliError(`Không hiểu tham số "${args.positional[0]}". Cách dùng: par-index template --set ID --out FILE.xlsx`);
  const setId = requireFlag(args, 'set', 'ID (xem: par-index sets)');
  const set = findBundledSet(setId);
  if (!set) throw new CliError(`Không có bộ tiêu chí "${setId}". Xem danh sách: par-index sets`);
  const outArg = requireFlag(args, 'out', 'FILE.xlsx (tệp Excel sẽ tạo)');
  if (!/\.xlsx$/i.test(outArg)) throw new CliError(`--out phải là tệp .xlsx (đang là "${outArg}")`);
  const out = resolve(io.cwd, outArg);
  const unit = stringFlag(args, 'unit')?.trim() ?? '';
  const year = parseYear(stringFlag(args, 'year'), set);
  const force = args.flags.force === true;

  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`Không có thư mục ${folder} để ghi ${basename(out)}`);
  if (existsSync(out) && !force) throw new CliError(overwriteRefusal(outArg));

  const assessment: Assessment = { entries: {}, cells: {} };
  const targetsPath = stringFlag(args, 'targets');
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
  const spec = buildWorkbook(set, { unit: unit || undefined, year, values, createdAt: new Date().toISOString() });
  const buffer = await renderXlsx(spec);
  writeAtomically(out, buffer, force, outArg);

  io.out(summary(set, { out, unit, year, values }));
  return EXIT_OK;
}

function parseYear(text: string | undefined, set: CriteriaSet): number {
  if (text === undefined) return set.year;
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) throw new CliError(`--year phải là năm gồm 4 chữ số, ví dụ --year ${set.year} (đang là "${text}")`);
  const year = Number(trimmed);
  if (year < 1990 || year > 2100) throw new CliError(`--year ${trimmed} không phải năm đánh giá hợp lý (1990–2100)`);
  return year;
}

function overwriteRefusal(outArg: string): string {
  return (
    `Tệp ${outArg} đã có; lệnh template không ghi đè để không làm mất bảng điểm đơn vị đã nhập. ` +
    'Chọn tên tệp khác, hoặc thêm --force nếu chắc chắn muốn thay tệp này bằng mẫu trống.'
  );
}

/**
 * Writes next to the target and moves into place, so a crash never leaves half a workbook.
 * Without --force the move is a hard link, which fails rather than replace a file that
 * appeared meanwhile; where links are unsupported (FAT, some shares) it falls back to rename.
 */
function writeAtomically(out: string, buffer: Buffer, force: boolean, outArg: string): void {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, buffer, { flag: 'wx' });
    if (force) {
      renameSync(temp, out);
      return;
    }
    try {
      linkSync(temp, out);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CliError(overwriteRefusal(outArg));
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
      if (existsSync(out)) throw new CliError(overwriteRefusal(outArg));
      renameSync(temp, out);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new CliError(`Không ghi được ${outArg}: ${err.code ?? err.message}`);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

function summary(set: CriteriaSet, info: { out: string; unit: string; year: number; values: Assessment }): string {
  const fieldTargets = set.items.map((f) => info.values.entries[f.code]?.target).filter((t): t is number => typeof t === 'number');
  const otherTargets = Object.keys(info.values.entries).filter((code) => set.byCode.get(code)!.depth > 1).length;
  const targets =
    fieldTargets.length === 0
      ? `chưa có — nhập ở trang "${SHEETS.summary}", cột D`
      : `${fieldTargets.length}/${set.items.length} lĩnh vực` +
        (fieldTargets.length === set.items.length ? `, tổng ${formatPoints(sumPoints(fieldTargets))}/${formatPoints(set.totalMax)} điểm` : '') +
        (otherTargets > 0 ? `; ${otherTargets} tiêu chí con` : '');
  return [
    `Đã tạo tệp chấm điểm: ${info.out}`,
    `  Bộ tiêu chí: ${set.title} (${set.id})${STATUS_NOTES[set.status]}`,
    `  Đơn vị:      ${info.unit || '(chưa ghi — nhập ở ô C3 trang "' + SHEETS.scoring + '")'}`,
    `  Năm:         ${info.year}`,
    `  Số dòng:     ${set.nodes.length} (${set.items.length} lĩnh vực, ${set.leaves.length} dòng chấm điểm), tổng ${formatPoints(set.totalMax)} điểm`,
    `  Mục tiêu:    ${targets}`,
  ].join('\n');
}
