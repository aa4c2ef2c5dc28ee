import { CliError } from '../errors';
import type { CliIO } from '../io';

export async function checkCommand(_argv: readonly string[], _io: CliIO): Promise<number> {
  throw new CliError('check: chưa có');
}
