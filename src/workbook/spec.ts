/**
 * A renderer-neutral description of a workbook: what every cell holds and how it looks
 * and behaves. The Office.js renderer and the exceljs renderer both write exactly this,
 * so the pane's sheet and the CLI's .xlsx cannot drift apart. No Office or exceljs type
 * appears here.
 *
 * Addresses are 1-based (row, col). Formulas are English syntax without the leading "=",
 * using only functions Excel 2010 has, so the file computes in Excel 2016 without the add-in.
 */

export type CellLiteral = string | number | boolean | null;

export interface CellSpec {
  row: number;
  col: number;
  value?: CellLiteral;
  formula?: string;
  style?: StyleSpec;
  /**
   * A formula that suggests a value the user may type over (a criterion's target is the
   * sum of its sub-criteria's until the planner sets one): a typed constant there is
   * input, not tampering.
   */
  overridable?: true;
}

export interface FontSpec {
  /** Left out: the workbook's one font (styles.ts, FONT). */
  name?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string; // RRGGBB
}

export interface StyleSpec {
  font?: FontSpec;
  fill?: string; // RRGGBB
  numberFormat?: string; // US codes: "0.00%", "@", "General"
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  indent?: number;
  border?: boolean;
  /** Input cells are unlocked so they stay editable while the sheet is protected. */
  locked?: boolean;
}

export type ValidationSpec =
  | {
      kind: 'decimal';
      range: string;
      /** Formula operands, e.g. "0" and "$C12". */
      min: string;
      max: string;
      prompt?: MessageSpec;
      error: MessageSpec;
    }
  | {
      kind: 'list';
      range: string;
      /** A range reference ("'_par'!$C$5:$E$5") or a literal list ("x"). */
      source: string;
      prompt?: MessageSpec;
      error: MessageSpec;
    };

export interface MessageSpec {
  title: string; // ≤ 32 characters (Excel's limit)
  message: string; // ≤ 255 characters
}

export interface ConditionalFormatSpec {
  /** A1 range the rule applies to; the formula is written for its top-left cell. */
  range: string;
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
  /** What the highlight means, for the legend and for tests. */
  meaning: 'below-target' | 'near-target' | 'met-target' | 'above-max' | 'appraised-differs' | 'evidence-missing' | 'number-as-text' | 'most-lost';
}

export interface RowSpec {
  row: number;
  /** Points. A row left without one gets the height its wrapped text needs (row-heights.ts). */
  height?: number;
  outlineLevel?: number;
  hidden?: boolean;
}

export interface ColumnSpec {
  col: number;
  width: number;
  hidden?: boolean;
}

export interface PrintSpec {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4';
  fitToWidth: number;
  /** 0: as many pages tall as needed. */
  fitToHeight: number;
  /** Rows repeated at the top of every printed page, e.g. "6:6". */
  titleRows?: string;
  /** Columns repeated at the left of every page of a table too wide for one page, e.g. "A:B". */
  titleColumns?: string;
  area?: string;
  /** Points. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /**
   * Page header and footer texts with Excel's codes ("&P" page, "&N" pages; a literal "&" is
   * "&&"), the same on every page.
   */
  header: { left?: string; center?: string; right?: string };
  footer: { left?: string; center?: string; right?: string };
}

/**
 * A bar in the cell, as long as the value between min and max (a rate from 0 to 1): a gap
 * that stays visible without the add-in and without charts.
 */
export interface DataBarSpec {
  range: string;
  color: string; // RRGGBB
  min: number;
  max: number;
}

/** Outline groups: summary (parent) rows above their details, and every group shown. */
export interface OutlineSpec {
  summaryRows: 'above';
  expanded: true;
}

export interface ProtectionSpec {
  /** No password by default: protection guards against accidents, not against people. */
  password?: string;
  allowInsertRows: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowAutoFilter: boolean;
}

export interface ChartSpec {
  title: string;
  kind: 'bar';
  /** Category labels and one or more series, as A1 ranges on this sheet. */
  categories: string;
  series: Array<{ name: string; values: string }>;
  /** Where the chart sits (top-left and bottom-right cells). */
  from: string;
  to: string;
}

export interface SheetSpec {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet the file opens on (and prints when someone just presses Print); else the first visible one. */
  active?: true;
  tabColor?: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
  cells: CellSpec[];
  merges: string[];
  freeze?: { rows: number; cols: number };
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  dataBars?: DataBarSpec[];
  outline?: OutlineSpec;
  protection?: ProtectionSpec;
  print?: PrintSpec;
  charts: ChartSpec[];
}

export interface DefinedNameSpec {
  name: string;
  /** Absolute reference, e.g. "'Chấm điểm'!$K$95". */
  ref: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  names: DefinedNameSpec[];
  properties: { title: string; subject: string; creator: string };
}
