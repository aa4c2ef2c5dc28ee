/**
 * Mục tiêu › Lấy kết quả năm trước: last year's file (on a revised version of the set, where
 * 1.6 had two sub-criteria) picked in the pane; its final scores land by code in the open
 * workbook's "Điểm năm trước" column, the plan table shows them, what no longer exists is
 * listed in the pane and on "Dữ liệu cũ", and the goal's proposal then goes down to the
 * sub-criteria. A file that is not a scoring workbook is refused with its name.
 */
import { TextDecoder as NodeTextDecoder } from 'util';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { loadCriteriaSet, sumPoints, toMilli, type Assessment } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { COL, SHEETS, SUMMARY_COL } from '../../src/workbook/layout';
import { ORPHAN_SHEET } from '../../src/workbook/orphan-sheet';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { summaryRowOf } from '../../src/workbook/summary-sheet';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { revisedMinhHoa } from '../fixtures/revised-set';
import { installDouble, minhHoa, renderPane, seedScoringWorkbook } from './pane-harness';

globalThis.TextDecoder ??= NodeTextDecoder as typeof globalThis.TextDecoder;

/** Last year on the revised version: field 1 scored on three rows, nothing else. */
async function lastYearFile(): Promise<File> {
  return new File([new Uint8Array(await lastYearBytes())], 'nam-truoc.xlsx');
}

async function lastYearBytes(): Promise<Buffer> {
  const set = loadCriteriaSet(revisedMinhHoa('2.0.0', 2024));
  const values: Assessment = {
    entries: {
      '1.1.1': { selfScore: 0.5, evidence: 'KH' },
      '1.6.1': { selfScore: 1.5, evidence: 'NV' },
      '1.6.2': { selfScore: 1, evidence: 'BC', appraisedScore: 0.5 },
    },
  };
  return renderXlsx(buildWorkbook(set, { unit: 'Sở Xây dựng', year: 2024, values, createdAt: '2024-12-01T00:00:00.000Z' }));
}

async function planner() {
  const pane = installDouble();
  await seedScoringWorkbook(pane.double);
  await renderPane(pane);
  fireEvent.click(screen.getByTestId('tab-planner'));
  return pane;
}

const rowOf = scoringLayout(minhHoa).rowOf;

test('last year’s scores land by code, are shown beside the targets, and what no longer exists is listed', async () => {
  const pane = await planner();
  expect(screen.queryByTestId('previous-1')).toBeNull();
  fireEvent.change(screen.getByTestId('previous-year-file'), { target: { files: [await lastYearFile()] } });
  // 1, 1.1, 1.1.1 and 1.6 exist this year; 1.6 was last year's two sub-criteria (1,5 + 0,5).
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain('Đã ghi điểm năm trước của 4 tiêu chí từ nam-truoc.xlsx'), { timeout: 20_000 });
  const previousAt = (code: string) => pane.double.sheet(SHEETS.scoring).at(rowOf.get(code)!, COL.previousScore).value;
  expect(['1', '1.1', '1.1.1', '1.6', '1.2'].map(previousAt)).toEqual([2.5, 0.5, 0.5, 2, null]);

  const orphans = screen.getByTestId('previous-year-orphans').textContent!;
  expect(orphans).toContain('2 tiêu chí trong nam-truoc.xlsx không còn trong bộ tiêu chí này');
  expect(orphans).toContain('1.6.1 · Điểm năm trước: 1,5');
  expect(orphans).toContain('1.6.2 · Điểm năm trước: 0,5');
  expect(pane.double.sheetNames()).toContain(ORPHAN_SHEET);

  await waitFor(() => expect(screen.getByTestId('previous-1').textContent).toBe('2,5'));
  expect(screen.getByTestId('previous-2').textContent).toBe('—');

  // The goal is now shared down to the sub-criteria, rows at their maximum kept.
  fireEvent.change(screen.getByTestId('goal-input'), { target: { value: '78,3' } });
  fireEvent.click(screen.getByTestId('propose-targets'));
  fireEvent.click(screen.getByTestId('accept-proposal'));
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toMatch(/Đã ghi mục tiêu cho \d+ dòng/));
  const targetAt = (code: string) => pane.double.sheet(SHEETS.scoring).at(rowOf.get(code)!, COL.target).value;
  expect(targetAt('1.1.1')).toBe(0.5);
  expect(typeof targetAt('2.2.1')).toBe('number');
  const fieldTargets = minhHoa.items.map((f) => pane.double.sheet(SHEETS.summary).at(summaryRowOf(minhHoa, f.code), SUMMARY_COL.target).value as number);
  expect(toMilli(sumPoints(fieldTargets))).toBe(toMilli(78.3));
});

test('a file that is not a scoring workbook is refused with its name; nothing is written', async () => {
  const pane = await planner();
  const broken = new File([new Uint8Array(await lastYearBytes()).subarray(0, 2000)], 'hong.xlsx');
  fireEvent.change(screen.getByTestId('previous-year-file'), { target: { files: [broken] } });
  await waitFor(() => expect(screen.getByTestId('pane-message').textContent).toContain('Không đọc được kết quả năm trước trong hong.xlsx'), { timeout: 20_000 });
  expect(minhHoa.nodes.every((n) => pane.double.sheet(SHEETS.scoring).at(rowOf.get(n.code)!, COL.previousScore).value === null)).toBe(true);
});
