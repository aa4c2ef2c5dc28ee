/**
 * Checks what a unit typed against the set's maxima and scoring rules. Data validation in
 * Excel is only a first line (a paste bypasses it), so this is the authority: every
 * problem carries a code, a severity, the criterion and, when known, the cell.
 */
import { cellOf, entryOf, type Assessment, type CellValue, type EntryField } from './assessment';
import { nodeOrder, type Criterion, type CriteriaSet } from './criteria-set';
import { pointsEqual, sumPoints, toMilli } from './decimal';
import { formatPoints, numberOrNull, parseNumber } from './number';
import { FIELD_LABELS, sortProblems, type Problem } from './problems';
import type { ProblemCode, Severity } from './problem-codes';
import { appraisedDiffers, scoredWithoutEvidence } from './rules';
import { computeTotals, type Totals } from './totals';

export interface ValidateOptions {
  /** Warn about fields without a target (planning). Default: only when some target is typed. */
  requireTargets?: boolean;
  /** Appraisal also requires an appraised score on every applicable leaf. */
  stage?: 'self' | 'appraisal';
}

export function validateAssessment(set: CriteriaSet, assessment: Assessment, options: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const add = (node: Criterion | string | null, code: ProblemCode, severity: Severity, field: EntryField | undefined, vi: string, en: string) => {
    const criterion = typeof node === 'string' || node === null ? node : node.code;
    const cell = criterion !== null && field ? cellOf(assessment, criterion, field) : undefined;
    problems.push({ code, severity, criterion, ...(field ? { field } : {}), ...(cell ? { cell } : {}), message: vi, messageEn: en });
  };

  for (const code of Object.keys(assessment.entries)) {
    if (!set.byCode.has(code)) {
      add(code, 'unknown-criterion', 'warning', undefined, `Mã "${code}" không có trong bộ tiêu chí ${set.id}`, `Code "${code}" is not in set ${set.id}`);
    }
  }

  // Needed only where a parent's sum was typed over, which most files never do.
  let selfTotals: Totals | null = null;
  const childTotals = () => (selfTotals ??= computeTotals(set, assessment, 'self'));
  const applicableMax = (code: string) => childTotals().byCode.get(code)?.applicableMax ?? 0;
  const anyTarget = set.nodes.some((n) => parseNumber(entryOf(assessment, n.code).target).kind !== 'empty');
  const wantTargets = options.requireTargets ?? anyTarget;

  for (const node of set.nodes) {
    const entry = entryOf(assessment, node.code);
    checkTarget(node, entry.target, wantTargets && node.depth === 1, applicableMax, add);
    if (!node.isLeaf) {
      checkStatedTotal(node, entry.statedSelfTotal, childTotals, add);
      continue;
    }
    const na = entry.notApplicable === true;
    if (na && !node.allowNotApplicable) {
      add(node, 'na-not-allowed', 'error', 'notApplicable',
        `Tiêu chí ${node.code} không được đánh dấu "Không đánh giá": mọi đơn vị đều phải chấm tiêu chí này`,
        `Criterion ${node.code} cannot be marked "not assessed"`);
    }
    const applicable = !(na && node.allowNotApplicable);
    const self = checkScore(node, 'selfScore', entry.selfScore, add);
    const appraised = checkScore(node, 'appraisedScore', entry.appraisedScore, add);
    if (!applicable) {
      if (self !== null || appraised !== null) {
        add(node, 'na-scored', 'warning', self !== null ? 'selfScore' : 'appraisedScore',
          `Tiêu chí ${node.code} đã đánh dấu "Không đánh giá" nhưng vẫn có điểm; điểm này không được tính`,
          `Criterion ${node.code} is marked not assessed but has a score, which is not counted`);
      }
      continue;
    }
    if (node.scoredBy === 'self') {
      if (self === null && parseNumber(entry.selfScore).kind === 'empty') {
        add(node, 'score-missing', 'warning', 'selfScore', `Tiêu chí ${node.code} chưa có điểm tự đánh giá`, `Criterion ${node.code} has no self-score`);
      }
      const unproven = scoredWithoutEvidence(node, entry);
      if (unproven?.explained) {
        add(node, 'evidence-missing', 'warning', 'evidence',
          `Tiêu chí ${node.code} có ${formatPoints(unproven.self)} điểm nhưng chưa có tài liệu kiểm chứng (đã có giải trình)`,
          `Criterion ${node.code} scores ${unproven.self} without evidence (an explanation is given)`);
      } else if (unproven) {
        add(node, 'explanation-missing', 'error', 'explanation',
          `Tiêu chí ${node.code} có ${formatPoints(unproven.self)} điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình cách tính điểm`,
          `Criterion ${node.code} scores ${unproven.self} with neither evidence nor an explanation`);
      }
    } else if (parseNumber(entry.selfScore).kind !== 'empty') {
      const who = node.scoredBy === 'survey' ? 'điều tra xã hội học' : 'Hội đồng thẩm định';
      add(node, 'survey-self-scored', 'error', 'selfScore',
        `Tiêu chí ${node.code} do ${who} chấm, đơn vị không tự chấm điểm; hãy xóa điểm tự đánh giá`,
        `Criterion ${node.code} is scored by the ${node.scoredBy === 'survey' ? 'survey' : 'appraisal council'}, not self-scored`);
    }
    if (options.stage === 'appraisal' && appraised === null && parseNumber(entry.appraisedScore).kind === 'empty') {
      add(node, 'score-missing', 'warning', 'appraisedScore', `Tiêu chí ${node.code} chưa có điểm thẩm định`, `Criterion ${node.code} has no appraised score`);
    }
    const differs = self !== null && appraised !== null ? appraisedDiffers(entry) : null;
    if (differs) {
      add(node, 'appraised-differs', 'info', 'appraisedScore',
        `Tiêu chí ${node.code}: điểm thẩm định ${formatPoints(differs.appraised)} khác điểm tự đánh giá ${formatPoints(differs.self)}`,
        `Criterion ${node.code}: appraised ${differs.appraised} differs from self-score ${differs.self}`);
    }
  }
  return sortProblems(problems, nodeOrder(set));
}

type Add = (node: Criterion, code: ProblemCode, severity: Severity, field: EntryField | undefined, vi: string, en: string) => void;

/** The score as a number when it is usable, else null (after recording why). */
function checkScore(node: Criterion, field: 'selfScore' | 'appraisedScore', raw: CellValue, add: Add): number | null {
  const label = FIELD_LABELS[field];
  const parsed = parseNumber(raw);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'invalid') {
    add(node, 'score-not-number', 'error', field,
      `${label.vi} của tiêu chí ${node.code} là "${parsed.input}", không phải một số (viết như 2,5 hoặc 2.5)`,
      `${label.en} of criterion ${node.code} is "${parsed.input}", not a number`);
    return null;
  }
  const value = parsed.value;
  if (typeof raw === 'string') {
    add(node, 'number-as-text', 'error', field, asTextMessage(label.vi, node, raw, value), `${label.en} of ${node.code} is the text "${raw}": as in Excel it is not added up; type it as the number ${value}`);
    return null;
  }
  if (value < 0) {
    add(node, 'score-negative', 'error', field, `${label.vi} của tiêu chí ${node.code} là số âm (${formatPoints(value)})`, `${label.en} of criterion ${node.code} is negative (${value})`);
    return null;
  }
  if (toMilli(value) > toMilli(node.maxScore)) {
    add(node, 'score-above-max', 'error', field,
      `${label.vi} của tiêu chí ${node.code} là ${formatPoints(value)}, vượt điểm tối đa ${formatPoints(node.maxScore)}`,
      `${label.en} of criterion ${node.code} is ${value}, above the maximum ${node.maxScore}`);
    return value;
  }
  if (node.method === 'options' && !node.options.some((o) => pointsEqual(o.points, value))) {
    const allowed = node.options.map((o) => `${formatPoints(o.points)} (${o.label})`).join('; ');
    add(node, 'score-not-option', 'error', field,
      `${label.vi} của tiêu chí ${node.code} là ${formatPoints(value)}, không thuộc các mức được chấm: ${allowed}`,
      `${label.en} of criterion ${node.code} is ${value}, not one of the allowed outcomes: ${node.options.map((o) => o.points).join(', ')}`);
  }
  return value;
}

function checkTarget(node: Criterion, raw: CellValue, required: boolean, applicableMax: (code: string) => number, add: Add): void {
  const parsed = parseNumber(raw);
  if (parsed.kind === 'empty') {
    if (required) add(node, 'target-missing', 'warning', 'target', `Lĩnh vực ${node.code} chưa có mục tiêu điểm`, `Field ${node.code} has no target`);
    return;
  }
  if (parsed.kind === 'invalid') {
    add(node, 'target-not-number', 'error', 'target', `Mục tiêu của ${node.code} là "${parsed.input}", không phải một số`, `Target of ${node.code} is "${parsed.input}", not a number`);
  } else if (typeof raw === 'string') {
    add(node, 'number-as-text', 'error', 'target', asTextMessage('Mục tiêu', node, raw, parsed.value), `Target of ${node.code} is the text "${raw}": as in Excel it is not added up; type it as the number ${parsed.value}`);
  } else if (parsed.value < 0) {
    add(node, 'target-negative', 'error', 'target', `Mục tiêu của ${node.code} là số âm (${formatPoints(parsed.value)})`, `Target of ${node.code} is negative`);
  } else if (toMilli(parsed.value) > toMilli(node.maxScore)) {
    add(node, 'target-above-max', 'error', 'target',
      `Mục tiêu của ${node.code} là ${formatPoints(parsed.value)}, vượt điểm tối đa ${formatPoints(node.maxScore)}`,
      `Target of ${node.code} is ${parsed.value}, above the maximum ${node.maxScore}`);
  } else {
    const applicable = applicableMax(node.code);
    if (toMilli(parsed.value) > toMilli(applicable)) {
      add(node, 'target-above-applicable-max', 'warning', 'target',
        `Mục tiêu của ${node.code} là ${formatPoints(parsed.value)}, vượt điểm tối đa áp dụng ${formatPoints(applicable)} (điểm tối đa ${formatPoints(node.maxScore)}, trừ các dòng "Không đánh giá"): không thể đạt`,
        `Target of ${node.code} is ${parsed.value}, above the applicable maximum ${applicable} (maximum ${node.maxScore}, less the not-assessed rows): it cannot be reached`);
    }
  }
}

/** "15,3" stored as text: as in Excel, not added up; the message gives the number to type. */
function asTextMessage(what: string, node: Criterion, raw: string, value: number): string {
  return `${what} của ${node.depth === 1 ? 'lĩnh vực' : 'tiêu chí'} ${node.code} được lưu dạng chữ "${raw}", không phải số: như Excel, ô này không được cộng vào tổng. Hãy gõ lại thành số ${formatPoints(value)}`;
}

function checkStatedTotal(node: Criterion, raw: CellValue, selfTotals: () => Totals, add: Add): void {
  const stated = numberOrNull(raw);
  if (stated === null) return;
  const byCode = selfTotals().byCode;
  const sum = sumPoints(node.children.map((c) => byCode.get(c.code)?.score ?? 0));
  if (!pointsEqual(stated, sum)) {
    add(node, 'parent-total-mismatch', 'error', 'statedSelfTotal',
      `Tổng điểm ghi ở ${node.code} là ${formatPoints(stated)} nhưng cộng các tiêu chí con được ${formatPoints(sum)}`,
      `Stated total of ${node.code} is ${stated} but its children add up to ${sum}`);
  }
}
