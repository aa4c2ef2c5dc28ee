import fc from 'fast-check';
import { denseRank, foldText, textKey } from '../../src/domain';

describe('denseRank', () => {
  it('gives ties the same rank and the next group the next rank', () => {
    const units = [
      { unit: 'A', index: 0.8945 },
      { unit: 'B', index: 0.9123 },
      { unit: 'C', index: 0.8945 },
      { unit: 'D', index: null },
      { unit: 'E', index: 0.7 },
      { unit: 'F', index: 0.894_500_4 },
    ];
    const ranked = denseRank(units, (u) => u.index).map((r) => `${r.item.unit}:${r.rank}`);
    expect(ranked).toEqual(['B:1', 'A:2', 'C:2', 'F:2', 'E:3', 'D:null']);
  });

  it('never skips a rank and orders by index', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })), (indices) => {
        const ranked = denseRank(indices, (i) => (i === null ? null : i / 100));
        const ranks = ranked.map((r) => r.rank).filter((r): r is number => r !== null);
        const distinct = new Set(indices.filter((i) => i !== null)).size;
        expect(new Set(ranks).size).toBe(distinct);
        expect(Math.max(0, ...ranks)).toBe(distinct);
        for (let i = 1; i < ranks.length; i++) expect(ranks[i] - ranks[i - 1]).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('text from submissions', () => {
  it('matches unit names typed in NFD or with odd spaces', () => {
    const nfd = 'Sở Xây dựng'.normalize('NFD');
    expect(nfd).not.toBe('Sở Xây dựng');
    expect(foldText(`  ${nfd}\u00a0 `)).toBe('Sở Xây dựng');
    expect(textKey('SỞ  XÂY DỰNG')).toBe(textKey(nfd));
  });
});
