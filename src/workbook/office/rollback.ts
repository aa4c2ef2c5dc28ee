/**
 * Putting the workbook back when a write fails part-way. Excel applies a request up to the
 * operation that fails and keeps it (there are no transactions), so whatever a failed write
 * added is removed again here, and the error tells the user what happened.
 */

/** What a write added and must take away again on failure. */
export interface Added {
  sheets: readonly string[];
  names: readonly string[];
}

/** A write failed; the workbook was put back (or `left` names what could not be). */
export class WriteFailedError extends Error {
  constructor(
    override readonly cause: unknown,
    /** Sheets and names still there although the write added them, cells not given back their content. */
    readonly left: Added & { cells?: readonly string[] } = { sheets: [], names: [] },
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    const items = [...left.sheets.map((s) => `trang "${s}"`), ...left.names.map((n) => `tên ${n}`), ...(left.cells ?? []).map((c) => `ô ${c}`)];
    super(
      items.length === 0
        ? `Không ghi được vào sổ tính (${why}). Sổ tính đã được đưa về như trước, không mất gì; hãy thử lại.`
        : `Không ghi được vào sổ tính (${why}), và không đưa về như trước được hết: hãy kiểm tra ${items.join(', ')} rồi thử lại.`,
    );
    this.name = 'WriteFailedError';
  }
}

/**
 * Deletes the sheets and names of `added` that exist (a very hidden sheet is made hidden first:
 * Excel refuses to delete it, office-js #365). Returns what is still there after trying.
 */
export async function removeAdded(context: Excel.RequestContext, added: Added): Promise<Added> {
  const sheetNames = new Set(added.sheets.map((s) => s.toLowerCase()));
  const nameNames = new Set(added.names.map((n) => n.toLowerCase()));
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const names = context.workbook.names;
    names.load('items/name');
    await context.sync();
    for (const item of names.items) if (nameNames.has(item.name.toLowerCase())) item.delete();
    for (const ws of sheets.items) {
      if (!sheetNames.has(ws.name.toLowerCase())) continue;
      // Protection does not stop a delete; visibility does.
      if (ws.visibility === Excel.SheetVisibility.veryHidden) ws.visibility = Excel.SheetVisibility.hidden;
      ws.delete();
    }
    await context.sync();
    return { sheets: [], names: [] };
  } catch {
    return remaining(context, added);
  }
}

/** What of `added` is in the workbook now (everything, when even that cannot be read). */
async function remaining(context: Excel.RequestContext, added: Added): Promise<Added> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name');
    await context.sync();
    const has = (list: Array<{ name: string }>, name: string) => list.some((i) => i.name.toLowerCase() === name.toLowerCase());
    return { sheets: added.sheets.filter((s) => has(sheets.items, s)), names: added.names.filter((n) => has(names.items, n)) };
  } catch {
    return added;
  }
}
