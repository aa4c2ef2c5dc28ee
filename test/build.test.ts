/**
 * Checks an existing production build in dist/ (run `npx webpack --mode production` first):
 * the files Excel needs are there, the ES5 guard is copied untouched, the bundle is ES2020
 * syntax with no regex the older webviews reject, office.js comes from the Office CDN and
 * nothing else from another origin.
 * It checks the default (https://localhost:3000, CDN) build: one made with PAR_ADDIN_ORIGIN set
 * rewrites dist/manifest.xml and is expected to fail the manifest/URL checks here. The intranet
 * build (`npm run build:intranet`) is checked through the webpack configuration it is made from.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, sep } from 'path';
import { parse } from 'acorn';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as ((env: Record<string, unknown>, argv: Record<string, unknown>) => WebpackConfig) & {
  csp(options: { intranet: boolean }): string;
};

interface WebpackConfig {
  plugins: Array<{ constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: Array<{ from: string; to: string; context?: string }> }>;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}
const rel = (file: string) => relative(DIST, file).split(sep).join('/');

/** URL-ish strings that are identifiers or message text, never fetched. */
const NON_FETCHED = [
  /^http:\/\/www\.w3\.org\//, // XML/SVG/MathML namespaces (React DOM)
  /^http:\/\/schemas\.microsoft\.com\/office\//, // manifest namespaces
  /^https?:\/\/json-schema\.org\//, // zod's toJSONSchema "$schema" identifiers
  /^https:\/\/reactjs\.org\/docs\/error-decoder\.html/, // text of minified React error messages
  /^http:\/\/\[\$\{/, // zod's IPv6 URL template
  // exceljs, in the chunk loaded when the appraiser picks files: OOXML and Dublin Core namespaces
  // and relationship types, and links in the error messages of the libraries it bundles.
  /^http:\/\/schemas\.openxmlformats\.org\//,
  /^http:\/\/purl\.org\/dc\//,
  /^https:\/\/github\.com\/(exceljs|zloirock|crypto-browserify|indutny|uuidjs)\//,
  /^https:\/\/stuk\.github\.io\/jszip\/documentation\//,
  // docx, in the chunk loaded when the planner makes the plan document: the Strict OOXML
  // relationship namespace and a link in the text of its numbering-levels error.
  /^http:\/\/purl\.oclc\.org\/ooxml\//,
  /^https:\/\/answers\.microsoft\.com\/en-us\/msoffice\/forum\/all\/does-word-support-more-than-9-list-levels\//,
];


/**
 * Features es-check reports beyond ES2020 in dist/, each accounted for:
 *  - WeakRef: Fluent UI's focus management (keyborg, tabster) calls it; legacy-browser.js
 *    shows its message on a webview without it;
 *  - ArrayFindLast, ArrayPrototypeGroup: method names of other objects that es-check takes for
 *    the built-ins (tabster's `findLast({ container })`, Office.js's `Range.group(byRows)`).
 */
const CHECKED_BY_LEGACY_BROWSER = ['WeakRef'];
const NOT_THE_BUILT_IN = ['ArrayFindLast', 'ArrayPrototypeGroup'];

function esCheck(files: string[], ignore: string[]): { ok: boolean; output: string } {
  const args = [join(ROOT, 'node_modules', 'es-check', 'lib', 'cli', 'index.js'), 'es2020', ...files, '--checkFeatures', '--noColor', ...(ignore.length ? [`--ignore=${ignore.join(',')}`] : [])];
  try {
    return { ok: true, output: execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * Regexes older WebKit rejects at parse time, failing the whole bundle: lookbehind (Safari
 * 16.4) and the `d` (15) / `v` (17) flags. Literals and `RegExp("…")` with a literal pattern.
 */
export function unsupportedRegexes(code: string): string[] {
  const found: string[] = [];
  const bad = (pattern: string, flags = '') => /\(\?<[=!]/.test(pattern) || /[dv]/.test(flags);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; regex?: { pattern: string; flags: string }; callee?: { type: string; name?: string }; arguments?: Array<{ type: string; value?: unknown }> };
    if (n.type === 'Literal' && n.regex && bad(n.regex.pattern, n.regex.flags)) found.push(`/${n.regex.pattern}/${n.regex.flags}`);
    if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee?.type === 'Identifier' && n.callee.name === 'RegExp') {
      const [pattern, flags] = n.arguments ?? [];
      if (pattern?.type === 'Literal' && typeof pattern.value === 'string' && bad(pattern.value, typeof flags?.value === 'string' ? flags.value : '')) found.push(`RegExp(${JSON.stringify(pattern.value)})`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'regex' && typeof value === 'object') visit(value);
  };
  // ecmaVersion 2020: acorn also refuses any newer syntax (and regex flags) as it parses.
  visit(parse(code, { ecmaVersion: 2020, sourceType: 'script' }));
  return found;
}

const distExists = existsSync(join(DIST, 'taskpane.html'));

describe('dist/ (production build)', () => {
  it('exists — run `npx webpack --mode production` (npm run build) before this test', () => {
    if (!distExists) {
      throw new Error(`dist/taskpane.html is missing: build first with "npm run build" (npx webpack --mode production), then run this test.`);
    }
  });

  const maybe = distExists ? it : it.skip;

  maybe.each([
    'taskpane.html',
    'legacy-browser.js',
    'help.html',
    'commands.html',
    'commands.js',
    'manifest.xml',
    'assets/icon-16.png',
    'assets/icon-32.png',
    'assets/icon-64.png',
    'assets/icon-80.png',
  ])('has %s', (file) => {
    expect(existsSync(join(DIST, file))).toBe(true);
  });

  maybe('copies the ES5 guard and the manifest byte for byte (not minified), and no office.js of its own', () => {
    expect(readFileSync(join(DIST, 'legacy-browser.js')).equals(readFileSync(join(ROOT, 'src/taskpane/legacy-browser.js')))).toBe(true);
    expect(readFileSync(join(DIST, 'manifest.xml')).equals(readFileSync(join(ROOT, 'manifest.xml')))).toBe(true);
    expect(existsSync(join(DIST, 'office-js'))).toBe(false);
  });

  maybe('names the Office CDN only where the pages load office.js', () => {
    const mentions = files(DIST).filter((f) => readFileSync(f, 'latin1').includes('appsforoffice.microsoft.com'));
    expect(mentions.map(rel).sort()).toEqual(['commands.html', 'taskpane.html']);
    for (const page of ['commands.html', 'taskpane.html']) {
      const scripts = [...readFileSync(join(DIST, page), 'utf8').matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
      expect(scripts.filter((src) => /^(https?:)?\/\//.test(src))).toEqual([OFFICE_JS_CDN]);
    }
  });

  const scripts = () => files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('office-js/'));

  maybe('is ES2020 for es-check, save the features accounted for', () => {
    const result = esCheck(scripts(), [...CHECKED_BY_LEGACY_BROWSER, ...NOT_THE_BUILT_IN]);
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
    const legacy = readFileSync(join(ROOT, 'src/taskpane/legacy-browser.js'), 'utf8');
    for (const feature of CHECKED_BY_LEGACY_BROWSER) expect(legacy).toContain(`window.${feature}`);
  });

  maybe('has no regex lookbehind or d/v flag, and no syntax newer than ES2020 (acorn)', () => {
    const found = scripts().flatMap((f) => unsupportedRegexes(readFileSync(f, 'utf8')).map((r) => `${rel(f)}: ${r}`));
    expect(found).toEqual([]);
  });

  maybe('has no URL outside https://localhost:3000 in our own files (except identifiers and message text)', () => {
    const found: string[] = [];
    for (const file of files(DIST)) {
      // *.LICENSE.txt: licence comments webpack keeps beside a chunk; never loaded by the page.
      if (rel(file).startsWith('office-js/') || file.endsWith('.png') || file.endsWith('.LICENSE.txt')) continue;
      for (const [url] of readFileSync(file, 'utf8').matchAll(/\bhttps?:\/\/[^\s"'<>`)\\]*/g)) {
        if (url.startsWith('https://localhost:3000') || NON_FETCHED.some((re) => re.test(url))) continue;
        // The pages' office.js, and its origin in their Content-Security-Policy.
        if ((url === OFFICE_JS_CDN || url === `${new URL(OFFICE_JS_CDN).origin};`) && rel(file).endsWith('.html')) continue;
        found.push(`${rel(file)}: ${url}`);
      }
    }
    expect(found).toEqual([]);
  });

  maybe('taskpane.html loads the ES5 guard, then office.js from the CDN, then the bundle', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts.slice(0, 2)).toEqual(['legacy-browser.js', OFFICE_JS_CDN]);
    expect(scripts[2]).toMatch(/^taskpane(\.[0-9a-f]+)?\.js$/);
    for (const src of scripts.filter((s) => s !== OFFICE_JS_CDN)) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      expect(existsSync(join(DIST, src))).toBe(true);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  maybe('taskpane.html has a Content-Security-Policy of its own origin and, for scripts, the CDN\'s — no eval or inline scripts', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", new URL(OFFICE_JS_CDN).origin]);
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", new URL(OFFICE_JS_CDN).origin]);
    for (const [name, values] of Object.entries(directives)) {
      for (const value of values as string[]) expect(`${name} ${value}`).toBe(`${name} ${allowed.has(value) ? value : '(not allowed)'}`);
      if ((values as string[]).includes("'unsafe-inline'")) expect(name).toBe('style-src');
      if ((values as string[]).includes(new URL(OFFICE_JS_CDN).origin)) expect(name).toBe('script-src');
    }
  });
});

describe('the dist/ checks themselves', () => {
  it('find a lookbehind, a v flag and a class static block', () => {
    expect(unsupportedRegexes('var a = /(?<!\\d)(20\\d\\d)/g; var b = new RegExp("(?<=x)y");')).toEqual(['/(?<!\\d)(20\\d\\d)/g', 'RegExp("(?<=x)y")']);
    expect(() => unsupportedRegexes('var c = /[\\p{L}--a]/v;')).toThrow();
    expect(() => unsupportedRegexes('class A { static { this.x = 1; } }')).toThrow();
    expect(unsupportedRegexes('var d = /(?<name>x)(?=y)/u;')).toEqual([]);
  });

  it('es-check refuses ES2022 syntax and unguarded newer built-ins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-escheck-'));
    try {
      writeFileSync(join(dir, 'static-block.js'), 'class A { static { A.x = 1; } }\n');
      writeFileSync(join(dir, 'weakref.js'), 'var r = new WeakRef({});\n');
      expect(esCheck([join(dir, 'static-block.js')], []).ok).toBe(false);
      expect(esCheck([join(dir, 'weakref.js')], []).ok).toBe(false);
      expect(esCheck([join(dir, 'weakref.js')], CHECKED_BY_LEGACY_BROWSER).ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the two builds (webpack configuration)', () => {
  const pluginOptions = (config: WebpackConfig, filename: string) =>
    config.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === filename)?.userOptions ?? {};
  const copied = (config: WebpackConfig) => config.plugins.find((p) => p.constructor.name === 'CopyPlugin')?.patterns?.map((p) => p.to) ?? [];

  it('default: office.js from the CDN, scripts allowed from exactly that origin, no copy of office.js', () => {
    const config = webpackConfig({}, { mode: 'production' });
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(pluginOptions(config, page).officeJs).toBe(OFFICE_JS_CDN);
      expect(pluginOptions(config, page).csp).toBe(webpackConfig.csp({ intranet: false }));
    }
    expect(webpackConfig.csp({ intranet: false })).toMatch(/(^|; )script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(copied(config).filter((to) => to.startsWith('office-js/'))).toEqual([]);
  });

  it('intranet: the npm copy of office.js self-hosted, and no origin but its own', () => {
    const config = webpackConfig({ intranet: true }, { mode: 'production' });
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(pluginOptions(config, page).officeJs).toBe('office-js/office.js');
      expect(pluginOptions(config, page).csp).toBe(webpackConfig.csp({ intranet: true }));
    }
    expect(webpackConfig.csp({ intranet: true })).not.toMatch(/https?:|\*/);
    expect(copied(config).filter((to) => to.startsWith('office-js/'))).toEqual(['office-js/[name][ext]', 'office-js/[path][name][ext]']);
  });
});
