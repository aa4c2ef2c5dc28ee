/** A list entry that takes the user to a cell of the sheet (activates its sheet, selects the cell). */
import type { ReactNode } from 'react';
import type { CellRef } from '../../domain';
import { useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { useViewStyles } from './styles';

/** "Chấm điểm!E12" → { sheet, cell } (sheet names may hold "!" only before the last one). */
export function parseCellRef(text: string): CellRef {
  const bang = text.lastIndexOf('!');
  return { sheet: text.slice(0, bang), cell: text.slice(bang + 1) };
}

export function CellButton({ cell, testId, code, children }: { cell: string | null; testId: string; code?: string; children: ReactNode }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const { act } = useWorkbook();
  return (
    <li>
      <button
        type="button"
        className={styles.item}
        data-testid={testId}
        data-cell={cell ?? undefined}
        data-code={code}
        title={cell ? strings.officer.goTo(cell) : undefined}
        disabled={!cell}
        onClick={() => cell && void act((port) => port.selectCell(parseCellRef(cell)))}
      >
        {children}
      </button>
    </li>
  );
}
