/** Thẩm định: the columns switch, differences, rows without evidence, tamper findings, and the minutes sheet. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { COL, SHEETS } from '../../src/workbook/layout';
import { MINUTES_SHEET } from '../../src/workbook/appraisal-minutes';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { installDouble, minhHoa, renderPane, seedScoringWorkbook, settle } from './pane-harness';

const layout = scoringLayout(minhHoa);
const [a, b, c] = minhHoa.leaves.filter((l) => l.scoredBy === 'self' && l.method !== 'options' && l.evidenceRequired && !l.allowNotApplicable);

async function appraiser() {
  const pane = installDouble();
  await seedScoringWorkbook(pane.double, {
    entries: {
      [a.code]: { selfScore: a.maxScore, appraisedScore: a.maxScore / 2, appraisalNote: 'Thiếu văn bản', evidence: 'QĐ 1' },
      [b.code]: { selfScore: b.maxScore, appraisedScore: b.maxScore, evidence: 'QĐ 2' },
      [c.code]: { selfScore: c.maxScore },
    },
  });
  // A maximum raised by hand.
  pane.double.sheet(SHEETS.scoring).ensure(layout.rowOf.get(b.code)!, COL.maxScore).value = 99;
  await renderPane(pane);
  fireEvent.click(screen.getByTestId('tab-appraiser'));
  return pane;
}

test('differences, rows without evidence and findings, each pointing at its cell', async () => {
  const pane = await appraiser();
  const diffs = screen.getAllByTestId('difference-item');
  expect(diffs.map((d) => d.getAttribute('data-cell'))).toEqual([`${SHEETS.scoring}!I${layout.rowOf.get(a.code)}`]);
  expect(diffs[0].textContent).toContain('Thiếu văn bản');
  expect(screen.getAllByTestId('evidence-item').map((d) => d.getAttribute('data-cell'))).toEqual([`${SHEETS.scoring}!G${layout.rowOf.get(c.code)}`]);
  const findings = screen.getAllByTestId('finding-item');
  expect(findings.some((f) => f.getAttribute('data-code') === 'max-changed' && f.getAttribute('data-cell') === `${SHEETS.scoring}!C${layout.rowOf.get(b.code)}`)).toBe(true);
  fireEvent.click(diffs[0]);
  await waitFor(() => expect(pane.double.state().selection).toBe(`'${SHEETS.scoring}'!I${layout.rowOf.get(a.code)}`));
});

test('the switch hides and shows the appraised score and opinion columns', async () => {
  const pane = await appraiser();
  const toggle = screen.getByTestId('appraisal-mode') as HTMLInputElement;
  // A new sheet opens on the self-assessment form (print-views.ts): the appraisal columns start hidden.
  expect(toggle.checked).toBe(false);
  fireEvent.click(toggle);
  await waitFor(() => expect(pane.double.sheet(SHEETS.scoring).columns.get(COL.appraisalNote)?.hidden).toBe(false));
  await settle();
  expect((screen.getByTestId('appraisal-mode') as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByTestId('appraisal-mode'));
  await waitFor(() => expect(pane.double.sheet(SHEETS.scoring).columns.get(COL.appraisedScore)?.hidden).toBe(true));
});

test('"Tạo biên bản thẩm định" adds the printable minutes sheet and says so', async () => {
  const pane = await appraiser();
  fireEvent.click(screen.getByTestId('make-minutes'));
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain(`Đã tạo trang "${MINUTES_SHEET}"`));
  const sheet = pane.double.sheet(MINUTES_SHEET);
  expect(sheet.cell('A1').value).toBe('BIÊN BẢN THẨM ĐỊNH');
  expect(sheet.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4' });
  expect([...sheet.cells.values()].some((cell) => cell.value === `${SHEETS.scoring}!I${layout.rowOf.get(a.code)}`)).toBe(true);
  expect(pane.double.state().activeSheet).toBe(MINUTES_SHEET);
});
