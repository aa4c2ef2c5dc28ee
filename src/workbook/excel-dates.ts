/**
 * Excel's dates, the same for the file reader and the Office.js reader: which number
 * formats show a date, and a date serial as the ISO text the grid carries (grid.ts) and
 * back. Serials follow Excel's 1900 calendar, which counts a 29 February 1900 that never
 * was (serial 60), so serials 1–59 are one day later than plain day counting gives; the
 * 1904 calendar (old Mac files) starts at 0 on 1 January 1904 and has no such day.
 */

/** A number format that shows a date or time ("dd/mm/yyyy", "m/d/yy h:mm"), not "0.00%", "@" or "General". */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '@') return false;
  // Quoted text, [colours] / [$-locale] and escaped characters do not count; one pass.
  let bare = '';
  for (let p = 0; p < format.length; p++) {
    const ch = format[p];
    if (ch === '"' || ch === '[') {
      const end = format.indexOf(ch === '"' ? '"' : ']', p + 1);
      p = end < 0 ? format.length : end;
    } else if (ch === '\\') p++;
    else bare += ch;
  }
  return bare.trim().toLowerCase() !== 'general' && /[dmyhs]/i.test(bare);
}

const DAY_MS = 86_400_000;
/** Serial 0 of each calendar, as a time: 30 December 1899 (1900, counting from serial 61) and 1 January 1904. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const FEB_29_1900 = 60;

/** 2025-06-30, or 2025-06-30T08:30:00 with a time (and .250 when it has milliseconds). */
export function serialToIso(serial: number, date1904 = false): string {
  if (!date1904 && serial >= FEB_29_1900 && serial < FEB_29_1900 + 1) return withTime('1900-02-29', serial - FEB_29_1900);
  // Before 1 March 1900 Excel is a day ahead of the calendar.
  const shifted = !date1904 && serial < FEB_29_1900 ? serial + 1 : serial;
  const date = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(shifted * DAY_MS));
  if (Number.isNaN(date.getTime())) return String(serial);
  return shortIso(date.toISOString());
}

/** The serial an ISO date or date-time (as serialToIso writes it) stands for; null for any other text. */
export function isoToSerial(text: string, date1904 = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
  const time = ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + Number(ms);
  if (!date1904 && y === '1900' && mo === '02' && d === '29') return FEB_29_1900 + time / DAY_MS;
  const day = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  if (Number.isNaN(day)) return null;
  const serial = (day + time - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  const excel = !date1904 && serial < FEB_29_1900 + 1 ? serial - 1 : serial;
  // Milliseconds are what the text keeps: a score of 0,001 is 86,4 seconds exactly.
  return Math.round(excel * 1e9) / 1e9;
}

function withTime(day: string, fraction: number): string {
  const iso = new Date(EPOCH_1900 + Math.round(fraction * DAY_MS)).toISOString();
  return shortIso(day + iso.slice(10));
}

function shortIso(iso: string): string {
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}
