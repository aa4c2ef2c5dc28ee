/**
 * Thẩm định › Tổng hợp nhiều tệp: three picked files (two units' filled workbooks, one
 * corrupt) get their verdicts in the pane, then the consolidation goes into the open
 * workbook beside its own sheets, units ranked by index.
 */
import { TextDecoder as NodeTextDecoder } from 'util';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { formatRate } from '../../src/domain';
import { consolidate, CONSOLIDATION_SHEETS } from '../../src/workbook/consolidation';
import { checkPickedFiles } from '../../src/workbook/check-files';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { SHEETS } from '../../src/workbook/layout';
import { en } from '../../src/taskpane/strings';
import { renderFilled, typedAssessment } from '../helpers/filled-workbook';
import { installDouble, minhHoa, renderPane, seedScoringWorkbook, settle } from './pane-harness';

// jsdom lacks TextDecoder, which every browser pane has (the zip directory's names are UTF-8).
globalThis.TextDecoder ??= NodeTextDecoder as typeof globalThis.TextDecoder;

/** Fewer points than typedAssessment() and no errors (a file with errors is listed but not ranked). */
function lessAssessment() {
  const less = typedAssessment();
  for (const [code, e] of Object.entries(less.entries)) {
    if (typeof e.selfScore !== 'number') continue;
    const node = minhHoa.byCode.get(code)!;
    e.selfScore = node.method === 'options' ? Math.min(...node.options.map((o) => o.points)) : Math.round(e.selfScore * 400) / 1000;
  }
  return less;
}

async function submissions(): Promise<File[]> {
  const less = lessAssessment();
  const full = await renderFilled(typedAssessment(), minhHoa, 'Sở Tài chính');
  const corrupt = full.subarray(0, Math.floor(full.length / 2));
  return [
    new File([new Uint8Array(await renderFilled(less, minhHoa, 'Sở Y tế'))], 'so-y-te.xlsx'),
    new File([new Uint8Array(corrupt)], 'hong.xlsx'),
    new File([new Uint8Array(full)], 'so-tai-chinh.xlsx'),
  ];
}

async function appraiserWithFiles(strings?: typeof en) {
  const pane = installDouble();
  await seedScoringWorkbook(pane.double);
  await renderPane(pane, strings);
  fireEvent.click(screen.getByTestId('tab-appraiser'));
  const input = screen.getByTestId('consolidate-files') as HTMLInputElement;
  expect(input.multiple).toBe(true);
  expect(input.accept).toContain('.xlsx');
  expect((screen.getByTestId('consolidate-insert') as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(input, { target: { files: await submissions() } });
  await waitFor(() => expect(screen.getAllByTestId('consolidate-item').every((i) => i.hasAttribute('data-readable'))).toBe(true), { timeout: 20_000 });
  return pane;
}

test('each picked file gets its verdict; the consolidation goes in beside the scoring sheets, ranked by index', async () => {
  const pane = await appraiserWithFiles();
  const items = screen.getAllByTestId('consolidate-item');
  expect(items.map((i) => i.getAttribute('data-readable'))).toEqual(['true', 'false', 'true']);
  expect(items[0].textContent).toContain('Sở Y tế');
  expect(items[0].textContent).toMatch(/Chỉ số \d+(,\d+)? ?%/);
  expect(items[0].textContent).toMatch(/so-y-te\.xlsx · \d+ lỗi, \d+ cảnh báo/);
  expect(items[1].textContent).toContain('hong.xlsx');
  expect(items[1].textContent).toContain('Không đọc được: tệp .xlsx bị hỏng');
  expect(items[2].textContent).toContain('Sở Tài chính');
  const indexOf = (text: string) => /Chỉ số ([\d,]+ ?%)/.exec(text)![1];
  const yTe = indexOf(items[0].textContent!);
  const taiChinh = indexOf(items[2].textContent!);
  expect(yTe).not.toBe(taiChinh);

  const before = pane.double.sheetNames();
  fireEvent.click(screen.getByTestId('consolidate-insert'));
  const summaryName = `${CONSOLIDATION_SHEETS.summary} (2)`;
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain(`Đã chèn bảng tổng hợp vào các trang "${summaryName}", "${CONSOLIDATION_SHEETS.fields}", "Sở Tài chính", "Sở Y tế"`), { timeout: 10_000 });
  expect(pane.double.sheetNames()).toEqual([...before, summaryName, CONSOLIDATION_SHEETS.fields, 'Sở Tài chính', 'Sở Y tế']);
  expect(before).toContain(SHEETS.summary);

  const summary = pane.double.sheet(summaryName);
  const header = [...summary.cells.entries()].find(([, c]) => c.value === 'Hạng')![0];
  const row = Number(header.split(',')[0]);
  const rank = (r: number) => [summary.at(r, 1).value, summary.at(r, 2).value, formatRate(summary.at(r, 9).value as number)];
  // Sở Tài chính scored more: first, whatever order the files were picked in.
  expect([rank(row + 1), rank(row + 2)]).toEqual([
    [1, 'Sở Tài chính', taiChinh],
    [2, 'Sở Y tế', yTe],
  ]);
  expect([...summary.cells.values()].some((c) => c.value === 'hong.xlsx')).toBe(true);
  expect(pane.double.state().activeSheet).toBe(summaryName);
  await settle();
  // The scoring workbook is still read as before.
  expect(screen.getByTestId('appraiser-view')).toBeTruthy();
}, 60_000);

test('in English, the unreadable reason is given in English', async () => {
  await appraiserWithFiles(en);
  const items = screen.getAllByTestId('consolidate-item');
  expect(items[1].textContent).toContain('Cannot be read: the .xlsx is corrupt');
  expect(items[0].textContent).toMatch(/\d+ errors, \d+ warnings/);
}, 60_000);

test("last year's report, picked beside the files, gives each unit its previous rank and change, and lists the units gone", async () => {
  // Last year the order was the other way round: Sở Y tế scored the most; Sở Nội vụ sent nothing this year.
  const lastYear = await checkPickedFiles([
    { name: 'so-y-te-2024.xlsx', bytes: await renderFilled(typedAssessment(), minhHoa, 'Sở Y tế') },
    { name: 'so-tai-chinh-2024.xlsx', bytes: await renderFilled(lessAssessment(), minhHoa, 'Sở Tài chính') },
    { name: 'so-noi-vu-2024.xlsx', bytes: await renderFilled(lessAssessment(), minhHoa, 'Sở Nội vụ') },
  ]);
  const report = await renderXlsx(consolidate(lastYear));
  const pane = await appraiserWithFiles();
  fireEvent.change(screen.getByTestId('consolidate-previous'), { target: { files: [new File([new Uint8Array(report)], 'tong-hop-2024.xlsx')] } });
  await waitFor(() => expect(screen.getByTestId('consolidate-previous-state').textContent).toContain('So với tong-hop-2024.xlsx: 3 đơn vị năm trước'), { timeout: 10_000 });
  fireEvent.click(screen.getByTestId('consolidate-insert'));
  const summaryName = `${CONSOLIDATION_SHEETS.summary} (2)`;
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain('Đã chèn bảng tổng hợp'), { timeout: 10_000 });
  const summary = pane.double.sheet(summaryName);
  const header = Number([...summary.cells.entries()].find(([, c]) => c.value === 'Hạng')![0].split(',')[0]);
  const col = (label: string) => Array.from({ length: 30 }, (_, i) => i + 1).find((c) => summary.at(header, c).value === label)!;
  const row = (r: number) => [summary.at(r, col('Đơn vị')).value, summary.at(r, col('Hạng')).value, summary.at(r, col('Hạng năm trước')).value, summary.at(r, col('Thay đổi')).value];
  // Sở Tài chính and Sở Nội vụ had the same points last year: both second (dense ranking).
  expect([row(header + 1), row(header + 2)]).toEqual([
    ['Sở Tài chính', 1, 2, 'tăng 1 bậc'],
    ['Sở Y tế', 2, 1, 'giảm 1 bậc'],
  ]);
  expect([...summary.cells.values()].some((c) => c.value === 'Sở Nội vụ')).toBe(true);
}, 60_000);

test('a picked file that is not a consolidation report is refused with its name, and the consolidation goes in without last year', async () => {
  await appraiserWithFiles();
  const scoring = await renderFilled(typedAssessment(), minhHoa, 'Sở Y tế');
  fireEvent.change(screen.getByTestId('consolidate-previous'), { target: { files: [new File([new Uint8Array(scoring)], 'so-y-te-2024.xlsx')] } });
  await waitFor(() => expect(screen.getByTestId('consolidate-previous-state').textContent).toContain('so-y-te-2024.xlsx không phải báo cáo tổng hợp'), { timeout: 10_000 });
  expect((screen.getByTestId('consolidate-insert') as HTMLButtonElement).disabled).toBe(false);
}, 60_000);
