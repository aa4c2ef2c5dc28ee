/**
 * The printed views of the scoring workbook, one per role. A view is which columns of
 * "Chấm điểm" show (hidden columns do not print) and which sheet the file opens on, so the
 * sheet someone prints by just pressing Print is the form of their role, legible on A4.
 */
import { COL, SCORING_COLUMNS, SHEETS, type ScoringColumnKey } from './layout';

export const PRINT_VIEWS = ['tu-danh-gia', 'tham-dinh', 'ke-hoach'] as const;
export type PrintView = (typeof PRINT_VIEWS)[number];

export const DEFAULT_PRINT_VIEW: PrintView = 'tu-danh-gia';

interface ViewDefinition {
  label: string;
  labelEn: string;
  /** The sheet the file opens on and prints. */
  sheet: string;
  /** Columns of "Chấm điểm" shown in this view; every other one is hidden. */
  scoringColumns: readonly ScoringColumnKey[];
}

const SELF: readonly ScoringColumnKey[] = ['code', 'name', 'maxScore', 'selfScore', 'notApplicable', 'evidence', 'explanation'];

export const PRINT_VIEW: Record<PrintView, ViewDefinition> = {
  'tu-danh-gia': { label: 'Biểu tự đánh giá của đơn vị', labelEn: "The unit's self-assessment form", sheet: SHEETS.scoring, scoringColumns: SELF },
  'tham-dinh': {
    label: 'Biểu thẩm định',
    labelEn: 'The appraisal form',
    sheet: SHEETS.scoring,
    scoringColumns: [...SELF, 'appraisedScore', 'appraisalNote'],
  },
  'ke-hoach': {
    label: 'Kế hoạch (bảng Tổng hợp)',
    labelEn: 'The plan (the Tổng hợp table)',
    sheet: SHEETS.summary,
    // The self-score and "x" columns carry the head's "/ maximum" and rate (layout.ts HEAD): without
    // them the printed result would be points alone. Room for them on A4 at a legible scale comes
    // from the rate of the maximum and the gap, which the plan table prints per field: per
    // criterion the target, the points and the completion of the target stay.
    scoringColumns: ['code', 'name', 'maxScore', 'target', 'selfScore', 'notApplicable', 'score', 'completion', 'leadUnit', 'partnerUnits', 'deadline', 'previousScore'],
  },
};

/** Columns (1-based) of "Chấm điểm" a view hides; the row-kind column is always hidden. */
export function hiddenScoringColumns(view: PrintView): number[] {
  const shown = new Set<ScoringColumnKey>(PRINT_VIEW[view].scoringColumns);
  return SCORING_COLUMNS.filter((c) => !shown.has(c.key)).map((c) => COL[c.key]);
}

export function isPrintView(text: string): text is PrintView {
  return (PRINT_VIEWS as readonly string[]).includes(text);
}
