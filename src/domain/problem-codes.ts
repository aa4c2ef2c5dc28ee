/**
 * Every problem code, once, with its severity and meaning: the CLI's JSON, the pane, the
 * consolidation and other tools key on these codes, and the README's table is this list
 * (test/domain/problem-codes.test.ts compares them).
 *
 * source: "rules" — the set's scoring rules (validateAssessment), the same for any input;
 * "file" — what reading found done to the workbook itself (tampering, text for numbers).
 * severity is what the problem always has; `lesser` names the severity it takes in the
 * milder case the meaning describes.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface ProblemCodeInfo {
  severity: Severity;
  lesser?: Severity;
  source: 'rules' | 'file';
  vi: string;
  en: string;
}

export const PROBLEM_CATALOGUE = {
  'score-above-max': { severity: 'error', source: 'rules', vi: 'Điểm vượt điểm tối đa của tiêu chí', en: 'A score is above the criterion’s maximum' },
  'score-negative': { severity: 'error', source: 'rules', vi: 'Điểm là số âm', en: 'A score is negative' },
  'score-not-number': { severity: 'error', source: 'rules', vi: 'Ô điểm có chữ không đọc được thành số', en: 'A score cell holds text that is not a number' },
  'score-not-option': { severity: 'error', source: 'rules', vi: 'Điểm không thuộc các mức được chấm của tiêu chí', en: 'A score is not one of the criterion’s allowed outcomes' },
  'score-missing': { severity: 'warning', source: 'rules', vi: 'Tiêu chí chưa có điểm (tự đánh giá; điểm thẩm định khi thẩm định)', en: 'A criterion has no score yet' },
  'na-not-allowed': { severity: 'error', source: 'rules', vi: 'Đánh dấu "Không đánh giá" ở tiêu chí mọi đơn vị phải chấm', en: '"Not assessed" on a criterion every unit must score' },
  'na-scored': { severity: 'warning', source: 'rules', vi: 'Dòng "Không đánh giá" vẫn có điểm; điểm đó không được tính', en: 'A not-assessed row has a score, which is not counted' },
  'evidence-missing': { severity: 'warning', source: 'rules', vi: 'Có điểm nhưng chưa có tài liệu kiểm chứng (đã có giải trình)', en: 'Scored without evidence (an explanation is given)' },
  'explanation-missing': { severity: 'error', source: 'rules', vi: 'Có điểm nhưng không có tài liệu kiểm chứng, cũng không có giải trình', en: 'Scored with neither evidence nor an explanation' },
  'target-above-max': { severity: 'error', source: 'rules', vi: 'Mục tiêu vượt điểm tối đa', en: 'A target is above the maximum' },
  'target-above-applicable-max': {
    severity: 'warning',
    source: 'rules',
    vi: 'Mục tiêu vượt điểm tối đa áp dụng (có dòng "Không đánh giá" bên dưới); thông báo ghi cả hai mức tối đa',
    en: 'A target is above the applicable maximum (rows below are not assessed); the message gives both maxima',
  },
  'target-negative': { severity: 'error', source: 'rules', vi: 'Mục tiêu là số âm', en: 'A target is negative' },
  'target-not-number': { severity: 'error', source: 'rules', vi: 'Ô mục tiêu có chữ không đọc được thành số', en: 'A target cell holds text that is not a number' },
  'target-missing': { severity: 'warning', source: 'rules', vi: 'Lĩnh vực chưa có mục tiêu (khi đã có mục tiêu ở nơi khác)', en: 'A field has no target (when others have one)' },
  'number-as-text': {
    severity: 'error',
    source: 'file',
    vi: 'Điểm, mục tiêu hoặc điểm tối đa lưu dạng chữ ("15,3"): như Excel, không được cộng; thông báo ghi số cần gõ lại',
    en: 'A score, target or maximum stored as text ("15,3"): as in Excel, not added up; the message gives the number to type',
  },
  'appraised-differs': { severity: 'info', source: 'rules', vi: 'Điểm thẩm định khác điểm tự đánh giá', en: 'The appraised score differs from the self-score' },
  'survey-self-scored': { severity: 'error', source: 'rules', vi: 'Đơn vị tự chấm dòng do điều tra XHH hoặc Hội đồng chấm', en: 'The unit scored a survey- or council-scored row' },
  'parent-total-mismatch': { severity: 'error', source: 'rules', vi: 'Tổng ghi ở dòng cha khác tổng các dòng con', en: 'A parent’s stated total differs from its children’s sum' },
  'unknown-criterion': { severity: 'warning', source: 'rules', vi: 'Mã không có trong bộ tiêu chí', en: 'A code that is not in the set' },
  'formula-in-input': {
    severity: 'error',
    source: 'file',
    vi: 'Ô nhập điểm chứa công thức chưa được tính (không có giá trị)',
    en: 'A score cell holds a formula that has not been calculated (no value)',
  },
  'max-changed': { severity: 'error', source: 'file', vi: 'Điểm tối đa trong tệp khác bộ tiêu chí (ô đã bị sửa)', en: 'A maximum in the file differs from the set (edited)' },
  'formula-overwritten': {
    severity: 'error',
    lesser: 'warning',
    source: 'file',
    vi: 'Công thức bị gõ đè bằng giá trị (cảnh báo khi là ô tiêu đề hoặc mục tiêu gợi ý được phép gõ đè)',
    en: 'A formula was typed over (a warning for title cells and suggested targets)',
  },
  'formula-changed': {
    severity: 'error',
    lesser: 'warning',
    source: 'file',
    vi: 'Công thức khác mẫu của tệp (cảnh báo khi không ảnh hưởng đến điểm)',
    en: 'A formula differs from the file’s template (a warning where it carries no points)',
  },
  'row-missing': { severity: 'error', source: 'file', vi: 'Thiếu dòng của tiêu chí hoặc dòng tổng cộng', en: 'A criterion’s row or the total row is missing' },
  'row-duplicated': { severity: 'error', source: 'file', vi: 'Một tiêu chí có hai dòng', en: 'A criterion has two rows' },
  'unknown-row-code': { severity: 'warning', source: 'file', vi: 'Dòng có mã không thuộc bộ tiêu chí; không được tính', en: 'A row with a code not in the set; not counted' },
  'code-as-number': { severity: 'warning', source: 'file', vi: 'Mã tiêu chí lưu dạng số ("1.10" thành 1.1)', en: 'A criterion code stored as a number' },
  'na-mark-unknown': { severity: 'warning', source: 'file', vi: 'Ô "Không đánh giá" có giá trị khác "x"; dòng vẫn được tính', en: 'The not-assessed cell holds something other than "x"; the row still counts' },
  'sheet-missing': { severity: 'error', source: 'file', vi: 'Thiếu trang "Tổng hợp" (mục tiêu lĩnh vực)', en: 'The "Tổng hợp" sheet is missing' },
  'sheet-renamed': { severity: 'info', source: 'file', vi: 'Trang đã đổi tên; vẫn đọc được theo dòng tiêu đề', en: 'A sheet was renamed; found by its header row' },
  'set-embedded-invalid': { severity: 'warning', source: 'file', vi: 'Bộ tiêu chí lưu trong tệp hỏng; dùng bộ cài sẵn', en: 'The set stored in the file is unreadable; the bundled one is used' },
  'set-version-differs': {
    severity: 'warning',
    lesser: 'info',
    source: 'file',
    vi: 'Phiên bản bộ tiêu chí của tệp khác bản cài sẵn (thông tin khi tệp mang theo bộ của nó)',
    en: 'The file’s set version differs from the bundled one (info when the file carries its own)',
  },
  'set-differs': { severity: 'warning', source: 'file', vi: 'Bộ lưu trong tệp khác bộ cài sẵn cùng phiên bản; kiểm tra theo bộ trong tệp', en: 'The stored set differs from the bundled one of the same version' },
  'file-total-differs': { severity: 'warning', source: 'file', vi: 'Tổng trong tệp (lần lưu cuối) khác tổng tính lại từ các tiêu chí', en: 'A total the file shows differs from the recomputed one' },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CATALOGUE;

export const ALL_PROBLEM_CODES = Object.keys(PROBLEM_CATALOGUE) as ProblemCode[];

export function problemCodeInfo(code: ProblemCode): ProblemCodeInfo {
  return PROBLEM_CATALOGUE[code];
}

/** Codes of what reading found done to the file, not the set's rules. */
export const FILE_PROBLEM_CODES: ReadonlySet<ProblemCode> = new Set(ALL_PROBLEM_CODES.filter((c) => PROBLEM_CATALOGUE[c].source === 'file'));
