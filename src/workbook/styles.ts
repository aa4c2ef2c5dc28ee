/** The palette of the scoring workbook, named by what a cell is for. */
import type { FontSpec, StyleSpec } from './spec';

/**
 * One font everywhere, named in every cell: Times New Roman, the font of Vietnamese
 * administrative documents (Nghị định 30/2020/NĐ-CP). Excel, WPS and LibreOffice (its
 * metric-compatible Liberation Serif) then lay pages out alike.
 */
export const FONT = { name: 'Times New Roman', size: 11 } as const;

/** The font a cell is written with: its own bold, size… over the workbook's one font. */
export function fontOf(style: StyleSpec | undefined): FontSpec & { name: string; size: number } {
  return { ...style?.font, name: style?.font?.name ?? FONT.name, size: style?.font?.size ?? FONT.size };
}

const border = true;

export const STYLE = {
  title: { font: { bold: true, size: 14, color: '1F4E79' }, wrap: true, vertical: 'middle' },
  subtitle: { font: { italic: true, size: 10, color: '595959' }, wrap: true, vertical: 'top' },
  warning: { font: { bold: true, color: 'C00000' }, wrap: true },
  label: { font: { bold: true }, horizontal: 'right' },
  headInput: { fill: 'FFF2CC', locked: false, border },
  headValue: { font: { bold: true, size: 12 }, horizontal: 'right' },
  /** "/ 66,5": the head's maximum beside the points, still a number. */
  headMax: { font: { bold: true, size: 12 }, numberFormat: '"/ "General', horizontal: 'left' },
  headRate: { font: { bold: true, size: 12 }, numberFormat: '0.00%', horizontal: 'left' },
  /** "Xếp loại: Khá": the label is the format, so the cell holds the band alone. */
  headBand: { font: { bold: true, size: 12 }, numberFormat: '"Xếp loại: "@', horizontal: 'left' },
  header: { font: { bold: true, color: 'FFFFFF' }, fill: '1F4E79', wrap: true, horizontal: 'center', vertical: 'middle', border },
  code: { numberFormat: '@', border, vertical: 'top' },
  field: { font: { bold: true }, fill: 'DDEBF7', border, vertical: 'top', wrap: true },
  criterion: { font: { bold: true }, border, vertical: 'top', wrap: true },
  leaf: { border, vertical: 'top', wrap: true },
  number: { border, vertical: 'top' },
  rate: { numberFormat: '0.00%', border, vertical: 'top' },
  input: { fill: 'FFF2CC', locked: false, border, vertical: 'top' },
  inputText: { fill: 'FFF2CC', locked: false, border, vertical: 'top', wrap: true },
  /** Scored by the survey or the council: the unit does not type here. */
  notForUnit: { fill: 'EDEDED', border, vertical: 'top' },
  total: { font: { bold: true }, fill: 'BDD7EE', border },
  totalRate: { font: { bold: true }, fill: 'BDD7EE', numberFormat: '0.00%', border },
  /** The signature block is one row (rows are never split across pages), its lines wrapped in the cell. */
  signature: { font: { bold: true }, horizontal: 'center', vertical: 'top', wrap: true },
  signatureNote: { font: { italic: true }, horizontal: 'center' },
  metaKey: { font: { bold: true } },
} satisfies Record<string, StyleSpec>;

export const HIGHLIGHT = {
  bad: { fill: 'FFC7CE', fontColor: '9C0006' },
  near: { fill: 'FFEB9C', fontColor: '9C5700' },
  good: { fill: 'C6EFCE', fontColor: '006100' },
  differs: { fill: 'FCE4D6', fontColor: '833C0B', bold: true },
  missing: { fill: 'FFD966' },
} as const;

/** A field row is a band of colour, a criterion row bold, a sub-criterion plain. */
export function rowStyle(depth: number): StyleSpec {
  return depth === 1 ? STYLE.field : depth === 2 ? STYLE.criterion : STYLE.leaf;
}

/** Keeps a row's band colour and weight on every cell of the row. */
export function withRow(depth: number, style: StyleSpec): StyleSpec {
  if (depth !== 1) return depth === 2 ? { ...style, font: { ...style.font, bold: true } } : style;
  return { ...style, font: { ...style.font, bold: true }, fill: style.fill ?? STYLE.field.fill };
}
