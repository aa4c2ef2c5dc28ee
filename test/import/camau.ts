/**
 * The Cà Mau excerpt (QĐ 1880/QĐ-UBND 2013, lĩnh vực 1, criteria 1.1–1.3) from
 * /work/shared/research/criteria-camau-2013-partial.json, as the tree it describes and as
 * the table the annex prints: STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm tối đa ·
 * Điểm đánh giá (Điều tra XHH | Tự đánh giá | SNV đánh giá) · Điểm đạt được · Chỉ số · Ghi chú,
 * the options as unnumbered rows with their points in the text.
 *
 * As retrieved, field 1 says 20 points but only 1.1–1.3 (10 points) are visible, and 1.3's
 * sub-criteria are missing: the importer must refuse it on field 1's row.
 */
import type { CriterionData } from '../../src/domain';
import type { GridValue, SheetGrid } from '../../src/workbook/grid';
import type { Merge } from './tables';

export function camauItems(fieldMax: number): CriterionData[] {
  return [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành CCHC',
      maxScore: fieldMax,
      children: [
        {
          code: '1.1',
          name: 'Kế hoạch CCHC năm',
          maxScore: 5,
          children: [
            {
              code: '1.1.1',
              name: 'Ban hành kế hoạch CCHC năm',
              maxScore: 1,
              options: [
                { label: 'Ban hành kịp thời', points: 1 },
                { label: 'Ban hành không kịp thời', points: 0.5 },
                { label: 'Không ban hành', points: 0 },
              ],
            },
            {
              code: '1.1.2',
              name: 'Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện',
              maxScore: 1,
              options: [
                { label: 'Đầy đủ nhiệm vụ và có bố trí kinh phí', points: 1 },
                { label: 'Không đầy đủ hoặc không bố trí kinh phí', points: 0 },
              ],
            },
            {
              code: '1.1.3',
              name: 'Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai của phòng, ban, đơn vị trực thuộc',
              maxScore: 1,
              options: [
                { label: 'Đạt yêu cầu', points: 1 },
                { label: 'Không đạt yêu cầu', points: 0 },
              ],
            },
            {
              code: '1.1.4',
              name: 'Mức độ thực hiện kế hoạch CCHC',
              maxScore: 2,
              options: [
                { label: 'Trên 90%', points: 2 },
                { label: 'Từ 70% đến 90%', points: 1 },
                { label: 'Dưới 70%', points: 0 },
              ],
            },
          ],
        },
        {
          code: '1.2',
          name: 'Báo cáo CCHC',
          maxScore: 2,
          children: [
            {
              code: '1.2.1',
              name: 'Tất cả báo cáo được gửi đúng thời gian quy định (quý I, quý III, 6 tháng, năm)',
              maxScore: 1,
              options: [
                { label: 'Đủ số lượng và đúng thời gian', points: 1 },
                { label: 'Không đủ hoặc không đúng thời gian', points: 0 },
              ],
            },
            {
              code: '1.2.2',
              name: 'Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn',
              maxScore: 1,
              options: [
                { label: 'Đạt yêu cầu', points: 1 },
                { label: 'Không đạt yêu cầu', points: 0 },
              ],
            },
          ],
        },
        { code: '1.3', name: 'Kiểm tra công tác CCHC', maxScore: 3 },
      ],
    },
  ];
}

/** Sheet rows of the printed table (1-based). */
export const CAMAU_ROWS = { title: 2, header: 5, subHeader: 6, field: 7, '1.1': 8, '1.1.1': 9, '1.1.2': 13, '1.1.3': 16, '1.1.4': 19, '1.2': 23, '1.2.1': 24, '1.2.2': 27, '1.3': 30 } as const;

/**
 * The table as printed, with field 1's maximum as given (20 in the source). The header's
 * "Điểm đánh giá" is merged over three sub-columns, the other header cells merged down two
 * rows; option rows carry their points in the text ("0,5 điểm").
 */
export function camauTable(fieldMax: number | string = 20): { sheet: SheetGrid; merges: Merge[] } {
  const W = 9;
  const row = (...cells: GridValue[]): GridValue[] => [...cells, ...Array<GridValue>(W - cells.length).fill(null)];
  const opt = (text: string) => row(null, text);
  const values: GridValue[][] = [
    row('PHỤ LỤC'),
    row('BẢNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH TỈNH CÀ MAU NĂM 2013'),
    row('(Kèm theo Quyết định số 1880/QĐ-UBND)'),
    row(),
    row('STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Điểm đánh giá', null, null, 'Điểm đạt được', 'Chỉ số', 'Ghi chú'),
    row(null, null, null, 'Điều tra XHH', 'Tự đánh giá', 'SNV đánh giá'),
    row('1', 'Công tác chỉ đạo, điều hành CCHC', fieldMax),
    row('1.1', 'Kế hoạch CCHC năm', 5),
    row('1.1.1', 'Ban hành kế hoạch CCHC năm', 1),
    opt('- Ban hành kịp thời: 1 điểm'),
    opt('- Ban hành không kịp thời: 0,5 điểm'),
    opt('- Không ban hành: 0 điểm'),
    row('1.1.2', 'Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện', 1),
    opt('- Đầy đủ nhiệm vụ và có bố trí kinh phí: 1 điểm'),
    opt('- Không đầy đủ hoặc không bố trí kinh phí: 0 điểm'),
    row('1.1.3', 'Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai của phòng, ban, đơn vị trực thuộc', 1),
    opt('- Đạt yêu cầu: 1 điểm'),
    opt('- Không đạt yêu cầu: 0 điểm'),
    row('1.1.4', 'Mức độ thực hiện kế hoạch CCHC', 2),
    opt('- Trên 90%: 2 điểm'),
    opt('- Từ 70% đến 90%: 1 điểm'),
    opt('- Dưới 70%: 0 điểm'),
    row('1.2', 'Báo cáo CCHC', 2),
    row('1.2.1', 'Tất cả báo cáo được gửi đúng thời gian quy định (quý I, quý III, 6 tháng, năm)', 1),
    opt('- Đủ số lượng và đúng thời gian: 1 điểm'),
    opt('- Không đủ hoặc không đúng thời gian: 0 điểm'),
    row('1.2.2', 'Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn', 1),
    opt('- Đạt yêu cầu: 1 điểm'),
    opt('- Không đạt yêu cầu: 0 điểm'),
    row('1.3', 'Kiểm tra công tác CCHC', 3),
  ];
  const merges: Merge[] = [
    { top: 5, left: 1, bottom: 6, right: 1 },
    { top: 5, left: 2, bottom: 6, right: 2 },
    { top: 5, left: 3, bottom: 6, right: 3 },
    { top: 5, left: 4, bottom: 5, right: 6 },
    { top: 5, left: 7, bottom: 6, right: 7 },
    { top: 5, left: 8, bottom: 6, right: 8 },
    { top: 5, left: 9, bottom: 6, right: 9 },
  ];
  return { sheet: { name: 'Lĩnh vực 1', state: 'visible', values, formulas: values.map((r) => r.map(() => null)) }, merges };
}
