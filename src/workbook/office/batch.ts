/**
 * Requests small enough for every Excel host. Excel on the web refuses a request body over
 * 5 MB (RequestPayloadSizeLimitExceeded) and the desktop hosts pass the same request through
 * their own channel, so the renderer sends what it has queued before the next piece would take
 * the request past REQUEST_BUDGET.
 *
 * The bytes are estimated from what is queued: each action and object path Office.js
 * serialises costs about OPERATION_BYTES of JSON, plus the values it carries. The constants are
 * set from Microsoft's own serializer (excel-web-16.00.js), which test/workbook/office-payload.test.ts
 * runs on sets of 125, 568 and 1 500 rows: the estimate is never below the real size there.
 */
import type { ConditionalFormatSpec, DataBarSpec, SheetSpec, ValidationSpec, WorkbookSpec } from '../spec';

export class RequestBatch {
  /** Estimated bytes one request may carry: room under 5 MB for the estimate's error and the host's envelope. */
  static readonly REQUEST_BUDGET = 3.75 * 1024 * 1024;
  /** A sheet's cells go out in bands of rows no bigger than this (only very large sheets need more than one). */
  static readonly BAND_BYTES = 1.5 * 1024 * 1024;
  /** One action or object path in Office.js's request JSON ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…}). */
  static readonly OPERATION_BYTES = 120;

  syncs = 0;
  /** Changes at every sync: objects Office.js made for one request (ranges, added sheets) are not valid in the next. */
  generation = 0;
  readonly requestEstimates: number[] = [];
  private pending = 0;
  private onNewRequest: (() => void) | null = null;

  constructor(private readonly context: Excel.RequestContext) {}

  /** Sends what is queued. */
  async sync(): Promise<void> {
    this.syncs++;
    this.generation++;
    if (this.pending > 0) this.requestEstimates.push(this.pending);
    this.pending = 0;
    await this.context.sync();
    this.onNewRequest?.();
  }

  /** Runs `queue` at the start of every later request (e.g. to suspend calculation again), and now. */
  eachRequest(queue: (() => void) | null): void {
    this.onNewRequest = queue;
    queue?.();
  }

  /** Makes room for about `bytes` more: sends the queue first when they would not fit in it. */
  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > RequestBatch.REQUEST_BUDGET) await this.sync();
  }

  add(bytes: number): void {
    this.pending += bytes;
  }

  /** UTF-8 bytes of the value's JSON (counted here: TextEncoder is missing from some test pages). */
  static jsonBytes(value: unknown): number {
    const text = JSON.stringify(value) ?? '';
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff) {
        bytes += 4; // a surrogate pair: one 4-byte character
        i++;
      } else bytes += 3;
    }
    return bytes;
  }

  /** Style rectangles: a range, its format/fill/font/borders objects, and one assignment per property. */
  static formatBytes(styled: { runs: number; calls: number }): number {
    return (styled.runs * 3 + styled.calls * 2) * RequestBatch.OPERATION_BYTES;
  }

  /** Column widths, row heights, hidden rows and columns, merges. */
  static rowBytes(sheet: SheetSpec): number {
    const rows = sheet.rows.filter((r) => r.height !== undefined || r.hidden).length;
    return (sheet.columns.length * 2 + rows * 2 + sheet.merges.length) * 3 * RequestBatch.OPERATION_BYTES;
  }

  /** A range, its dataValidation object and four assignments (rule, ignoreBlanks, prompt, errorAlert). */
  static validationBytes(v: ValidationSpec, range: string): number {
    return 8 * RequestBatch.OPERATION_BYTES + RequestBatch.jsonBytes(v) + range.length;
  }

  /** A rule and its format objects; data bars (DataBarSpec) are counted the same way. */
  static conditionalFormatBytes(cf: ConditionalFormatSpec | DataBarSpec): number {
    return 14 * RequestBatch.OPERATION_BYTES + RequestBatch.jsonBytes(cf);
  }

  /** Outline groups, freeze panes, print setup, charts, names, visibility and protection. */
  static finishingBytes(spec: WorkbookSpec): number {
    let operations = spec.names.length * 2;
    for (const sheet of spec.sheets) {
      operations += 40 + sheet.charts.length * 40;
      operations += sheet.rows.filter((r) => (r.outlineLevel ?? 0) > 0).length * 2;
    }
    return operations * RequestBatch.OPERATION_BYTES + RequestBatch.jsonBytes(spec.names);
  }
}
