/**
 * Sheet names for the units' problem sheets, derived from unit names that came from the
 * submissions: Excel refuses [ ] : * ? / \, more than 31 characters, a leading or
 * trailing apostrophe, and two names that differ only in case. Names are folded first
 * (NFC, one space), so "Sở Y tế" typed on a Mac gives the same name as on Windows.
 */
import { foldText } from '../../domain';

export const MAX_SHEET_NAME = 31;

export function sheetNamer(reserved: readonly string[]): (wanted: string) => string {
  const taken = new Set(reserved.map(key));
  return (wanted) => {
    const base = clean(wanted) || 'Đơn vị';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = cut(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '').trimEnd() + suffix;
      if (!taken.has(key(name))) {
        taken.add(key(name));
        return name;
      }
    }
  };
}

function clean(text: string): string {
  return foldText(text.replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')).replace(/^'+|'+$/g, '').trim();
}

/** At most `max` UTF-16 units, never half of a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function key(name: string): string {
  return name.toLocaleLowerCase('vi');
}
