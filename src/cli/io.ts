/** Where a command writes; tests pass a recorder, the binary passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export function processIO(): CliIO {
  return { out: lineWriter(process.stdout), err: lineWriter(process.stderr), cwd: process.cwd() };
}

/**
 * A stream whose reader has gone (`par-index check … | head -1`, a closed terminal) takes
 * no more output, quietly: the command still runs to its end, so a report it was asked to
 * write is written whole, and its exit code stays its verdict.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let readerGone = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  return (text) => {
    if (readerGone || stream.destroyed) return;
    stream.write(text.endsWith('\n') ? text : text + '\n');
  };
}
