/**
 * legacy-browser.js in a page (jsdom): on a webview that cannot run the bundle it replaces the
 * page with the message that points to `par-index template`; on a current one it stays quiet.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { JSDOM, ResourceLoader } from 'jsdom';

const SCRIPT = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'legacy-browser.js'), 'utf8');
const CHROMIUM_EDGE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0';
const OLD_MAC_WEBKIT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_6) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko';

type PaneWindow = Window & { ErrorEvent: typeof ErrorEvent } & { PAR_UNSUPPORTED_BROWSER?: boolean; PAR_STARTED?: boolean; eval(code: string): unknown };

/** The page once parsed (the guard replaces it on DOMContentLoaded). */
async function page(userAgent: string, prepare: (w: PaneWindow) => void = () => undefined): Promise<PaneWindow> {
  const dom = new JSDOM('<!doctype html><html><head></head><body><div id="root">Đang khởi động…</div></body></html>', {
    runScripts: 'outside-only',
    resources: new ResourceLoader({ userAgent }),
  });
  const w = dom.window as unknown as PaneWindow;
  prepare(w);
  w.eval(SCRIPT);
  if (w.document.readyState === 'loading') await new Promise((resolve) => w.document.addEventListener('DOMContentLoaded', resolve));
  return w;
}

const replaced = (w: PaneWindow) => w.document.querySelector('[role="alert"]')?.textContent ?? null;

describe('legacy-browser.js', () => {
  it('leaves a current webview alone', async () => {
    const w = await page(CHROMIUM_EDGE);
    expect(w.PAR_UNSUPPORTED_BROWSER).toBeUndefined();
    expect(w.document.getElementById('root')?.textContent).toBe('Đang khởi động…');
  });

  it.each([
    ['Internet Explorer 11', IE11, () => undefined],
    ['WebKit without WeakRef (Safari before 14.1)', OLD_MAC_WEBKIT, (w: PaneWindow) => void delete (w as unknown as Record<string, unknown>).WeakRef],
    ['a webview without String.prototype.replaceAll', OLD_MAC_WEBKIT, (w: PaneWindow) => void delete (w as unknown as { String: { prototype: Record<string, unknown> } }).String.prototype.replaceAll],
  ])('replaces the page on %s, pointing to par-index template', async (_name, ua, prepare) => {
    const w = await page(ua, prepare);
    expect(w.PAR_UNSUPPORTED_BROWSER).toBe(true);
    expect(w.document.getElementById('root')).toBeNull();
    expect(replaced(w)).toContain('par-index template');
    expect(replaced(w)).toContain('Phần bổ trợ Chỉ số CCHC cần');
  });

  it('replaces the page when the bundle fails to parse (a syntax the webview lacks)', async () => {
    const w = await page(OLD_MAC_WEBKIT);
    expect(replaced(w)).toBeNull();
    w.dispatchEvent(new w.ErrorEvent('error', { message: "SyntaxError: Unexpected token '{'", filename: 'taskpane.1234abcd.js' }));
    expect(w.PAR_UNSUPPORTED_BROWSER).toBe(true);
    expect(replaced(w)).toContain('par-index template');
  });

  it('leaves errors after the pane started to the pane', async () => {
    const w = await page(CHROMIUM_EDGE);
    w.PAR_STARTED = true;
    w.dispatchEvent(new w.ErrorEvent('error', { message: 'SyntaxError: JSON.parse: unexpected character' }));
    w.dispatchEvent(new w.ErrorEvent('error', { message: 'TypeError: x is undefined' }));
    expect(w.PAR_UNSUPPORTED_BROWSER).toBeUndefined();
    expect(replaced(w)).toBeNull();
  });
});
