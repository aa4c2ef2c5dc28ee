/**
 * npm run bench — the insert's requests as Excel on the web receives them, serialised by
 * Microsoft's own Office.js (excel-web-16.00.js in jsdom): for 125, 568 and 1 500 criterion rows,
 * the largest request (limit: the host refuses 5 MB; target ≤ 4 MiB) and the number of syncs
 * (target: 3 up to ~600 rows, more only as the set grows). Reported, never asserted here
 * (test/workbook/office-payload.test.ts asserts).
 */
import { renderOnOfficeJs } from '../helpers/office-serializer';
import { report } from './measure';

const MIB = 1024 * 1024;

export async function benchPayload(): Promise<void> {
  const extra: Record<string, string> = {};
  for (const [fields, criteria, subs] of [
    [5, 4, 5],
    [8, 7, 9],
    [15, 11, 8],
  ]) {
    const { excel, report: rendered, rows } = await renderOnOfficeJs(fields, criteria, subs);
    const sizes = excel.requests.map((r) => r.bytes);
    const largest = Math.max(...sizes);
    extra[`${rows} rows`] =
      `largest request ${(largest / MIB).toFixed(2)} MiB ${largest <= 4 * MIB ? '✓' : '✗'} ≤ 4 MiB; ` +
      `${rendered.syncs} syncs (${sizes.map((b) => (b / MIB).toFixed(2)).join(' / ')} MiB); ` +
      `estimated ${rendered.requestEstimates.map((b) => (b / MIB).toFixed(2)).join(' / ')} MiB`;
  }
  report('insert payload on Microsoft\'s serializer (Excel on the web)', [], extra);
}
