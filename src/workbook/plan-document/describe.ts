/**
 * The improvement plan as a document, before any file format: the "Mục tiêu cụ thể" table
 * of the yearly plan (one row per field, its total and the overall goal sentence) and an
 * appendix per field listing the criteria where points were lost, most points first, with
 * who carries each. Every cell is text the workbook holds or a figure computed from it:
 * the tasks and products of the appendix stay empty because the workbook has no column
 * for them, and the planner writes them in the document.
 */
import {
  entryOf,
  formatPoints,
  formatRate,
  hasText,
  previousScoreOf,
  previousYearGaps,
  rankGaps,
  type Assessment,
  type CriteriaSet,
  type Criterion,
  type Gap,
  type Plan,
  type PlanRow,
} from '../../domain';

export interface DocColumn {
  header: string;
  /** Share of the text width, in parts of the sum over the table's columns. */
  width: number;
  align: 'left' | 'center' | 'right';
}

/** A figure stays a number until a writer shows it: Word as vi-VN text, a sheet as a number in its format. */
export type DocCell = string | { points: number } | { rate: number };

export interface DocTable {
  columns: DocColumn[];
  rows: DocCell[][];
  /** Printed bold after the rows (the plan's "Tổng cộng"). */
  total?: DocCell[];
}

export function cellText(cell: DocCell): string {
  if (typeof cell === 'string') return cell;
  return 'points' in cell ? formatPoints(cell.points) : formatRate(cell.rate);
}

const points = (x: number | null): DocCell => (x === null ? '' : { points: x });

export interface AppendixSection {
  /** "I. Công tác chỉ đạo điều hành" */
  heading: string;
  table: DocTable;
}

export interface PlanDocument {
  unit: string | null;
  year: number;
  title: string;
  subtitle: string;
  /** "Phấn đấu … đạt 78,3% trở lên …"; null when the file has no target yet. */
  goal: string | null;
  targets: DocTable;
  appendix: {
    title: string;
    subtitle: string;
    /** "(Kèm theo Kế hoạch …)" */
    note: string;
    sections: AppendixSection[];
    /** Said instead of the tables when no criterion lost points (or none is scored yet). */
    empty: string | null;
  };
}

export interface PlanDocumentOptions {
  /** The year the targets are for; the year before it is the one to do better than. */
  year: number;
  unit?: string | null;
  /** "≥ 65%" as plans print them, instead of "64,71%". */
  roundedRates?: boolean;
}

/**
 * plan: buildPlan's field rows (depth 1) on the final basis; the appendix ranks the same
 * assessment's losses against each criterion's maximum on that basis.
 */
export function describePlanDocument(set: CriteriaSet, assessment: Assessment, plan: Plan, options: PlanDocumentOptions): PlanDocument {
  const { year } = options;
  const rate = (r: PlanRow): DocCell => (options.roundedRates ? roundedRateLabel(r) : r.targetRate === null ? '' : { rate: r.targetRate });
  const fields = plan.rows.filter((r) => r.depth === 1);
  const responsibility = (code: string) => responsibilityOf(set, assessment, code);
  const targets: DocTable = {
    columns: [
      { header: 'Stt', width: 5, align: 'center' },
      { header: 'Chỉ số thành phần', width: 21, align: 'left' },
      { header: 'Điểm tối đa', width: 9, align: 'center' },
      { header: `Mục tiêu điểm năm ${year}`, width: 9, align: 'center' },
      { header: `Tỷ lệ đạt năm ${year}`, width: 12, align: 'center' },
      { header: 'Cơ quan chủ trì, theo dõi', width: 14, align: 'left' },
      { header: 'Cơ quan phối hợp/thực hiện', width: 16, align: 'left' },
      { header: 'Thời gian thực hiện', width: 12, align: 'left' },
    ],
    rows: fields.map((r, i) => {
      const who = responsibility(r.code);
      return [String(i + 1), r.name, points(r.applicableMax), points(r.target), rate(r), who.lead, who.partners, who.deadline];
    }),
    total: ['', plan.total.name, points(plan.total.applicableMax), points(plan.total.target), rate(plan.total), '', '', ''],
  };
  const goalRate = plan.total.targetRate;
  const goal =
    goalRate === null
      ? null
      : `Phấn đấu điểm Chỉ số cải cách hành chính năm ${year} đạt ${goalRateLabel(goalRate)} trở lên và tăng hạng so với năm ${year - 1}.`;
  const sections = appendixSections(set, assessment, year);
  return {
    unit: options.unit ?? null,
    year,
    title: 'KẾ HOẠCH',
    subtitle: `Cải thiện và nâng cao Chỉ số cải cách hành chính năm ${year}`,
    goal,
    targets,
    appendix: {
      title: 'PHỤ LỤC',
      subtitle: `NHIỆM VỤ KHẮC PHỤC CÁC TIÊU CHÍ BỊ MẤT ĐIỂM, THỰC HIỆN TRONG NĂM ${year}`,
      note: `(Kèm theo Kế hoạch cải thiện và nâng cao Chỉ số cải cách hành chính năm ${year})`,
      sections,
      empty: sections.length > 0 ? null : 'Tệp chưa có tiêu chí nào đã chấm (hay có điểm năm trước) mà bị mất điểm.',
    },
  };
}

function appendixSections(set: CriteriaSet, assessment: Assessment, year: number): AppendixSection[] {
  // A plan starts from last year's losses when the file carries them ("Điểm năm trước");
  // otherwise from this file's own scored leaves (an unscored one has lost nothing yet).
  const fromLastYear = previousYearGaps(set, assessment);
  const lastYear = set.leaves.some((leaf) => previousScoreOf(assessment, leaf.code) !== null);
  const lost = lastYear ? fromLastYear : rankGaps(set, assessment, 'final').againstMax.filter((g) => g.scored);
  const byField = new Map<string, Gap[]>();
  for (const gap of lost) {
    const field = fieldOf(set, gap.code).code;
    byField.set(field, [...(byField.get(field) ?? []), gap]);
  }
  const columns: DocColumn[] = [
    { header: 'Stt', width: 5, align: 'center' },
    { header: 'Mục tiêu', width: 26, align: 'left' },
    { header: 'Nhiệm vụ/giải pháp', width: 17, align: 'left' },
    { header: 'Cơ quan chủ trì', width: 13, align: 'left' },
    { header: 'Cơ quan phối hợp', width: 15, align: 'left' },
    { header: 'Thời hạn', width: 12, align: 'left' },
    { header: 'Sản phẩm', width: 12, align: 'left' },
  ];
  return set.items
    .filter((field) => byField.has(field.code))
    .map((field, i) => ({
      heading: `${romanNumeral(i + 1)}. ${field.name}`,
      table: {
        columns,
        rows: byField.get(field.code)!.map((gap, j) => {
          const who = responsibilityOf(set, assessment, gap.code);
          return [String(j + 1), objectiveOf(gap, year, lastYear), '', who.lead, who.partners, who.deadline, ''];
        }),
      },
    }));
}

/** What the workbook says of a lost criterion: its name, what it scored (last year's, when so), and its target if one is set. */
function objectiveOf(gap: Gap, year: number, lastYear: boolean): string {
  const scored = `${lastYear ? `Năm ${year - 1} đạt` : 'Đã đạt'} ${formatPoints(gap.score)}/${formatPoints(gap.maxScore)} điểm, mất ${formatPoints(gap.lost)} điểm.`;
  const lines = [`${gap.code}. ${gap.name}`, scored];
  if (gap.target !== null) lines.push(`Mục tiêu năm ${year}: ${formatPoints(gap.target)} điểm.`);
  return lines.join('\n');
}

/**
 * The responsibility columns the planner typed: a criterion's own, else those of the
 * nearest row above it that has them (plans assign whole fields, as seed plans do).
 */
function responsibilityOf(set: CriteriaSet, assessment: Assessment, code: string): { lead: string; partners: string; deadline: string } {
  const pick = (key: 'leadUnit' | 'partnerUnits' | 'deadline'): string => {
    for (let node: Criterion | undefined = set.byCode.get(code); node; node = node.parentCode ? set.byCode.get(node.parentCode) : undefined) {
      const text = entryOf(assessment, node.code)[key];
      if (hasText(text)) return text!.trim();
    }
    return '';
  };
  return { lead: pick('leadUnit'), partners: pick('partnerUnits'), deadline: pick('deadline') };
}

function fieldOf(set: CriteriaSet, code: string): Criterion {
  let node = set.byCode.get(code)!;
  while (node.parentCode) node = set.byCode.get(node.parentCode)!;
  return node;
}

const percentTrimmed = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 2 });
const percentWhole = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });
const percentOneDecimal = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** In the goal sentence the rate reads as the plan states it: "78,3%", "64,71%". */
export function goalRateLabel(rate: number): string {
  return percentTrimmed.format(rate);
}

/**
 * The labels plans print when the planner prefers them (seed 001): "100%" at the maximum,
 * otherwise "≥" and the rate to the whole percent ("≥ 65%" for 5,5 of 8,5), or to the
 * tenth when that is exact ("≥ 78,3%").
 */
export function roundedRateLabel(row: Pick<PlanRow, 'targetRate'>): string {
  const rate = row.targetRate;
  if (rate === null) return '';
  if (rate >= 1) return percentWhole.format(1);
  const tenths = Math.round(rate * 1000);
  const exactTenth = Math.abs(rate * 1000 - tenths) < 1e-6;
  return `≥ ${exactTenth ? percentOneDecimal.format(tenths / 1000) : percentWhole.format(rate)}`;
}

function romanNumeral(n: number): string {
  const parts: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of parts) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}
