/**
 * Last year's final scores by code, carried onto this year's set, and the targets proposed
 * from them: the figures are added up by hand from minh-hoa-3-cap's field 1.
 */
import { carryPreviousScores, finalScoresByCode, loadCriteriaSet, proposeSetTargets, sumPoints, targetsToType, toMilli, type Assessment } from '../../src/domain';
import { minhHoa } from '../helpers/filled-workbook';
import { revisedMinhHoa } from '../fixtures/revised-set';

const last: Assessment = {
  entries: {
    '1.1.1': { selfScore: 0.5 },
    '1.1.2': { selfScore: 0.5, appraisedScore: 0 }, // the council's 0 counts
    '1.1.3': { selfScore: 1 },
    '1.2.2': { selfScore: 1 }, // council-scored: a self-score there counts for nothing
    '1.3.1': { selfScore: 0.25 },
    '1.6': { selfScore: 2, appraisedScore: 1.5 },
    '3.7': { notApplicable: true, selfScore: 2 }, // not assessed: no score
  },
};

test('each code’s final score, at every level; rows with nothing scored have none', () => {
  const scores = finalScoresByCode(minhHoa, last);
  expect(Object.fromEntries(['1', '1.1', '1.1.2', '1.2', '1.2.2', '1.3', '1.6', '2', '3.7'].map((c) => [c, scores.get(c) ?? null]))).toEqual({
    '1': 3.25, // 1,5 + 0 (1.2) + 0,25 + 1,5
    '1.1': 1.5,
    '1.1.2': 0,
    '1.2': null,
    '1.2.2': null,
    '1.3': 0.25,
    '1.6': 1.5,
    '2': null,
    '3.7': null,
  });
});

test('carried onto the revised set by code: the removed sub-criterion is an orphan with its old cell', () => {
  const revised = loadCriteriaSet(revisedMinhHoa());
  const r = carryPreviousScores({ set: minhHoa, assessment: last, scoreCells: { '1.3.1': { sheet: 'Chấm điểm', cell: 'K19' } } }, revised);
  expect(r.orphaned.map((o) => [o.code, o.field, o.value, o.reason, o.cell?.cell])).toEqual([['1.3.1', 'previousScore', 0.25, 'row-removed', 'K19']]);
  expect(r.orphaned[0].message).toContain('điểm năm trước đã nhập: 0,25');
  // 1.6 is a parent now and still takes last year's score as a whole.
  expect(r.values.entries['1.6']).toEqual({ previousScore: 1.5 });
  expect(r.values.entries['1.6.1']).toBeUndefined();
});

test('targets from last year’s scores go down to the sub-criteria, keep rows at their maximum, a split criterion as a whole', () => {
  const revised = loadCriteriaSet(revisedMinhHoa());
  const carried = carryPreviousScores({ set: minhHoa, assessment: last }, revised).values;
  const r = proposeSetTargets(revised, carried, { rate: 0.783 });
  if (!r.ok) throw new Error(r.message);
  expect(toMilli(sumPoints(revised.items.map((f) => r.targets[f.code])))).toBe(toMilli(78.3));
  expect(r.targets['1.1.1']).toBe(0.5); // at its maximum last year
  expect(r.targets['1.1.2']).toBeGreaterThan(0);
  expect(r.targets['1.6']).toBeGreaterThanOrEqual(1.5);
  expect(r.targets['1.6.1']).toBeUndefined();
  // Typed: fields and the rows shared among; 1.1 keeps its formula (the sum of its sub-criteria).
  const typed = targetsToType(revised, r.targets);
  expect([typed.has('1'), typed.has('1.1'), typed.has('1.1.1'), typed.has('1.6')]).toEqual([true, false, true, true]);
  // Without last year's results the proposal stays per field, as before.
  const perField = proposeSetTargets(revised, { entries: {} }, { rate: 0.783 });
  if (!perField.ok) throw new Error(perField.message);
  expect(Object.keys(perField.targets).sort()).toEqual(revised.items.map((f) => f.code).sort());
});
