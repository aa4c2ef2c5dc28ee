/**
 * The result in words, the same wherever text shows it (check, plan, the consolidation's
 * unit sheets): each figure as points / maximum (percentage); the band only of the final
 * index, marked "tạm tính" while it is provisional.
 */
import { formatPoints, formatRate, type Locale } from './number';
import { bandText, type Figure, type Result } from './result';

export const RESULT_LABELS = {
  self: { vi: 'tự đánh giá', en: 'self-assessed' },
  appraised: { vi: 'thẩm định', en: 'appraised' },
  survey: { vi: 'điều tra XHH', en: 'survey' },
  final: { vi: 'điểm đạt', en: 'final' },
  index: { vi: 'chỉ số', en: 'index' },
  band: { vi: 'xếp loại', en: 'band' },
} as const;

/** "43,5/50 (87,00%)", or "—/50" while nothing is scored. */
export function figureText(f: Figure, locale: Locale = 'vi'): string {
  if (f.points === null) return `—/${formatPoints(f.max, locale)}`;
  return `${formatPoints(f.points, locale)}/${formatPoints(f.max, locale)} (${formatRate(f.index, locale)})`;
}

/** The whole result on one line. Survey is shown only where the set has survey rows. */
export function resultText(r: Result, locale: Locale = 'vi'): string {
  const L = (k: keyof typeof RESULT_LABELS) => RESULT_LABELS[k][locale];
  const parts = [`${L('self')} ${figureText(r.self, locale)}`, `${L('appraised')} ${figureText(r.appraised, locale)}`];
  if (r.survey.max > 0) parts.push(`${L('survey')} ${figureText(r.survey, locale)}`);
  parts.push(`${L('final')} ${figureText(r.final, locale)}`, `${L('band')} ${bandText(r.final, locale)}`);
  return parts.join(' · ');
}
