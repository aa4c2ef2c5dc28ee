/**
 * Page setup shared by every sheet that prints: A4, fitted to the page width, narrow margins,
 * the unit and year in the header, "Trang 1/3" in the footer. One place, so the scoring
 * workbook, the appraisal minutes and the consolidation report print alike.
 */
import { rangeA1 } from './a1';
import type { PrintSpec, SheetSpec } from './spec';
import { FONT, STYLE } from './styles';

/** Points: 0,5" at the sides, room for the header and footer above and below. */
const MARGINS = { left: 36, right: 36, top: 50, bottom: 50, header: 22, footer: 22 } as const;

/** The workbook's font in headers and footers too (they are drawn in the program's default otherwise). */
const FONT_CODE = `&"${FONT.name},Regular"&10`;

export const PAGE_NUMBER_FOOTER = `${FONT_CODE}Trang &P/&N`;

/** Header and footer text is literal except for "&" codes, so a "&" in a unit's name is doubled. */
export function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

export function printSetup(options: {
  orientation: PrintSpec['orientation'];
  /** Pages across (default 1); a wider table repeats its titleColumns on each. */
  pagesWide?: number;
  titleRows?: string;
  titleColumns?: string;
  area?: string;
  /** Left of the page header: the unit. */
  unit?: string;
  /** Right of the page header: the year or the document. */
  right?: string;
}): PrintSpec {
  return {
    orientation: options.orientation,
    paperSize: 'A4',
    fitToWidth: options.pagesWide ?? 1,
    fitToHeight: 0,
    ...(options.titleRows ? { titleRows: options.titleRows } : {}),
    ...(options.titleColumns ? { titleColumns: options.titleColumns } : {}),
    ...(options.area ? { area: options.area } : {}),
    margins: { ...MARGINS },
    header: {
      ...(options.unit ? { left: FONT_CODE + headerText(options.unit) } : {}),
      ...(options.right ? { right: FONT_CODE + headerText(options.right) } : {}),
    },
    footer: { center: PAGE_NUMBER_FOOTER },
  };
}

/** Column widths (characters) that print at about 90 % on A4 landscape with these margins. */
const LANDSCAPE_WIDTH = 160;
const NARROWEST = 7;

/**
 * Any sheet made legible on A4 landscape (the consolidation report's sheets, whatever their
 * columns): columns narrowed in proportion so the sheet prints at about 90 % rather than at a
 * fraction of it, table text wrapped in its cell (the heights follow), a line standing alone in
 * its row (a title, a note) spread over the table's width, the table's header repeated on every
 * page when all its tables share one header, and the shared page setup.
 */
export function printReady(sheet: SheetSpec, options: { right?: string } = {}): SheetSpec {
  const total = sheet.columns.reduce((s, c) => s + (c.hidden ? 0 : c.width), 0);
  const wide = sheet.columns.filter((c) => !c.hidden && c.width > NARROWEST * 2);
  const excess = total - LANDSCAPE_WIDTH;
  const shrink = excess > 0 ? Math.min(1, excess / wide.reduce((s, c) => s + c.width - NARROWEST * 2, 0)) : 0;
  const columns = sheet.columns.map((c) =>
    wide.includes(c) ? { ...c, width: Math.round((c.width - (c.width - NARROWEST * 2) * shrink) * 10) / 10 } : c,
  );
  const lastCol = Math.max(1, ...columns.map((c) => c.col));

  const perRow = new Map<number, number>();
  for (const c of sheet.cells) perRow.set(c.row, (perRow.get(c.row) ?? 0) + 1);
  const merged = new Set(sheet.merges.map((m) => m.split(':')[0]));
  const merges = [...sheet.merges];
  const cells = sheet.cells.map((c) => {
    const alone = perRow.get(c.row) === 1 && c.col === 1 && !merged.has(`A${c.row}`) && !c.style?.border;
    if (alone) {
      merges.push(rangeA1(c.row, 1, c.row, lastCol));
      return { ...c, style: { ...c.style, wrap: true, vertical: 'top' as const } };
    }
    return typeof c.value === 'string' && c.style?.border ? { ...c, style: { ...c.style, wrap: true } } : c;
  });

  const headerRows = new Map<number, string>();
  for (const c of sheet.cells) {
    if (c.style?.fill !== STYLE.header.fill || !c.style.font?.bold) continue;
    headerRows.set(c.row, `${headerRows.get(c.row) ?? ''}|${String(c.value ?? '')}`);
  }
  const labels = new Set(headerRows.values());
  const first = Math.min(...headerRows.keys());
  const frozen = sheet.freeze?.rows ?? 0;
  const titleRow = frozen > 0 ? frozen : labels.size === 1 ? first : 0;
  // A table still too wide (a column per unit) goes over pages across, its first two columns on each.
  const narrowed = columns.reduce((s, c) => s + (c.hidden ? 0 : c.width), 0);
  const pagesWide = narrowed > LANDSCAPE_WIDTH * 1.05 ? Math.ceil(narrowed / LANDSCAPE_WIDTH) : 1;
  return {
    ...sheet,
    columns,
    cells,
    merges,
    print: printSetup({
      orientation: 'landscape',
      pagesWide,
      ...(titleRow > 0 ? { titleRows: `${titleRow}:${titleRow}` } : {}),
      ...(pagesWide > 1 ? { titleColumns: 'A:B' } : {}),
      ...options,
    }),
  };
}
