/**
 * Flags the commands take. Kept tiny on purpose: every command declares its flags, and
 * anything unknown is an error rather than silently ignored.
 */
import { CliError } from './errors';

export interface FlagSpec {
  /** true: takes a value (--out FILE); false: a switch (--json). */
  [name: string]: boolean;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!(name in spec)) throw new CliError(`Không có tùy chọn --${name}. Xem: par-index help`);
    if (!spec[name]) {
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliError(`Tùy chọn --${name} cần một giá trị`);
    flags[name] = value;
  }
  return { positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireFlag(args: ParsedArgs, name: string, hint: string): string {
  const v = stringFlag(args, name);
  if (v === undefined) throw new CliError(`Thiếu --${name} ${hint}`);
  return v;
}
