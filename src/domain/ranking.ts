/**
 * Ranking units by index. Equal indices share a rank and the next group takes the next
 * rank (dense ranking), as provincial results are published. Indices are compared as
 * published, at 1/100 of a percent (bands.ts), so two units shown with the same
 * percentage share a rank. A null index (nothing scored, or not rankable) gets no rank.
 */
import { publishedSteps } from './bands';

export interface Ranked<T> {
  item: T;
  rank: number | null;
}

export function denseRank<T>(items: readonly T[], indexOf: (item: T) => number | null): Ranked<T>[] {
  const keyed = items.map((item, position) => {
    const index = indexOf(item);
    return { item, position, key: publishedSteps(index) };
  });
  const distinct = [...new Set(keyed.map((k) => k.key).filter((k): k is number => k !== null))].sort((a, b) => b - a);
  const rankOf = new Map(distinct.map((key, i) => [key, i + 1]));
  return keyed
    .sort((a, b) => (b.key ?? -Infinity) - (a.key ?? -Infinity) || a.position - b.position)
    .map((k) => ({ item: k.item, rank: k.key === null ? null : rankOf.get(k.key)! }));
}
