/** Tự đánh giá: progress, the check grouped by field with errors first, cells selected on click, re-checked on edits. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SHEETS } from '../../src/workbook/layout';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { progressOf } from '../../src/taskpane/hooks/useProgress';
import { installDouble, minhHoa, renderPane, seedScoringWorkbook, settle } from './pane-harness';

const layout = scoringLayout(minhHoa);
const free = minhHoa.leaves.filter((l) => l.scoredBy === 'self' && l.method !== 'options' && l.evidenceRequired && !l.allowNotApplicable);
const [over, scoredNoEvidence, later] = [free[0], free[1], free[free.length - 1]];

test('progress, then Kiểm tra: the over-max score first in its field, with its cell; a click selects it', async () => {
  const pane = installDouble();
  await seedScoringWorkbook(pane.double, {
    entries: {
      [over.code]: { selfScore: over.maxScore + 1, evidence: 'QĐ 12' },
      [scoredNoEvidence.code]: { selfScore: scoredNoEvidence.maxScore },
    },
  });
  await renderPane(pane);
  fireEvent.click(screen.getByTestId('tab-officer'));
  const selfLeaves = minhHoa.leaves.filter((l) => l.scoredBy === 'self').length;
  expect(screen.getByTestId('progress').textContent).toContain(`Đã chấm 2/${selfLeaves} tiêu chí`);
  expect(screen.getByTestId('progress').textContent).toContain('Có tài liệu kiểm chứng 1/2');
  expect(screen.queryByTestId('problem-list')).toBeNull();

  fireEvent.click(screen.getByTestId('run-check'));
  await settle();
  const items = screen.getAllByTestId('problem-item');
  const first = items[0];
  expect(first.getAttribute('data-code')).toBe('score-above-max');
  expect(first.getAttribute('data-cell')).toBe(`${SHEETS.scoring}!E${layout.rowOf.get(over.code)}`);
  const fieldCode = over.code.split('.')[0];
  const group = first.closest('section')!;
  expect(group.getAttribute('data-field')).toBe(fieldCode);
  expect(within(group as HTMLElement).getByRole('heading').textContent).toBe(`${fieldCode}. ${minhHoa.byCode.get(fieldCode)!.name}`);
  // The row scored without evidence is flagged at its evidence or explanation cell.
  const row = layout.rowOf.get(scoredNoEvidence.code);
  expect(items.filter((i) => /^(evidence|explanation)-missing$/.test(i.getAttribute('data-code')!)).map((i) => i.getAttribute('data-cell'))).toEqual([
    expect.stringMatching(new RegExp(`^${SHEETS.scoring}![GH]${row}$`)),
  ]);
  // Errors come before warnings in every group.
  for (const g of screen.getByTestId('problem-list').querySelectorAll('section[data-field]')) {
    const severities = [...g.querySelectorAll('[data-testid="problem-item"] .fui-Badge')].map((b) => b.textContent);
    expect(severities).toEqual([...severities].sort((a, b) => ['Lỗi', 'Cảnh báo', 'Ghi chú'].indexOf(a!) - ['Lỗi', 'Cảnh báo', 'Ghi chú'].indexOf(b!)));
  }

  fireEvent.click(first);
  await waitFor(() => expect(pane.double.state().selection).toBe(`'${SHEETS.scoring}'!E${layout.rowOf.get(over.code)}`));
  expect(pane.double.state().activeSheet).toBe(SHEETS.scoring);
});

test('typing in the sheet re-checks on its own: a new over-max score appears, a fixed one goes', async () => {
  const pane = installDouble();
  await seedScoringWorkbook(pane.double, { entries: { [over.code]: { selfScore: over.maxScore + 1, evidence: 'QĐ 12' } } });
  await renderPane(pane);
  fireEvent.click(screen.getByTestId('run-check'));
  await settle();
  const cells = () => screen.getAllByTestId('problem-item').filter((i) => i.getAttribute('data-code') === 'score-above-max').map((i) => i.getAttribute('data-cell'));
  expect(cells()).toEqual([`${SHEETS.scoring}!E${layout.rowOf.get(over.code)}`]);

  await pane.double.type(SHEETS.scoring, `E${layout.rowOf.get(later.code)}`, String(later.maxScore + 0.5));
  await pane.double.type(SHEETS.scoring, `E${layout.rowOf.get(over.code)}`, String(over.maxScore));
  await waitFor(() => expect(cells()).toEqual([`${SHEETS.scoring}!E${layout.rowOf.get(later.code)}`]));
  expect(screen.getByTestId('officer-view').textContent).toContain('Tự kiểm tra lại khi bạn sửa ô');
});

test('progress counts follow the domain: not-assessed rows, evidence only where a score above zero needs it', () => {
  const na = minhHoa.leaves.find((l) => l.allowNotApplicable && l.scoredBy === 'self')!;
  const read = {
    set: minhHoa,
    assessment: { entries: { [na.code]: { notApplicable: true }, [over.code]: { selfScore: 0 }, [later.code]: { selfScore: '1,5', evidence: ' ' } } },
  } as unknown as Parameters<typeof progressOf>[0];
  const p = progressOf(read);
  expect(p).toEqual({
    leaves: minhHoa.leaves.filter((l) => l.scoredBy === 'self').length,
    scored: 3,
    needEvidence: later.evidenceRequired ? 1 : 0,
    withEvidence: 0,
    notApplicable: 1,
  });
});
