/**
 * Exact point arithmetic. Scores carry at most three decimals (0,5 steps in maxima,
 * one decimal in targets, three in some provincial exports), so every sum is done in
 * integer thousandths: 15,3 + 6,5 + … is 78,3, never 78,30000000000001.
 */

export const MILLI = 1000;

/** Points → integer thousandths, rounding half away from zero. */
export function toMilli(points: number): number {
  const scaled = points * MILLI;
  return Math.sign(scaled) * Math.round(Math.abs(scaled) + 1e-9);
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}

export function sumPoints(values: Iterable<number>): number {
  let milli = 0;
  for (const v of values) milli += toMilli(v);
  return fromMilli(milli);
}

export function subtractPoints(a: number, b: number): number {
  return fromMilli(toMilli(a) - toMilli(b));
}

/** Rounds to thousandths, the precision every stored score has. */
export function roundPoints(points: number): number {
  return fromMilli(toMilli(points));
}

export function pointsEqual(a: number, b: number): boolean {
  return toMilli(a) === toMilli(b);
}

export function hasAtMostThreeDecimals(points: number): boolean {
  return Math.abs(points * MILLI - toMilli(points)) < 1e-6;
}

/** A share of two point values; null when the base is zero (nothing applicable). */
export function ratio(part: number, whole: number): number | null {
  const w = toMilli(whole);
  if (w === 0) return null;
  return toMilli(part) / w;
}
