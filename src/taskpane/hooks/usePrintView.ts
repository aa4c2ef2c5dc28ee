/**
 * The printed form the scoring sheet shows (print-views.ts) and the switch to another: the
 * same columns and the same sheet as `par-index template --print` writes.
 */
import { useCallback } from 'react';
import { PRINT_VIEW, PRINT_VIEWS, type PrintView } from '../../workbook/print-views';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';

export interface PrintViewChoice {
  view: PrintView;
  label: string;
}

export interface PrintViewControl {
  /** The form shown now; null when the columns were changed by hand into none of them. */
  view: PrintView | null;
  choices: PrintViewChoice[];
  setView(view: PrintView): Promise<void>;
  busy: boolean;
}

export function usePrintView(): PrintViewControl {
  const { state, act, busy } = useWorkbook();
  const locale = useLocale();
  const strings = useStrings();
  const label = useCallback((view: PrintView) => (locale === 'en' ? PRINT_VIEW[view].labelEn : PRINT_VIEW[view].label), [locale]);
  const setView = useCallback(
    async (view: PrintView) => {
      await act((port) => port.setPrintView(view), () => strings.printView.switched(label(view), PRINT_VIEW[view].sheet));
    },
    [act, strings, label],
  );
  return { view: state?.printView ?? null, choices: PRINT_VIEWS.map((view) => ({ view, label: label(view) })), setView, busy };
}
