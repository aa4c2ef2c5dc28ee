/**
 * Every string the task pane shows, in one place. Vietnamese is the default; English is used
 * when Office's display language is English. `en` is typed by `vi` so a missing key fails tsc.
 */
export const vi = {
  appTitle: 'Chỉ số CCHC',
  loading: 'Đang khởi động…',
  setsHeading: 'Bộ tiêu chí có sẵn',
  noSets: 'Chưa có bộ tiêu chí nào.',
  status: {
    official: 'Chính thức',
    illustrative: 'Minh họa',
    imported: 'Đã nhập',
  },
  level: {
    so: 'Sở, ban, ngành',
    xa: 'UBND cấp xã',
    tinh: 'UBND cấp tỉnh',
  },
  year: 'Năm',
  totalMax: 'Điểm tối đa',
  outsideExcel: 'Đang mở ngoài Excel: chỉ xem được danh sách bộ tiêu chí.',
  errorTitle: 'Ngăn tác vụ gặp lỗi',
  errorIntro: 'Không hiển thị được nội dung. Chi tiết lỗi:',
  errorHint: 'Hãy chụp màn hình này gửi cho người quản trị. Sổ tính của bạn không bị thay đổi.',
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Strings = Widen<typeof vi>;

export const en: Strings = {
  appTitle: 'PAR Index',
  loading: 'Starting…',
  setsHeading: 'Bundled criteria sets',
  noSets: 'No criteria set yet.',
  status: {
    official: 'Official',
    illustrative: 'Illustrative',
    imported: 'Imported',
  },
  level: {
    so: 'Provincial departments',
    xa: 'Commune People’s Committee',
    tinh: 'Provincial People’s Committee',
  },
  year: 'Year',
  totalMax: 'Maximum',
  outsideExcel: 'Opened outside Excel: only the list of criteria sets is available.',
  errorTitle: 'The task pane hit an error',
  errorIntro: 'The content could not be shown. Error details:',
  errorHint: 'Please send a screenshot of this to your administrator. Your workbook has not been changed.',
};

/** Picks the strings for an Office display language such as "vi-VN" or "en-US". */
export function stringsFor(displayLanguage: string | null | undefined): Strings {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? en : vi;
}
