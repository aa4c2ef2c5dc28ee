import type { Band } from './schema';

/** The highest band whose threshold the index reaches; null when the set defines none that fits. */
export function classify(rate: number | null, bands: readonly Band[]): Band | null {
  if (rate === null) return null;
  let best: Band | null = null;
  for (const band of bands) {
    // Thresholds are compared at 1e-9 so 0.9 earned as 90/100 is not lost to float noise.
    if (rate + 1e-9 >= band.minRate && (best === null || band.minRate > best.minRate)) best = band;
  }
  return best;
}
