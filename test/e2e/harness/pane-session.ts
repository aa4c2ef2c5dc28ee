/**
 * One task pane in Chromium, as Excel would host it, with no network:
 *  - dist/ served on 127.0.0.1 (static-server.ts);
 *  - the request for office.js — from the Office CDN (default build) or office-js/office.js
 *    (intranet build) — answered with the recording Excel double's bundle;
 *  - every request to another origin aborted AND recorded, so a test can prove none was tried;
 *  - Content-Security-Policy violations, console errors and page errors collected.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ExcelDoubleOptions } from '../../doubles/excel-recording-double';
import { launchChromium } from './chromium';
import { ARTIFACTS, DIST, DOUBLE_BUNDLE } from './paths';
import { serveFolder, type StaticServer } from './static-server';

export const PANE_VIEWPORT = { width: 320, height: 900 };
/** office.js in the intranet build (self-hosted) and in the default build (Microsoft's CDN). */
export const OFFICE_JS_PATH = '/office-js/office.js';
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface PaneSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  server: StaticServer;
  /** URLs of another origin the page tried to load (all aborted; office.js from the CDN is answered, not listed). */
  blocked: string[];
  /** Times office.js was asked for (and answered with the double). */
  officeJsServed: number;
  consoleErrors: string[];
  pageErrors: string[];
  /** securitypolicyviolation events seen in the page. */
  cspViolations(): Promise<Array<{ directive: string; blocked: string }>>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The workbook the double starts with (default: one empty Sheet1). */
  workbook?: ExcelDoubleOptions;
  /** Wait for this selector after load (default: the pane's <main>). */
  ready?: string;
  /** Reuse a running browser (closed by the caller); else one is launched and closed with the session. */
  browser?: Browser;
  /** Record when the first usable control appears (npm run bench); off in tests, as it forces layouts. */
  measureStartup?: boolean;
}

/** Selectors whose first visible, enabled match is timed when `measureStartup` is on. */
export const STARTUP_MARKS = {
  /** Any control: the pane can be used (the language switch comes with the first render). */
  firstControl: 'button, select, input, textarea, [role="tab"]',
  /** Start's "Tạo bảng chấm điểm": the workbook has been read and the user can begin. */
  createSheet: '[data-testid="create-sheet"]',
} as const;

/** What watchStartup() leaves on window: ms since navigation start, per mark. */
export interface StartupMarks {
  parStartup?: Partial<Record<keyof typeof STARTUP_MARKS, number>>;
}

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'taskpane.html'))) {
    throw new Error('dist/taskpane.html chưa có: chạy "npm run build" trước kiểm thử đầu-cuối. / Build the pane first: npm run build.');
  }
  if (!existsSync(DOUBLE_BUNDLE)) {
    throw new Error(`${DOUBLE_BUNDLE} is missing: the e2e project's globalSetup (test/e2e/global-setup.ts) builds it.`);
  }
}

/** Records CSP violations from the first script on; runs before any page script. */
function watchCsp(): void {
  const seen: Array<{ directive: string; blocked: string }> = [];
  (window as unknown as { parCspViolations: typeof seen }).parCspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI }));
}

/**
 * Notes performance.now() (ms since navigation start) when each mark's selector first matches
 * a visible, enabled element — the moment a user can act on it.
 */
function watchStartup(marks: Record<string, string>): void {
  const seen: Record<string, number> = {};
  (window as unknown as StartupMarks).parStartup = seen;
  const usable = (selector: string) =>
    Array.from(document.querySelectorAll<HTMLElement>(selector)).some((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true';
    });
  new MutationObserver((_records, observer) => {
    const now = performance.now();
    for (const [name, selector] of Object.entries(marks)) if (seen[name] === undefined && usable(selector)) seen[name] = now;
    if (Object.keys(seen).length === Object.keys(marks).length) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

function seedWorkbook(options: ExcelDoubleOptions | null): void {
  if (options) (window as unknown as { parExcelDoubleOptions: ExcelDoubleOptions }).parExcelDoubleOptions = options;
}

export async function openPane(options: OpenOptions = {}): Promise<PaneSession> {
  assertBuilt();
  const doubleBundle = readFileSync(DOUBLE_BUNDLE, 'utf8');
  const ownBrowser = !options.browser;
  const browser = options.browser ?? (await launchChromium());
  const server = await serveFolder(DIST);
  const context = await browser.newContext({ viewport: PANE_VIEWPORT, locale: 'vi-VN', serviceWorkers: 'block' });
  const session = {
    browser,
    context,
    server,
    blocked: [] as string[],
    officeJsServed: 0,
    consoleErrors: [] as string[],
    pageErrors: [] as string[],
  };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.href === OFFICE_JS_CDN || (url.origin === server.origin && url.pathname === OFFICE_JS_PATH)) {
      session.officeJsServed++;
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: doubleBundle });
    }
    if (url.origin !== server.origin) {
      session.blocked.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  await context.addInitScript(watchCsp);
  if (options.measureStartup) await context.addInitScript(watchStartup, { ...STARTUP_MARKS });
  await context.addInitScript(seedWorkbook, options.workbook ?? null);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => session.pageErrors.push(e.message));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector(options.ready ?? 'main', { state: 'visible' });

  return {
    ...session,
    get officeJsServed() {
      return session.officeJsServed;
    },
    page,
    cspViolations: () => page.evaluate(() => (window as unknown as { parCspViolations: Array<{ directive: string; blocked: string }> }).parCspViolations),
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close().catch(() => undefined);
      if (ownBrowser) await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
