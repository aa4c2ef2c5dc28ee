/**
 * Language switch, end to end: Vietnamese first, English on request and back, every visible
 * string from the locale tables, nothing the user typed lost — and the pane's CSP still unbroken.
 */
import { en, vi } from '../../src/taskpane/strings';
import { expectOfflineAndClean } from './harness/expect-clean';
import { openPane, type PaneSession } from './harness/pane-session';
import { byTestId } from './harness/scoring-sheet';

describe('language switch in Chromium', () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane({ ready: byTestId('create-sheet') });
  });
  afterAll(async () => {
    await pane?.close();
  });

  const texts = async () => ({
    switch: await pane.page.textContent(byTestId('lang-switch')),
    create: await pane.page.textContent(byTestId('create-sheet')),
    tabs: await Promise.all((['officer', 'planner', 'appraiser', 'import'] as const).map((t) => pane.page.innerText(byTestId(`tab-${t}`)))),
  });
  const expected = (s: typeof vi | typeof en) => ({ switch: s.switchLanguage, create: s.start.create, tabs: [s.tabs.officer, s.tabs.planner, s.tabs.appraiser, s.tabs.import] });

  it('starts in Vietnamese, switches to English and back, keeping what the user typed', async () => {
    expect(await texts()).toEqual(expected(vi));
    await pane.page.fill(byTestId('unit-input'), 'Sở Nội vụ');

    await pane.page.click(byTestId('lang-switch'));
    await pane.page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent === want, [byTestId('create-sheet'), en.start.create] as const);
    expect(await texts()).toEqual(expected(en));
    expect(await pane.page.inputValue(byTestId('unit-input'))).toBe('Sở Nội vụ');
    await pane.screenshot('09-start-english');

    await pane.page.click(byTestId('lang-switch'));
    await pane.page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent === want, [byTestId('create-sheet'), vi.start.create] as const);
    expect(await texts()).toEqual(expected(vi));
    expect(await pane.page.inputValue(byTestId('unit-input'))).toBe('Sở Nội vụ');
  });

  it('renders the import view in the pane', async () => {
    await pane.page.click(byTestId('tab-import'));
    await pane.page.waitForSelector(byTestId('import-from-selection'), { state: 'visible' });
    await pane.screenshot('10-import');
  });

  it('caused no Content-Security-Policy violation and loaded nothing from another origin', async () => {
    await expectOfflineAndClean(pane);
  });
});
