import fc from 'fast-check';
import { sumPoints, subtractPoints, toMilli, ratio } from '../../src/domain';

describe('exact point arithmetic', () => {
  it('adds what floats get wrong', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    expect(1.1 + 2.2).not.toBe(3.3);
    expect(sumPoints([1.1, 2.2])).toBe(3.3);
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(subtractPoints(0.3, 0.1)).toBe(0.2);
  });

  it('adds the 2025 plan targets to 78,3 and the maxima to 100', () => {
    expect(sumPoints([9, 6.5, 15.3, 9, 10, 5.5, 7, 16])).toBe(78.3);
    expect(sumPoints([10, 6.5, 25.5, 9, 10, 8.5, 7.5, 23])).toBe(100);
  });

  it('always lands on a value with at most three decimals', () => {
    const milli = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(fc.array(milli, { maxLength: 60 }), (parts) => {
        const sum = sumPoints(parts.map((m) => m / 1000));
        expect(toMilli(sum)).toBe(parts.reduce((s, m) => s + m, 0));
        expect(String(sum)).toMatch(/^-?\d+(\.\d{1,3})?$/);
      }),
    );
  });

  it('computes rates from points and refuses a zero base', () => {
    expect(ratio(5.5, 8.5)).toBeCloseTo(0.6470588235, 9);
    expect(ratio(3, 0)).toBeNull();
  });
});
