/** Where the end-to-end harness finds the built pane and leaves what it makes. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root: nearest folder with package.json (also when compiled to .bench/ for npm run bench). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = projectRoot(__dirname);
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
/** The recording Excel double, bundled for the browser; served in place of office.js. */
export const DOUBLE_BUNDLE = join(ARTIFACTS, 'excel-recording-double.office-js-replacement.js');
export const DOUBLE_ENTRY = join(ROOT, 'test', 'e2e', 'browser', 'install-excel-double.ts');
export const CHROMIUM = process.env.PAR_CHROMIUM ?? '/usr/bin/chromium';
