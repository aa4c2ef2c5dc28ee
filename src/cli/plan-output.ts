import { STATUS_LABELS, formatPoints, formatRate, resultText, type CriteriaSet, type Plan, type PlanRow, type Result } from '../domain';
import { resultJson } from './result-json';
import { renderTable, type Column } from './table';

/** `result` is the same object `check --json` gives for the file; the band is its final band. */
export function planJson(set: CriteriaSet, plan: Plan, result: Result) {
  return {
    set: { id: set.id, title: set.title, status: set.status },
    basis: plan.basis,
    rows: plan.rows,
    total: plan.total,
    result: resultJson(result),
    band: result.final.band,
  };
}

export function renderPlan(set: CriteriaSet, plan: Plan, result: Result): string {
  const dash = (s: string) => (s === '' ? '—' : s);
  const indent = (r: PlanRow) => '  '.repeat(Math.max(0, r.depth - 1));
  // Last year's score and the change show only for a workbook that carries them.
  const withPrevious = [...plan.rows, plan.total].some((r) => r.previousScore !== null);
  const previous: Column<PlanRow>[] = withPrevious ? [{ header: 'Điểm năm trước', value: (r) => dash(formatPoints(r.previousScore)), align: 'right' }] : [];
  const change: Column<PlanRow>[] = withPrevious ? [{ header: 'Tăng/giảm so năm trước', value: (r) => dash(signed(r.changeFromPrevious)), align: 'right' }] : [];
  const table = renderTable([...plan.rows, plan.total], [
    { header: 'Mã', value: (r) => (r.code === '' ? '' : indent(r) + r.code) },
    { header: 'Chỉ số thành phần', value: (r) => indent(r) + truncate(r.name, 48) },
    { header: 'Điểm tối đa', value: (r) => formatPoints(r.maxScore), align: 'right' },
    { header: 'Tối đa áp dụng', value: (r) => formatPoints(r.applicableMax), align: 'right' },
    ...previous,
    { header: 'Mục tiêu', value: (r) => dash(formatPoints(r.target)), align: 'right' },
    { header: 'Tỷ lệ mục tiêu', value: (r) => dash(formatRate(r.targetRate)), align: 'right' },
    { header: 'Điểm đạt', value: (r) => dash(formatPoints(r.score)), align: 'right' },
    { header: 'Tỷ lệ đạt', value: (r) => dash(formatRate(r.scoreRate)), align: 'right' },
    ...change,
    { header: 'Hoàn thành mục tiêu', value: (r) => dash(formatRate(r.completion)), align: 'right' },
    { header: 'Chênh lệch', value: (r) => dash(formatPoints(r.gapToTarget)), align: 'right' },
    { header: 'Trạng thái', value: (r) => STATUS_LABELS[r.status].vi },
  ]);
  const basis = {
    self: 'điểm tự đánh giá',
    appraised: 'điểm thẩm định',
    final: 'điểm thẩm định nếu có, nếu không thì điểm tự đánh giá (dòng điều tra XHH, Hội đồng chấm: điểm được nhập)',
  }[plan.basis];
  const rates = 'Tỷ lệ tính trên điểm tối đa áp dụng (không gồm các dòng "Không đánh giá").';
  return `${set.title}\nĐiểm đạt tính theo ${basis}. ${rates}\n\n${table}\nKết quả: ${resultText(result)}`;
}

/** A change reads with its sign: "+1,5", "-0,25", "0". */
function signed(points: number | null): string {
  if (points === null) return '';
  return points > 0 ? `+${formatPoints(points)}` : formatPoints(points);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
