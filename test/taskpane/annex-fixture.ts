/** A small annex table (phụ lục) as an officer pastes it: roman fields, numbering restarting under each. */
export const ANNEX_ROWS: (string | number | null)[][] = [
  ['BỘ TIÊU CHÍ CHỈ SỐ CCHC CÁC SỞ NĂM 2026', null, null],
  [null, null, null],
  ['STT', 'Lĩnh vực / Tiêu chí', 'Điểm tối đa'],
  ['I', 'Công tác chỉ đạo, điều hành', 3],
  ['1', 'Kế hoạch cải cách hành chính', 2],
  ['2', 'Báo cáo định kỳ', 1],
  ['II', 'Cải cách thủ tục hành chính', 2.5],
  ['1', 'Công khai thủ tục hành chính', '2,5'],
];

/** The same table with a parent whose children do not add up (row 4 says 3, its rows give 2,5). */
export const BROKEN_ANNEX_ROWS: (string | number | null)[][] = ANNEX_ROWS.map((row, i) => (i === 5 ? ['2', 'Báo cáo định kỳ', 0.5] : row));

/** As cells for the recording double, from A1. */
export function annexCells(rows: (string | number | null)[][]): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) cells[`${String.fromCharCode(65 + c)}${r + 1}`] = v;
    }),
  );
  return cells;
}
