/**
 * The plan document as a Word file, laid out as Vietnamese administrative documents are
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait, Times New Roman 13 pt (titles 14),
 * margins 20 mm top and bottom, 30 mm left, 15 mm right, page numbers at the top centre
 * from the second page. The same bytes come out in Node and in the browser.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { cellText, type DocCell, type DocColumn, type DocTable, type PlanDocument } from './describe';

export const DOC_FONT = 'Times New Roman';
/** Half-points, as Word counts them. */
const BODY_SIZE = 26;
const TITLE_SIZE = 28;

const mm = (n: number) => Math.round((n * 1440) / 25.4);
export const A4_TWIPS = { width: 11906, height: 16838 };
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const TEXT_WIDTH = A4_TWIPS.width - mm(MARGINS_MM.left) - mm(MARGINS_MM.right);

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size'>;

const run = (text: string, style: RunStyle = {}) => new TextRun({ text, font: DOC_FONT, size: BODY_SIZE, ...style });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

interface ParaOptions extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justified';
  indent?: boolean;
  before?: number;
  after?: number;
  /** Keeps a heading on the page of the table it introduces. */
  keepNext?: boolean;
  /** On the paragraph itself: a break in a paragraph of its own leaves a blank page when the table above fills one. */
  newPage?: boolean;
}

function para(text: string, options: ParaOptions = {}): Paragraph {
  const { align, indent, before, after, newPage, keepNext, ...style } = options;
  return new Paragraph({
    pageBreakBefore: newPage,
    keepNext,
    alignment: align === 'justified' ? AlignmentType.JUSTIFIED : ALIGN[align ?? 'left'],
    spacing: { before: before ?? 0, after: after ?? 120 },
    indent: indent ? { firstLine: mm(10) } : undefined,
    children: [run(text, style)],
  });
}

/** A cell's text, one paragraph a line; an empty cell still holds one (Word requires it). */
function cellParagraphs(text: string, align: DocColumn['align'], style: RunStyle): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ alignment: ALIGN[align], spacing: { before: 40, after: 40 }, children: [run(line, style)] }));
}

function widths(columns: DocColumn[]): number[] {
  const parts = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / parts));
}

function table(t: DocTable): Table {
  const columnWidths = widths(t.columns);
  const cell = (content: DocCell, i: number, style: RunStyle, align = t.columns[i].align) =>
    new TableCell({
      width: { size: columnWidths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60 },
      children: cellParagraphs(cellText(content), align, style),
    });
  const header = new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.header, i, { bold: true }, 'center')) });
  const body = t.rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, i, {})) }));
  const total = t.total ? [new TableRow({ cantSplit: true, children: t.total.map((c, i) => cell(c, i, { bold: true })) })] : [];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body, ...total],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** The heading block: the issuing unit on the left, the national motto on the right. */
function heading(doc: PlanDocument): Table {
  const half = Math.floor(TEXT_WIDTH * 0.38);
  const column = (width: number, lines: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: lines });
  const centered = (text: string, style: RunStyle) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, style)] });
  const unit = doc.unit?.trim() ? doc.unit.trim().toLocaleUpperCase('vi-VN') : '';
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        children: [
          column(half, [centered(unit, { bold: true, size: 24 }), centered('Số:        /KH', {})]),
          column(TEXT_WIDTH - half, [
            centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
            centered('Độc lập - Tự do - Hạnh phúc', { bold: true }),
            centered(`ngày      tháng      năm ${doc.year}`, { italics: true }),
          ]),
        ],
      }),
    ],
  });
}

export function planDocumentBody(doc: PlanDocument): (Paragraph | Table)[] {
  const appendix = doc.appendix;
  return [
    heading(doc),
    para(doc.title, { align: 'center', bold: true, size: TITLE_SIZE, before: 360, after: 0 }),
    para(doc.subtitle, { align: 'center', bold: true, size: TITLE_SIZE, after: 360 }),
    para('I. MỤC TIÊU', { bold: true }),
    para('1. Mục tiêu chung', { bold: true, indent: true }),
    ...(doc.goal ? [para(doc.goal, { align: 'justified', indent: true })] : []),
    para('2. Mục tiêu cụ thể', { bold: true, indent: true, keepNext: true }),
    table(doc.targets),
    para(appendix.title, { align: 'center', bold: true, size: TITLE_SIZE, after: 0, newPage: true }),
    para(appendix.subtitle, { align: 'center', bold: true, after: 0 }),
    para(appendix.note, { align: 'center', italics: true, after: 240 }),
    ...(appendix.empty ? [para(appendix.empty, { indent: true })] : []),
    ...appendix.sections.flatMap((s) => [para(s.heading, { bold: true, before: 200, keepNext: true }), table(s.table)]),
  ];
}

export function planDocumentFile(doc: PlanDocument): Document {
  return new Document({
    creator: 'par-index',
    title: `${doc.title} ${doc.subtitle}`,
    styles: { default: { document: { run: { font: DOC_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...A4_TWIPS, orientation: PageOrientation.PORTRAIT },
            margin: { top: mm(MARGINS_MM.top), bottom: mm(MARGINS_MM.bottom), left: mm(MARGINS_MM.left), right: mm(MARGINS_MM.right), header: mm(10), footer: mm(10) },
          },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: DOC_FONT, size: BODY_SIZE, children: [PageNumber.CURRENT] })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: planDocumentBody(doc),
      },
    ],
  });
}

/** The .docx bytes, for a file (CLI) or a download (pane). */
export async function renderPlanDocx(doc: PlanDocument): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(planDocumentFile(doc)));
}
