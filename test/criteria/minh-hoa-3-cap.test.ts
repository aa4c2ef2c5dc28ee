/**
 * The bundled illustrative set: it must load, say plainly that it is not official, keep the
 * 8 Lai Châu sở fields exactly, and exercise every scoring feature more than once so that
 * demos and tests of the engine have something real to chew on.
 */
import raw from '../../src/criteria/minh-hoa-3-cap.json';
import laiChauRaw from '../../src/criteria/lai-chau-so-2025.json';
import { loadCriteriaSet, type CriteriaSet, type Criterion } from '../../src/domain/criteria-set';
import { sumPoints, toMilli } from '../../src/domain/decimal';

describe('bộ tiêu chí minh họa 3 cấp (minh-hoa-3-cap.json)', () => {
  let set: CriteriaSet;
  let official: CriteriaSet;

  beforeAll(() => {
    set = loadCriteriaSet(raw, 'minh-hoa-3-cap');
    official = loadCriteriaSet(laiChauRaw, 'lai-chau-so-2025');
  });

  const leaves = (): Criterion[] => set.leaves;
  const countWhere = (pred: (c: Criterion) => boolean): number => leaves().filter(pred).length;

  it('loads without error', () => {
    expect(() => loadCriteriaSet(raw, 'minh-hoa-3-cap')).not.toThrow();
  });

  it('is marked illustrative, says so in its title and carries the expected metadata', () => {
    expect(set.id).toBe('minh-hoa-3-cap');
    expect(set.status).toBe('illustrative');
    expect(set.title).toContain('MINH HỌA');
    expect(set.title).toContain('không phải bộ chính thức');
    expect(set.titleEn).toBeDefined();
    expect(set.level).toBe('so');
    expect(set.year).toBe(2025);
    expect(set.version).toBe('1.0.0');
    expect(set.schemaVersion).toBe(1);
    expect(set.source).toContain('Lai Châu');
    expect(set.source).toContain('phụ lục');
  });

  it('has exactly the 8 fields of lai-chau-so-2025.json, same codes, names and maxima', () => {
    const shape = (s: CriteriaSet) => s.items.map((f) => ({ code: f.code, name: f.name, maxScore: f.maxScore }));
    expect(set.items).toHaveLength(official.items.length);
    expect(shape(set)).toEqual(shape(official));
  });

  it('totals 100, both declared and summed', () => {
    expect(set.totalMax).toBe(100);
    expect((raw as { totalMax?: number }).totalMax).toBe(100);
    expect(sumPoints(set.items.map((f) => f.maxScore))).toBe(100);
  });

  it('has 30–40 criteria at depth 2 and 60–90 leaves, all at depth 2 or 3', () => {
    const depth2 = set.nodes.filter((n) => n.depth === 2).length;
    expect(depth2).toBeGreaterThanOrEqual(30);
    expect(depth2).toBeLessThanOrEqual(40);
    expect(leaves().length).toBeGreaterThanOrEqual(60);
    expect(leaves().length).toBeLessThanOrEqual(90);
    for (const leaf of leaves()) expect([2, 3]).toContain(leaf.depth);
    // Some criteria are scored directly, most are split into sub-criteria.
    const depth2Leaves = leaves().filter((l) => l.depth === 2).length;
    expect(depth2Leaves).toBeGreaterThanOrEqual(2);
    expect(depth2Leaves).toBeLessThan(depth2 / 2);
  });

  it('uses maxima in 0,25 steps and every parent sums exactly', () => {
    for (const node of set.nodes) {
      expect(toMilli(node.maxScore) % 250).toBe(0);
      if (!node.isLeaf) expect(toMilli(sumPoints(node.children.map((c) => c.maxScore)))).toBe(toMilli(node.maxScore));
    }
  });

  it('exercises each scoring method, scorer and flag at least twice', () => {
    expect(countWhere((l) => l.method === 'options')).toBeGreaterThanOrEqual(2);
    expect(countWhere((l) => l.method === 'ratio')).toBeGreaterThanOrEqual(2);
    expect(countWhere((l) => l.method === 'free')).toBeGreaterThanOrEqual(2);
    expect(countWhere((l) => l.scoredBy === 'survey')).toBeGreaterThanOrEqual(2);
    expect(countWhere((l) => l.scoredBy === 'council')).toBeGreaterThanOrEqual(2);
    expect(countWhere((l) => l.allowNotApplicable)).toBeGreaterThanOrEqual(2);
    expect(countWhere((l) => !l.evidenceRequired)).toBeGreaterThanOrEqual(2);
    // evidenceRequired:false is also used on self-scored leaves, not only via the survey default.
    expect(countWhere((l) => l.scoredBy === 'self' && !l.evidenceRequired)).toBeGreaterThanOrEqual(2);
  });

  it('scores field 8 mostly by survey', () => {
    const field8 = set.byCode.get('8')!;
    const under = leaves().filter((l) => l.code.startsWith('8.'));
    expect(field8.scoredBy).toBe('survey');
    const surveyMax = sumPoints(under.filter((l) => l.scoredBy === 'survey').map((l) => l.maxScore));
    expect(surveyMax).toBeGreaterThan(field8.maxScore / 2);
  });

  it('gives every ratio leaf a numerator and denominator, and every options leaf valid options', () => {
    for (const leaf of leaves()) {
      if (leaf.method === 'ratio') {
        expect(leaf.ratio?.numerator.length).toBeGreaterThan(0);
        expect(leaf.ratio?.denominator.length).toBeGreaterThan(0);
      }
      if (leaf.method === 'options') {
        expect(leaf.options.length).toBeGreaterThanOrEqual(2);
        for (const option of leaf.options) expect(toMilli(option.points)).toBeLessThanOrEqual(toMilli(leaf.maxScore));
        // One outcome earns the maximum and one earns nothing.
        expect(leaf.options.some((o) => toMilli(o.points) === toMilli(leaf.maxScore))).toBe(true);
        expect(leaf.options.some((o) => o.points === 0)).toBe(true);
      }
    }
  });

  it('keeps a positive applicable maximum when every N/A-able leaf is marked không đánh giá', () => {
    const applicable = sumPoints(leaves().filter((l) => !l.allowNotApplicable).map((l) => l.maxScore));
    expect(applicable).toBeGreaterThan(0);
    expect(applicable).toBeLessThan(100);
    for (const field of set.items) {
      const fieldLeaves = leaves().filter((l) => l.code === field.code || l.code.startsWith(field.code + '.'));
      expect(fieldLeaves.some((l) => !l.allowNotApplicable)).toBe(true);
    }
  });

  it('gives guidance on most leaves', () => {
    expect(countWhere((l) => l.guidance !== undefined)).toBeGreaterThan(leaves().length * 0.8);
  });

  it('has fractional bands, highest first, ending at 0', () => {
    expect(set.bands.map((b) => b.label)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Yếu']);
    for (const band of set.bands) {
      expect(band.minRate).toBeGreaterThanOrEqual(0);
      expect(band.minRate).toBeLessThanOrEqual(1);
      expect(band.labelEn).toBeDefined();
    }
    expect(set.bands[set.bands.length - 1]!.minRate).toBe(0);
  });

  it('writes every string in composed Unicode (NFC)', () => {
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(raw);
    expect(strings.length).toBeGreaterThan(200);
    const notNfc = strings.filter((s) => s !== s.normalize('NFC'));
    expect(notNfc).toEqual([]);
  });
});
