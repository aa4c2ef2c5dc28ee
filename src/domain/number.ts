/**
 * Reading what users type and showing numbers the Vietnamese way.
 * Scores never need thousands separators, so a single comma or a single dot is the
 * decimal mark: "25,5" and "25.5" both mean 25,5, while "1.000,5" or "1/2" are errors
 * rather than guesses.
 */

export type ParsedNumber =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'invalid'; input: string };

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
// NBSP, narrow NBSP and other spaces that pasted text carries.
const SPACES = /[\s\u00a0\u202f\u2007\u200b\ufeff]+/g;

export function parseNumber(input: unknown): ParsedNumber {
  if (input === null || input === undefined) return { kind: 'empty' };
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { kind: 'number', value: input } : { kind: 'invalid', input: String(input) };
  }
  if (typeof input !== 'string') return { kind: 'invalid', input: describe(input) };
  const text = input.replace(SPACES, '');
  if (text === '') return { kind: 'empty' };
  if (!NUMBER_TEXT.test(text)) return { kind: 'invalid', input };
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', input };
}

/** Cell values can be anything a reader hands over; describing one must not throw. */
function describe(value: unknown): string {
  if (typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'symbol') return value.toString();
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** The number, or null for empty and invalid input (callers that must tell them apart use parseNumber). */
export function numberOrNull(input: unknown): number | null {
  // The usual cases without a parse: totals call this for every value of every row.
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (input === null || input === undefined) return null;
  const parsed = parseNumber(input);
  return parsed.kind === 'number' ? parsed.value : null;
}

export type Locale = 'vi' | 'en';

const pointsFormat: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }),
};
const rateFormat: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** 25.5 → "25,5" */
export function formatPoints(points: number | null | undefined, locale: Locale = 'vi'): string {
  return points === null || points === undefined ? '' : pointsFormat[locale].format(points);
}

/** 0.6470588 → "64,71%" (two decimals: plans print rounded labels, we show what the points give). */
export function formatRate(rate: number | null | undefined, locale: Locale = 'vi'): string {
  return rate === null || rate === undefined ? '' : rateFormat[locale].format(rate);
}

/**
 * A cell's value as a spreadsheet counts it: a number, or nothing. "15,3" stored as text
 * is not added by Excel's SUM, so the engine does not add it either (number-as-text says
 * what it should be).
 */
export function cellNumber(input: unknown): number | null {
  return typeof input === 'number' && Number.isFinite(input) ? input : null;
}
