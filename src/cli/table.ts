/** Plain-text tables for the terminal: numbers right-aligned, Vietnamese formatting. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]))));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i] + v.length - width(v)) : v.padEnd(widths[i] + v.length - width(v))))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Decomposed accents take no column of their own. */
function width(text: string): number {
  return text.normalize('NFC').replace(/[\u0300-\u036f]/g, '').length;
}
