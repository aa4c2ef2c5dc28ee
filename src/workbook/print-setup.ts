/**
 * Page setup shared by every sheet that prints: A4, fitted to the page width, narrow margins,
 * the unit and year in the header, "Trang 1/3" in the footer. One place, so the scoring
 * workbook, the appraisal minutes and the consolidation report print alike.
 */
import type { PrintSpec, SheetSpec } from './spec';
import { FONT } from './styles';

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
  titleRows?: string;
  area?: string;
  /** Left of the page header: the unit. */
  unit?: string;
  /** Right of the page header: the year or the document. */
  right?: string;
}): PrintSpec {
  return {
    orientation: options.orientation,
    paperSize: 'A4',
    fitToWidth: 1,
    fitToHeight: 0,
    ...(options.titleRows ? { titleRows: options.titleRows } : {}),
    ...(options.area ? { area: options.area } : {}),
    margins: { ...MARGINS },
    header: {
      ...(options.unit ? { left: FONT_CODE + headerText(options.unit) } : {}),
      ...(options.right ? { right: FONT_CODE + headerText(options.right) } : {}),
    },
    footer: { center: PAGE_NUMBER_FOOTER },
  };
}

/** Any sheet without a page setup gets the shared one (landscape, its frozen rows repeated). */
export function withPrintSetup(sheet: SheetSpec, options: { right?: string } = {}): SheetSpec {
  if (sheet.print) return sheet;
  const frozen = sheet.freeze?.rows ?? 0;
  return { ...sheet, print: printSetup({ orientation: 'landscape', ...(frozen > 0 ? { titleRows: `${frozen}:${frozen}` } : {}), ...options }) };
}
