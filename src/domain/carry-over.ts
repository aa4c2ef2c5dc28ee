/**
 * Moving what a unit typed into a new version of its criteria set, by criterion code.
 * Nothing is dropped silently: a value whose row no longer exists, or no longer takes
 * that value (a leaf that became a parent cannot hold a score), comes back as an orphan
 * with its old cell, so the workbook can list it for the user.
 */
import { cellOf, type Assessment, type CellRef, type Entry, type EntryField } from './assessment';
import type { CriteriaSet } from './criteria-set';
import { formatPoints } from './number';
import { FIELD_LABELS } from './problems';

export interface OrphanedValue {
  code: string;
  field: EntryField;
  value: unknown;
  cell?: CellRef;
  reason: 'row-removed' | 'now-a-parent' | 'not-applicable-not-allowed';
  message: string;
}

export interface CarryOver {
  values: Assessment;
  /** How many typed values found their place in the new set. */
  carried: number;
  orphaned: OrphanedValue[];
}

/** Values a parent row still takes: its target, who carries it and last year's score. */
const PARENT_FIELDS: ReadonlySet<EntryField> = new Set(['target', 'leadUnit', 'partnerUnits', 'deadline', 'previousScore']);

export function carryOver(assessment: Assessment, set: CriteriaSet): CarryOver {
  const values: Assessment = { entries: {} };
  const orphaned: OrphanedValue[] = [];
  let carried = 0;
  for (const [code, entry] of Object.entries(assessment.entries)) {
    const node = set.byCode.get(code);
    for (const [field, value] of Object.entries(entry) as Array<[EntryField, Entry[EntryField]]>) {
      if (!isTyped(value) || field === 'statedSelfTotal') continue;
      const fits = field === 'notApplicable' ? node?.isLeaf === true && node.allowNotApplicable : node && (node.isLeaf || PARENT_FIELDS.has(field));
      if (fits) {
        (values.entries[code] ??= {})[field] = value as never;
        carried++;
        continue;
      }
      const reason = !node ? 'row-removed' : node.isLeaf ? 'not-applicable-not-allowed' : 'now-a-parent';
      const cell = cellOf(assessment, code, field);
      orphaned.push({
        code,
        field,
        value,
        ...(cell ? { cell } : {}),
        reason,
        message:
          reason === 'row-removed'
            ? `Tiêu chí ${code} không còn trong bộ tiêu chí ${set.id} (phiên bản ${set.version}); ${FIELD_LABELS[field].vi.toLowerCase()} đã nhập: ${shown(value)}`
            : reason === 'now-a-parent'
              ? `Tiêu chí ${code} nay có tiêu chí con nên không nhận ${FIELD_LABELS[field].vi.toLowerCase()}; giá trị đã nhập: ${shown(value)}`
              : `Tiêu chí ${code} trong phiên bản ${set.version} không cho phép "Không đánh giá"; dòng này nay được chấm bình thường`,
      });
    }
  }
  return { values, carried, orphaned };
}

/** "Không đánh giá" is typed as x in the sheet; say it the same way, and numbers as vi-VN shows them. */
function shown(value: unknown): string {
  if (typeof value === 'number') return formatPoints(value);
  return value === true ? 'x' : String(value);
}

function isTyped(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}
