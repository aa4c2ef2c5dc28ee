/**
 * Formula text for the scoring sheet. Only Excel 2010 functions (SUM, IF, IFERROR, N,
 * TRIM, ISNUMBER, COUNT, ROUND, SUMPRODUCT), English names, comma separators.
 * Comparisons round to thousandths so 15,3 reached as 10,2 + 5,1 still "meets" 15,3.
 */
import { NO_BAND, STATUS_LABELS, type PlanStatus, type Scorer } from '../domain';
import { a1 } from './a1';
import { COL, NOT_APPLICABLE_MARK } from './layout';

export const ref = (row: number, key: keyof typeof COL) => a1(row, COL[key]);

export const isNotApplicable = (row: number) => `TRIM(${ref(row, 'notApplicable')})="${NOT_APPLICABLE_MARK}"`;

export interface ChildRef {
  row: number;
  isLeaf: boolean;
  allowNotApplicable: boolean;
}

/**
 * A parent's self or appraised total. SUM over references ignores text, as Excel users
 * expect; a not-assessed leaf adds nothing even if a score was left in it.
 */
export function parentScoreSum(children: readonly ChildRef[], key: 'selfScore' | 'appraisedScore'): string {
  const terms = children.map((c) =>
    c.isLeaf && c.allowNotApplicable ? `IF(${isNotApplicable(c.row)},0,N(${ref(c.row, key)}))` : ref(c.row, key),
  );
  return `SUM(${terms.join(',')})`;
}

export function sumOf(rows: readonly number[], key: keyof typeof COL): string {
  return `SUM(${rows.map((r) => ref(r, key)).join(',')})`;
}

/** Blank until something is scored, like the engine's null. */
export function sumOrBlank(rows: readonly number[], key: keyof typeof COL): string {
  const list = rows.map((r) => ref(r, key)).join(',');
  return `IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/**
 * The leaf's score that counts (domain/result.ts leafFinalPoints): for a self-scored leaf
 * the appraised score where given, else the self-score; for a survey or council leaf only
 * the score entered in the appraisal column; blank when not assessed. Template 1.0.0 took
 * the self-score of every leaf (scoredBy omitted).
 */
export function leafFinalScore(row: number, allowNotApplicable: boolean, scoredBy: Scorer = 'self'): string {
  const self = ref(row, 'selfScore');
  const appraised = ref(row, 'appraisedScore');
  const pick = scoredBy === 'self' ? `IF(ISNUMBER(${appraised}),${appraised},IF(ISNUMBER(${self}),${self},""))` : `IF(ISNUMBER(${appraised}),${appraised},"")`;
  return allowNotApplicable ? `IF(${isNotApplicable(row)},"",${pick})` : pick;
}

export function leafApplicableMax(row: number, allowNotApplicable: boolean): string {
  return allowNotApplicable ? `IF(${isNotApplicable(row)},0,${ref(row, 'maxScore')})` : ref(row, 'maxScore');
}

export function rowRates(row: number) {
  const score = ref(row, 'score');
  const target = ref(row, 'target');
  const applicable = ref(row, 'applicableMax');
  return {
    scoreRate: `IF(${score}="","",IFERROR(${score}/${applicable},""))`,
    completion: `IF(OR(${target}="",${score}=""),"",IFERROR(${score}/${target},""))`,
    gapToTarget: `IF(OR(${target}="",${score}=""),"",IFERROR(ROUND(${target}-${score},3),""))`,
    gapToMax: `IF(${score}="","",ROUND(${applicable}-${score},3))`,
  };
}

/**
 * The band of an index cell, decided on the index as published (ROUND(index, 4), 0,01%),
 * as the engine decides it (domain/bands.ts); "Chưa xếp loại" while there is none.
 * Nested IFs from the highest band down; the set's bands are data.
 */
export function bandFormula(indexCell: string, bands: ReadonlyArray<{ label: string; minRate: number }>): string {
  const none = `"${escapeText(NO_BAND.vi)}"`;
  if (bands.length === 0) return none;
  const sorted = [...bands].sort((a, b) => b.minRate - a.minRate);
  const chain = sorted.reduceRight((otherwise, band) => `IF(ROUND(${indexCell},4)>=${band.minRate},"${escapeText(band.label)}",${otherwise})`, none);
  return `IF(ISNUMBER(${indexCell}),${chain},${none})`;
}

/** The band formula of template 1.0.0, for checking files made with it. */
export function bandFormula1_0_0(indexCell: string, bands: ReadonlyArray<{ label: string; minRate: number }>): string {
  if (bands.length === 0) return `IF(${indexCell}="","","Chưa quy định")`;
  const sorted = [...bands].sort((a, b) => b.minRate - a.minRate);
  const chain = sorted.reduceRight((otherwise, band) => `IF(ROUND(${indexCell},9)>=${band.minRate},"${escapeText(band.label)}",${otherwise})`, '"Chưa xếp loại"');
  return `IF(${indexCell}="","",${chain})`;
}

/**
 * Status words of the plan table, matching the engine's met / near / below. The near
 * test rounds the completion rate: 13,77 of 15,3 is exactly 90 %, which plain doubles
 * put a hair below.
 */
export function statusFormula(target: string, score: string, nearBand: number): string {
  const word = (status: PlanStatus) => `"${STATUS_LABELS[status].vi}"`;
  return `IF(${target}="",${word('no-target')},IF(${score}="",${word('no-score')},IF(ROUND(${score},3)>=ROUND(${target},3),${word('met')},IF(IFERROR(ROUND(${score}/${target},9),0)>=${nearBand},${word('near')},${word('below')}))))`;
}

/** Conditional-format tests for met / near / below, with the same rounding as statusFormula. */
export function statusTests(target: string, score: string, nearBand: number) {
  const both = `ISNUMBER(${target}),ISNUMBER(${score})`;
  const met = `ROUND(${score},3)>=ROUND(${target},3)`;
  const completion = `ROUND(${score}/${target},9)`;
  return {
    met: `AND(${both},${met})`,
    near: `AND(${both},NOT(${met}),${completion}>=${nearBand})`,
    below: `AND(${both},NOT(${met}),${completion}<${nearBand})`,
  };
}

/** A row counts (its maximum is in the index) when its applicable maximum is above 0. */
export const isApplicable = (row: number) => `${ref(row, 'applicableMax')}>0`;

/**
 * A parent's target, as the engine sets it: known once every applicable child has one,
 * then their sum; blank when the parent is not assessed at all.
 */
export function targetRollup(row: number, childRows: readonly number[]): string {
  const missing = childRows.map((r) => `IF(${isApplicable(r)},IF(ISNUMBER(${ref(r, 'target')}),0,1),0)`).join(',');
  const sum = childRows.map((r) => `IF(${isApplicable(r)},N(${ref(r, 'target')}),0)`).join(',');
  return `IF(NOT(${isApplicable(row)}),"",IF(SUM(${missing})>0,"",SUM(${sum})))`;
}

/** A field's target: the one typed in the plan table, else its criteria's sum. */
export function fieldTarget(row: number, typedCell: string, childRows: readonly number[] | null): string {
  const typed = `IF(${isApplicable(row)},${typedCell},"")`;
  if (childRows === null) return `IF(ISNUMBER(${typedCell}),${typed},"")`;
  const rollup = targetRollup(row, childRows);
  return `IF(ISNUMBER(${typedCell}),${typed},${rollup})`;
}

export function escapeText(text: string): string {
  return text.replace(/"/g, '""');
}
