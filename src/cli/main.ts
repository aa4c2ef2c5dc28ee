/**
 * par-index: the headless side of the add-in, over the same engine as the pane.
 * Each command reads its own arguments (commands/*.ts); the program itself answers
 * --help, --version and `help COMMAND`, and names the near command for a mistyped one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommanderError, type Command } from 'commander';
import { CriteriaSetError } from '../domain';
import { declareCommand, fromCommander, PROGRAM, routeOutput } from './command';
import { checkCli, checkCommand } from './commands/check';
import { exportScoresCli, exportScoresCommand } from './commands/export-scores';
import { exportSetCli, exportSetCommand } from './commands/export-set';
import { importScoresCli, importScoresCommand } from './commands/import-scores';
import { importSetCli, importSetCommand } from './commands/import-set';
import { planCli, planCommand } from './commands/plan';
import { setsCli, setsCommand } from './commands/sets';
import { templateCli, templateCommand } from './commands/template';
import { upgradeCli, upgradeCommand } from './commands/upgrade';
import { CliError, CliExit, EXIT_USAGE } from './errors';
import { processIO, type CliIO } from './io';

type Run = (argv: readonly string[], io: CliIO) => number | Promise<number>;

/** In the order the help lists them: the usual year's work first. */
const COMMANDS: [declare: () => Command, run: Run][] = [
  [setsCli, setsCommand],
  [templateCli, templateCommand],
  [checkCli, checkCommand],
  [planCli, planCommand],
  [upgradeCli, upgradeCommand],
  [importSetCli, (argv, io) => importSetCommand(argv, io)],
  [exportSetCli, exportSetCommand],
  [exportScoresCli, exportScoresCommand],
  [importScoresCli, importScoresCommand],
];

/** The version of the package this program came in (package.json is two folders up from src/cli and lib/cli alike). */
export function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
}

export function programCli(): Command {
  const program = declareCommand(PROGRAM, '')
    .usage('LỆNH [tùy chọn]')
    .description('Chỉ số cải cách hành chính (PAR Index): tạo tệp chấm điểm, kiểm tra bài nộp, lập kế hoạch.')
    .version(version(), '-v, --version', 'hiện số phiên bản')
    .helpCommand('help [LỆNH]', 'hướng dẫn của một lệnh')
    .addHelpText(
      'after',
      '\nXem hướng dẫn từng lệnh: par-index LỆNH --help (ví dụ: par-index check --help).\n' +
        'Mã thoát: 0 không có lỗi · 1 có lỗi trong dữ liệu (đã liệt kê) · 2 sai cách gọi hoặc không đọc được tệp.',
    );
  for (const [declare] of COMMANDS) program.addCommand(declare());
  return program;
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find(([declare]) => declare().name() === name);
  const program = programCli();
  try {
    if (command) return await command[1](rest, io);
    // No command, or not one of ours: the program answers (help, version, the near command).
    routeOutput(program, io);
    program.parse([...argv], { from: 'user' });
    return EXIT_USAGE;
  } catch (e) {
    const error = e instanceof CommanderError ? fromCommander(e, program) : e;
    if (error instanceof CliExit) return error.code;
    if (error instanceof CliError || error instanceof CriteriaSetError) {
      io.err(`${PROGRAM}${command ? ` ${name}` : ''}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

