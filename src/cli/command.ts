/**
 * How every par-index command is declared and read, over commander: help in Vietnamese,
 * written through the command's io, and no exit from inside the library. A mistake in how
 * a command was called becomes a CliError in Vietnamese (exit 2), with the near option or
 * command when there is one; --help and --version end the run with exit 0.
 */
import { Command, CommanderError } from 'commander';
import { CliError, CliExit, EXIT_OK, EXIT_USAGE } from './errors';
import type { CliIO } from './io';

export const PROGRAM = 'par-index';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
};

/** A command with the settings every par-index command shares; its options are declared by the caller. */
export function declareCommand(name: string, summary: string): Command {
  return new Command(name)
    .summary(summary)
    .helpOption('-h, --help', 'hiện hướng dẫn này')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      // The list of commands shows their names; each command's own help shows its usage.
      subcommandTerm: (sub) => sub.name(),
    })
    .showSuggestionAfterError(true)
    .exitOverride();
}

/** Options by camelCase name (--set-file → setFile): a string for one that takes a value, true for a switch. */
export type Options = Record<string, string | true | undefined>;

export interface ParsedCommand<O extends Options> {
  /** The arguments that are not options, in order. */
  operands: string[];
  opts: O;
}

/**
 * Reads a command's arguments (argv without the command's name). Commander has printed
 * help or the version when this throws CliExit; any other mistake is a CliError.
 */
export function parseCommand<O extends Options>(cmd: Command, argv: readonly string[], io: CliIO): ParsedCommand<O> {
  // A bare parent, so that help and errors show "par-index check", not "check".
  if (!cmd.parent) new Command(PROGRAM).helpOption(false).addCommand(cmd);
  routeOutput(cmd, io);
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) throw fromCommander(e, cmd);
    throw e;
  }
  const opts = cmd.opts<O>();
  for (const option of cmd.options) {
    const value = opts[option.attributeName()];
    // "--out --force": the next option was taken for the value, as the old parser never did.
    if (typeof value === 'string' && cmd.options.some((o) => o.long === value)) {
      throw new CliError(`Tùy chọn ${option.long} cần một giá trị (nhận được "${value}", là một tùy chọn khác)`);
    }
  }
  return { operands: [...cmd.args], opts };
}

/** Help and commander's messages go through io, for this command and the ones under it. */
export function routeOutput(cmd: Command, io: CliIO): void {
  cmd.configureOutput({
    writeOut: (text) => io.out(text.replace(/\n$/, '')),
    writeErr: (text) => io.err(text.replace(/\n$/, '')),
    // Commander's own wording is English: fromCommander says it in Vietnamese instead.
    outputError: () => undefined,
  });
  for (const sub of cmd.commands) routeOutput(sub, io);
}

/** Commander's verdict as the CLI's: exit 0 after help or the version, else a Vietnamese CliError. */
export function fromCommander(e: CommanderError, cmd: Command): Error {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return new CliExit(EXIT_OK);
  // Help asked for (help COMMAND), or printed for want of a command (nothing after par-index).
  if (e.code === 'commander.help') return new CliExit(e.exitCode === 0 ? EXIT_OK : EXIT_USAGE);
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const near = /\(Did you mean (?:one of )?(.+)\?\)/.exec(e.message)?.[1];
  const hint = near ? ` Có phải ý bạn là ${near}?` : '';
  const help = `Xem: ${commandPath(cmd)} --help`;
  switch (e.code) {
    case 'commander.unknownOption':
      return new CliError(`Không có tùy chọn ${quoted}.${hint} ${help}`);
    case 'commander.unknownCommand':
      return new CliError(`Không có lệnh "${quoted}".${hint} ${help}`);
    case 'commander.optionMissingArgument':
      return new CliError(`Tùy chọn ${quoted.split(/[ ,]/).find((f) => f.startsWith('--')) ?? quoted} cần một giá trị`);
    case 'commander.excessArguments':
      return new CliError(`Không hiểu tham số "${cmd.args.slice(cmd.registeredArguments.length).join(' ')}". ${help}`);
    case 'commander.missingArgument':
      return new CliError(`Thiếu ${quoted}. ${help}`);
    default:
      return new CliError(`${e.message.replace(/^error: /, '')}. ${help}`);
  }
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names[0] === PROGRAM ? names.join(' ') : [PROGRAM, ...names].join(' ');
}

/** The value of an option the command cannot do without; what: the option and what it is for. */
export function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new CliError(`Thiếu ${what}`);
  return value;
}
