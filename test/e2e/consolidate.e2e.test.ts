/**
 * Appraiser, several submissions, end to end in Chromium: the files are read in the page by the
 * exceljs chunk loaded on demand (under the pane's CSP, which forbids eval), each gets its verdict,
 * and the consolidation goes into the open workbook.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minhHoa, renderFilled, typedAssessment } from '../helpers/filled-workbook';
import { expectOfflineAndClean } from './harness/expect-clean';
import { openPane, type PaneSession } from './harness/pane-session';
import { byTestId } from './harness/scoring-sheet';
import { sheetNames } from './harness/workbook';

describe('consolidating picked submissions in Chromium', () => {
  let pane: PaneSession;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'par-e2e-consolidate-'));
    const less = typedAssessment();
    for (const e of Object.values(less.entries)) if (typeof e.selfScore === 'number') e.selfScore = Math.round(e.selfScore * 400) / 1000;
    const full = await renderFilled(typedAssessment(), minhHoa, 'Sở Tài chính');
    writeFileSync(join(dir, 'so-y-te.xlsx'), await renderFilled(less, minhHoa, 'Sở Y tế'));
    writeFileSync(join(dir, 'hong.xlsx'), full.subarray(0, Math.floor(full.length / 2)));
    writeFileSync(join(dir, 'so-tai-chinh.xlsx'), full);
    pane = await openPane({ ready: byTestId('start-view') });
  });
  afterAll(async () => {
    await pane?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each file in the page, gives its verdict, and inserts the consolidation ranked by index', async () => {
    await pane.page.click(byTestId('tab-appraiser'));
    await pane.page.setInputFiles(byTestId('consolidate-files'), ['so-y-te.xlsx', 'hong.xlsx', 'so-tai-chinh.xlsx'].map((f) => join(dir, f)));
    await pane.page.waitForFunction(
      (sel) => {
        const items = [...document.querySelectorAll(sel)];
        return items.length === 3 && items.every((i) => i.hasAttribute('data-readable'));
      },
      byTestId('consolidate-item'),
      { timeout: 60_000 },
    );
    const verdicts = await pane.page.$$eval(byTestId('consolidate-item'), (items) => items.map((i) => [i.getAttribute('data-readable'), i.textContent ?? '']));
    expect(verdicts.map((v) => v[0])).toEqual(['true', 'false', 'true']);
    expect(verdicts[0][1]).toContain('Sở Y tế');
    expect(verdicts[1][1]).toContain('hong.xlsx');
    expect(verdicts[2][1]).toContain('Sở Tài chính');
    await pane.screenshot('11-appraiser-consolidation');

    const before = await sheetNames(pane.page);
    await pane.page.click(byTestId('consolidate-insert'));
    await pane.page.waitForFunction((n) => {
      const d = (window as unknown as { parExcelDouble: { sheetNames(): string[] } }).parExcelDouble;
      return d.sheetNames().length > n;
    }, before.length);
    const added = (await sheetNames(pane.page)).filter((n) => !before.includes(n));
    expect(added).toEqual(expect.arrayContaining(['Tổng hợp', 'So sánh lĩnh vực']));
    expect(added.length).toBeGreaterThanOrEqual(4); // plus one sheet per readable unit
    await expectOfflineAndClean(pane);
  });
});
