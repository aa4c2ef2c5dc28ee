/**
 * plan FILE.xlsx --docx KE-HOACH.docx: the plan's tables as a Word document, written like
 * every other output (next to the target, then moved into place; no overwrite without --force).
 */
import { resolve } from 'node:path';
import type { Assessment, CriteriaSet, Plan } from '../domain';
import { describePlanDocument } from '../workbook/plan-document/describe';
import { renderPlanDocx } from '../workbook/plan-document/docx';
import { CliError } from './errors';
import type { CliIO } from './io';
import { writeAtomically } from './write-workbook';

export interface PlanDocxRequest {
  outArg: string;
  force: boolean;
  roundedRates: boolean;
  unit: string | null;
  year: number | null;
}

export async function writePlanDocx(set: CriteriaSet, assessment: Assessment, plan: Plan, request: PlanDocxRequest, io: CliIO): Promise<void> {
  if (!/\.docx$/i.test(request.outArg)) throw new CliError(`--docx cần tên tệp .docx (nhận được "${request.outArg}")`);
  const year = request.year ?? set.year;
  const doc = describePlanDocument(set, assessment, plan, { year, unit: request.unit, roundedRates: request.roundedRates });
  const bytes = await renderPlanDocx(doc);
  const refusal =
    `Tệp ${request.outArg} đã có; lệnh này không ghi đè để không làm mất phần kế hoạch đã soạn trong đó. ` +
    'Chọn tên tệp khác, hoặc thêm --force nếu chắc chắn muốn thay tệp này.';
  writeAtomically(resolve(io.cwd, request.outArg), Buffer.from(bytes), request.force, request.outArg, refusal);
  if (doc.goal === null) io.err(`Lưu ý: tệp chưa có mục tiêu điểm nên ${request.outArg} chưa có câu mục tiêu chung.`);
  io.err(`Đã ghi ${request.outArg}`);
}
