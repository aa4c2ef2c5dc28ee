import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSets, findBundledSet } from '../../src/criteria';
import { sumPoints } from '../../src/domain';

const seed001 = readFileSync(join(__dirname, '../../../shared/seeds/001_882501345dd6b617.txt'), 'utf8');

describe('bundled criteria sets', () => {
  it('every bundled set loads and adds up to 100', () => {
    for (const set of bundledSets()) {
      expect(set.totalMax).toBe(100);
      expect(sumPoints(set.items.map((i) => i.maxScore))).toBe(100);
    }
  });

  it('Lai Châu sở 2025 is field level only, official, with the seed 001 maxima and its source cited', () => {
    const set = findBundledSet('lai-chau-so-2025')!;
    expect(set.status).toBe('official');
    expect(set.items.map((i) => [i.code, i.maxScore])).toEqual([
      ['1', 10], ['2', 6.5], ['3', 25.5], ['4', 9], ['5', 10], ['6', 8.5], ['7', 7.5], ['8', 23],
    ]);
    expect(set.items.every((i) => i.isLeaf)).toBe(true);
    expect(set.source).toContain('608/QĐ-UBND');
    expect(set.bands).toEqual([]); // thresholds for Lai Châu are not verified
  });

  it('the Lai Châu field names are printed in seed 001', () => {
    const flat = seed001.replace(/\s+/g, ' ');
    for (const field of findBundledSet('lai-chau-so-2025')!.items) {
      // The plan breaks lines inside cells; compare on single-spaced text.
      const words = field.name.split(' ').slice(0, 3).join(' ');
      expect(flat).toContain(words);
    }
  });

  it('no set other than a verified one calls itself official', () => {
    const official = bundledSets().filter((s) => s.status === 'official').map((s) => s.id);
    expect(official).toEqual(['lai-chau-so-2025']);
  });
});
