/**
 * One result, one meaning: for every file of a corpus, every surface shows the same
 * figures — the workbook's named head cells after LibreOffice recalculates it, `check
 * --json`, `plan --json`, the --report workbook's ranking and the pane's Start view (over
 * the recording Excel double). A change to any one surface's idea of the index, its basis,
 * its rounding or its band fails here.
 *
 * The corpus: both bundled sets; minh-hoa-3-cap with survey and council rows, "không đánh
 * giá" rows, complete and provisional (partly appraised) files, two units tied at the
 * second decimal of the percentage, and one file with errors (listed, not ranked).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDecoder as NodeTextDecoder } from 'util';
import { screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { findBundledSet } from '../../src/criteria';
import { bandText, computeResult, figureText, formatRate, NO_BAND, type Assessment, type CriteriaSet, type Result } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { NOT_RANKED } from '../../src/workbook/consolidation/groups';
import { renderFilled, typedAssessment } from '../helpers/filled-workbook';
import { recalculate, sofficePath, valueAt } from '../helpers/libreoffice';
import { runCli } from '../helpers/run-cli';
import { installDouble, renderPane, seedScoringWorkbook } from '../taskpane/pane-harness';

globalThis.TextDecoder ??= NodeTextDecoder as typeof globalThis.TextDecoder;

const minhHoa: CriteriaSet = findBundledSet('minh-hoa-3-cap')!;
const laiChau: CriteriaSet = findBundledSet('lai-chau-so-2025')!;

/** Every self-scored leaf scored validly (the best outcome, or a share of the maximum). */
function scoredAssessment(set: CriteriaSet, share: number, others: 'all' | 'none' | 'some'): Assessment {
  const entries: Assessment['entries'] = {};
  set.leaves.forEach((leaf, i) => {
    const best = leaf.method === 'options' ? Math.max(...leaf.options.map((o) => o.points)) : Math.round(leaf.maxScore * share * 1000) / 1000;
    if (leaf.scoredBy === 'self') {
      entries[leaf.code] = { selfScore: best, evidence: `Văn bản ${i + 1}/KH` };
      if (leaf.allowNotApplicable && i % 7 === 3) entries[leaf.code] = { notApplicable: true };
    } else if (others === 'all' || (others === 'some' && i % 2 === 0)) {
      entries[leaf.code] = { appraisedScore: best };
    }
  });
  return { entries };
}

const clone = (a: Assessment): Assessment => JSON.parse(JSON.stringify(a)) as Assessment;

/** A free-scored self leaf, to move a result by a thousandth of a point. */
const freeLeaf = minhHoa.leaves.find((l) => l.scoredBy === 'self' && l.method === 'free' && !l.allowNotApplicable)!;

interface CorpusFile {
  name: string;
  unit: string;
  set: CriteriaSet;
  values: Assessment;
}

function corpus(): CorpusFile[] {
  const complete = scoredAssessment(minhHoa, 0.8, 'all');
  // The same, a thousandth of a point lower on one row: a different exact index, the same
  // published one (the loop keeps the corpus honest if the set's maxima change).
  let tied: Assessment | null = null;
  const base = computeResult(minhHoa, complete).final;
  for (const delta of [0.001, 0.002, 0.003, 0.004]) {
    const candidate = clone(complete);
    candidate.entries[freeLeaf.code].selfScore = Math.round(((candidate.entries[freeLeaf.code].selfScore as number) - delta) * 1000) / 1000;
    const f = computeResult(minhHoa, candidate).final;
    if (f.publishedIndex === base.publishedIndex && f.index !== base.index) {
      tied = candidate;
      break;
    }
  }
  const withErrors = clone(complete);
  withErrors.entries[freeLeaf.code].selfScore = freeLeaf.maxScore + 1;
  // Appraised on some rows (typedAssessment), survey and council rows partly scored: provisional.
  const partly = typedAssessment(minhHoa);
  return [
    { name: 'so-a-day-du.xlsx', unit: 'Sở A', set: minhHoa, values: complete },
    { name: 'so-b-bang-diem.xlsx', unit: 'Sở B', set: minhHoa, values: tied! },
    { name: 'so-c-tam-tinh.xlsx', unit: 'Sở C', set: minhHoa, values: scoredAssessment(minhHoa, 0.6, 'some') },
    { name: 'so-d-tham-dinh-mot-phan.xlsx', unit: 'Sở D', set: minhHoa, values: partly },
    { name: 'so-e-co-loi.xlsx', unit: 'Sở E', set: minhHoa, values: withErrors },
    { name: 'so-f-lai-chau.xlsx', unit: 'Sở F', set: laiChau, values: scoredAssessment(laiChau, 0.9, 'all') },
    { name: 'so-g-lai-chau.xlsx', unit: 'Sở G', set: laiChau, values: scoredAssessment(laiChau, 0.7, 'all') },
  ];
}

const lo = sofficePath() ? test : test.skip;

lo(
  'every surface shows the same result for every file',
  async () => {
    const files = corpus();
    expect(files.every((f) => f.values !== null)).toBe(true);
    const tmp = mkdtempSync(join(tmpdir(), 'par-one-result-'));
    try {
      const dir = join(tmp, 'bai-nop');
      mkdirSync(dir);
      for (const f of files) writeFileSync(join(dir, f.name), await renderFilled(f.values, f.set, f.unit));

      // check --json over the folder, with the report.
      const checked = await runCli(['check', 'bai-nop', '--json', '--report', 'tong-hop.xlsx'], tmp);
      expect(checked.stderr).not.toContain('KHÔNG ĐỌC');
      const json = JSON.parse(checked.stdout) as {
        files: Array<{ file: string; unit: string; ok: boolean; result: Result }>;
        ranking: Array<{ file: string; unit: string; rank: number | null; index: number | null; publishedIndex: number | null; band: string | null; provisional: boolean; ranked: boolean }>;
      };
      const byName = new Map(json.files.map((f) => [f.file.replace(/^bai-nop\//, ''), f]));

      // The domain's own definition is what check reports.
      for (const f of files) expect([f.name, byName.get(f.name)!.result]).toEqual([f.name, computeResult(f.set, f.values)]);
      const results = new Map(files.map((f) => [f.name, byName.get(f.name)!.result]));

      // The corpus has what it promises.
      const r = (name: string) => results.get(name)!;
      expect(r('so-a-day-du.xlsx').final.provisional).toBe(false);
      expect(r('so-c-tam-tinh.xlsx').final.provisional).toBe(true);
      expect(r('so-d-tham-dinh-mot-phan.xlsx').final.provisional).toBe(true);
      expect(r('so-a-day-du.xlsx').final.publishedIndex).toBe(r('so-b-bang-diem.xlsx').final.publishedIndex);
      expect(r('so-a-day-du.xlsx').final.index).not.toBe(r('so-b-bang-diem.xlsx').final.index);
      expect(byName.get('so-e-co-loi.xlsx')!.ok).toBe(false);

      // plan --json carries the same result object, file by file.
      for (const f of files) {
        const plan = JSON.parse((await runCli(['plan', join('bai-nop', f.name), '--json'], tmp)).stdout) as { result: Result; band: string | null };
        expect([f.name, plan.result]).toEqual([f.name, results.get(f.name)]);
        expect(plan.band).toBe(results.get(f.name)!.final.band);
      }

      // The ranking: ties share a rank, a file with errors is listed without one, groups apart.
      const rankOf = new Map(json.ranking.map((e) => [e.file.replace(/^bai-nop\//, ''), e]));
      expect(rankOf.get('so-a-day-du.xlsx')!.rank).toBe(rankOf.get('so-b-bang-diem.xlsx')!.rank);
      expect(rankOf.get('so-e-co-loi.xlsx')).toMatchObject({ rank: null, ranked: false });
      for (const f of files) {
        const e = rankOf.get(f.name)!;
        const final = results.get(f.name)!.final;
        expect([f.name, e.index, e.publishedIndex, e.band, e.provisional]).toEqual([f.name, final.index, final.publishedIndex, final.band, final.provisional]);
      }
      const minhRanks = json.ranking.filter((e) => e.file.includes('so-') && !e.file.includes('lai-chau')).map((e) => e.rank);
      expect(minhRanks.filter((x) => x !== null)).toEqual([...minhRanks.filter((x) => x !== null)].sort((a, b) => a! - b!));

      // The --report workbook shows the same ranks, indices and bands.
      const report = new ExcelJS.Workbook();
      await report.xlsx.readFile(join(tmp, 'tong-hop.xlsx'));
      const summary = report.getWorksheet('Tổng hợp')!;
      const shown = new Map<string, { rank: unknown; index: unknown; band: unknown }>();
      summary.eachRow((row) => {
        const file = row.getCell(13).value;
        if (typeof file === 'string' && file.endsWith('.xlsx')) shown.set(file.replace(/^bai-nop\//, ''), { rank: row.getCell(1).value, index: row.getCell(9).value, band: row.getCell(10).value });
      });
      for (const f of files) {
        const e = rankOf.get(f.name)!;
        const final = results.get(f.name)!.final;
        expect([f.name, shown.get(f.name)]).toEqual([f.name, { rank: e.rank ?? '—', index: final.publishedIndex, band: e.ranked ? bandText(final) : NOT_RANKED }]);
      }

      // The workbook's named head cells, computed by LibreOffice.
      const outs = await recalculate(files.map((f) => join(dir, f.name)), { outDir: join(tmp, 'lo') });
      for (const [i, f] of files.entries()) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(outs[i]) as unknown as ExcelJS.Buffer);
        const names = new Map(buildWorkbook(f.set, { unit: f.unit, year: 2025 }).names.map((n) => [n.name, n.ref]));
        const named = (name: string) => {
          const ref = names.get(name)!;
          const [, sheet, cell] = /^'?(.*?)'?!(.*)$/.exec(ref)!;
          return valueAt(wb, sheet, cell.replace(/\$/g, ''));
        };
        const result = results.get(f.name)!;
        const near = (v: unknown, expected: number | null) => (expected === null ? v === null : typeof v === 'number' && Math.abs(v - expected) < 1e-9);
        const cells = {
          selfPoints: near(named('PAR_SELF_POINTS'), result.self.points),
          selfMax: near(named('PAR_SELF_MAX'), result.self.max),
          finalPoints: near(named('PAR_FINAL_POINTS'), result.final.points),
          finalMax: near(named('PAR_FINAL_MAX'), result.final.max),
          finalIndex: near(named('PAR_FINAL_INDEX'), result.final.index),
          band: named('PAR_FINAL_BAND') === (result.final.band ?? NO_BAND.vi),
          provisional: named('PAR_FINAL_PROVISIONAL') === result.final.provisional,
        };
        expect([f.name, cells]).toEqual([f.name, Object.fromEntries(Object.keys(cells).map((k) => [k, true]))]);
      }

      // The pane's Start view over the recording double, file by file.
      for (const f of files) {
        const pane = installDouble();
        await seedScoringWorkbook(pane.double, f.values, f.set);
        const view = await renderPane(pane);
        const result = results.get(f.name)!;
        await waitFor(() => expect(screen.getByTestId('index-value').textContent).toBe(result.final.publishedIndex === null ? 'Chưa chấm' : formatRate(result.final.publishedIndex)));
        expect([f.name, screen.getByTestId('band-value').textContent]).toEqual([f.name, bandText(result.final)]);
        expect(screen.getByTestId('result-self').textContent).toBe(`Tự đánh giá: ${figureText(result.self)}`);
        expect(screen.getByTestId('result-appraised').textContent).toBe(`Thẩm định: ${figureText(result.appraised)}`);
        expect(screen.getByTestId('result-final').textContent).toBe(`Điểm đạt: ${figureText(result.final)}`);
        view.unmount();
        pane.restore();
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
  600_000,
);
