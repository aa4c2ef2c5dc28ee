/**
 * A write that fails at any point leaves the workbook as it was. The double is made to fail at
 * each step of each write in turn (as a host does when the workbook is switched or closed
 * mid-batch: what ran before stays, the rest is dropped). The steps are the first and the last
 * operation of each kind (adding a sheet, writing cells, a validation, renaming, deleting…) in
 * each sync of the write. After each, the workbook is either exactly as before — and the error says it was put
 * back — or, when the failure came after everything was written, exactly as after a clean run.
 */
import { criteriaSetToData } from '../../src/domain';
import { SHEETS } from '../../src/workbook/layout';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import type { WorkbookPort } from '../../src/workbook/port';
import type { SheetSpec } from '../../src/workbook/spec';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-recording-double';
import { syntheticSet } from '../fixtures/synthetic-set';
import { officePortOn } from '../doubles/office-port-on-double';

jest.setTimeout(300_000);

const set = syntheticSet(1, 2, 2); // 7 criterion rows: every operation of a write stays affordable
const leaf = set.leaves.find((l) => l.scoredBy === 'self' && l.method !== 'options')!;

/**
 * Everything the double keeps of a workbook, as text: Maps as entry lists, the time a sheet was
 * made masked, and a column or row "not hidden" the same whether said or never set.
 */
function snapshot(double: ExcelDouble): string {
  const sheets = double.sheetNames().map((name) => ({ name, model: double.sheet(name) }));
  const names = Object.fromEntries(Object.entries(double.names()).sort(([a], [b]) => a.localeCompare(b))); // Excel lists names sorted
  return JSON.stringify({ sheets, names, events: double.state().enableEvents }, (k, v: unknown) => (v instanceof Map ? [...v.entries()] : k === 'hidden' && v === false ? undefined : v)).replace(
    /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g,
    '<time>',
  );
}

/** A short account of how two snapshots differ (the sheets, the names, then the first differing sheet). */
function difference(step: number, actual: string, expected: string): string | null {
  if (actual === expected) return null;
  type Snap = { sheets: Array<{ name: string; model: unknown }>; names: Record<string, string>; events: boolean };
  const a = JSON.parse(actual) as Snap;
  const e = JSON.parse(expected) as Snap;
  const sheet = e.sheets.find((x, i) => JSON.stringify(x) !== JSON.stringify(a.sheets[i]))?.name;
  return `operation ${step}: sheets [${a.sheets.map((x) => x.name)}] vs [${e.sheets.map((x) => x.name)}], names [${Object.keys(a.names)}] vs [${Object.keys(e.names)}], events ${a.events} vs ${e.events}${sheet ? `, first difference on "${sheet}"` : ''}`;
}

interface Session {
  double: ExcelDouble;
  port: WorkbookPort;
  uninstall: () => void;
}

function open(): Session {
  const double = createExcelDouble({ sheets: [{ name: 'Sheet1', cells: { A1: 'dữ liệu của người dùng', B2: 42 } }], names: { GHI_CHU: '=Sheet1!$A$1' } });
  const uninstall = double.install();
  const port = officePortOn(double);
  return { double, port, uninstall };
}

async function withScoringSheet(): Promise<Session> {
  const s = open();
  await s.port.insertScoringSheet(set, { unit: 'UBND xã Thử Nghiệm', year: 2025 });
  await s.double.type(SHEETS.scoring, `E${scoringLayout(set).rowOf.get(leaf.code)}`, '0'); // what the officer typed must survive
  return s;
}

/**
 * Runs `act` once cleanly to count its operations, then once per operation with that one
 * failing. Returns how many runs failed and how many still finished.
 */
async function failEachStep(prepare: () => Promise<Session>, act: (port: WorkbookPort) => Promise<unknown>): Promise<{ steps: number; failed: number; finished: number }> {
  // steps: the operations failed in turn
  const clean = await prepare();
  const start = clean.double.operationsRun();
  await act(clean.port);
  const ops = clean.double.operationLog().slice(start);
  const done = snapshot(clean.double);
  clean.uninstall();
  // The first and the last operation of each kind in each sync (and so each sync's first and last).
  const picked = new Set<number>();
  const seen = new Map<string, number>();
  ops.forEach((op, i) => {
    const kind = `${op.sync}|${op.what}`;
    if (!seen.has(kind)) picked.add(i + 1);
    seen.set(kind, i + 1);
  });
  for (const last of seen.values()) picked.add(last);
  const boundaries = [...picked].sort((a, b) => a - b);
  let failed = 0;
  let finished = 0;
  for (const n of boundaries) {
    const s = await prepare();
    try {
      const before = snapshot(s.double);
      s.double.failOperation(n);
      const outcome = await act(s.port).then(
        () => null,
        (e: unknown) => e as Error,
      );
      s.double.failOperation(null);
      if (outcome === null) {
        finished++;
        expect(difference(n, snapshot(s.double), done)).toBeNull();
      } else {
        failed++;
        expect(difference(n, snapshot(s.double), before)).toBeNull();
        expect([n, outcome.message]).toEqual([n, expect.stringMatching(/Sổ tính đã được đưa về như trước|failure injected/)]);
      }
      expect(s.double.state().pending).toBe(0);
    } finally {
      s.uninstall();
    }
  }
  return { steps: boundaries.length, failed, finished };
}

describe('a write that fails at any one operation leaves the workbook as it was', () => {
  it('inserting the scoring sheets', async () => {
    const r = await failEachStep(async () => open(), (port) => port.insertScoringSheet(set, { unit: 'UBND xã Thử Nghiệm', year: 2025 }));
    expect(r.steps).toBeGreaterThan(50);
    expect(r.failed).toBeGreaterThan(r.steps / 2);
  });

  it('updating them (parked sheets and names come back, very hidden included)', async () => {
    const r = await failEachStep(withScoringSheet, (port) => port.upgradeScoringSheet(set));
    expect(r.steps).toBeGreaterThan(50);
    expect(r.failed).toBeGreaterThan(r.steps / 2);
  });

  it('writing targets', async () => {
    const r = await failEachStep(withScoringSheet, (port) => port.writeTargets(new Map([[leaf.code, leaf.maxScore], [set.leaves[1].code, 0]])));
    expect(r.failed).toBeGreaterThan(0);
  });

  it('switching the printed form (columns and active sheet)', async () => {
    const r = await failEachStep(withScoringSheet, (port) => port.setPrintView('ke-hoach'));
    expect(r.failed).toBeGreaterThan(0);
  });

  it('storing an imported set (the very hidden list sheet is removed again)', async () => {
    const r = await failEachStep(async () => open(), (port) => port.storeImportedSet(criteriaSetToData(set)));
    expect(r.failed).toBeGreaterThan(0);
  });

  it('adding the appraisal minutes', async () => {
    const minutes: SheetSpec = {
      name: 'Biên bản thẩm định',
      state: 'visible',
      columns: [{ col: 1, width: 10 }],
      rows: [],
      cells: [{ row: 1, col: 1, value: 'BIÊN BẢN' }],
      merges: ['A2:C2'],
      validations: [],
      conditionalFormats: [],
      charts: [],
    };
    const r = await failEachStep(withScoringSheet, (port) => port.insertSheet(minutes));
    expect(r.failed).toBeGreaterThan(0);
  });
});
