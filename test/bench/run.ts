/** npm run bench: every benchmark, compiled and run in plain Node. Results also go to test-artifacts/bench.json. */
import { benchCore } from './core.bench';
import { benchCheckFolder } from './check-folder.bench';
import { benchPane } from './pane.bench';
import { benchPayload } from './payload.bench';
import { benchWorkbook } from './workbook.bench';
import { benchWorstCase } from './worst-case.bench';

async function main(): Promise<void> {
  benchCore();
  await benchCheckFolder();
  await benchWorstCase();
  await benchWorkbook();
  await benchPayload();
  await benchPane();
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});
