/** npm run bench: every benchmark, compiled and run in plain Node. Results also go to test-artifacts/bench.json. */
import { benchCore } from './core.bench';
import { benchWorkbook } from './workbook.bench';

async function main(): Promise<void> {
  benchCore();
  await benchWorkbook();
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});
