import fc from 'fast-check';
import { proposeSetTargets, proposeTargets, toMilli, type AllocationItem } from '../../src/domain';
import { findBundledSet } from '../../src/criteria';
import { smallSet } from '../fixtures/small-set';

const sumMilli = (targets: Record<string, number>) => Object.values(targets).reduce((s, t) => s + toMilli(t), 0);

describe('proposeTargets', () => {
  const fields: AllocationItem[] = [
    { code: '1', maxScore: 10, last: 8 },
    { code: '2', maxScore: 6.5, last: 6.5 },
    { code: '3', maxScore: 25.5, last: 13.5 },
    { code: '8', maxScore: 23, last: null, notApplicable: true },
  ];

  it('keeps rows at maximum, shares the rest by headroom, skips N/A, and sums to the goal', () => {
    const r = proposeTargets(fields, { points: 35 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // last 28, goal 35: 7 points over headroom 2 (row 1) and 12 (row 3) → 1 and 6.
    expect(r.targets).toEqual({ '1': 9, '2': 6.5, '3': 19.5 });
    expect(r.goalPoints).toBe(35);
  });

  it('takes a goal as a rate of the applicable maximum', () => {
    const r = proposeTargets(fields, { rate: 0.8 });
    expect(r.ok && r.goalPoints).toBe(33.6); // 80% of 42
    expect(r.ok && sumMilli(r.targets)).toBe(33600);
  });

  it('rounds to the step yet still sums exactly', () => {
    const r = proposeTargets(
      [
        { code: 'a', maxScore: 1, last: 0 },
        { code: 'b', maxScore: 1, last: 0 },
        { code: 'c', maxScore: 1, last: 0 },
      ],
      { points: 1 },
      { step: 0.1 },
    );
    expect(r.ok && r.targets).toEqual({ a: 0.4, b: 0.3, c: 0.3 });
  });

  it('caps weighted rows at their maximum and passes the overflow on', () => {
    const r = proposeTargets(
      [
        { code: 'a', maxScore: 2, last: 0, weight: 10 },
        { code: 'b', maxScore: 10, last: 0, weight: 1 },
      ],
      { points: 6 },
    );
    expect(r.ok && r.targets).toEqual({ a: 2, b: 4 });
  });

  it('says why a goal cannot be met', () => {
    const above = proposeTargets(fields, { points: 43 });
    expect(above).toMatchObject({ ok: false, reason: 'goal-above-max', message: 'Mục tiêu 43 điểm vượt tổng điểm tối đa được đánh giá 42' });
    const below = proposeTargets(fields, { points: 27.5 });
    expect(below).toMatchObject({ ok: false, reason: 'goal-below-last' });
    expect(!below.ok && below.message).toContain('kết quả năm trước 28');
    expect(proposeTargets(fields, { points: Number.NaN })).toMatchObject({ ok: false, reason: 'goal-invalid' });
  });

  const itemsArb = fc
    .array(
      fc.record({
        max: fc.integer({ min: 1, max: 30_000 }),
        lastShare: fc.double({ min: 0, max: 1, noNaN: true }),
        known: fc.boolean(),
        na: fc.boolean(),
        weight: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 5, noNaN: true })),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((rows) =>
      rows.map(
        (r, i): AllocationItem => ({
          code: String(i + 1),
          maxScore: r.max / 1000,
          last: r.known ? Math.floor(r.max * r.lastShare) / 1000 : null,
          notApplicable: r.na,
          weight: r.weight,
        }),
      ),
    );

  it('never exceeds a maximum, never drops below last year, and sums to any feasible goal exactly', () => {
    fc.assert(
      fc.property(itemsArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.001, 0.01, 0.1, 0.5), (items, where, step) => {
        const applicable = items.filter((i) => !i.notApplicable);
        const lastM = applicable.reduce((s, i) => s + toMilli(i.last ?? 0), 0);
        const maxM = applicable.reduce((s, i) => s + toMilli(i.maxScore), 0);
        const goalM = lastM + Math.floor((maxM - lastM) * where);
        const r = proposeTargets(items, { points: goalM / 1000 }, { step });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(sumMilli(r.targets)).toBe(goalM);
        expect(Object.keys(r.targets).sort()).toEqual(applicable.map((i) => i.code).sort());
        for (const i of applicable) {
          expect(toMilli(r.targets[i.code])).toBeLessThanOrEqual(toMilli(i.maxScore));
          expect(toMilli(r.targets[i.code])).toBeGreaterThanOrEqual(toMilli(i.last ?? 0));
          if (i.last !== null && toMilli(i.last) === toMilli(i.maxScore)) expect(r.targets[i.code]).toBe(i.maxScore);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses infeasible goals instead of proposing targets that break a maximum', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 10_000 }), (items, over) => {
        const maxM = items.filter((i) => !i.notApplicable).reduce((s, i) => s + toMilli(i.maxScore), 0);
        expect(proposeTargets(items, { points: (maxM + over) / 1000 })).toMatchObject({ ok: false, reason: 'goal-above-max' });
      }),
      { numRuns: 200 },
    );
  });
});

describe('proposeSetTargets', () => {
  it('shares a 78,3% goal among the Lai Châu fields from last year and reaches it exactly', () => {
    const set = findBundledSet('lai-chau-so-2025')!;
    const last = { '1': 8.5, '2': 6.5, '3': 14, '4': 9, '5': 9.5, '6': 5, '7': 6.5, '8': 15 };
    const r = proposeSetTargets(set, { entries: Object.fromEntries(Object.entries(last).map(([c, s]) => [c, { selfScore: s }])) }, { rate: 0.783 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.goalPoints).toBe(78.3);
    expect(sumMilli(r.targets)).toBe(78300);
    expect(r.targets['2']).toBe(6.5);
    expect(r.targets['4']).toBe(9);
    for (const f of set.items) expect(r.targets[f.code]).toBeGreaterThanOrEqual(last[f.code as keyof typeof last]);
  });

  it('allocates on leaves and adds up to parents, leaving out rows not assessed', () => {
    const lastYear = { entries: { '1.1.1': { selfScore: 1 }, '1.1.2': { selfScore: 1 }, '1.2': { selfScore: 1 }, '3': { notApplicable: true } } };
    const r = proposeSetTargets(smallSet, lastYear, { points: 12 }, { depth: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.targets['1.1.1']).toBe(1);
    expect(r.targets['3']).toBeUndefined();
    expect(toMilli(r.targets['1'])).toBe(toMilli(r.targets['1.1']) + toMilli(r.targets['1.2']) + toMilli(r.targets['1.3']));
    expect(toMilli(r.targets['1']) + toMilli(r.targets['2'])).toBe(12000);
  });
});
