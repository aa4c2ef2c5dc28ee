import fc from 'fast-check';
import { buildPlan, computeTotals, grandTotal, rankGaps, type Assessment, type Entry, type ScoreBasis } from '../../src/domain';
import { findBundledSet } from '../../src/criteria';
import { smallSet } from '../fixtures/small-set';

const SEED_001_TARGETS: Record<string, number> = { '1': 9, '2': 6.5, '3': 15.3, '4': 9, '5': 10, '6': 5.5, '7': 7, '8': 16 };

describe('totals', () => {
  const a: Assessment = {
    entries: {
      '1.1.1': { selfScore: 0.5, appraisedScore: 0.5 },
      '1.1.2': { selfScore: 1.5, appraisedScore: 1 },
      '1.2': { selfScore: 1.5 },
      '1.3': { appraisedScore: 2 },
      '2.1': { selfScore: 4.2 },
      '2.2': { selfScore: 3.1 },
      '3': { appraisedScore: 3.3 },
    },
  };

  it('adds leaves up to fields and the total, exactly', () => {
    const t = computeTotals(smallSet, a, 'self');
    expect(t.byCode.get('1.1')!.score).toBe(2);
    expect(t.byCode.get('1')!.score).toBe(3.5);
    expect(t.byCode.get('2')!.score).toBe(7.3);
    expect(t.byCode.get('3')!.score).toBeNull();
    expect(t.total.score).toBe(10.8);
    expect(t.total.applicableMax).toBe(20);
    expect(t.index).toBe(0.54);
    expect(t.band?.label).toBe('Trung bình');
  });

  it('re-scales on the applicable maximum when rows are not assessed', () => {
    const na: Assessment = { entries: { ...a.entries, '3': { notApplicable: true }, '2.2': { notApplicable: true, selfScore: 3.1 } } };
    const t = computeTotals(smallSet, na, 'appraised');
    expect(t.total.applicableMax).toBe(11);
    expect(t.byCode.get('2')!.applicableMax).toBe(4.5);
    expect(t.byCode.get('3')!.applicableMax).toBe(0);
    expect(t.total.score).toBe(3.5);
    expect(t.index).toBeCloseTo(3.5 / 11, 12);
    const self = computeTotals(smallSet, na, 'self');
    expect(self.total.score).toBe(7.7); // 2.2's 3,1 no longer counts
  });

  it('does not add a number stored as text, as the workbook’s SUM does not', () => {
    const t = computeTotals(smallSet, { entries: { ...a.entries, '1.1.2': { selfScore: '1,5' } } }, 'self');
    expect(t.byCode.get('1.1')!.score).toBe(0.5);
    expect(t.total.score).toBe(9.3);
  });

  it('ignores N/A on a row whose set forbids it (validation reports it instead)', () => {
    const t = computeTotals(smallSet, { entries: { '1.2': { notApplicable: true, selfScore: 1 } } }, 'self');
    expect(t.total.applicableMax).toBe(20);
    expect(t.total.score).toBe(1);
  });

  it('gives the grand total alone as the tree adds it up', () => {
    expect(grandTotal(smallSet, a, 'self')).toEqual({ score: 10.8, applicableMax: 20, index: 0.54, band: expect.objectContaining({ label: 'Trung bình' }) });
    const na: Assessment = { entries: { ...a.entries, '3': { notApplicable: true }, '2.2': { notApplicable: true, selfScore: 3.1 } } };
    expect(grandTotal(smallSet, na, 'self')).toMatchObject({ score: 7.7, applicableMax: 11 });
    expect(grandTotal(smallSet, { entries: {} }, 'final')).toEqual({ score: null, applicableMax: 20, index: null, band: null });
  });

  it.each(['lai-chau-so-2025', 'minh-hoa-3-cap'])('grand total = the tree’s total for any scores, on every basis (%s, fast-check)', (id) => {
    const set = findBundledSet(id)!;
    const leaves = set.nodes.filter((n) => n.isLeaf);
    const score = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 3000 }).map((m) => m / 1000), fc.constantFrom('1,5', '0.25', 'x', ''));
    const entry: fc.Arbitrary<Entry> = fc.record({ selfScore: score, appraisedScore: score, notApplicable: fc.boolean() }, { requiredKeys: [] });
    const assessment = fc.array(fc.tuple(fc.constantFrom(...leaves.map((n) => n.code)), entry), { maxLength: 60 }).map((pairs): Assessment => ({ entries: Object.fromEntries(pairs) }));
    fc.assert(
      fc.property(assessment, fc.constantFrom<ScoreBasis>('self', 'appraised', 'final'), (as, basis) => {
        const tree = computeTotals(set, as, basis);
        expect(grandTotal(set, as, basis)).toEqual({ score: tree.total.score, applicableMax: tree.total.applicableMax, index: tree.index, band: tree.band });
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('derives a parent target only when every applicable child has one', () => {
    const t = computeTotals(smallSet, { entries: { '2.1': { target: 4 }, '2.2': { target: 2.5 }, '1.1.1': { target: 1 } } }, 'self');
    expect(t.byCode.get('2')!.target).toBe(6.5);
    expect(t.byCode.get('1.1')!.target).toBeNull();
    expect(t.total.target).toBeNull();
  });
});

describe('plan table (seed 001)', () => {
  const set = findBundledSet('lai-chau-so-2025')!;
  const targets: Assessment = { entries: Object.fromEntries(Object.entries(SEED_001_TARGETS).map(([c, t]) => [c, { target: t }])) };

  it('reproduces the 2025 plan of Sở Xây dựng Lai Châu: rates from points', () => {
    const plan = buildPlan(set, targets);
    expect(plan.rows.map((r) => [r.code, r.maxScore, r.target])).toEqual([
      ['1', 10, 9], ['2', 6.5, 6.5], ['3', 25.5, 15.3], ['4', 9, 9], ['5', 10, 10], ['6', 8.5, 5.5], ['7', 7.5, 7], ['8', 23, 16],
    ]);
    expect(plan.rows.map((r) => Math.round(r.targetRate! * 10000) / 100)).toEqual([90, 100, 60, 100, 100, 64.71, 93.33, 69.57]);
    expect(plan.total.target).toBe(78.3);
    expect(plan.total.maxScore).toBe(100);
    expect(plan.total.targetRate).toBe(0.783);
    expect(plan.rows.every((r) => r.status === 'no-score' && r.score === null)).toBe(true);
  });

  it('tracks achievement against the targets: completion, gaps and status', () => {
    const scored: Assessment = {
      entries: {
        ...targets.entries,
        '3': { target: 15.3, selfScore: 14 },
        '6': { target: 5.5, selfScore: 5.5 },
        '8': { target: 16, selfScore: 10 },
      },
    };
    const plan = buildPlan(set, scored, { nearBand: 0.9 });
    const row = (c: string) => plan.rows.find((r) => r.code === c)!;
    expect(row('3')).toMatchObject({ score: 14, gapToTarget: 1.3, gapToMax: 11.5, status: 'near' });
    expect(row('3').completion).toBeCloseTo(14 / 15.3, 12);
    expect(row('6')).toMatchObject({ score: 5.5, gapToTarget: 0, status: 'met' });
    expect(row('8')).toMatchObject({ gapToTarget: 6, status: 'below' });
    expect(row('1')).toMatchObject({ score: null, status: 'no-score' });
    expect(plan.total.score).toBe(29.5);
  });

  it('ranks where points are lost against target and against maximum', () => {
    const scored: Assessment = { entries: { ...targets.entries, '3': { target: 15.3, selfScore: 14 }, '8': { target: 16, selfScore: 10 }, '1': { target: 9, selfScore: 9.5 } } };
    const gaps = rankGaps(set, scored);
    expect(gaps.againstTarget.slice(0, 3).map((g) => [g.code, g.lost])).toEqual([['5', 10], ['4', 9], ['7', 7]]);
    expect(gaps.againstTarget.find((g) => g.code === '8')!.lost).toBe(6);
    expect(gaps.againstTarget.some((g) => g.code === '1')).toBe(false);
    expect(gaps.againstMax[0]).toMatchObject({ code: '8', lost: 13, scored: true });
  });
});

describe('final basis', () => {
  it('takes the appraised score where there is one, else the self-score', () => {
    const t = computeTotals(smallSet, { entries: { '1.1.1': { selfScore: 1, appraisedScore: 0.5 }, '1.1.2': { selfScore: 2 }, '3': { appraisedScore: 4 } } }, 'final');
    expect(t.byCode.get('1.1')!.score).toBe(2.5);
    expect(t.total.score).toBe(6.5);
  });
});
