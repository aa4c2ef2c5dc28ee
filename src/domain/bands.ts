/**
 * Bands and ranks are decided on the index as published, rounded to 0,01%: two units shown
 * with the same percentage share a band and a rank, and 89,996% is 90,00% everywhere
 * (the workbook's band formula rounds the same way: ROUND(index, 4)).
 */
import type { Band } from './schema';

/** Published precision: steps of 0,01% of a fraction. */
export const PUBLISHED_STEPS = 10_000;

/** The index in steps of 0,01% (an integer), or null. */
export function publishedSteps(index: number | null): number | null {
  return index === null ? null : Math.round(index * PUBLISHED_STEPS);
}

/** An index as published: a fraction with four decimals. */
export function publishedIndex(index: number | null): number | null {
  const steps = publishedSteps(index);
  return steps === null ? null : steps / PUBLISHED_STEPS;
}

/** The highest band whose threshold the published index reaches; null when none fits. */
export function classify(rate: number | null, bands: readonly Band[]): Band | null {
  return bandForSteps(publishedSteps(rate), bands);
}

export function bandForSteps(steps: number | null, bands: readonly Band[]): Band | null {
  if (steps === null) return null;
  let best: Band | null = null;
  for (const band of bands) {
    if (steps >= Math.round(band.minRate * PUBLISHED_STEPS) && (best === null || band.minRate > best.minRate)) best = band;
  }
  return best;
}
