/**
 * Turns what Excel (or our renderer) throws into a message for the pane, in the pane's
 * language. Our own errors already speak Vietnamese; Office.js errors are recognised by
 * their code (OfficeExtension.Error.code), never shown raw alone.
 */
import type { Strings } from './strings';

const OURS = new Set(['SheetExistsError', 'NameExistsError', 'ExcelApiTooOldError', 'UpgradeError']);

export function describeError(error: unknown, strings: Strings): string {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (OURS.has(name)) return message;
  if (code === 'InvalidOperationInCellEditMode' || /cell edit mode/i.test(message)) return strings.errors.editMode;
  if (code === 'AccessDenied' || /protected/i.test(message)) return strings.errors.protected;
  if (code === 'ApiNotFound' || code === 'NotImplemented' || code === 'UnsupportedFeature' || /needs ExcelApi|not supported/i.test(message)) {
    return strings.errors.notSupported;
  }
  return strings.errors.generic(message);
}
