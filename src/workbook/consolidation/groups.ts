/**
 * Submissions grouped by what makes two indices comparable — the same set, version, year
 * and level — and ranked inside each group only: a xã scored against the xã set and a sở
 * against the sở set, or 2024 against 2025, are never put in one ranking. Equal published
 * indices (0,01%) share a rank (dense ranking, as results are published); a file with
 * errors is not ranked until it is corrected.
 */
import { denseRank, foldText, textKey } from '../../domain';
import type { CheckedFile, CheckedSet, ReadableCheck, UnreadableCheck } from './checked-file';

/** Shown instead of a band for a file with errors: listed, not ranked until corrected. */
export const NOT_RANKED = 'có lỗi, chưa xếp hạng';

export interface RankedCheck {
  check: ReadableCheck;
  rank: number | null;
  /** Unit name folded (NFC, one space); the file name when the file names no unit. */
  unitName: string;
  /** Another file of the same group for the same unit (compared after folding and case). */
  duplicateOf: string | null;
}

export interface CheckGroup {
  key: string;
  set: CheckedSet;
  year: number;
  checks: RankedCheck[];
}

export interface GroupedChecks {
  groups: CheckGroup[];
  unreadable: UnreadableCheck[];
}

export function groupChecks(files: readonly CheckedFile[]): GroupedChecks {
  const byKey = new Map<string, { set: CheckedSet; year: number; checks: ReadableCheck[] }>();
  const unreadable: UnreadableCheck[] = [];
  for (const f of files) {
    if (!f.readable) {
      unreadable.push(f);
      continue;
    }
    const key = groupKey(f);
    const group = byKey.get(key) ?? { set: f.set, year: f.year, checks: [] };
    group.checks.push(f);
    byKey.set(key, group);
  }
  const groups = [...byKey].map(([key, g]): CheckGroup => {
    const named = g.checks
      .map((check) => ({ check, unitName: foldText(check.unit ?? '') || foldText(check.file) }))
      // Ties keep a stable, readable order: by unit name, then file.
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || compare(a.check.file, b.check.file));
    const seen = new Map<string, string>();
    // Ranked on the published index; a file with errors is listed but not ranked.
    const checks = denseRank(named, (n) => (n.check.rankable ? n.check.result.final.publishedIndex : null)).map(({ item, rank }): RankedCheck => {
      const unitKey = textKey(item.check.unit ?? '');
      const first = unitKey === '' ? undefined : seen.get(unitKey);
      if (unitKey !== '' && first === undefined) seen.set(unitKey, item.check.file);
      return { check: item.check, rank, unitName: item.unitName, duplicateOf: first ?? null };
    });
    return { key, set: g.set, year: g.year, checks };
  });
  groups.sort((a, b) => b.year - a.year || compare(a.set.level, b.set.level) || compare(a.set.id, b.set.id) || compare(a.set.version, b.set.version));
  return { groups, unreadable };
}

export function groupKey(f: ReadableCheck): string {
  return [f.set.id, f.set.version, f.year, f.set.level].join('\u0000');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
