import { CliError } from '../errors';
import type { CliIO } from '../io';

export async function templateCommand(_argv: readonly string[], _io: CliIO): Promise<number> {
  throw new CliError('template: chưa có');
}
