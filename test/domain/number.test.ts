import fc from 'fast-check';
import { formatPoints, formatRate, parseNumber } from '../../src/domain';

describe('parseNumber', () => {
  it.each([
    [25.5, 25.5],
    ['25,5', 25.5],
    ['25.5', 25.5],
    [' 25,5 ', 25.5],
    ['\u00a015,3\u00a0', 15.3],
    ['0,25', 0.25],
    [',5', 0.5],
    ['10', 10],
    ['-1', -1],
    ['7,', 7],
  ])('reads %p as %p', (input, expected) => {
    expect(parseNumber(input)).toEqual({ kind: 'number', value: expected });
  });

  it.each(['1/2', '1.000,5', '1,000.5', '1,2,3', 'abc', '2 điểm', '1e3', '--1', '.', ',', 'NaN', 'Infinity'])(
    'refuses %p as a number',
    (input) => {
      expect(parseNumber(input)).toEqual({ kind: 'invalid', input });
    },
  );

  it.each([null, undefined, '', '   ', '\u00a0'])('treats %p as empty', (input) => {
    expect(parseNumber(input)).toEqual({ kind: 'empty' });
  });

  it('refuses non-finite numbers and booleans', () => {
    expect(parseNumber(Number.NaN).kind).toBe('invalid');
    expect(parseNumber(Number.POSITIVE_INFINITY).kind).toBe('invalid');
    expect(parseNumber(true).kind).toBe('invalid');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.anything()), (input) => {
        const result = parseNumber(input);
        expect(['empty', 'number', 'invalid']).toContain(result.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any score written with a comma or a dot', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(',', '.'), (milli, mark) => {
        const value = milli / 1000;
        const text = String(value).replace('.', mark);
        expect(parseNumber(text)).toEqual({ kind: 'number', value });
      }),
    );
  });
});

describe('display', () => {
  it('shows points and rates the Vietnamese way', () => {
    expect(formatPoints(25.5)).toBe('25,5');
    expect(formatPoints(78.3)).toBe('78,3');
    expect(formatRate(5.5 / 8.5)).toBe('64,71%');
    expect(formatRate(0.9)).toBe('90,00%');
    expect(formatPoints(25.5, 'en')).toBe('25.5');
    expect(formatPoints(null)).toBe('');
  });
});
