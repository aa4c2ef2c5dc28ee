/**
 * Formula text for the scoring sheet. Only Excel 2010 functions (SUM, IF, IFERROR, N,
 * TRIM, ISNUMBER, COUNT, ROUND, SUMPRODUCT), English names, comma separators.
 * Comparisons round to thousandths so 15,3 reached as 10,2 + 5,1 still "meets" 15,3.
 */
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

/** The leaf's score that counts: appraised where given, else self; blank when not assessed. */
export function leafFinalScore(row: number, allowNotApplicable: boolean): string {
  const self = ref(row, 'selfScore');
  const appraised = ref(row, 'appraisedScore');
  const pick = `IF(ISNUMBER(${appraised}),${appraised},IF(ISNUMBER(${self}),${self},""))`;
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

/** Nested IFs from the highest band down; the set's bands are data. */
export function bandFormula(indexCell: string, bands: ReadonlyArray<{ label: string; minRate: number }>): string {
  if (bands.length === 0) return `IF(${indexCell}="","","Chưa quy định")`;
  const sorted = [...bands].sort((a, b) => b.minRate - a.minRate);
  const chain = sorted.reduceRight((otherwise, band) => `IF(ROUND(${indexCell},9)>=${band.minRate},"${escapeText(band.label)}",${otherwise})`, '"Chưa xếp loại"');
  return `IF(${indexCell}="","",${chain})`;
}

/** Status words of the plan table, matching the engine's met / near / below. */
export function statusFormula(target: string, score: string, nearBand: number): string {
  return `IF(${target}="","Chưa có mục tiêu",IF(${score}="","Chưa chấm",IF(ROUND(${score},3)>=ROUND(${target},3),"Đạt mục tiêu",IF(${score}>=${target}*${nearBand},"Gần đạt","Chưa đạt"))))`;
}

export function escapeText(text: string): string {
  return text.replace(/"/g, '""');
}
