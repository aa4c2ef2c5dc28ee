/**
 * Turning an annex table (phụ lục) pasted into a sheet into a criteria set.
 *
 * The table is read as printed: the header row is found by its wording, the tree comes
 * from the numbering (roman/arabic/letters, restarting or not), unnumbered rows under a
 * leaf are its scoring options. Then the set is checked by the core loader, and every
 * problem — ours or the loader's — is given back with the sheet row it comes from. Nothing
 * is corrected: a parent whose children do not add up is reported, not re-summed.
 */
import { CriteriaSetError, loadCriteriaSet } from '../criteria-set';
import { sumPoints } from '../decimal';
import { formatPoints } from '../number';
import type { CriteriaSetData, CriterionData, Level, ScoringOption } from '../schema';
import { findHeader, looksLikeHeaderRow, type Span, type TableHeader } from './header';
import { classifyLabel, splitLabelPrefix, type Label } from './numbering';
import { parseMaxCell, parseOptionText, withoutBullet, type MaxCell } from './options';
import { cellLines, cellText, foldKey, stripFootnoteMarks, type CellInput, type TableGrid } from './text';
import { TreePlacer, type PlacedNode } from './tree';

export interface ImportMeta {
  id: string;
  title: string;
  year: number;
  level: Level;
  /** Where the table came from, stored as the set's source. */
  source: string;
  version?: string;
  /** Sheet row number of values[0] (1 for a whole sheet; the selection's first row in the pane). */
  firstRow?: number;
}

export interface ImportProblem {
  /** The sheet row the user sees, or null for a problem with the table as a whole. */
  row: number | null;
  message: string;
  messageEn: string;
}

export interface ImportPreview {
  /** Top-level rows (lĩnh vực). */
  fields: number;
  /** Every row below a field (tiêu chí, tiêu chí thành phần, …). */
  criteria: number;
  /** Rows that are scored. */
  leaves: number;
  /** Scoring options over all leaves. */
  options: number;
  totalMax: number;
  /** byLevel[0] = fields, byLevel[1] = tiêu chí, byLevel[2] = tiêu chí thành phần, … */
  byLevel: number[];
}

export interface ImportTableInfo {
  /** Sheet rows of the header (first and last, two for a sub-header) and of the last row read. */
  headerRow: number;
  headerLastRow: number;
  lastRow: number;
  /** The "Tổng cộng" row, when the table has one. */
  totalRow: number | null;
  /** Rows after the total row were not read (notes, signatures). */
  ignoredAfter: number | null;
}

export type ImportResult =
  | { ok: true; set: CriteriaSetData; preview: ImportPreview; rows: Record<string, number>; table: ImportTableInfo }
  | { ok: false; problems: ImportProblem[] };

interface Option {
  label: string;
  points: number | 'max';
  row: number;
}

interface Node extends PlacedNode {
  children: Node[];
  label: Label;
  name: string;
  max: MaxCell;
  row: number;
  options: Option[];
  guidance: string[];
  method: string[];
  /** The row had a problem of its own: its maximum cannot be checked against anything. */
  broken: boolean;
}

interface RowCells {
  stt: string;
  nameLines: string[];
  max: CellInput;
  method: string[];
  evidence: string[];
  note: string[];
}

export function importCriteriaSet(sheet: TableGrid, meta: ImportMeta): ImportResult {
  const base = meta.firstRow ?? 1;
  const header = findHeader(sheet);
  if (!header) {
    return {
      ok: false,
      problems: [
        {
          row: null,
          message: 'không tìm thấy dòng tiêu đề của bảng (cần các cột "STT", "Lĩnh vực/Tiêu chí" và "Điểm tối đa")',
          messageEn: 'no header row found (the table needs "STT", criterion and "Điểm tối đa" columns)',
        },
      ],
    };
  }
  return new TableReader(sheet, header, base).read(meta);
}

class TableReader {
  private readonly problems: ImportProblem[] = [];
  private readonly placer = new TreePlacer<Node>();
  private readonly byCode = new Map<string, Node>();
  private readonly letters = new Map<Node, Map<string, number>>();
  private totalRow: number | null = null;
  private total: number | null = null;
  private ignoredAfter: number | null = null;
  private lastRow: number;

  constructor(
    private readonly sheet: TableGrid,
    private readonly header: TableHeader,
    private readonly base: number,
  ) {
    this.lastRow = header.lastRow + base;
  }

  read(meta: ImportMeta): ImportResult {
    for (let r = this.header.lastRow + 1; r < this.sheet.values.length; r++) {
      if (this.ignoredAfter !== null) break;
      this.readRow(r);
    }
    if (this.placer.roots.length === 0 && this.problems.length === 0) {
      this.problem(null, `bảng không có dòng tiêu chí nào (dòng có số thứ tự) dưới dòng tiêu đề ${this.rowNo(this.header.firstRow)}`, 'the table has no numbered rows under its header');
    }
    this.finishNodes();
    if (this.placer.roots.length === 0) return { ok: false, problems: this.sorted() };

    const data = this.toData(meta);
    let loaded: ReturnType<typeof loadCriteriaSet> | null = null;
    try {
      loaded = loadCriteriaSet(data, meta.source);
    } catch (e) {
      if (!(e instanceof CriteriaSetError)) throw e;
      for (const p of e.problems) this.mapLoaderProblem(p);
    }
    if (this.problems.length > 0 || !loaded) return { ok: false, problems: this.sorted() };

    const byLevel: number[] = [];
    for (const n of loaded.nodes) byLevel[n.depth - 1] = (byLevel[n.depth - 1] ?? 0) + 1;
    return {
      ok: true,
      set: data,
      preview: {
        fields: loaded.items.length,
        criteria: loaded.nodes.length - loaded.items.length,
        leaves: loaded.leaves.length,
        options: loaded.leaves.reduce((s, l) => s + l.options.length, 0),
        totalMax: loaded.totalMax,
        byLevel: Array.from(byLevel, (n) => n ?? 0),
      },
      rows: Object.fromEntries([...this.byCode].map(([code, n]) => [code, n.row])),
      table: {
        headerRow: this.rowNo(this.header.firstRow),
        headerLastRow: this.rowNo(this.header.lastRow),
        lastRow: this.lastRow,
        totalRow: this.totalRow,
        ignoredAfter: this.ignoredAfter,
      },
    };
  }

  // --- rows ---------------------------------------------------------------------------

  private rowNo(r: number): number {
    return this.base + r;
  }

  private cells(r: number): RowCells {
    const row = this.sheet.values[r] ?? [];
    const spans = this.header.spans;
    const lines = (span: Span | undefined): string[] =>
      span ? row.slice(span.from, span.to).flatMap((v) => cellLines(v)) : [];
    const first = (span: Span | undefined): CellInput =>
      span ? row.slice(span.from, span.to).find((v) => cellText(v) !== '') ?? null : null;
    return {
      stt: spans.stt ? cellText(first(spans.stt)).replace(/\n/g, ' ') : '',
      nameLines: lines(spans.name),
      max: first(spans.max),
      method: lines(spans.method),
      evidence: lines(spans.evidence),
      note: lines(spans.note),
    };
  }

  private readRow(r: number): void {
    const row = this.rowNo(r);
    const c = this.cells(r);
    const maxText = cellText(c.max);
    if (c.stt === '' && c.nameLines.length === 0 && maxText === '' && c.method.length + c.evidence.length + c.note.length === 0) return;
    if (this.isRepeatedHeader(r, c) || this.isColumnNumbers(r)) return;
    this.lastRow = row;

    let label: Label = classifyLabel(c.stt);
    let nameLines = c.nameLines;
    if (label.kind === 'unknown') {
      // "I. CÔNG TÁC CHỈ ĐẠO" typed in the STT cell, merged over the name column.
      const split = splitLabelPrefix(c.stt);
      if (split && nameLines.length === 0) {
        label = split.label;
        nameLines = [split.rest];
      } else {
        this.problem(row, ...unknownLabelMessage(c.stt));
        return;
      }
    } else if (label.kind === 'none' && nameLines.length > 0) {
      // No STT column, or the number printed at the start of the name: "1.1. Kế hoạch".
      const split = splitLabelPrefix(nameLines[0]);
      if (split) {
        label = split.label;
        nameLines = [split.rest, ...nameLines.slice(1)];
      }
    } else if (label.kind !== 'none' && nameLines.length > 0) {
      // The number printed twice: STT "1.1" and name "1.1. Kế hoạch".
      const split = splitLabelPrefix(nameLines[0]);
      if (split && sameLabel(split.label, label)) nameLines = [split.rest, ...nameLines.slice(1)];
    }

    if (label.kind === 'none') {
      const text = [c.stt, ...nameLines].join(' ').trim();
      if (isTotalRow(text)) return this.readTotal(row, c.max);
      return this.readUnnumbered(row, c, nameLines);
    }

    const max = parseMaxCell(c.max);
    // "a) Ban hành kịp thời: 1 điểm" with no maximum: an option row that carries a letter.
    if (label.kind !== 'roman' && max.kind === 'empty' && this.placer.current && nameLines.length === 1 && parseOptionText(nameLines[0])) {
      return this.readUnnumbered(row, { ...c, max: null }, nameLines);
    }
    this.readNumbered(row, label, nameLines, max, c);
  }

  private isRepeatedHeader(r: number, c: RowCells): boolean {
    const numbered = classifyLabel(c.stt).kind;
    if (numbered !== 'none' && numbered !== 'unknown') return false;
    if (parseMaxCell(c.max).kind === 'number') return false;
    if (looksLikeHeaderRow(this.sheet, r)) return true;
    const row = this.sheet.values[r] ?? [];
    let seen = 0;
    for (let col = 0; col < row.length; col++) {
      const key = foldKey(cellText(row[col]));
      if (key === '') continue;
      if (!this.header.keys[col]?.has(key)) return false;
      seen++;
    }
    return seen > 0;
  }

  /** "(1) (2) (3) (4)=(2)x(3)" or "A B C": the column numbers printed under many headers. */
  private isColumnNumbers(r: number): boolean {
    const row = this.sheet.values[r] ?? [];
    const texts = row.map((v) => cellText(v)).filter((t) => t !== '');
    if (texts.length < 2) return false;
    const token = /^\(?(\d{1,2}|[A-Za-z])\)?(\s*[=x×*+/-]\s*\(?(\d{1,2}|[A-Za-z])\)?)*$/;
    if (!texts.every((t) => token.test(t))) return false;
    // Consecutive: 1, 2, 3 … or A, B, C … (a data row "1 | A | 2" is not).
    const lead = texts.map((t) => /^\(?(\d{1,2}|[A-Za-z])/.exec(t)![1]);
    const numeric = lead.every((t) => /^\d+$/.test(t));
    if (!numeric && lead.some((t) => /^\d+$/.test(t))) return false;
    const value = (t: string) => (numeric ? Number(t) : t.toUpperCase().charCodeAt(0));
    return lead.every((t, i) => i === 0 || value(t) === value(lead[i - 1]) + 1);
  }

  private readTotal(row: number, value: CellInput): void {
    const max = parseMaxCell(value);
    if (max.kind === 'number') {
      this.total = max.value;
      this.totalRow = row;
    } else if (max.kind !== 'empty') {
      this.problem(row, ...maxMessage(max, 'tổng điểm'));
    }
    if (this.placer.roots.length > 0) this.ignoredAfter = row;
  }

  private readNumbered(row: number, label: Label, nameLines: string[], max: MaxCell, c: RowCells): void {
    const placed = this.placer.place(label);
    if (!placed.ok) {
      this.problem(row, placed.message, placed.messageEn);
      return;
    }
    const { nameText, rest } = splitName(nameLines);
    const node: Node = {
      code: placed.code,
      printed: placed.printed,
      kind: label.kind as Node['kind'],
      children: [],
      label,
      name: nameText,
      max,
      row,
      options: [],
      guidance: [],
      method: c.method,
      broken: false,
    };
    const printed = printedLabel(label);
    if (nameText === '') {
      this.problem(row, `dòng có số thứ tự "${printed}" nhưng không có tên tiêu chí`, `row numbered "${printed}" has no criterion name`);
    }
    if (max.kind !== 'number') {
      this.problem(row, ...maxMessage(max, `"${printed}"`));
      node.broken = true;
    } else if (max.value <= 0) {
      this.problem(row, `điểm tối đa của "${printed}" phải lớn hơn 0 (đang là ${formatPoints(max.value)})`, `the maximum of "${printed}" must be above 0`);
      node.broken = true;
    }
    if (label.kind === 'letter' && placed.parent) {
      const seen = this.letters.get(placed.parent) ?? new Map<string, number>();
      this.letters.set(placed.parent, seen);
      const before = seen.get(label.letter);
      if (before !== undefined) {
        this.problem(row, `mục "${label.letter})" bị trùng với dòng ${before} (cùng thuộc "${printedLabel(placed.parent.label)}")`, `item "${label.letter})" repeats row ${before}`);
      } else seen.set(label.letter, row);
    }
    const first = this.byCode.get(placed.code);
    if (first) {
      const same = printed.replace(/[.)]$/, '') === placed.code ? `số thứ tự "${printed}"` : `số thứ tự "${printed}" (mã ${placed.code})`;
      this.problem(row, `${same} bị trùng với dòng ${first.row}`, `numbering "${printed}" (code ${placed.code}) repeats row ${first.row}`);
    } else this.byCode.set(placed.code, node);
    this.placer.push(node, placed.parent);
    for (const line of rest) this.addLine(node, row, line, null);
    this.addExtras(node, c.evidence, c.note);
  }

  private readUnnumbered(row: number, c: RowCells, nameLines: string[]): void {
    const node = this.placer.current;
    const lines = nameLines.length > 0 ? nameLines : c.method;
    const max = parseMaxCell(c.max);
    if (max.kind === 'words' || max.kind === 'invalid') {
      this.problem(row, ...maxMessage(max, 'mức chấm'));
      return;
    }
    const points = max.kind === 'number' ? max.value : null;
    if (!node) {
      if (lines.some((l) => parseOptionText(l)) || points !== null) {
        const what = lines[0] ?? cellText(c.max);
        this.problem(row, `mức chấm "${what}" không nằm dưới tiêu chí nào (chưa có dòng đánh số nào ở trên)`, `option "${what}" is not under any numbered row`);
      }
      return; // text above the first criterion: notes, sub-titles
    }
    if (lines.length === 0) {
      this.problem(row, `có điểm ${cellText(c.max)} nhưng không có số thứ tự và nội dung`, 'a number without numbering or text');
      return;
    }
    if (points !== null && lines.length === 1) this.addLine(node, row, lines[0], points);
    else {
      if (points !== null) {
        this.problem(row, `có ${lines.length} dòng chữ trong một ô nhưng chỉ một điểm ${formatPoints(points)}: ghi điểm vào từng mức ("…: 1 điểm")`, 'several lines but a single number');
        return;
      }
      for (const line of lines) this.addLine(node, row, line, null);
    }
    if (nameLines.length > 0) node.guidance.push(...c.method);
    this.addExtras(node, c.evidence, c.note);
  }

  /** A line under a numbered row: an option ("…: 1 điểm"), or guidance before any option. */
  private addLine(node: Node, row: number, line: string, columnPoints: number | null): void {
    const parsed = parseOptionText(line);
    if (parsed) {
      if (columnPoints !== null && (parsed.points === 'max' || !samePoints(parsed.points, columnPoints))) {
        const said = parsed.points === 'max' ? 'điểm tối đa' : formatPoints(parsed.points);
        this.problem(row, `mức "${parsed.label}": điểm ghi trong chữ (${said}) khác điểm ở cột điểm (${formatPoints(columnPoints)})`, `option "${parsed.label}": points in the text differ from the points column`);
        return;
      }
      node.options.push({ label: stripFootnoteMarks(parsed.label), points: parsed.points, row });
      return;
    }
    if (columnPoints !== null) {
      node.options.push({ label: cleanName(withoutBullet(line)), points: columnPoints, row });
      return;
    }
    if (node.options.length > 0) {
      this.problem(row, `không đọc được điểm của mức chấm "${line}" (ghi như "Ban hành kịp thời: 1 điểm")`, `no points found in option "${line}"`);
      return;
    }
    node.guidance.push(line);
  }

  private addExtras(node: Node, evidence: string[], note: string[]): void {
    if (evidence.length > 0) node.guidance.push(`Tài liệu kiểm chứng: ${evidence.join('\n')}`);
    if (note.length > 0) node.guidance.push(`Ghi chú: ${note.join('\n')}`);
  }

  // --- after reading --------------------------------------------------------------------

  private finishNodes(): void {
    const visit = (node: Node): void => {
      if (node.children.length > 0) {
        if (node.options.length > 0) {
          const o = node.options[0];
          const child = node.children[0];
          this.problem(
            o.row,
            `mức chấm "${o.label}" nằm dưới "${printedLabel(node.label)}", nhưng "${printedLabel(node.label)}" có tiêu chí con ("${printedLabel(child.label)}", dòng ${child.row}); chỉ tiêu chí không có tiêu chí con mới có mức chấm`,
            `option "${o.label}" is under "${printedLabel(node.label)}", which has sub-criteria`,
          );
          node.options = [];
        }
        node.children.forEach(visit);
        return;
      }
      if (node.options.length === 0 && node.method.length > 0) {
        // The scoring column may list the options itself: used only when every line is one.
        const lines = node.method.filter((l, i) => !(i === 0 && /:$/.test(l) && !parseOptionText(l)));
        const parsed = lines.flatMap((l) => l.split(/;\s*/)).filter((l) => l !== '').map((l) => parseOptionText(l));
        if (parsed.length > 0 && parsed.every((p) => p !== null)) {
          for (const p of parsed) node.options.push({ label: stripFootnoteMarks(p!.label), points: p!.points, row: node.row });
        }
      }
      for (const o of node.options) {
        if (o.points === 'max') o.points = node.max.kind === 'number' ? node.max.value : 0;
      }
    };
    this.placer.roots.forEach(visit);
  }

  private toData(meta: ImportMeta): CriteriaSetData {
    const item = (n: Node): CriterionData => {
      // A row whose maximum could not be read stands in with a value that raises no
      // further complaint; its own problem is already reported.
      const maxScore = n.max.kind === 'number' && n.max.value > 0 ? n.max.value : n.children.length > 0 ? 0 : 1;
      const guidance = [...n.method, ...n.guidance].join('\n').trim();
      const data: CriterionData = { code: n.code, name: n.name || '?', maxScore };
      if (n.children.length > 0) data.children = n.children.map(item);
      if (n.children.length === 0 && n.options.length > 0) data.options = n.options.map((o): ScoringOption => ({ label: o.label, points: o.points as number }));
      if (guidance !== '') data.guidance = guidance;
      return data;
    };
    const items = this.placer.roots.map(item);
    const fill = (data: CriterionData, n: Node): void => {
      if (n.children.length === 0) return;
      n.children.forEach((c, i) => fill(data.children![i], c));
      if (n.broken && data.maxScore === 0) data.maxScore = sumPoints(data.children!.map((c) => c.maxScore));
    };
    items.forEach((d, i) => fill(d, this.placer.roots[i]));
    return {
      schemaVersion: 1,
      id: meta.id,
      title: meta.title,
      status: 'imported',
      source: meta.source,
      year: meta.year,
      level: meta.level,
      version: meta.version ?? '1',
      ...(this.total !== null ? { totalMax: this.total } : {}),
      bands: [],
      items,
    };
  }

  private mapLoaderProblem(p: { where: string; message: string; messageEn: string }): void {
    if (p.messageEn.startsWith('duplicate code')) return; // reported with both rows while reading
    const code = p.where.split(' › ')[0];
    if (code === 'totalMax') {
      if ([...this.byCode.values()].some((n) => n.broken)) return;
      this.problem(this.totalRow, `dòng tổng cộng: ${p.message}`, `total row: ${p.messageEn}`);
      return;
    }
    const node = this.byCode.get(code);
    if (!node) {
      this.problem(null, p.where === code ? p.message : `${p.where}: ${p.message}`, p.messageEn);
      return;
    }
    // A row whose own maximum is unreadable makes its ancestors' sums unknowable.
    if (this.touchesBroken(node)) return;
    const option = /^option "(.*)" is/.exec(p.messageEn);
    if (option) {
      const row = node.options.find((o) => o.label === option[1])?.row;
      this.problem(row ?? node.row, p.message, p.messageEn);
      return;
    }
    const dup = /^duplicate option "(.*)"$/.exec(p.messageEn);
    if (dup) {
      const rows = node.options.filter((o) => o.label === dup[1]).map((o) => o.row);
      this.problem(rows[1] ?? node.row, `${p.message} (dòng ${rows[0] ?? node.row})`, p.messageEn);
      return;
    }
    this.problem(node.row, p.where === code ? p.message : `${p.where.slice(code.length + 3)}: ${p.message}`, p.messageEn);
  }

  private touchesBroken(node: Node): boolean {
    const walk = (n: Node): boolean => n.broken || n.children.some(walk);
    return walk(node);
  }

  private problem(row: number | null, message: string, messageEn: string): void {
    this.problems.push({ row, message, messageEn });
  }

  private sorted(): ImportProblem[] {
    return this.problems
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
      .map(({ p }) => p);
  }
}

// --- helpers --------------------------------------------------------------------------------

function sameLabel(a: Label, b: Label): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'roman' && b.kind === 'roman') return a.value === b.value;
  if (a.kind === 'arabic' && b.kind === 'arabic') return a.segments.join('.') === b.segments.join('.');
  if (a.kind === 'letter' && b.kind === 'letter') return a.letter === b.letter;
  return false;
}

function printedLabel(label: Label): string {
  switch (label.kind) {
    case 'roman':
    case 'arabic':
    case 'unknown':
      return label.text.trim();
    case 'letter':
      return `${label.letter})`;
    default:
      return '';
  }
}

/** Name = the lines before the first option line, joined; the rest are options or guidance. */
function splitName(lines: string[]): { nameText: string; rest: string[] } {
  let i = 0;
  while (i < lines.length && (i === 0 || !parseOptionText(lines[i]))) i++;
  return { nameText: cleanName(lines.slice(0, i).join(' ')), rest: lines.slice(i) };
}

function cleanName(text: string): string {
  return stripFootnoteMarks(text)
    .replace(/[\s:;,]+$/u, '')
    .trim();
}

function samePoints(a: number, b: number): boolean {
  return Math.round(a * 1000) === Math.round(b * 1000);
}

const TOTAL_KEYS = /^(tong cong|tong diem|tong so diem|tong so|tong|cong|diem tong|tong cong diem)( toi da)?$/;

function isTotalRow(text: string): boolean {
  return TOTAL_KEYS.test(foldKey(text.replace(/\([^)]*\)/g, ' ')));
}

function maxMessage(max: MaxCell, what: string): [string, string] {
  switch (max.kind) {
    case 'empty':
      return [`thiếu điểm tối đa của ${what}`, `${what}: the maximum is missing`];
    case 'words':
      return [
        `điểm tối đa của ${what} viết bằng chữ ("${max.text}"); hãy ghi bằng số, ví dụ 2 hoặc 0,5`,
        `the maximum of ${what} is written in words ("${max.text}"); write a number such as 2 or 0.5`,
      ];
    case 'invalid':
      return [
        `không đọc được điểm tối đa của ${what}: "${max.text}" (cần một số, ví dụ 2 hoặc 0,5)`,
        `cannot read the maximum of ${what}: "${max.text}" (a number such as 2 or 0.5 is needed)`,
      ];
    default:
      return ['', ''];
  }
}

function unknownLabelMessage(stt: string): [string, string] {
  const date = /^\d{4}-\d{2}-\d{2}/.test(stt);
  return [
    `không hiểu số thứ tự "${stt}" (cần I, II…; 1, 1.1, 1.1.1…; hoặc a), b)…)` +
      (date ? '; Excel đã đổi số thứ tự thành ngày — hãy định dạng cột STT là Văn bản (Text) rồi dán lại' : ''),
    `cannot read the numbering "${stt}" (expected I, II…; 1, 1.1, 1.1.1…; or a), b)…)` + (date ? '; Excel turned it into a date' : ''),
  ];
}
