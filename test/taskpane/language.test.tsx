/** The language switch: every label and message in English, numbers formatted for it; and back. */
import { fireEvent, screen } from '@testing-library/react';
import { en, vi } from '../../src/taskpane/strings';
import { installDouble, minhHoa, renderPane, seedScoringWorkbook } from './pane-harness';

test('VI → EN → VI: tabs, views and plan numbers follow', async () => {
  const pane = installDouble();
  const field = minhHoa.items.find((f) => !Number.isInteger(f.maxScore)) ?? minhHoa.items[0];
  await seedScoringWorkbook(pane.double, { entries: { [field.code]: { target: 2.5 } } });
  await renderPane(pane);
  expect(screen.getByTestId('tab-officer').textContent).toContain(vi.tabs.officer);
  fireEvent.click(screen.getByTestId('tab-planner'));
  const target = () => (screen.getByTestId(`target-input-${field.code}`) as HTMLInputElement).value;
  expect(target()).toBe('2,5');

  fireEvent.click(screen.getByTestId('lang-switch'));
  expect(screen.getByTestId('tab-officer').textContent).toContain(en.tabs.officer);
  expect(screen.getByTestId('planner-view').textContent).toContain(en.planner.planHeading);
  expect(target()).toBe('2.5');
  expect(screen.getByTestId('lang-switch').textContent).toBe('Tiếng Việt');
  expect(screen.getByTestId('index-value').textContent).toBe(en.start.notScored);

  fireEvent.click(screen.getByTestId('lang-switch'));
  expect(screen.getByTestId('tab-planner').textContent).toContain(vi.tabs.planner);
  expect(target()).toBe('2,5');
});

test('every Vietnamese string has an English one of the same shape', () => {
  const shape = (x: unknown): unknown =>
    typeof x === 'function' ? `fn${x.length}` : Array.isArray(x) ? x.length : typeof x === 'object' && x ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, shape(v)])) : typeof x;
  expect(shape(en)).toEqual(shape(vi));
});
