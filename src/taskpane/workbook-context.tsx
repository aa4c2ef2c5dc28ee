/**
 * The workbook as the pane sees it: the port (the only way to Excel), the state last read
 * from the workbook, and one message line. State is read again after every action and,
 * debounced, after the user edits the scoring sheets; views derive everything from it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { WorkbookPort, WorkbookState } from '../workbook/port';
import { describeError } from './errors';
import { useStrings } from './locale';

export interface PaneMessage {
  intent: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

export interface WorkbookContextValue {
  port: WorkbookPort | null;
  state: WorkbookState | null;
  /** A read or an action is under way. */
  busy: boolean;
  /** Change events arrive from Excel (ExcelApi 1.7+). */
  live: boolean;
  message: PaneMessage | null;
  setMessage(message: PaneMessage | null): void;
  refresh(): Promise<void>;
  /** Runs a port operation, shows its failure as a message, then reads the workbook again. */
  act<T>(operation: (port: WorkbookPort) => Promise<T>, success?: (result: T) => string): Promise<T | undefined>;
}

const WorkbookContext = createContext<WorkbookContextValue | null>(null);

export function WorkbookProvider({ port, children }: { port: WorkbookPort | null; children: ReactNode }) {
  const strings = useStrings();
  const stringsRef = useRef(strings);
  stringsRef.current = strings;
  const [state, setState] = useState<WorkbookState | null>(null);
  const [pending, setPending] = useState(0);
  const [live, setLive] = useState(false);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const readSeq = useRef(0);

  const refresh = useCallback(async () => {
    if (!port) return;
    const seq = ++readSeq.current;
    setPending((n) => n + 1);
    try {
      const next = await port.readState();
      // A slower, older read must not overwrite a newer one.
      if (seq === readSeq.current) setState(next);
    } catch (error) {
      setMessage({ intent: 'error', text: describeError(error, stringsRef.current) });
    } finally {
      setPending((n) => n - 1);
    }
  }, [port]);

  const act = useCallback(
    async <T,>(operation: (port: WorkbookPort) => Promise<T>, success?: (result: T) => string): Promise<T | undefined> => {
      if (!port) return undefined;
      setPending((n) => n + 1);
      try {
        const result = await operation(port);
        setMessage(success ? { intent: 'success', text: success(result) } : null);
        return result;
      } catch (error) {
        setMessage({ intent: 'error', text: describeError(error, stringsRef.current) });
        return undefined;
      } finally {
        setPending((n) => n - 1);
        await refresh();
      }
    },
    [port, refresh],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Re-subscribe when the scoring sheets appear: events are registered on existing sheets.
  const hasSheet = state?.hasScoringSheet ?? false;
  useEffect(() => {
    if (!port) return undefined;
    const sub = port.onChanged(() => void refresh());
    setLive(sub.live && hasSheet);
    return sub.unsubscribe;
  }, [port, refresh, hasSheet]);

  const value = useMemo<WorkbookContextValue>(
    () => ({ port, state, busy: pending > 0, live, message, setMessage, refresh, act }),
    [port, state, pending, live, message, refresh, act],
  );
  return <WorkbookContext.Provider value={value}>{children}</WorkbookContext.Provider>;
}

export function useWorkbook(): WorkbookContextValue {
  const value = useContext(WorkbookContext);
  if (!value) throw new Error('useWorkbook() outside <WorkbookProvider>');
  return value;
}
