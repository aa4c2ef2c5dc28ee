/**
 * Planner (Mục tiêu), end to end: with some of last year's scores in the sheet, set the overall
 * goal 78,3%, preview the proposal, accept it — the field targets land in Tổng hợp, equal to
 * the scoring core's proposeSetTargets for the same inputs and adding up to the goal exactly.
 */
import { findBundledSet } from '../../src/criteria';
import { computeTotals, formatPoints, formatRate, proposeSetTargets, toMilli, type Assessment } from '../../src/domain';
import { SHEETS, SUMMARY, SUMMARY_COL } from '../../src/workbook/layout';
import { expectOfflineAndClean } from './harness/expect-clean';
import { openPane, type PaneSession } from './harness/pane-session';
import { byTestId, createScoringSheet, SCORING_SHEET, scoringRows } from './harness/scoring-sheet';
import { typeInCell, usedCells } from './harness/workbook';

const TARGET_COL = String.fromCharCode(64 + SUMMARY_COL.target);

describe('planner flow in Chromium', () => {
  let pane: PaneSession;
  const lastYear: Assessment = { entries: {} };
  beforeAll(async () => {
    pane = await openPane({ ready: byTestId('start-view') });
    await createScoringSheet(pane.page, { set: 'minh-hoa-3-cap', unit: 'UBND phường Ba Đình', year: '2025' });
    // Last year's scores as the sheet holds them: full marks on one row, half on two others.
    const leaves = (await scoringRows(pane.page)).filter((r) => r.flags.startsWith('LS') && r.maxScore > 0);
    const picked = [leaves[0], leaves[Math.floor(leaves.length / 2)], leaves[leaves.length - 1]];
    for (const [i, leaf] of picked.entries()) {
      const score = i === 0 ? leaf.maxScore : toMilli(leaf.maxScore / 2) / 1000;
      await typeInCell(pane.page, SCORING_SHEET, `E${leaf.row}`, String(score));
      lastYear.entries[leaf.code] = { selfScore: score };
    }
    // The pane has read them (onChanged) once Start's live index shows what they give.
    const index = formatRate(computeTotals(findBundledSet('minh-hoa-3-cap')!, lastYear, 'self').index);
    await pane.page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent === want, [byTestId('index-value'), index] as const);
  });
  afterAll(async () => {
    await pane?.close();
  });

  it('proposes targets for the goal 78,3 and writes them to the field targets of Tổng hợp', async () => {
    const set = findBundledSet('minh-hoa-3-cap')!;
    const expected = proposeSetTargets(set, lastYear, { rate: 0.783 }, { depth: 1 });
    if (!expected.ok) throw new Error(expected.message);
    const fields = set.items.map((f) => f.code);

    await pane.page.click(byTestId('tab-planner'));
    await pane.page.waitForSelector(byTestId('plan-table'), { state: 'visible' });
    await pane.screenshot('04-planner');
    await pane.page.fill(byTestId('goal-input'), '78,3');
    await pane.page.click(byTestId('propose-targets'));
    await pane.page.waitForSelector(`${byTestId('proposal-preview')} ${byTestId('accept-proposal')}`, { state: 'visible' });
    // The preview shows each field's proposed target, vi-VN.
    for (const code of fields) {
      const shown = await pane.page.textContent(`${byTestId('proposal-preview')} tr[data-code="${code}"] td:last-child`);
      expect(shown).toBe(formatPoints(expected.targets[code]));
    }
    await pane.screenshot('05-planner-proposal');

    await pane.page.click(byTestId('accept-proposal'));
    await pane.page.waitForSelector(byTestId('proposal-preview'), { state: 'detached' });
    const summary = await usedCells(pane.page, SHEETS.summary);
    const written: Record<string, unknown> = {};
    for (let row = SUMMARY.firstField; summary[`A${row}`] !== undefined; row++) {
      if (fields.includes(String(summary[`A${row}`]))) written[String(summary[`A${row}`])] = summary[`${TARGET_COL}${row}`];
    }
    expect(written).toEqual(Object.fromEntries(fields.map((code) => [code, expected.targets[code]])));
    const sumMilli = Object.values(written).reduce<number>((s, v) => s + toMilli(v as number), 0);
    expect(sumMilli).toBe(toMilli(78.3));

    // The plan table shows the written targets, vi-VN.
    await pane.page.waitForFunction(
      ([sel, want]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === want,
      [`${byTestId(`target-input-${fields[0]}`)}`, formatPoints(expected.targets[fields[0]])] as const,
    );
    await pane.screenshot('06-planner-accepted');
    await expectOfflineAndClean(pane);
  });
});
