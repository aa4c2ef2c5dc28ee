/**
 * The scoring workbook for a criteria set: "Chấm điểm" (scores, evidence, appraisal),
 * "Tổng hợp" (the plan table) and the very hidden "_par" metadata. Both renderers write
 * what this returns.
 */
import { criteriaSetToData, type CriteriaSet } from '../domain';
import { a1, sheetRef } from './a1';
import { COL, HEAD, ROWS, SHEETS } from './layout';
import { buildMetaSheet, metaLayout } from './meta-sheet';
import type { WorkbookOptions } from './options';
import { buildScoringSheet, scoringLayout } from './scoring-sheet';
import type { DefinedNameSpec, WorkbookSpec } from './spec';
import { buildSummarySheet, summaryTargetCell } from './summary-sheet';
import { layoutOf } from './template-versions';
import { buildSummarySheet1_0_0 } from './templates/summary-1.0.0';

export function buildWorkbook(set: CriteriaSet, options: WorkbookOptions = {}): WorkbookSpec {
  const layout = scoringLayout(set);
  const meta = metaLayout(set);
  const scoring = buildScoringSheet(set, options, {
    summaryTargetCell: (code) => sheetRef(SHEETS.summary, summaryTargetCell(set, code, options.templateVersion)),
    optionListRef: meta.optionListRef,
  });
  const summary = options.templateVersion === '1.0.0' ? buildSummarySheet1_0_0(set, options, layout) : buildSummarySheet(set, options, layout);
  const metaSheet = buildMetaSheet(set, options, layout, JSON.stringify(criteriaSetToData(set)));
  const { headYear } = layoutOf(options.templateVersion);
  const at = (row: number, col: number) => sheetRef(SHEETS.scoring, a1(row, col, true));
  // Names move with rows a user inserts, so readers and formulas elsewhere can rely on them.
  const names: DefinedNameSpec[] = [
    { name: 'PAR_TABLE', ref: sheetRef(SHEETS.scoring, `${a1(ROWS.header, 1, true)}:${a1(layout.totalRow, COL.flags, true)}`) },
    { name: 'PAR_SELF_TOTAL', ref: at(layout.totalRow, COL.selfScore) },
    { name: 'PAR_APPRAISED_TOTAL', ref: at(layout.totalRow, COL.appraisedScore) },
    { name: 'PAR_SCORE_TOTAL', ref: at(layout.totalRow, COL.score) },
    { name: 'PAR_APPLICABLE_MAX', ref: at(layout.totalRow, COL.applicableMax) },
    // The result (domain/result.ts) in the head; the index is a fraction, the band text.
    { name: 'PAR_SELF_POINTS', ref: at(HEAD.selfTotal.row, HEAD.selfTotal.col) },
    { name: 'PAR_SELF_MAX', ref: at(HEAD.selfMax.row, HEAD.selfMax.col) },
    { name: 'PAR_SELF_INDEX', ref: at(HEAD.selfIndex.row, HEAD.selfIndex.col) },
    { name: 'PAR_APPRAISED_POINTS', ref: at(HEAD.appraisedTotal.row, HEAD.appraisedTotal.col) },
    { name: 'PAR_APPRAISED_MAX', ref: at(HEAD.appraisedMax.row, HEAD.appraisedMax.col) },
    { name: 'PAR_APPRAISED_INDEX', ref: at(HEAD.appraisedIndex.row, HEAD.appraisedIndex.col) },
    { name: 'PAR_FINAL_POINTS', ref: at(HEAD.finalTotal.row, HEAD.finalTotal.col) },
    { name: 'PAR_FINAL_MAX', ref: at(HEAD.finalMax.row, HEAD.finalMax.col) },
    { name: 'PAR_FINAL_INDEX', ref: at(HEAD.finalIndex.row, HEAD.finalIndex.col) },
    { name: 'PAR_FINAL_BAND', ref: at(HEAD.finalBand.row, HEAD.finalBand.col) },
    { name: 'PAR_FINAL_PROVISIONAL', ref: at(HEAD.finalProvisional.row, HEAD.finalProvisional.col) },
    { name: 'PAR_UNIT', ref: at(HEAD.unit.row, HEAD.unit.col) },
    { name: 'PAR_YEAR', ref: at(headYear.row, headYear.col) },
  ];
  return {
    sheets: [scoring, summary, metaSheet],
    names,
    properties: {
      title: `Chỉ số CCHC ${options.year ?? set.year}${options.unit ? ` — ${options.unit}` : ''}`,
      subject: set.title,
      creator: 'par-index',
    },
  };
}
