/**
 * The insert's requests as Excel on the web receives them: the renderer runs on Microsoft's own
 * Office.js (excel-web-16.00.js in jsdom, test/helpers/office-serializer.ts), every request body
 * is weighed, and each must stay under 4 MiB (the host refuses 5 MB). The number of requests may
 * grow with the set, but not below ~600 rows, where the insert stays at three syncs.
 */
import { createSerializingExcel, renderOnOfficeJs } from '../helpers/office-serializer';

const LIMIT = 4 * 1024 * 1024;

/** fields × criteria × sub-criteria → 125, 568 and 1 500 criterion rows. */
const SETS: Array<[number, number, number, number]> = [
  [125, 5, 4, 5],
  [568, 8, 7, 9],
  [1500, 15, 11, 8],
];

describe.each(SETS)('inserting %i criterion rows through Microsoft\'s serializer', (rows, fields, criteria, subs) => {
  let run: Awaited<ReturnType<typeof renderOnOfficeJs>>;
  beforeAll(async () => {
    run = await renderOnOfficeJs(fields, criteria, subs);
  }, 120_000);

  it('has that many rows', () => expect(run.rows).toBe(rows));

  it('sends no request over 4 MiB', () => {
    const sizes = run.excel.requests.map((r) => r.bytes);
    expect(sizes.filter((b) => b > LIMIT)).toEqual([]);
  });

  it('estimates every write request at or above its real size', () => {
    const writes = run.excel.requests.slice(1, 1 + run.report.requestEstimates.length);
    expect(writes.length).toBe(run.report.requestEstimates.length);
    writes.forEach((request, i) => expect(run.report.requestEstimates[i]).toBeGreaterThanOrEqual(request.bytes));
  });

  it(rows <= 600 ? 'takes three syncs' : 'takes more syncs only because it is larger', () => {
    expect(run.excel.requests).toHaveLength(run.report.syncs);
    if (rows <= 600) expect(run.report.syncs).toBe(3);
    else expect(run.report.syncs).toBeGreaterThan(3);
  });
});

describe('Microsoft\'s serializer (the measuring tool itself)', () => {
  it('weighs what is queued: more cells, more bytes', async () => {
    const excel = createSerializingExcel();
    const ws = excel.context.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:A2').values = [[1], [2]];
    await excel.context.sync();
    ws.getRange('A1:A200').values = Array.from({ length: 200 }, (_, i) => [`giá trị ${i}`]);
    await excel.context.sync();
    expect(excel.requests).toHaveLength(2);
    expect(excel.requests[1].bytes).toBeGreaterThan(excel.requests[0].bytes + 200 * 10);
    expect(JSON.stringify(excel.requests[1].message)).toContain('giá trị 199');
  });
});
