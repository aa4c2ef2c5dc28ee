/**
 * Writing a workbook the CLI made: next to the target, then moved into place, so a crash
 * never leaves half a workbook, and never over an existing file without --force (it may
 * be a unit's filled-in scores).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError, fileFailure } from './errors';

export function overwriteRefusal(outArg: string): string {
  return (
    `Tệp ${outArg} đã có; lệnh này không ghi đè để không làm mất bảng điểm đơn vị đã nhập. ` +
    'Chọn tên tệp khác, hoặc thêm --force nếu chắc chắn muốn thay tệp này.'
  );
}

/**
 * Writes next to the target and moves into place, so a crash never leaves half a workbook.
 * Without --force the move is a hard link, which fails rather than replace a file that
 * appeared meanwhile; where links are unsupported (FAT, some shares) it falls back to rename.
 */
export function writeAtomically(out: string, buffer: Buffer, force: boolean, outArg: string, refusal = overwriteRefusal(outArg)): void {
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
      if (code === 'EEXIST') throw new CliError(refusal);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
      if (existsSync(out)) throw new CliError(refusal);
      renameSync(temp, out);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Không ghi được ${outArg}: ${fileFailure(e, 'write')}`);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

