/** Excel's 1900 calendar (with its 29 February 1900) and the 1904 one, both ways. */
import { isDateFormat, isoToSerial, serialToIso } from '../../src/workbook/excel-dates';

describe('Excel date serials', () => {
  it('follows Excel below serial 61: 1 is 1 January 1900, 60 the 29 February that never was', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBe('1900-02-29');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45838)).toBe('2025-06-30');
    expect(serialToIso(45838.5)).toBe('2025-06-30T12:00:00');
    expect(serialToIso(0, true)).toBe('1904-01-01');
  });

  it('gives back the very number for every serial a score may be (thousandths)', () => {
    for (const n of [0.001, 0.25, 1, 12.345, 25.5, 59.5, 60, 60.5, 61, 100, 45838.75]) expect(isoToSerial(serialToIso(n))).toBe(n);
    for (const n of [0, 1, 2.5]) expect(isoToSerial(serialToIso(n, true), true)).toBe(n);
    expect(isoToSerial('30/06/2025')).toBeNull();
  });

  it('tells date formats from others in one pass, however long the format', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('0.00" ngày"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('[Red]0.0')).toBe(false);
    expect(isDateFormat('['.repeat(300_000))).toBe(false);
    expect(isDateFormat('"'.repeat(300_001))).toBe(false);
  });
});
