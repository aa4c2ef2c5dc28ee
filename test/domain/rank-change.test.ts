import { compareRankings, compareRanks, describeRankChange, type RankedUnit } from '../../src/domain';

/** Twenty units ranked 1..20 this year; last year the same units ranked in reverse. */
function twoYears() {
  const current: RankedUnit[] = Array.from({ length: 20 }, (_, i) => ({ unit: `Sở số ${i + 1}`, file: `so-${i + 1}-2025.xlsx`, rank: i + 1, index: 0.9 - i / 100 }));
  const previous: RankedUnit[] = current.map((c, i) => ({ unit: c.unit, file: `so-${i + 1}-2024.xlsx`, rank: 20 - i, index: 0.7 + i / 100 }));
  return { current, previous };
}

describe('rank change against last year', () => {
  it('matches units by name, folded as the report folds it, and counts steps up as positive', () => {
    const { current, previous } = twoYears();
    previous[2] = { ...previous[2], unit: '  sở  SỐ 3 '.normalize('NFD') };
    const { changes, unmatchedPrevious } = compareRanks(current, previous);
    changes.forEach((change, i) => {
      expect(change.matchedBy).toBe('unit');
      expect(change.previousRank).toBe(20 - i);
      expect(change.rankChange).toBe(20 - i - (i + 1));
    });
    expect(unmatchedPrevious).toEqual([]);
    expect(describeRankChange(changes[0], 1).vi).toBe('tăng 19 bậc');
    expect(describeRankChange(changes[19], 20).vi).toBe('giảm 19 bậc');
  });

  it('a renamed unit is found by its file name (the year aside); new units are "mới"; units gone are listed', () => {
    const { current, previous } = twoYears();
    current[4] = { ...current[4], unit: 'Sở Nông nghiệp và Môi trường', file: 'So_5 2025.xlsx' }; // renamed, file kept
    current[7] = { ...current[7], unit: 'Sở Dân tộc và Tôn giáo', file: 'dan-toc.xlsx' }; // new
    const { changes, unmatchedPrevious } = compareRanks(current, previous);
    expect(changes[4]).toEqual({ previousRank: 16, previousIndex: previous[4].index, rankChange: 16 - 5, matchedBy: 'file', previousUnit: 'Sở số 5' });
    expect(changes[7]).toEqual({ previousRank: null, previousIndex: null, rankChange: null, matchedBy: null, previousUnit: null });
    expect(describeRankChange(changes[7], 8).vi).toBe('mới');
    expect(unmatchedPrevious.map((p) => p.unit)).toEqual(['Sở số 8']);
  });

  it('a file name never takes a unit that another unit matched by name', () => {
    const previous: RankedUnit[] = [
      { unit: 'Sở A', file: 'chung.xlsx', rank: 1, index: 0.9 },
      { unit: 'Sở B', file: 'b.xlsx', rank: 2, index: 0.8 },
    ];
    const current: RankedUnit[] = [
      { unit: 'Sở C', file: 'chung.xlsx', rank: 1, index: 0.95 },
      { unit: 'Sở A', file: 'a.xlsx', rank: 2, index: 0.9 },
    ];
    const { changes, unmatchedPrevious } = compareRanks(current, previous);
    expect(changes.map((c) => c.matchedBy)).toEqual([null, 'unit']);
    expect(changes[1].rankChange).toBe(-1);
    expect(unmatchedPrevious.map((p) => p.unit)).toEqual(['Sở B']);
  });

  it('no rank this year (a file with errors) or last year gives no change, and says so', () => {
    const { changes } = compareRanks([{ unit: 'Sở A', file: 'a.xlsx', rank: null, index: 0.5 }], [{ unit: 'Sở A', file: 'a.xlsx', rank: 3, index: 0.6 }]);
    expect(changes[0]).toMatchObject({ previousRank: 3, rankChange: null, matchedBy: 'unit' });
    expect(describeRankChange(changes[0], null).vi).toBe('—');
  });
});

describe('rankings of many groups against last year', () => {
  it('a group is compared with last year\'s units of its own set only; a unit of another set is listed as gone', () => {
    const previous = [
      { unit: 'Sở A', file: 'a-2024.xlsx', rank: 2, index: 0.8, setId: 'so', year: 2024 },
      { unit: 'Sở B', file: 'b-2024.xlsx', rank: 1, index: 0.9, setId: 'so', year: 2024 },
      { unit: 'Xã A', file: 'xa-a-2024.xlsx', rank: 1, index: 0.7, setId: 'xa', year: 2024 },
      { unit: 'Sở A', file: 'a-2024.xlsx', rank: 1, index: 0.6, setId: 'cu', year: 2024 },
    ];
    const { changes, unmatchedPrevious } = compareRankings(
      [
        { setId: 'so', units: [{ unit: 'Sở A', file: 'a-2025.xlsx', rank: 1, index: 0.85 }, { unit: 'Sở C', file: 'b 2025.xlsx', rank: 2, index: 0.84 }] },
        { setId: 'xa', units: [{ unit: 'Xã A', file: 'xa-a-2025.xlsx', rank: 1, index: 0.75 }] },
      ],
      previous,
    );
    expect(changes[0].map((c) => [c.previousRank, c.rankChange, c.matchedBy, c.previousUnit])).toEqual([
      [2, 1, 'unit', null],
      [1, -1, 'file', 'Sở B'],
    ]);
    expect(describeRankChange(changes[1][0], 1).vi).toBe('giữ hạng');
    expect(unmatchedPrevious).toEqual([previous[3]]);
  });
});
