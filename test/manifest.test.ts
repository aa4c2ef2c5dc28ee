/**
 * Offline checks of manifest.xml (Microsoft's validator needs the internet, and no XSD ships
 * on npm). The manifest is parsed with saxes, a conformant XML 1.0 parser (well-formedness,
 * namespaces, one root, no duplicate attributes, no undefined entities), into a small tree;
 * `checkManifest` then applies the rules below and returns every problem, tagged by rule.
 * The second half mutates copies of the manifest in memory and shows each rule rejects them.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SaxesParser } from 'saxes';

const ROOT = join(__dirname, '..');
const ASSETS = join(ROOT, 'assets');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const ORIGIN = 'https://localhost:3000';
/**
 * English UI locales Office knows: those office.js ships strings for ("en-gb" → "en-GB"). An
 * Override matches one locale exactly, so each needs its own or that Office shows Vietnamese.
 */
const ENGLISH_LOCALES = readdirSync(join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist'))
  .filter((name) => /^en-[a-z0-9]+$/.test(name) && name !== 'en-us')
  .map((name) => `en-${name.slice(3).toUpperCase()}`);

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** Top-level order of Microsoft's OfficeApp schema (the subset a task-pane add-in uses). */
const TOP_LEVEL_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const REQUIRED_TOP_LEVEL = TOP_LEVEL_ORDER.filter((name) => name !== 'AlternateId' && name !== 'AppDomains');

// ---- a tiny XML tree -----------------------------------------------------------------------

interface El {
  local: string;
  uri: string;
  /** Attribute values by qualified name as written (e.g. "xsi:type", "DefaultValue"). */
  attrs: Record<string, string>;
  children: El[];
  text: string;
  line: number;
}

function parseXml(text: string): El {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: El[] = [];
  const errors: string[] = [];
  let root: El | undefined;
  parser.on('error', (e) => errors.push(e.message));
  parser.on('opentag', (tag) => {
    const el: El = {
      local: tag.local,
      uri: tag.uri,
      attrs: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      children: [],
      text: '',
      line: parser.line,
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  if (errors.length > 0 || !root) throw new Error(errors.join('; ') || 'no root element');
  return root;
}

const child = (el: El | undefined, local: string): El | undefined => el?.children.find((c) => c.local === local);
const kids = (el: El | undefined, local: string): El[] => el?.children.filter((c) => c.local === local) ?? [];
function* walk(el: El, parent: El | null = null): Generator<[El, El | null]> {
  yield [el, parent];
  for (const c of el.children) yield* walk(c, el);
}

/** Width and height from a PNG's IHDR chunk, or null if it is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// ---- the checker -----------------------------------------------------------------------------

type Rule =
  | 'xml'
  | 'root'
  | 'order'
  | 'id'
  | 'version'
  | 'locale'
  | 'names'
  | 'hosts'
  | 'requirements'
  | 'permissions'
  | 'urls'
  | 'icons'
  | 'resids'
  | 'strings'
  | 'english'
  | 'ribbon';
interface Problem {
  rule: Rule;
  message: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Url', 'Image']);
const RESID_KIND: Record<string, 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};
const MAX_LENGTH = { ShortStrings: 125, LongStrings: 250 } as const;

function checkManifest(xml: string, assetsDir = ASSETS): Problem[] {
  const problems: Problem[] = [];
  const fail = (rule: Rule, message: string) => problems.push({ rule, message });

  let root: El;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [{ rule: 'xml', message: `not well-formed XML: ${(e as Error).message}` }];
  }

  // root
  if (root.local !== 'OfficeApp' || root.uri !== NS.app) fail('root', `root is {${root.uri}}${root.local}, expected OfficeApp in ${NS.app}`);
  if (root.attrs['xsi:type'] !== 'TaskPaneApp' || root.attrs['xmlns:xsi'] !== NS.xsi) fail('root', 'root needs xsi:type="TaskPaneApp"');
  if (root.attrs['xmlns:bt'] !== NS.bt) fail('root', `xmlns:bt must be ${NS.bt}`);

  // order
  const top = root.children.map((c) => c.local);
  let last = -1;
  for (const name of top) {
    const at = TOP_LEVEL_ORDER.indexOf(name);
    if (at === -1) fail('order', `unexpected top-level element <${name}>`);
    else if (at <= last) fail('order', `<${name}> is out of order (or repeated): expected ${TOP_LEVEL_ORDER.join(', ')}`);
    else last = at;
  }
  for (const name of REQUIRED_TOP_LEVEL) if (!top.includes(name)) fail('order', `missing <${name}>`);

  // id, version, locale, permissions
  const id = child(root, 'Id')?.text.trim() ?? '';
  if (!GUID.test(id)) fail('id', `Id "${id}" is not a GUID`);
  const version = child(root, 'Version')?.text.trim() ?? '';
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version) || version.split('.').some((n) => Number(n) > 65535)) {
    fail('version', `Version "${version}" is not n.n.n.n`);
  }
  const locale = child(root, 'DefaultLocale')?.text.trim();
  if (locale !== 'vi-VN') fail('locale', `DefaultLocale is "${locale}", expected vi-VN`);
  const permissions = child(root, 'Permissions')?.text.trim();
  if (permissions !== 'ReadWriteDocument') fail('permissions', `Permissions is "${permissions}", expected ReadWriteDocument`);

  // names: Vietnamese default, English override
  const expectName = (local: string, vi?: string, en?: string) => {
    const el = child(root, local);
    const override = kids(el, 'Override').find((o) => o.attrs.Locale === 'en-US');
    if (!el?.attrs.DefaultValue) fail('names', `<${local}> has no DefaultValue`);
    else if (vi && el.attrs.DefaultValue !== vi) fail('names', `<${local}> DefaultValue is "${el.attrs.DefaultValue}", expected "${vi}"`);
    if (!override?.attrs.Value) fail('names', `<${local}> has no en-US <Override>`);
    else if (en && override.attrs.Value !== en) fail('names', `<${local}> en-US override is "${override.attrs.Value}", expected "${en}"`);
  };
  expectName('DisplayName', 'Chỉ số CCHC', 'PAR Index');
  expectName('Description');

  // hosts
  const hosts = kids(child(root, 'Hosts'), 'Host').map((h) => h.attrs.Name);
  if (hosts.length !== 1 || hosts[0] !== 'Workbook') fail('hosts', `Hosts are [${hosts.join(', ')}], expected [Workbook]`);

  // requirements
  const sets = child(child(root, 'Requirements'), 'Sets');
  const excelApi = kids(sets, 'Set').find((s) => s.attrs.Name === 'ExcelApi');
  if (!sets || sets.attrs.DefaultMinVersion !== '1.1') fail('requirements', '<Requirements><Sets DefaultMinVersion="1.1"> missing');
  if (excelApi?.attrs.MinVersion !== '1.8') fail('requirements', `ExcelApi MinVersion is ${excelApi?.attrs.MinVersion ?? 'missing'}, expected 1.8`);

  // urls: every URL-valued attribute (and anything that looks like a URL) is https on our origin
  const urls: { where: string; url: string; el: El; parent: El | null }[] = [];
  for (const [el, parent] of walk(root)) {
    const isUrlElement = URL_ELEMENTS.has(el.local) || (el.local === 'Override' && parent !== null && URL_ELEMENTS.has(parent.local));
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const urlAttr = isUrlElement && (name === 'DefaultValue' || name === 'Value');
      if (urlAttr || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push({ where: `<${el.local}> line ${el.line} ${name}`, url: value, el, parent });
    }
    if (el.local === 'AppDomain') urls.push({ where: `<AppDomain> line ${el.line}`, url: el.text.trim(), el, parent });
  }
  for (const { where, url } of urls) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      /* reported below */
    }
    if (!parsed || parsed.protocol !== 'https:' || parsed.origin !== ORIGIN) fail('urls', `${where}: "${url}" is not an https URL on ${ORIGIN}`);
  }

  // resources
  const resources = child(child(root, 'VersionOverrides'), 'Resources');
  const resourceIds = new Map<string, { kind: string; el: El }>();
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
    for (const el of child(resources, kind)?.children ?? []) {
      const rid = el.attrs.id;
      if (resourceIds.has(rid)) fail('resids', `resource id "${rid}" is defined twice`);
      resourceIds.set(rid, { kind, el });
      if (rid.length > 32) fail('resids', `resource id "${rid}" is longer than 32 characters`);
      if (kind === 'ShortStrings' || kind === 'LongStrings') {
        const value = el.attrs.DefaultValue ?? '';
        const en = kids(el, 'Override').find((o) => o.attrs.Locale === 'en-US');
        if (!value) fail('strings', `string "${rid}" is empty`);
        if (!en?.attrs.Value) fail('strings', `string "${rid}" has no en-US override`);
        for (const text of [value, en?.attrs.Value ?? '']) {
          if (text.length > MAX_LENGTH[kind]) fail('strings', `string "${rid}" is longer than ${MAX_LENGTH[kind]} characters`);
        }
      }
    }
  }
  // english: every English UI gets the en-US text, not the Vietnamese default
  for (const [el] of walk(root)) {
    const overrides = kids(el, 'Override');
    const en = overrides.find((o) => o.attrs.Locale === 'en-US')?.attrs.Value;
    if (en === undefined) continue;
    for (const locale of ENGLISH_LOCALES) {
      const value = overrides.find((o) => o.attrs.Locale === locale)?.attrs.Value;
      if (value !== en) fail('english', `<${el.local}${el.attrs.id ? ` id="${el.attrs.id}"` : ''}> ${locale} override is ${value === undefined ? 'missing' : `"${value}"`}, expected "${en}"`);
    }
  }
  const resolve = (rid: string | undefined) => (rid === undefined ? undefined : resourceIds.get(rid));
  for (const [el, parent] of walk(root)) {
    const rid = el.attrs.resid;
    if (rid === undefined) continue;
    const found = resolve(rid);
    const kind = el.local === 'Image' && parent?.local !== 'Icon' ? undefined : RESID_KIND[el.local];
    if (!found) fail('resids', `<${el.local}> line ${el.line} uses resid "${rid}", which is not defined in <Resources>`);
    else if (kind && found.kind !== kind) fail('resids', `<${el.local}> line ${el.line} uses "${rid}" from ${found.kind}, expected ${kind}`);
  }

  // icons: each referenced file exists in assets/ and has the right pixel size
  const expectIcon = (where: string, url: string | undefined, size: number) => {
    if (!url) return fail('icons', `${where}: no icon URL`);
    const match = /^https:\/\/[^/]+\/assets\/([\w.-]+\.png)$/.exec(url);
    if (!match) return fail('icons', `${where}: "${url}" is not a PNG under /assets/`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(assetsDir, match[1]));
    } catch {
      return fail('icons', `${where}: assets/${match[1]} does not exist`);
    }
    const actual = pngSize(bytes);
    if (!actual) return fail('icons', `${where}: assets/${match[1]} is not a PNG`);
    if (actual.width !== size || actual.height !== size) {
      fail('icons', `${where}: assets/${match[1]} is ${actual.width}x${actual.height}, expected ${size}x${size}`);
    }
    const named = /-(\d+)\.png$/.exec(match[1]);
    if (named && Number(named[1]) !== actual.width) fail('icons', `${where}: assets/${match[1]} is named for ${named[1]} px but is ${actual.width} px`);
  };
  expectIcon('IconUrl', child(root, 'IconUrl')?.attrs.DefaultValue, 32);
  expectIcon('HighResolutionIconUrl', child(root, 'HighResolutionIconUrl')?.attrs.DefaultValue, 64);
  for (const [el] of walk(root)) {
    if (el.local !== 'Icon') continue;
    const sizes = kids(el, 'Image').map((img) => Number(img.attrs.size));
    for (const size of [16, 32, 80]) if (!sizes.includes(size)) fail('icons', `<Icon> line ${el.line} lacks a ${size} px image`);
    for (const img of kids(el, 'Image')) {
      const res = resolve(img.attrs.resid);
      if (res?.kind === 'Images') expectIcon(`<bt:Image resid="${img.attrs.resid}" size="${img.attrs.size}">`, res.el.attrs.DefaultValue, Number(img.attrs.size));
    }
  }

  // ribbon: Home tab, a "Chỉ số CCHC" group, a "Chấm điểm CCHC" button that shows the task pane
  const vo = child(root, 'VersionOverrides');
  const text = (rid: string | undefined) => resolve(rid)?.el.attrs.DefaultValue;
  if (!vo || vo.uri !== NS.ov || vo.attrs['xsi:type'] !== 'VersionOverridesV1_0') fail('ribbon', 'VersionOverrides (V1_0, taskpaneappversionoverrides) missing');
  const hostEl = kids(child(vo, 'Hosts'), 'Host').find((h) => h.attrs['xsi:type'] === 'Workbook');
  const surface = kids(child(hostEl, 'DesktopFormFactor'), 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'PrimaryCommandSurface');
  const tab = kids(surface, 'OfficeTab').find((t) => t.attrs.id === 'TabHome');
  const group = kids(tab, 'Group')[0];
  const button = kids(group, 'Control').find((c) => c.attrs['xsi:type'] === 'Button');
  const action = child(button, 'Action');
  if (!tab) fail('ribbon', 'no <OfficeTab id="TabHome"> on the PrimaryCommandSurface of the Workbook host');
  if (text(child(group, 'Label')?.attrs.resid) !== 'Chỉ số CCHC') fail('ribbon', 'the Home-tab group is not labelled "Chỉ số CCHC"');
  if (text(child(button, 'Label')?.attrs.resid) !== 'Chấm điểm CCHC') fail('ribbon', 'no "Chấm điểm CCHC" button in the group');
  if (action?.attrs['xsi:type'] !== 'ShowTaskpane') fail('ribbon', 'the button does not ShowTaskpane');
  const paneUrl = text(child(action, 'SourceLocation')?.attrs.resid);
  const sourceLocation = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
  if (!paneUrl || paneUrl !== sourceLocation || paneUrl !== `${ORIGIN}/taskpane.html`) {
    fail('ribbon', `button opens "${paneUrl}", DefaultSettings/SourceLocation is "${sourceLocation}"; both must be ${ORIGIN}/taskpane.html`);
  }

  return problems;
}

// ---- the real manifest ---------------------------------------------------------------------

describe('manifest.xml', () => {
  const problems = checkManifest(MANIFEST);
  const of = (rule: Rule) => problems.filter((p) => p.rule === rule).map((p) => p.message);

  it('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(of('xml')).toEqual([]);
    expect(of('root')).toEqual([]);
  });
  it('has its top-level elements in schema order', () => expect(of('order')).toEqual([]));
  it('has a GUID Id and an n.n.n.n Version', () => {
    expect(of('id')).toEqual([]);
    expect(of('version')).toEqual([]);
  });
  it('defaults to vi-VN with en-US overrides for the name and description', () => {
    expect(of('locale')).toEqual([]);
    expect(of('names')).toEqual([]);
  });
  it('targets Excel workbooks, needs ExcelApi 1.8 and ReadWriteDocument', () => {
    expect(of('hosts')).toEqual([]);
    expect(of('requirements')).toEqual([]);
    expect(of('permissions')).toEqual([]);
  });
  it('uses only https URLs on https://localhost:3000', () => expect(of('urls')).toEqual([]));
  it('references icons that exist in assets/ with the right pixel sizes', () => expect(of('icons')).toEqual([]));
  it('defines every resid it uses, with the right kind, and localises every string', () => {
    expect(of('resids')).toEqual([]);
    expect(of('strings')).toEqual([]);
  });
  it(`shows English in every English Office UI (${ENGLISH_LOCALES.length} locales besides en-US)`, () => {
    expect(ENGLISH_LOCALES).toContain('en-GB');
    expect(of('english')).toEqual([]);
  });
  it('puts a "Chấm điểm CCHC" ShowTaskpane button in a "Chỉ số CCHC" group on the Home tab', () => expect(of('ribbon')).toEqual([]));
  it('has no problems at all', () => expect(problems).toEqual([]));
});

describe('assets', () => {
  it.each([16, 32, 64, 80])('icon-%i.png is a PNG of that size', (size) => {
    expect(pngSize(readFileSync(join(ASSETS, `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });
});

// ---- the checker rejects broken manifests -----------------------------------------------------

function mutate(from: string | RegExp, to: string): (xml: string) => string {
  return (xml) => xml.replace(from, to);
}

const MUTATIONS: [string, (xml: string) => string, Rule][] = [
  ['an unclosed element', mutate('</Hosts>', ''), 'xml'],
  ['a duplicate attribute', mutate('<Set Name="ExcelApi"', '<Set Name="ExcelApi" Name="ExcelApi"'), 'xml'],
  ['a second root element', (xml) => `${xml}\n<OfficeApp/>`, 'xml'],
  ['an undefined namespace prefix', mutate('<bt:Images>', '<bx:Images>'), 'xml'],
  ['a different root type', mutate('xsi:type="TaskPaneApp"', 'xsi:type="MailApp"'), 'root'],
  ['a non-GUID Id', mutate(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), 'id'],
  ['a GUID with a missing digit', mutate(/<Id>([0-9a-f-]*)[0-9a-f]<\/Id>/i, '<Id>$1</Id>'), 'id'],
  ['a three-part Version', mutate('<Version>1.0.0.0</Version>', '<Version>1.0.0</Version>'), 'version'],
  ['DefaultLocale en-US', mutate('<DefaultLocale>vi-VN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'), 'locale'],
  ['no en-US DisplayName override', mutate('<Override Locale="en-US" Value="PAR Index"/>', ''), 'names'],
  ['Host Document instead of Workbook', mutate('<Host Name="Workbook"/>', '<Host Name="Document"/>'), 'hosts'],
  ['ExcelApi 1.7', mutate('MinVersion="1.8"', 'MinVersion="1.7"'), 'requirements'],
  ['Permissions ReadDocument', mutate('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'), 'permissions'],
  ['Permissions before Hosts', (xml) => xml.replace(/\s*<Permissions>ReadWriteDocument<\/Permissions>/, '').replace('<Hosts>', '<Permissions>ReadWriteDocument</Permissions>\n  <Hosts>'), 'order'],
  ['an unknown top-level element', mutate('<Permissions>', '<Foo/><Permissions>'), 'order'],
  ['a plain-http icon', mutate('DefaultValue="https://localhost:3000/assets/icon-32.png"', 'DefaultValue="http://localhost:3000/assets/icon-32.png"'), 'urls'],
  ['a SupportUrl on another site', mutate('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>', '<SupportUrl DefaultValue="https://example.com/help"/>'), 'urls'],
  ['a relative SourceLocation', mutate('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="taskpane.html"/>'), 'urls'],
  ['a CDN URL in an Override', mutate('<Override Locale="en-US" Value="PAR Index"/>', '<Override Locale="en-US" Value="https://appsforoffice.microsoft.com/x"/>'), 'urls'],
  ['an icon file that does not exist', mutate('assets/icon-80.png', 'assets/icon-81.png'), 'icons'],
  ['a 32 px file used as the 16 px image', mutate('<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>'), 'icons'],
  ['a 64 px IconUrl', mutate('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>'), 'icons'],
  ['an undefined resid', mutate('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'), 'resids'],
  ['a Label pointing at a LongString', mutate('<Label resid="ParIndex.Group.Label"/>', '<Label resid="GetStarted.Description"/>'), 'resids'],
  ['a ribbon string without an en-US override', mutate('<bt:Override Locale="en-US" Value="Score PAR Index"/>', ''), 'strings'],
  ['no en-GB override of the button label', mutate('<bt:Override Locale="en-GB" Value="Score PAR Index"/>', ''), 'english'],
  ['an en-IN description that differs from en-US', mutate(/<Override Locale="en-IN" Value="[^"]*"\/>/, '<Override Locale="en-IN" Value="Chấm điểm"/>'), 'english'],
  ['a ShortString over 125 characters', mutate('DefaultValue="Chấm điểm CCHC"', `DefaultValue="Chấm điểm CCHC${'!'.repeat(120)}"`), 'strings'],
  ['the group on the Data tab', mutate('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'), 'ribbon'],
  ['an ExecuteFunction button', mutate('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">'), 'ribbon'],
];

describe('the manifest checker rejects', () => {
  it.each(MUTATIONS)('%s', (_name, change, rule) => {
    const broken = change(MANIFEST);
    expect(broken).not.toEqual(MANIFEST); // the mutation really applied
    const rules = checkManifest(broken).map((p) => p.rule);
    expect(rules).toContain(rule);
  });

  it('a 17 px PNG named icon-16.png', () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-icons-'));
    for (const size of [32, 64, 80]) copyFileSync(join(ASSETS, `icon-${size}.png`), join(dir, `icon-${size}.png`));
    const png = Buffer.from(readFileSync(join(ASSETS, 'icon-16.png')));
    png.writeUInt32BE(17, 16);
    png.writeUInt32BE(17, 20);
    writeFileSync(join(dir, 'icon-16.png'), png);
    try {
      expect(checkManifest(MANIFEST, dir).map((p) => p.message).join('\n')).toMatch(/icon-16\.png is 17x17, expected 16x16/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
