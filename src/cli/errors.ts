/** Exit codes: 0 ok, 1 problems found in the input, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called or in an input file: printed, never a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The run ends here with this exit code, its output already written (help, the version). */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'CliExit';
  }
}

/**
 * Why a file could not be read or written, in words (never a bare ENOENT); callers put
 * the file's name before it.
 */
export function fileFailure(e: unknown, doing: 'read' | 'write' = 'read'): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const verb = doing === 'read' ? 'đọc' : 'ghi';
  switch (code) {
    case 'ENOENT':
      return doing === 'read' ? 'không tìm thấy tệp' : 'không có thư mục để ghi tệp';
    case 'EACCES':
    case 'EPERM':
      return `không có quyền ${verb} tệp`;
    case 'EISDIR':
      return 'đây là thư mục, không phải tệp';
    case 'ENOSPC':
      return 'ổ đĩa đã đầy';
    case 'EROFS':
      return 'ổ đĩa chỉ cho đọc';
    default:
      return `không ${verb} được tệp (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}
