/**
 * A folder checked in this thread runs ahead of V8's helper threads. V8 compiles hot code
 * and collects garbage on helpers of its own, four whatever the machine, and while a
 * check's code warms up they have more work than there are cores: on a 2-core machine the
 * check's thread spent 120–250 ms of a 0,7–0,9 s check of 100 files runnable but waiting
 * for a core (/proc/thread-self/schedstat). Behind it (nice 10) the helpers still get every
 * cycle the check leaves, and the check no longer waits for them.
 *
 * Linux only: there each thread has a nice value of its own, set through its thread id.
 * Elsewhere, or where /proc cannot be read, nothing changes. Priorities are put back
 * afterwards where the system allows it (raising one back needs the right to).
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

export const HELPER_NICE = 10;

export async function withHelpersBehind<T>(run: () => Promise<T>): Promise<T> {
  const lowered: [tid: number, was: number][] = [];
  for (const tid of helperThreads()) {
    try {
      const was = getPriority(tid);
      if (was >= HELPER_NICE) continue;
      setPriority(tid, HELPER_NICE);
      lowered.push([tid, was]);
    } catch {
      // A thread that ended meanwhile: nothing to do.
    }
  }
  try {
    return await run();
  } finally {
    for (const [tid, was] of lowered) {
      try {
        setPriority(tid, was);
      } catch {
        // Not allowed to raise it back: the process ends soon after a check anyway.
      }
    }
  }
}

/** This process's threads but the main one (whose thread id is the process id). */
export function helperThreads(): number[] {
  if (process.platform !== 'linux') return [];
  try {
    return readdirSync('/proc/self/task')
      .map(Number)
      .filter((tid) => Number.isInteger(tid) && tid !== process.pid);
  } catch {
    return [];
  }
}
