/** Nhập bộ tiêu chí từ bảng: preview or problems with their rows, saved into the workbook (pickable in Start), downloaded as JSON. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { IMPORTED_SETS_SHEET } from '../../src/workbook/imported-sets';
import { ANNEX_ROWS, BROKEN_ANNEX_ROWS, annexCells } from './annex-fixture';
import { installDouble, renderPane } from './pane-harness';

async function importFrom(rows: (string | number | null)[][], select?: string) {
  const pane = installDouble({ sheets: [{ name: 'Phụ lục', cells: annexCells(rows) }] });
  if (select) pane.double.select('Phụ lục', select);
  await renderPane(pane);
  fireEvent.click(screen.getByTestId('tab-import'));
  fireEvent.click(screen.getByTestId('import-from-selection'));
  return pane;
}

test('the used range of the active sheet is imported and previewed: counts per level and the total maximum', async () => {
  await importFrom(ANNEX_ROWS);
  const preview = await screen.findByTestId('import-preview');
  const level = (n: number) => preview.querySelector(`tr[data-level="${n}"]`)!.textContent;
  expect([level(1), level(2)]).toEqual(['Lĩnh vực2', 'Tiêu chí3']);
  expect(screen.getByTestId('import-total').textContent).toBe('5,5');
  expect(screen.getByTestId('import-view').textContent).toContain('Từ trang "Phụ lục", vùng A1:C8');
  expect(preview.textContent).toContain('bo-tieu-chi-chi-so-cchc-cac-so-nam-2026');
  expect(preview.textContent).toContain('2026');
});

test('a parent whose children do not add up: the problem with its sheet row, nothing offered for saving', async () => {
  await importFrom(BROKEN_ANNEX_ROWS, 'A3:C8');
  const problems = await screen.findAllByTestId('import-problem');
  expect(problems.map((p) => p.getAttribute('data-row'))).toContain('4');
  expect(problems.find((p) => p.getAttribute('data-row') === '4')!.textContent).toMatch(/^Dòng 4: .*3.*2,5/);
  expect(screen.queryByTestId('import-save')).toBeNull();
});

test('saved into the workbook, the set becomes pickable in Start and makes the scoring sheet', async () => {
  const pane = await importFrom(ANNEX_ROWS);
  fireEvent.click(await screen.findByTestId('import-save'));
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain('Đã lưu "BỘ TIÊU CHÍ CHỈ SỐ CCHC CÁC SỞ NĂM 2026"'));
  expect(pane.double.sheet(IMPORTED_SETS_SHEET).visibility).toBe('VeryHidden');
  const select = (await screen.findByTestId('set-select')) as HTMLSelectElement;
  await waitFor(() => expect(select.options[0].value).toBe('bo-tieu-chi-chi-so-cchc-cac-so-nam-2026'));
  fireEvent.change(screen.getByTestId('unit-input'), { target: { value: 'Sở Nội vụ' } });
  fireEvent.click(screen.getByTestId('create-sheet'));
  await screen.findByTestId('index-value', {}, { timeout: 3000 });
  expect(screen.getByTestId('start-view').textContent).toContain('BỘ TIÊU CHÍ CHỈ SỐ CCHC CÁC SỞ NĂM 2026');
  expect(screen.getByTestId('start-view').textContent).toContain('Sở Nội vụ');
  expect(pane.double.sheetNames()).toContain('_par');
});

test('"Tải JSON" downloads the set in the criteria-set schema', async () => {
  await importFrom(ANNEX_ROWS);
  let blob: Blob | null = null;
  const created = jest.fn((b: Blob) => ((blob = b), 'blob:set'));
  const revoked = jest.fn();
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
  const clicked: string[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  fireEvent.click(await screen.findByTestId('import-download'));
  expect(clicked).toEqual(['bo-tieu-chi-chi-so-cchc-cac-so-nam-2026.json']);
  expect(revoked).toHaveBeenCalledWith('blob:set');
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob!);
  });
  const set = JSON.parse(text);
  expect(set).toMatchObject({ id: 'bo-tieu-chi-chi-so-cchc-cac-so-nam-2026', year: 2026, level: 'so', status: 'imported' });
  expect(set.items.map((i: { code: string; maxScore: number; children: unknown[] }) => [i.code, i.maxScore, i.children.length])).toEqual([
    ['1', 3, 2],
    ['2', 2.5, 1],
  ]);
});
