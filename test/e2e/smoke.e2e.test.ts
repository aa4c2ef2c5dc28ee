/**
 * The harness itself: the built pane starts in Chromium on the recording Excel double, loads
 * nothing from another origin (and the guard that proves it does catch such a request), and
 * keeps its Content-Security-Policy.
 */
import { openPane, OFFICE_JS_CDN, OFFICE_JS_PATH, type PaneSession } from './harness/pane-session';

describe('task pane in Chromium with the Excel double (harness)', () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane();
  });
  afterAll(async () => {
    await pane?.close();
  });

  it('starts with office.js replaced by the double, which reports host Excel', async () => {
    expect(pane.officeJsServed).toBe(1);
    expect(pane.server.requested).not.toContain(OFFICE_JS_PATH); // answered by the harness, never from dist/
    const host = await pane.page.evaluate(async () => {
      const info = await Office.onReady();
      return { host: info.host, run: typeof Excel.run, sheets: (window as unknown as { parExcelDouble: { sheetNames(): string[] } }).parExcelDouble.sheetNames() };
    });
    expect(host).toEqual({ host: 'Excel', run: 'function', sheets: ['Sheet1'] });
    // The pane rendered past its static "Đang khởi động…" placeholder, without errors.
    expect(await pane.page.locator('main').isVisible()).toBe(true);
    expect(await pane.page.locator('#root').textContent()).not.toContain('Đang khởi động…');
    expect(pane.pageErrors).toEqual([]);
    await pane.screenshot('00-start');
  });

  it('loaded only files from dist/ on 127.0.0.1 and office.js (answered by the harness) — no web fonts, no internet', async () => {
    expect(pane.blocked).toEqual([]);
    const scripts = await pane.page.evaluate(() => [...document.scripts].map((s) => s.src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) if (src !== OFFICE_JS_CDN) expect(new URL(src).origin).toBe(pane.server.origin);
  });

  it('serves taskpane.html with a Content-Security-Policy of its own origin (and the CDN for scripts), and nothing violated it', async () => {
    // The policy as parsed from the served file, and placed before the first script.
    const { policy, beforeScripts } = await pane.page.evaluate(() => {
      const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      const first = document.querySelector('script');
      return {
        policy: meta?.getAttribute('content') ?? null,
        beforeScripts: !!meta && !!first && !!(meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    });
    expect(policy).toMatch(/(^|;)\s*default-src 'self'\s*(;|$)/);
    expect(policy).not.toMatch(/\*|unsafe-eval/);
    // The default build allows scripts from the Office CDN's origin and nothing else outside.
    expect(policy?.match(/https?:\/\/[^\s;]+/g) ?? []).toEqual(policy?.includes('https:') ? [new URL(OFFICE_JS_CDN).origin] : []);
    expect(beforeScripts).toBe(true);
    expect(await pane.cspViolations()).toEqual([]);
    expect(pane.consoleErrors.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
  });

  it('the pane\'s CSP refuses a fetch to the Office CDN (scripts only) and reports it', async () => {
    const url = 'https://appsforoffice.microsoft.com/lib/1/hosted/en-us/office_strings.js';
    const outcome = await pane.page.evaluate((u) => fetch(u).then(() => 'loaded', (e: Error) => `failed: ${e.name}`), url);
    expect(outcome).toMatch(/^failed/);
    expect(await pane.cspViolations()).toEqual([{ directive: 'connect-src', blocked: url }]);
  });

  it('the network guard catches a request to another origin (so "none attempted" above means something)', async () => {
    // A page without the pane's CSP, in the same browser context and behind the same guard.
    const bare = await pane.context.newPage();
    const url = 'https://example.org/font.woff2';
    const outcome = await bare.evaluate((u) => fetch(u).then(() => 'loaded', (e: Error) => `failed: ${e.name}`), url);
    await bare.close();
    expect(outcome).toMatch(/^failed/);
    expect(pane.blocked).toEqual([url]);
  });
});
