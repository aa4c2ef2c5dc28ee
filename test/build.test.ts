/**
 * Checks an existing production build in dist/ (run `npx webpack --mode production` first):
 * the files Excel needs are there, office.js and the ES5 guard are copied untouched, nothing
 * points at the Office CDN, and the pane loads nothing from another origin.
 * It checks the default (https://localhost:3000) build: one made with PAR_ADDIN_ORIGIN set
 * rewrites dist/manifest.xml and is expected to fail the manifest/URL checks here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, sep } from 'path';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const OFFICE_JS = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

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
 * Hosts named inside Microsoft's office-js files, all dormant here: MSAL for SSO (we use none),
 * the telemetry proxy (telemetry scripts are not shipped), links in messages and comments, and
 * the fake "document.localhost" origin. A new host after an office-js update fails this test.
 */
const OFFICE_JS_HOSTS = new Set([
  'alcdn.msauth.net',
  'telemetryservice.firstpartyapps.oaspapps.com',
  'docs.microsoft.com',
  'support.microsoft.com',
  'go.microsoft.com',
  'raw.githubusercontent.com',
  'document.localhost',
]);

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
    'office-js/office.js',
    'office-js/o15apptofilemappingtable.js',
    'office-js/excel-win32-16.01.js',
    'office-js/excel-win32-16.00.js',
    'office-js/excel-mac-16.00.js',
    'office-js/excel-web-16.00.js',
    'office-js/vi-vn/office_strings.js',
    'office-js/en-us/office_strings.js',
  ])('has %s', (file) => {
    expect(existsSync(join(DIST, file))).toBe(true);
  });

  maybe('copies office.js, the host files and the ES5 guard byte for byte (not minified)', () => {
    for (const file of ['office.js', 'excel-win32-16.01.js', 'vi-vn/office_strings.js']) {
      expect(readFileSync(join(DIST, 'office-js', file)).equals(readFileSync(join(OFFICE_JS, file)))).toBe(true);
    }
    expect(readFileSync(join(DIST, 'legacy-browser.js')).equals(readFileSync(join(ROOT, 'src/taskpane/legacy-browser.js')))).toBe(true);
    expect(readFileSync(join(DIST, 'manifest.xml')).equals(readFileSync(join(ROOT, 'manifest.xml')))).toBe(true);
  });

  maybe('ships no debug builds of office-js', () => {
    expect(files(join(DIST, 'office-js')).filter((f) => f.endsWith('.debug.js')).map(rel)).toEqual([]);
  });

  maybe('never mentions the Office CDN', () => {
    const offenders = files(DIST).filter((f) => readFileSync(f, 'latin1').includes('appsforoffice.microsoft.com'));
    expect(offenders.map(rel)).toEqual([]);
  });

  maybe('has no URL outside https://localhost:3000 in our own files (except identifiers and message text)', () => {
    const found: string[] = [];
    for (const file of files(DIST)) {
      // *.LICENSE.txt: licence comments webpack keeps beside a chunk; never loaded by the page.
      if (rel(file).startsWith('office-js/') || file.endsWith('.png') || file.endsWith('.LICENSE.txt')) continue;
      for (const [url] of readFileSync(file, 'utf8').matchAll(/\bhttps?:\/\/[^\s"'<>`)\\]*/g)) {
        if (url.startsWith('https://localhost:3000') || NON_FETCHED.some((re) => re.test(url))) continue;
        found.push(`${rel(file)}: ${url}`);
      }
    }
    expect(found).toEqual([]);
  });

  maybe('names only known, dormant hosts inside office-js', () => {
    const hosts = new Set<string>();
    for (const file of files(join(DIST, 'office-js'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bhttps?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) hosts.add(m[1].toLowerCase());
    }
    expect([...hosts].filter((h) => !OFFICE_JS_HOSTS.has(h)).sort()).toEqual([]);
  });

  maybe('taskpane.html loads the ES5 guard, then local office.js, then the bundle — all relative', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts.slice(0, 2)).toEqual(['legacy-browser.js', 'office-js/office.js']);
    expect(scripts[2]).toMatch(/^taskpane(\.[0-9a-f]+)?\.js$/);
    for (const src of scripts) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      expect(existsSync(join(DIST, src))).toBe(true);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  maybe('taskpane.html has a same-origin-only Content-Security-Policy without eval or inline scripts', () => {
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
    expect(directives['script-src'] ?? directives['default-src']).toEqual(["'self'"]);
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'"]);
    for (const [name, values] of Object.entries(directives)) {
      for (const value of values as string[]) expect(`${name} ${value}`).toBe(`${name} ${allowed.has(value) ? value : '(not allowed)'}`);
      if ((values as string[]).includes("'unsafe-inline'")) expect(name).toBe('style-src');
    }
  });
});
