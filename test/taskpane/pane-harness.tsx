/**
 * The pane as Excel would run it, in jsdom: the real Office.js port over the recording test
 * double of the Excel API (installed as the `Excel` and `Office` globals), so components go
 * through the same code path as in Excel.
 */
import { TextEncoder as NodeTextEncoder } from 'util';
import { act, render, screen, waitFor } from '@testing-library/react';
import { findBundledSet } from '../../src/criteria';
import type { Assessment, CriteriaSet } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { renderIntoWorkbook } from '../../src/workbook/office/render';
import { App } from '../../src/taskpane/App';
import { vi, type Strings } from '../../src/taskpane/strings';
import { createExcelDouble, type ExcelDouble, type ExcelDoubleOptions } from '../doubles/excel-recording-double';
import { officePortOn } from '../doubles/office-port-on-double';

// jsdom lacks TextEncoder, which every browser pane has (the renderer measures its batch with it).
globalThis.TextEncoder ??= NodeTextEncoder as typeof globalThis.TextEncoder;
// jsdom has no layout: Fluent's MessageBar observes its size to reflow; nothing to observe here.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

export const minhHoa: CriteriaSet = findBundledSet('minh-hoa-3-cap')!;
export const DEBOUNCE_MS = 20;

export interface Pane {
  double: ExcelDouble;
  restore(): void;
}

let current: Pane | null = null;

afterEach(() => {
  current?.restore();
  current = null;
});

export function installDouble(options: ExcelDoubleOptions = {}): Pane {
  const double = createExcelDouble(options);
  current = { double, restore: double.install() };
  return current;
}

/** A workbook that already holds the scoring sheets for `set`, with these values typed. */
export async function seedScoringWorkbook(double: ExcelDouble, values: Assessment = { entries: {} }, set: CriteriaSet = minhHoa): Promise<void> {
  await renderIntoWorkbook(double.context, buildWorkbook(set, { unit: 'Sở Xây dựng', year: 2025, values }), { isSetSupported: () => true });
}

export async function renderPane(pane: Pane, strings: Strings = vi) {
  const { double } = pane;
  const port = officePortOn(double, DEBOUNCE_MS);
  const utils = render(<App strings={strings} host={null} port={port} />);
  expect(screen.getByTestId('start-view')).toBeTruthy();
  await waitFor(() => expect(screen.queryByTestId('start-loading')).toBeNull(), { timeout: 5000 });
  await settle();
  return utils;
}

/** Lets pending reads, writes and debounced change events finish. */
export async function settle(ms = DEBOUNCE_MS * 3): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}
