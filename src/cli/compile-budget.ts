/**
 * A folder check is a short batch: its hot functions are hot within the first dozen
 * files, and the optimised code V8's TurboFan makes of them arrives late when each one
 * inlines up to 920 bytes of bytecode from its callees (the default). On a 2-core machine
 * the ~90 compiles of a 100-file check kept a helper thread busy for longer than the
 * check itself took, and the check ran in the slower tiers meanwhile. With a smaller
 * budget the compiles are cheaper and land sooner: a fresh check of 100 files took
 * 0,89–0,92 of the time (12 alternating pairs of fresh processes, three budgets tried),
 * and from the second pass on it ran as fast as with the default.
 *
 * The flag is read by each compile, so setting it before the check's code is hot is
 * enough; it is process-wide, so worker threads started afterwards share it.
 */
import { setFlagsFromString } from 'node:v8';

export const INLINING_BUDGET_FLAG = '--max-inlined-bytecode-size-cumulative=250';

let applied = false;

export function budgetCompilesForBatch(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(INLINING_BUDGET_FLAG);
}
