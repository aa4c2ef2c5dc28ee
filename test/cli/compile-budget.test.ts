import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Whether a V8 flag set at run time still reaches the compiler is up to the Node release,
 * so it is watched where it shows: TurboFan's inlining trace, in a fresh process running
 * the compiled module (`npm run build:cli`, which the test command runs first).
 */
const COMPILED = join(__dirname, '../../lib/cli/compile-budget.js');

/** A hot caller of two callees of 346 bytes of bytecode each: 692 fit the default budget, not ours. */
const HOT = `
  const callee = (k) => new Function('x', 'let s = x; ' + Array.from({ length: 20 }, (_, i) => 's = (s * ' + (i + k) + ' + ' + i + ') % 1000003;').join(' ') + ' return s;');
  const a = callee(1), b = callee(2);
  function hot(x) { return a(x) + b(x); }
  let t = 0;
  for (let i = 0; i < 200000; i++) t += hot(i);
  process.stdout.write('total ' + t + '\\n');
`;

function inlinedIntoHot(budget: boolean): { inlined: number; total: string } {
  const setup = budget ? `require(${JSON.stringify(COMPILED)}).budgetCompilesForBatch();` : '';
  const r = spawnSync(process.execPath, ['--trace-turbo-inlining', '-e', setup + HOT], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const lines = r.stdout.split('\n');
  return { inlined: lines.filter((line) => /^Inlining .* into .*hot>/.test(line)).length, total: lines.find((line) => line.startsWith('total ')) ?? '' };
}

(existsSync(COMPILED) ? describe : describe.skip)('budgetCompilesForBatch', () => {
  test('TurboFan inlines both callees by default, and neither once the batch budget is set at run time', () => {
    const plain = inlinedIntoHot(false);
    const budgeted = inlinedIntoHot(true);
    expect(plain.inlined).toBe(2);
    expect(budgeted.inlined).toBe(0);
    // The same sum either way: only how it was compiled differs.
    expect(budgeted.total).toBe(plain.total);
    expect(plain.total).toMatch(/^total \d+$/);
  });
});
