/**
 * The sets shipped with the add-in. Each is validated by the domain schema the first time
 * it is asked for, so a bad edit to the data fails loudly in tests, not in a user's pane.
 */
import { loadCriteriaSet, type CriteriaSet } from '../domain/criteria-set';
import laiChauSo2025 from './lai-chau-so-2025.json';
import minhHoa3Cap from './minh-hoa-3-cap.json';

const RAW_SETS: readonly unknown[] = [laiChauSo2025, minhHoa3Cap];

let cache: CriteriaSet[] | null = null;

export function bundledSets(): CriteriaSet[] {
  cache ??= RAW_SETS.map((raw) => loadCriteriaSet(raw, (raw as { id?: string }).id));
  return cache;
}

export function findBundledSet(id: string): CriteriaSet | undefined {
  return bundledSets().find((s) => s.id === id);
}
