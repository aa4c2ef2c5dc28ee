import { findBundledSet } from '../../src/criteria';
import { bandText, computeResult, denseRank, type Assessment, type CriteriaSet } from '../../src/domain';
import { smallSet } from '../fixtures/small-set';

const minhHoa: CriteriaSet = findBundledSet('minh-hoa-3-cap')!;

/** Every self-scored leaf at its maximum; survey and council rows as given. */
function allSelfAtMax(set: CriteriaSet, others: number | null): Assessment {
  const entries: Assessment['entries'] = {};
  for (const leaf of set.leaves) {
    if (leaf.scoredBy === 'self') entries[leaf.code] = { selfScore: leaf.maxScore, evidence: 'VB' };
    else if (others !== null) entries[leaf.code] = { appraisedScore: others };
  }
  return { entries };
}

describe('computeResult', () => {
  it('a unit that scores every self-scored row at its maximum has a self index of 100%', () => {
    const r = computeResult(minhHoa, allSelfAtMax(minhHoa, null));
    expect(r.self.index).toBe(1);
    expect(r.self.max).toBeLessThan(100); // survey and council rows are not the unit's
    expect(r.survey.max).toBeGreaterThan(0);
    expect(r.final.provisional).toBe(true); // survey and council rows have no score yet
    expect(bandText(r.final)).toMatch(/\(tạm tính\)$/);
  });

  it('appraised: the council’s score where given, else the self-score; council rows count', () => {
    const a: Assessment = {
      entries: {
        '1.1.1': { selfScore: 1, appraisedScore: 0.5 },
        '1.1.2': { selfScore: 1.5 },
        '1.2': { selfScore: 1.5 },
        '1.3': { appraisedScore: 2 },
        '2.1': { selfScore: 4 },
        '2.2': { notApplicable: true, selfScore: 3 },
        '3': { appraisedScore: 2.5 },
      },
    };
    const r = computeResult(smallSet, a);
    expect(r.self).toEqual({ points: 8, max: 9, index: 8 / 9 });
    expect(r.appraised).toEqual({ points: 9.5, max: 11, index: 9.5 / 11 });
    expect(r.council).toEqual({ points: 2, max: 2, index: 1 });
    expect(r.survey).toEqual({ points: 2.5, max: 5, index: 0.5 });
    expect(r.final).toMatchObject({ points: 12, max: 16, index: 0.75, publishedIndex: 0.75, band: 'Trung bình', provisional: false });
  });

  it('a survey row without a score makes the result provisional; a self-score typed on it does not count', () => {
    const r = computeResult(smallSet, { entries: { '1.2': { selfScore: 1.5 }, '1.3': { appraisedScore: 2 }, '3': { selfScore: 5 } } });
    expect(r.final.provisional).toBe(true);
    expect(r.final.points).toBe(3.5);
    expect(r.survey.points).toBeNull();
  });

  it('bands and ranks go by the index as published (0,01%): 89,995% is 90,00% and Tốt', () => {
    // 17,999 of 20 is 89,995%: published 90,00%.
    const r = computeResult(smallSet, { entries: { '1.1.2': { selfScore: 1.999 }, '1.1.1': { selfScore: 1 }, '1.2': { selfScore: 1.5 }, '1.3': { appraisedScore: 2 }, '2.1': { selfScore: 4.5 }, '2.2': { selfScore: 4 }, '3': { appraisedScore: 3 } } });
    expect(r.final.points).toBe(17.999);
    expect(r.final.index).toBeCloseTo(0.89995, 12);
    expect(r.final.publishedIndex).toBe(0.9);
    expect(r.final.band).toBe('Tốt');
    const ranked = denseRank([{ i: 0.9 }, { i: r.final.index }, { i: 0.8999 }], (x) => x.i);
    expect(ranked.map((x) => x.rank)).toEqual([1, 1, 2]);
  });

  it('says "no band yet" one way', () => {
    const r = computeResult(smallSet, { entries: {} });
    expect(r.final).toMatchObject({ points: null, index: null, band: null, publishedIndex: null });
    expect(bandText(r.final)).toBe('Chưa xếp loại');
  });
});
