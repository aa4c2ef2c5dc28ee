/**
 * A unit's rank this year beside last year's. Units are matched by their name as the
 * report folds it (so "Sở  Xây dựng" typed with two spaces or decomposed is the same
 * unit), and by file name where the name changed between years; a unit matched neither
 * way is new, and last year's units not found this year are listed, never dropped.
 */
import { textKey } from './text';

export interface RankedUnit {
  unit: string;
  file: string;
  rank: number | null;
  index: number | null;
}

export interface RankChange {
  previousRank: number | null;
  previousIndex: number | null;
  /** previous rank − rank: moving up is positive; null when either year has no rank. */
  rankChange: number | null;
  /** How the match was made, for the report's note. */
  matchedBy: 'unit' | 'file' | null;
  /** Last year's unit name where the match was made by file name (the name changed). */
  previousUnit: string | null;
}

export interface RankComparison {
  /** One per current unit, in the order given. */
  changes: RankChange[];
  /** Last year's units that no current unit matched. */
  unmatchedPrevious: RankedUnit[];
}

export function compareRanks(current: readonly RankedUnit[], previous: readonly RankedUnit[]): RankComparison {
  const byUnit = new Map<string, RankedUnit>();
  const byFile = new Map<string, RankedUnit>();
  for (const p of previous) {
    if (p.unit.trim() !== '' && !byUnit.has(textKey(p.unit))) byUnit.set(textKey(p.unit), p);
    if (!byFile.has(fileKey(p.file))) byFile.set(fileKey(p.file), p);
  }
  const used = new Set<RankedUnit>();
  const take = (found: RankedUnit | undefined) => (found && !used.has(found) ? found : undefined);
  // Names first for everyone, so a file name never takes a unit that its own name matches.
  const byName = current.map((c) => {
    const found = c.unit.trim() === '' ? undefined : take(byUnit.get(textKey(c.unit)));
    if (found) used.add(found);
    return found;
  });
  const changes = current.map((c, i): RankChange => {
    let match = byName[i];
    let matchedBy: RankChange['matchedBy'] = match ? 'unit' : null;
    if (!match) {
      match = take(byFile.get(fileKey(c.file)));
      if (match) {
        used.add(match);
        matchedBy = 'file';
      }
    }
    const previousRank = match?.rank ?? null;
    return {
      previousRank,
      previousIndex: match?.index ?? null,
      rankChange: previousRank === null || c.rank === null ? null : previousRank - c.rank,
      matchedBy,
      previousUnit: matchedBy === 'file' ? match!.unit : null,
    };
  });
  return { changes, unmatchedPrevious: previous.filter((p) => !used.has(p)) };
}

/** "tăng 3 bậc", "giảm 1 bậc", "giữ hạng", "mới" (not there last year), or "—" (no rank in one of the years). */
export function describeRankChange(change: RankChange, rank: number | null): { vi: string; en: string } {
  if (change.matchedBy === null) return { vi: 'mới', en: 'new' };
  if (rank === null || change.previousRank === null || change.rankChange === null) return { vi: '—', en: '—' };
  const steps = Math.abs(change.rankChange);
  if (change.rankChange > 0) return { vi: `tăng ${steps} bậc`, en: `up ${steps}` };
  if (change.rankChange < 0) return { vi: `giảm ${steps} bậc`, en: `down ${steps}` };
  return { vi: 'giữ hạng', en: 'unchanged' };
}

/** A unit of last year's ranking, with what makes its rank comparable: the set it was ranked on. */
export interface PreviousUnit extends RankedUnit {
  setId: string;
  year: number;
}

export interface RankingComparison {
  /** Per group given, one change per unit, in the order given. */
  changes: RankChange[][];
  /** Last year's units that no unit of any group matched, in last year's order. */
  unmatchedPrevious: PreviousUnit[];
}

/**
 * This year's groups against last year's ranking. A group is compared with last year's
 * units of the same set id only: ranks on another set are not the same scale, while the
 * year differs by definition and the set's version may have been revised.
 */
export function compareRankings(groups: readonly { setId: string; units: readonly RankedUnit[] }[], previous: readonly PreviousUnit[]): RankingComparison {
  const used = new Set<PreviousUnit>();
  const changes = groups.map((g) => {
    const candidates = previous.filter((p) => p.setId === g.setId);
    const { changes: groupChanges, unmatchedPrevious } = compareRanks(g.units, candidates);
    const left = new Set(unmatchedPrevious);
    for (const p of candidates) if (!left.has(p)) used.add(p);
    return groupChanges;
  });
  return { changes, unmatchedPrevious: previous.filter((p) => !used.has(p)) };
}

/**
 * Units send next year's file under last year's name with the year changed
 * ("So-XD-2024.xlsx" → "So XD 2025.xlsx"): the year and the separators do not count.
 */
function fileKey(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, '');
  return textKey(base.replace(/(^|[^0-9])(19|20)[0-9]{2}(?![0-9])/g, '$1').replace(/[\s_.\-]+/g, ' '));
}
