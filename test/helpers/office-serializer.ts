/**
 * Microsoft's own Office.js for Excel on the web (`excel-web-16.00.js` from @microsoft/office-js),
 * loaded in jsdom with its HTTP transport replaced, so a batch is serialised exactly as Excel on
 * the web receives it and each request body can be weighed against the host's payload limit.
 *
 * Nothing reaches a network: `HttpUtility.setCustomSendRequestFunc` takes every request. Loads
 * are answered from a tiny description of the workbook (sheet and name lists, the events flag);
 * everything else gets an empty success, as the host gives for writes.
 */
import { readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { renderIntoWorkbook, type RenderReport } from '../../src/workbook/office/render';
import { syntheticSet } from '../fixtures/synthetic-set';

const HOST_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.js');

export interface RecordedRequest {
  /** UTF-8 bytes of the request body as office.js sends it. */
  bytes: number;
  actions: number;
  /** The body, parsed. */
  message: { Actions: unknown[]; ObjectPaths: Record<string, unknown> };
}

export interface SerializingExcel {
  /** The `Excel` namespace of the real library (enums, RequestContext…). */
  Excel: typeof Excel;
  context: Excel.RequestContext;
  requests: RecordedRequest[];
  /** Fails the n-th request (1-based) with the host's GeneralException, as a lost connection would. */
  failRequest(n: number | null): void;
}

interface Action {
  Id: number;
  ActionType: number;
  ObjectPathId: number;
  QueryInfo?: { Select?: string[] };
}
interface ObjectPath {
  Name: string;
}

/** ActionType 2 is Query (a load). */
const QUERY = 2;

let hostSource: string | null = null;

export function createSerializingExcel(workbook: { sheets?: string[]; names?: string[] } = {}): SerializingExcel {
  hostSource ??= readFileSync(HOST_FILE, 'utf8');
  const window = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', url: 'https://excel.invalid/' }).window as unknown as {
    eval(code: string): unknown;
    Excel: typeof Excel;
    OfficeExtension: { HttpUtility: { setCustomSendRequestFunc(f: (request: { body: unknown }) => Promise<unknown>): void } };
  };
  window.eval(hostSource);
  const requests: RecordedRequest[] = [];
  let failAt: number | null = null;
  const collections: Record<string, Array<Record<string, unknown>>> = {
    Worksheets: (workbook.sheets ?? ['Sheet1']).map((name) => ({ Name: name, Visibility: 'Visible' })),
    Names: (workbook.names ?? []).map((name) => ({ Name: name, Formula: '=Sheet1!$A$1' })),
  };
  window.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request) => {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const message = JSON.parse(text) as { Actions: Action[]; ObjectPaths: Record<string, ObjectPath> };
    requests.push({ bytes: Buffer.byteLength(text, 'utf8'), actions: message.Actions.length, message });
    if (failAt === requests.length) {
      return { statusCode: 200, headers: {}, body: JSON.stringify({ Error: { Code: 'GeneralException', Message: 'GeneralException (recorded transport)', Location: '' } }) };
    }
    const results = message.Actions.filter((a) => a.ActionType === QUERY).map((a) => {
      const path = message.ObjectPaths[String(a.ObjectPathId)]?.Name ?? '';
      if (path in collections) return { ActionId: a.Id, Value: { _Items: collections[path] } };
      return { ActionId: a.Id, Value: Object.fromEntries((a.QueryInfo?.Select ?? []).map((p) => [p[0].toUpperCase() + p.slice(1), p === 'enableEvents' ? true : null])) };
    });
    return { statusCode: 200, headers: {}, body: JSON.stringify({ Results: results }) };
  });
  const context = new window.Excel.RequestContext('https://excel.invalid/');
  return {
    Excel: window.Excel,
    context,
    requests,
    failRequest: (n) => void (failAt = n),
  };
}

/** The scoring workbook of a synthetic set (fields × criteria × sub-criteria) inserted through Microsoft's Office.js. */
export async function renderOnOfficeJs(fields: number, criteria: number, subs: number): Promise<{ excel: SerializingExcel; report: RenderReport; rows: number }> {
  const set = syntheticSet(fields, criteria, subs);
  const spec = buildWorkbook(set, { unit: 'UBND xã Thử Nghiệm', year: 2025, createdAt: '2025-06-30T08:00:00.000Z' });
  const excel = createSerializingExcel();
  const global = globalThis as unknown as { Excel?: unknown };
  const before = global.Excel;
  global.Excel = excel.Excel; // the renderer reads enums from the Excel global
  try {
    const report = await renderIntoWorkbook(excel.context, spec, { isSetSupported: () => true });
    return { excel, report, rows: set.nodes.length };
  } finally {
    global.Excel = before;
  }
}
