/**
 * What every flow ends on: the pane tried no other origin — neither past the harness's guard
 * (aborted and recorded) nor against its own CSP (refused and reported) — and threw nothing.
 */
import type { PaneSession } from './pane-session';

export async function expectOfflineAndClean(pane: PaneSession): Promise<void> {
  expect(pane.blocked).toEqual([]);
  expect(await pane.cspViolations()).toEqual([]);
  expect(pane.consoleErrors.filter((m) => /Content Security Policy|net::ERR_/i.test(m))).toEqual([]);
  expect(pane.pageErrors).toEqual([]);
}
