/**
 * par-index upgrade FILE.xlsx [--set ID | --set-file SET.json] --out NEW.xlsx [--force]
 * Rebuilds a filled workbook on a new version of its set (or on the same set, to get the
 * current template) keeping every typed score, target, evidence, note and "không đánh
 * giá" by criterion code. What has no place in the new set is listed in the sheet
 * "Dữ liệu cũ" and here; the old file is never touched.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeOrphan, ORPHAN_SHEET } from '../../workbook/orphan-sheet';
import { planUpgradeOf } from '../../workbook/upgrade';
import { declareCommand, parseCommand, required } from '../command';
import { printViewOption, withPrintOption } from '../print-option';
import { CliError, EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { resolveSet } from '../set-source';
import { openWorkbook } from '../workbook-file';
import { overwriteRefusal, writeAtomically } from '../write-workbook';

const USAGE = 'par-index upgrade FILE.xlsx [--set ID | --set-file SET.json] --out NEW.xlsx [--print BIỂU] [--force]';

type UpgradeOptions = { set?: string; setFile?: string; out?: string; print?: string; force?: true };

export function upgradeCli(): Command {
  const command = declareCommand('upgrade', 'chuyển tệp đã chấm sang phiên bản mới của bộ tiêu chí')
    .usage('TỆP.xlsx [--set ID | --set-file SET.json] --out MỚI.xlsx [--print BIỂU] [--force]')
    .description(
      'Chuyển tệp đã chấm sang phiên bản mới của bộ tiêu chí (hoặc mẫu mới của cùng bộ), giữ mọi giá trị đã nhập theo mã tiêu chí; ' +
        'giá trị không còn chỗ được chép sang trang "Dữ liệu cũ". Tệp cũ giữ nguyên.',
    )
    .argument('[TỆP.xlsx]', 'tệp đã chấm')
    .option('--set <ID>', 'bộ tiêu chí mới, trong các bộ có sẵn (xem: par-index sets); mặc định: bộ của tệp')
    .option('--set-file <SET.json>', 'bộ tiêu chí mới từ tệp (par-index import-set hoặc export-set)')
    .option('--out <MỚI.xlsx>', 'tệp mới sẽ ghi');
  return withPrintOption(command)
    .option('--force', 'ghi đè nếu tệp --out đã có')
    .allowExcessArguments()
    .addHelpText('after', '\nVí dụ:\n  par-index upgrade so-xay-dung-2025.xlsx --set lai-chau-so-2025 --out so-xay-dung-moi.xlsx');
}

export async function upgradeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { operands, opts } = parseCommand<UpgradeOptions>(upgradeCli(), argv, io);
  if (operands.length !== 1) throw new CliError(`Cần đúng một tệp đã chấm. Cách dùng: ${USAGE}`);
  const input = resolve(io.cwd, operands[0]);
  const outArg = required(opts.out, '--out NEW.xlsx (tệp mới sẽ ghi; tệp cũ giữ nguyên)');
  if (!/\.xlsx$/i.test(outArg)) throw new CliError(`--out phải là tệp .xlsx (đang là "${outArg}")`);
  const out = resolve(io.cwd, outArg);
  if (out === input) throw new CliError('--out phải khác tệp đang cập nhật: tệp cũ được giữ nguyên để đối chiếu');
  const force = opts.force === true;
  const printView = printViewOption(opts.print);
  if (existsSync(out) && !force) throw new CliError(overwriteRefusal(outArg));

  const opened = await openWorkbook(input);
  if (!opened.ok) throw new CliError(`${operands[0]}: ${opened.error}`);
  const { read, grid } = opened;
  const set = resolveSet(opts, io) ?? read.set;
  const plan = planUpgradeOf(read, grid, set, { createdAt: new Date().toISOString(), printView });
  // exceljs is loaded when a workbook is written, so that --help and the other commands start fast.
  const { renderXlsx } = await import('../../workbook/xlsx/render');
  writeAtomically(out, await renderXlsx(plan.spec), force, outArg);

  const lines = [
    `Đã ghi ${outArg}: ${plan.from.setId} phiên bản ${plan.from.version} → ${plan.to.setId} phiên bản ${plan.to.version}`,
    `  Giữ nguyên ${plan.carried} giá trị đã nhập theo mã tiêu chí.`,
  ];
  if (plan.orphaned.length > 0) {
    lines.push(`  ${plan.orphaned.length} giá trị không còn chỗ trong bộ mới, đã chép sang trang "${ORPHAN_SHEET}":`);
    for (const o of plan.orphaned) lines.push(`    - ${describeOrphan(o)}`);
  }
  if (plan.otherSheets.length > 0) lines.push(`  Các trang khác trong tệp cũ không được chép: ${plan.otherSheets.join(', ')} (tệp cũ vẫn còn nguyên).`);
  io.out(lines.join('\n'));
  return EXIT_OK;
}
