/** Start: creating the scoring sheet, the live index, and Excel's refusals as messages. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { bandText, computeResult, formatRate } from '../../src/domain';
import { findBundledSet } from '../../src/criteria';
import { COL, SCORING_COLUMNS, SHEETS } from '../../src/workbook/layout';
import { hiddenScoringColumns, PRINT_VIEW, PRINT_VIEWS } from '../../src/workbook/print-views';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { installDouble, minhHoa, renderPane, seedScoringWorkbook, settle } from './pane-harness';

test('an empty workbook: pick a set, unit and year, create the scoring sheet, see the index follow typed scores', async () => {
  const pane = installDouble();
  await renderPane(pane);
  const select = screen.getByTestId('set-select') as HTMLSelectElement;
  expect([...select.options].map((o) => o.value)).toEqual(['lai-chau-so-2025', 'minh-hoa-3-cap']);
  fireEvent.change(select, { target: { value: 'minh-hoa-3-cap' } });
  expect((screen.getByTestId('year-input') as HTMLInputElement).value).toBe(String(minhHoa.year));

  fireEvent.click(screen.getByTestId('create-sheet'));
  expect(screen.getByText('Hãy nhập tên đơn vị.')).toBeTruthy();
  expect(pane.double.sheetNames()).toEqual(['Sheet1']);

  fireEvent.change(screen.getByTestId('unit-input'), { target: { value: 'Sở Tư pháp' } });
  fireEvent.change(screen.getByTestId('year-input'), { target: { value: '2026' } });
  fireEvent.click(screen.getByTestId('create-sheet'));
  await waitFor(() => expect(screen.getByTestId('index-value').textContent).toBe('Chưa chấm'), { timeout: 8000 });
  expect(pane.double.sheetNames()).toEqual(['Sheet1', SHEETS.scoring, SHEETS.summary, SHEETS.meta]);
  expect(screen.getByTestId('pane-message').textContent).toContain(`Đã tạo "${SHEETS.scoring}"`);
  expect(screen.getByTestId('start-view').textContent).toContain('Sở Tư pháp');
  expect(screen.getByTestId('start-view').textContent).toContain('2026');

  // The officer types two scores; the pane follows without a click.
  await settle();
  const layout = scoringLayout(minhHoa);
  const leaves = minhHoa.leaves.filter((l) => l.scoredBy === 'self' && l.method === 'free').slice(0, 2);
  for (const leaf of leaves) await pane.double.type(SHEETS.scoring, `E${layout.rowOf.get(leaf.code)}`, String(leaf.maxScore));
  const typed = { entries: Object.fromEntries(leaves.map((l) => [l.code, { selfScore: l.maxScore }])) };
  // The final result, as every surface shows it: the published index and its band, tạm tính.
  const expected = computeResult(minhHoa, typed).final;
  await waitFor(() => expect(screen.getByTestId('index-value').textContent).toBe(formatRate(expected.publishedIndex)));
  expect(screen.getByTestId('band-value').textContent).toBe(bandText(expected));
  expect(screen.getByTestId('band-value').textContent).toContain('(tạm tính)');
});

test('a workbook with a sheet of the same name: SheetExistsError as a Vietnamese message, nothing written', async () => {
  const pane = installDouble({ sheets: [{ name: 'Sheet1' }, { name: SHEETS.summary, cells: { A1: 'của tôi' } }] });
  await renderPane(pane);
  fireEvent.change(screen.getByTestId('unit-input'), { target: { value: 'Sở A' } });
  fireEvent.click(screen.getByTestId('create-sheet'));
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain(`Workbook đã có trang tính "${SHEETS.summary}"`));
  expect(screen.getByTestId('pane-message').getAttribute('role')).toBe('alert');
  expect(pane.double.sheetNames()).toEqual(['Sheet1', SHEETS.summary]);
});

test('Excel in cell-edit mode: the pane says to finish the entry, and works once it is finished', async () => {
  const pane = installDouble();
  await renderPane(pane);
  fireEvent.change(screen.getByTestId('unit-input'), { target: { value: 'Sở A' } });
  pane.double.setCellEditMode(true);
  fireEvent.click(screen.getByTestId('create-sheet'));
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toBe('Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc nhập rồi thử lại.Đóng'));
  pane.double.setCellEditMode(false);
  fireEvent.click(screen.getByTestId('create-sheet'));
  await waitFor(() => expect(screen.queryByTestId('index-value')).toBeTruthy());
});

test('below ExcelApi 1.8 the sheet cannot be made: the pane says which Excel is needed', async () => {
  const pane = installDouble({ apiVersion: '1.7' });
  await renderPane(pane);
  fireEvent.change(screen.getByTestId('unit-input'), { target: { value: 'Sở A' } });
  fireEvent.click(screen.getByTestId('create-sheet'));
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain('chưa hỗ trợ ExcelApi 1.8'));
});

test('an existing scoring sheet: set, unit, year; another set offers an update, which keeps what was typed', async () => {
  const pane = installDouble();
  await seedScoringWorkbook(pane.double);
  await renderPane(pane);
  const start = screen.getByTestId('start-view');
  expect(start.textContent).toContain(minhHoa.title);
  expect(start.textContent).toContain('Sở Xây dựng');
  expect(screen.getByTestId('index-value').textContent).toBe('Chưa chấm');
  const upgrade = screen.getByTestId('upgrade-sheet') as HTMLButtonElement;
  expect(upgrade.disabled).toBe(true);
  fireEvent.change(within(start).getByTestId('set-select'), { target: { value: 'lai-chau-so-2025' } });
  expect(upgrade.disabled).toBe(false);
  fireEvent.click(upgrade);
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain('Đã cập nhật'));
  expect(pane.double.sheetNames()).toEqual(['Sheet1', SHEETS.scoring, SHEETS.summary, SHEETS.meta]);
  await waitFor(() => expect(screen.getByTestId('start-view').textContent).toContain(findBundledSet('lai-chau-so-2025')!.title));
});

test('"Biểu in" offers the three forms by their names and switches the columns and the sheet that prints', async () => {
  const pane = installDouble();
  await seedScoringWorkbook(pane.double);
  await renderPane(pane);
  const select = () => screen.getByTestId('print-view') as HTMLSelectElement;
  expect([...select().options].map((o) => o.textContent)).toEqual(PRINT_VIEWS.map((v) => PRINT_VIEW[v].label));
  expect(select().value).toBe('tu-danh-gia');
  const hidden = () => SCORING_COLUMNS.map((_, i) => i + 1).filter((col) => pane.double.sheet(SHEETS.scoring).columns.get(col)?.hidden === true);
  for (const view of ['ke-hoach', 'tham-dinh', 'tu-danh-gia'] as const) {
    fireEvent.change(select(), { target: { value: view } });
    await waitFor(() => expect(select().value).toBe(view));
    expect(hidden()).toEqual(hiddenScoringColumns(view));
    expect(pane.double.state().activeSheet).toBe(PRINT_VIEW[view].sheet);
    expect(screen.getByTestId('pane-message').textContent).toContain(PRINT_VIEW[view].label);
  }
  // A column shown by hand is none of the forms; the choice says so until a form is picked again.
  pane.double.sheet(SHEETS.scoring).columns.set(COL.gapToMax, { hidden: false });
  await pane.double.type(SHEETS.scoring, `E${scoringLayout(minhHoa).rowOf.get(minhHoa.leaves[0].code)}`, '0');
  await waitFor(() => expect(select().value).toBe(''));
  expect(select().options[0].textContent).toBe('Cột đã được ẩn, hiện bằng tay');
});
