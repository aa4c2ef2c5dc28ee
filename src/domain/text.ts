/**
 * Text that comes from users' files: compared after Unicode normalisation and
 * whitespace folding (a unit name typed on a Mac arrives decomposed, NFD).
 */

/** NFC, spaces of every kind folded to one, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f\u2007\u200b\ufeff]+/g, ' ').trim();
}

/** For matching names: folded and case-insensitive. */
export function textKey(text: string): string {
  return foldText(text).toLocaleLowerCase('vi');
}
