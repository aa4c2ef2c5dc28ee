/** Where a command writes; tests pass a recorder, the binary passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    cwd: process.cwd(),
  };
}
