/**
 * The result of a unit, defined once: every surface (the workbook head, check, plan, the
 * consolidation, the pane) shows these figures under these names.
 *
 * - Tự đánh giá (self): self-scores of the applicable self-scored leaves, out of those
 *   leaves' maximum — survey and council rows are not the unit's to score.
 * - Thẩm định (appraised): per self-scored leaf the appraised score where the council gave
 *   one, else the self-score; per council-scored leaf the council's score; out of the
 *   applicable maximum of both kinds.
 * - Điều tra XHH (survey): the survey-scored leaves, entered in the appraisal column.
 * - Điểm đạt / Chỉ số (final): appraised + survey points ÷ the applicable maximum of all
 *   leaves. Units are ranked and banded on it; targets are measured against it.
 * - Tạm tính (provisional): while a survey or council leaf has no score yet.
 *
 * Points are exact (thousandths); the index users compare is published rounded to 0,01%,
 * and ranks and bands are decided on that published value.
 */
import { entryOf, type Assessment, type Entry } from './assessment';
import type { Criterion, CriteriaSet } from './criteria-set';
import { fromMilli, toMilli } from './decimal';
import { cellNumber } from './number';
import { bandForSteps, PUBLISHED_STEPS } from './bands';

export interface Figure {
  /** Sum of the scored leaves; null while none of them is scored. */
  points: number | null;
  /** Applicable maximum of the leaves the figure covers ("không đánh giá" rows left out). */
  max: number;
  /** points ÷ max, exact; null when nothing is scored or nothing is applicable. */
  index: number | null;
}

export interface FinalFigure extends Figure {
  /** The index as published: rounded to 0,01% (a fraction with four decimals). */
  publishedIndex: number | null;
  /** The set's band label for the published index; null: no band yet (NO_BAND). */
  band: string | null;
  /** A survey or council leaf has no score yet. */
  provisional: boolean;
}

export interface Result {
  self: Figure;
  appraised: Figure;
  survey: Figure;
  council: Figure;
  final: FinalFigure;
}

/** "No band yet", written one way wherever a result is shown. */
export const NO_BAND = { vi: 'Chưa xếp loại', en: 'Not banded yet' } as const;
/** The mark beside a provisional index or band. */
export const PROVISIONAL = { vi: 'tạm tính', en: 'provisional' } as const;

/** Whether a leaf counts at all: not when marked "không đánh giá" where the set allows it. */
export function isApplicableLeaf(node: Criterion, entry: Entry): boolean {
  return !(entry.notApplicable === true && node.allowNotApplicable);
}

/**
 * The points a leaf adds to the appraised and final figures: for a self-scored leaf the
 * appraised score where there is one, else the self-score; for a survey or council leaf
 * only the score entered for it (in the appraisal column). Text is not a number, as in Excel.
 */
export function leafFinalPoints(node: Criterion, entry: Entry): number | null {
  const appraised = cellNumber(entry.appraisedScore);
  if (node.scoredBy !== 'self') return appraised;
  return appraised ?? cellNumber(entry.selfScore);
}

export function computeResult(set: CriteriaSet, assessment: Assessment): Result {
  const sums = {
    self: new Sum(),
    appraised: new Sum(),
    survey: new Sum(),
    council: new Sum(),
    final: new Sum(),
  };
  let provisional = false;
  for (const node of set.nodes) {
    if (!node.isLeaf) continue;
    const entry = entryOf(assessment, node.code);
    if (!isApplicableLeaf(node, entry)) continue;
    const max = toMilli(node.maxScore);
    const points = leafFinalPoints(node, entry);
    sums.final.add(max, points);
    if (node.scoredBy === 'self') {
      sums.self.add(max, cellNumber(entry.selfScore));
      sums.appraised.add(max, points);
    } else if (node.scoredBy === 'council') {
      sums.council.add(max, points);
      sums.appraised.add(max, points);
      if (points === null) provisional = true;
    } else {
      sums.survey.add(max, points);
      if (points === null) provisional = true;
    }
  }
  const final = sums.final.figure();
  const steps = sums.final.publishedSteps();
  return {
    self: sums.self.figure(),
    appraised: sums.appraised.figure(),
    survey: sums.survey.figure(),
    council: sums.council.figure(),
    final: {
      ...final,
      publishedIndex: steps === null ? null : steps / PUBLISHED_STEPS,
      band: bandForSteps(steps, set.bands)?.label ?? null,
      provisional,
    },
  };
}

/** The band label, "Khá (tạm tính)", or the one "no band yet" text. */
export function bandText(final: Pick<FinalFigure, 'band' | 'provisional' | 'index'>, locale: 'vi' | 'en' = 'vi'): string {
  const label = final.band ?? NO_BAND[locale];
  return final.provisional && final.index !== null ? `${label} (${PROVISIONAL[locale]})` : label;
}

/** Points and maximum in integer thousandths. */
class Sum {
  max = 0;
  points = 0;
  scored = 0;

  add(max: number, points: number | null): void {
    this.max += max;
    if (points === null) return;
    this.points += toMilli(points);
    this.scored++;
  }

  /** The published index from the integer sums, so 89,995% is not lost to float noise. */
  publishedSteps(): number | null {
    if (this.scored === 0 || this.max === 0) return null;
    return Math.round((this.points * PUBLISHED_STEPS) / this.max);
  }

  figure(): Figure {
    const points = this.scored === 0 ? null : fromMilli(this.points);
    return { points, max: fromMilli(this.max), index: points === null || this.max === 0 ? null : this.points / this.max };
  }
}
