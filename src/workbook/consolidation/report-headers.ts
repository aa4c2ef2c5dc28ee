/**
 * The report's sheet names and table headers: written by consolidate, and read back by
 * label when last year's report is given as the previous ranking.
 */
export const CONSOLIDATION_SHEETS = { summary: 'Tổng hợp', fields: 'So sánh lĩnh vực' } as const;

export const SUMMARY_HEADERS = [
  'Hạng',
  'Đơn vị',
  'Bộ tiêu chí',
  'Năm',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Điểm đạt',
  'Điểm tối đa áp dụng',
  'Chỉ số (%)',
  'Xếp loại',
  'Số lỗi',
  'Số cảnh báo',
  'Tệp',
  'Ghi chú',
] as const;

/** Inserted after "Xếp loại" when the ranking is compared with last year's. */
export const PREVIOUS_HEADERS = ['Chỉ số năm trước', 'Hạng năm trước', 'Thay đổi'] as const;

/** Last year's units that no unit of this year matched, listed under the ranking. */
export const UNMATCHED_HEADERS = ['STT', 'Đơn vị năm trước', 'Bộ tiêu chí năm trước', 'Hạng năm trước', 'Chỉ số năm trước', 'Tệp năm trước'] as const;

export const PROBLEM_HEADERS = ['STT', 'Mức độ', 'Mã vấn đề', 'Tiêu chí', 'Ô', 'Nội dung'] as const;
