/**
 * Problem codes are stable: the CLI's JSON, the pane and other tools key on them.
 * Messages are Vietnamese first, English second, and name the criterion and the value.
 */
import type { CellRef, EntryField } from './assessment';
import { ALL_PROBLEM_CODES, PROBLEM_CATALOGUE, type ProblemCode, type Severity } from './problem-codes';

/** The codes of the set's own rules (validateAssessment); the catalogue has every code. */
export const PROBLEM_CODES = ALL_PROBLEM_CODES.filter((c) => PROBLEM_CATALOGUE[c].source === 'rules');

export interface Problem {
  /** One of the catalogue's codes (problem-codes.ts). */
  code: ProblemCode;
  severity: Severity;
  /** Criterion code; null for problems about the whole file. */
  criterion: string | null;
  field?: EntryField;
  cell?: CellRef;
  message: string;
  messageEn: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by the order criteria appear in the set. */
export function sortProblems(problems: Problem[], order: ReadonlyMap<string, number>): Problem[] {
  const pos = (p: Problem) => (p.criterion === null ? -1 : (order.get(p.criterion) ?? Number.MAX_SAFE_INTEGER));
  return [...problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || pos(a) - pos(b));
}

export const FIELD_LABELS: Record<EntryField, { vi: string; en: string }> = {
  selfScore: { vi: 'Điểm tự đánh giá', en: 'Self-score' },
  appraisedScore: { vi: 'Điểm thẩm định', en: 'Appraised score' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  notApplicable: { vi: 'Không đánh giá', en: 'Not assessed' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  explanation: { vi: 'Giải trình', en: 'Explanation' },
  appraisalNote: { vi: 'Ý kiến thẩm định', en: 'Appraisal note' },
  leadUnit: { vi: 'Đơn vị chủ trì', en: 'Lead unit' },
  partnerUnits: { vi: 'Đơn vị phối hợp', en: 'Coordinating units' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  previousScore: { vi: 'Điểm năm trước', en: "Last year's score" },
  statedSelfTotal: { vi: 'Tổng điểm ghi trong bảng', en: 'Stated total' },
};
