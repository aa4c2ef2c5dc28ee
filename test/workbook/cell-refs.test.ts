import { formatCellRef } from '../../src/domain';
import { cellRefAt, cellRefText } from '../../src/workbook/read/cell-refs';

describe('shared cell references', () => {
  it('gives one frozen reference per sheet and cell', () => {
    const a = cellRefAt('Chấm điểm', 12, 5);
    expect(a).toEqual({ sheet: 'Chấm điểm', cell: 'E12' });
    expect(JSON.stringify(a)).toBe('{"sheet":"Chấm điểm","cell":"E12"}');
    expect(cellRefAt('Chấm điểm', 12, 5)).toBe(a);
    expect(cellRefAt('Chấm điểm (2)', 12, 5)).not.toBe(a);
    expect(cellRefAt('Chấm điểm', 13, 5).cell).toBe('E13');
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('still makes references beyond the shared range (far rows, far columns)', () => {
    expect(cellRefAt('S', 20_000, 3)).toMatchObject({ sheet: 'S', cell: 'C20000' });
    expect(cellRefAt('S', 5, 100)).toMatchObject({ sheet: 'S', cell: 'CV5' });
    expect(cellRefAt('S', 5, 100)).not.toBe(cellRefAt('S', 5, 100));
  });

  it('forgets the oldest sheets once many names were seen, and still answers right', () => {
    const first = cellRefAt('Sheet0', 8, 2);
    for (let k = 1; k <= 20; k++) expect(cellRefAt(`Sheet${k}`, 8, 2).sheet).toBe(`Sheet${k}`);
    const again = cellRefAt('Sheet0', 8, 2);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('gives the text of a reference as formatCellRef does, shared or not, and keeps it out of what a result serialises', () => {
    const shared = cellRefAt('Chấm điểm', 12, 5);
    expect(cellRefText(shared)).toBe('Chấm điểm!E12');
    expect(cellRefText(cellRefAt('S', 20_000, 3))).toBe('S!C20000');
    expect(cellRefText({ sheet: 'Tổng hợp', cell: 'D5' })).toBe(formatCellRef({ sheet: 'Tổng hợp', cell: 'D5' }));
    expect(Object.keys(shared)).toEqual(['sheet', 'cell']);
    expect(structuredClone(shared)).toEqual({ sheet: 'Chấm điểm', cell: 'E12' });
    expect(Object.keys(structuredClone(shared))).toEqual(['sheet', 'cell']);
  });
});
