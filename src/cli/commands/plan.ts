/**
 * par-index plan --set ID --targets FILE [--scores FILE] [--json]
 * par-index plan FILE.xlsx [--depth …] [--json] [--docx KE-HOACH.docx [--rounded-rates] [--force]]
 * The plan table of a unit: maxima, targets and target rates, and — with scores —
 * achievement, completion and the gap to each target. From a filled workbook, the
 * targets and scores are those typed in it and "Điểm đạt" is the workbook's (appraised
 * where appraised, else self-assessed).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { findBundledSet } from '../../criteria';
import { buildPlan, computeResult, validateAssessment, type Assessment, type CriteriaSet, type Plan, type Problem, type ProblemCode, type Result } from '../../domain';
import { declareCommand, parseCommand, required } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors';
import type { CliIO } from '../io';
import { printProblems } from '../problems-output';
import { planJson, renderPlan } from '../plan-output';
import { readValueFile } from '../value-file';
import { openWorkbook } from '../workbook-file';
import { checkWorkbook } from '../../workbook/read/check';
import { writePlanDocx } from '../plan-docx';

const PLAN_CHECKS = new Set<ProblemCode>([
  'score-above-max',
  'score-negative',
  'score-not-number',
  'score-not-option',
  'number-as-text',
  'target-above-max',
  'target-above-applicable-max',
  'target-negative',
  'target-not-number',
]);

/** What a workbook's own tampering adds to the plan's checks: anything that makes its numbers wrong. */
const WORKBOOK_CHECKS = new Set<ProblemCode>(['max-changed', 'formula-overwritten', 'formula-changed', 'number-as-text', 'row-missing', 'row-duplicated']);

type PlanOptions = { set?: string; targets?: string; scores?: string; depth?: string; json?: true; docx?: string; roundedRates?: true; force?: true };

export function planCli(): Command {
  return declareCommand('plan', 'bảng mục tiêu và kết quả của một đơn vị')
    .usage('(--set ID --targets TỆP [--scores TỆP] | TỆP.xlsx) [--depth 1|2|3|all] [--json]')
    .description(
      'Bảng mục tiêu và kết quả: điểm tối đa, mục tiêu, tỷ lệ, điểm đạt, chênh lệch. ' +
        'Từ một tệp đã chấm (TỆP.xlsx), hoặc từ một bộ tiêu chí có sẵn với tệp mục tiêu (và điểm). ' +
        'TỆP mục tiêu/điểm: CSV "code,target" (hoặc "code,score"; 15.3 hoặc "15,3") hoặc JSON { "3": 15.3 }.',
    )
    .argument('[TỆP.xlsx]', 'tệp đã chấm: mục tiêu và điểm được đọc từ tệp')
    .option('--set <ID>', 'bộ tiêu chí có sẵn (xem: par-index sets)')
    .option('--targets <TỆP>', 'mục tiêu từng tiêu chí (CSV hoặc JSON)')
    .option('--scores <TỆP>', 'điểm tự đánh giá từng tiêu chí (CSV hoặc JSON)')
    .option('--depth <1|2|3|all>', 'số cấp tiêu chí trong bảng (mặc định 1: lĩnh vực)')
    .option('--json', 'in bảng dạng JSON')
    .option('--docx <KE-HOACH.docx>', 'ghi văn bản kế hoạch cải thiện Chỉ số (Word, thể thức Nghị định 30/2020/NĐ-CP) từ tệp đã chấm')
    .option('--rounded-rates', 'tỷ lệ trong văn bản ghi như kế hoạch thường in ("≥ 65%") thay vì hai chữ số thập phân')
    .option('--force', 'ghi đè nếu tệp --docx đã có')
    .allowExcessArguments()
    .addHelpText('after', '\nVí dụ:\n  par-index plan --set lai-chau-so-2025 --targets muc-tieu.csv\n  par-index plan so-xay-dung.xlsx --depth 2\n  par-index plan so-xay-dung.xlsx --docx ke-hoach.docx');
}

export function planCommand(argv: readonly string[], io: CliIO): number | Promise<number> {
  const { operands, opts } = parseCommand<PlanOptions>(planCli(), argv, io);
  if (operands.length > 0) return planFromWorkbook(operands, opts, io);
  if (opts.docx !== undefined) throw new CliError('--docx cần tệp chấm điểm: par-index plan FILE.xlsx --docx KE-HOACH.docx');
  const setId = required(opts.set, '--set ID (xem: par-index sets)');
  const set = findBundledSet(setId);
  if (!set) throw new CliError(`Không có bộ tiêu chí "${setId}". Xem danh sách: par-index sets`);
  const targetsPath = required(opts.targets, '--targets FILE (CSV "code,target" hoặc JSON { "3": 15.3 })');
  const assessment: Assessment = { entries: {}, cells: {} };
  for (const row of readValueFile(resolve(io.cwd, targetsPath), 'target', set)) {
    (assessment.entries[row.code] ??= {}).target = row.value;
    (assessment.cells![row.code] ??= {}).target = row.at;
  }
  const scoresPath = opts.scores;
  if (scoresPath) {
    for (const row of readValueFile(resolve(io.cwd, scoresPath), 'score', set)) {
      (assessment.entries[row.code] ??= {}).selfScore = row.value;
      (assessment.cells![row.code] ??= {}).selfScore = row.at;
    }
  }
  const depth = parseDepth(opts.depth);
  // A value file carries no evidence or N/A column: only numbers that are wrong count here.
  const problems = validateAssessment(set, assessment).filter((p) => PLAN_CHECKS.has(p.code));
  // Targets are measured against the final result; with only self-scores given, that is them.
  const plan = buildPlan(set, assessment, { basis: 'final', depth });
  return emitPlan(set, plan, computeResult(set, assessment), problems, opts.json === true, io);
}

async function planFromWorkbook(operands: string[], opts: PlanOptions, io: CliIO): Promise<number> {
  if (operands.length > 1) throw new CliError('plan đọc một tệp .xlsx mỗi lần');
  for (const flag of ['set', 'targets', 'scores'] as const) {
    if (opts[flag] !== undefined) throw new CliError(`--${flag} không dùng cùng tệp .xlsx: mục tiêu và điểm được đọc từ tệp`);
  }
  const file = operands[0];
  const opened = await openWorkbook(resolve(io.cwd, file));
  if (!opened.ok) throw new CliError(`Không đọc được ${file}: ${opened.error}`);
  const { set, assessment } = opened.read;
  const depth = parseDepth(opts.depth);
  const checked = checkWorkbook(opened.read);
  const problems = checked.problems.filter(
    (p) => PLAN_CHECKS.has(p.code) || (WORKBOOK_CHECKS.has(p.code) && p.severity === 'error'),
  );
  const plan = buildPlan(set, assessment, { basis: 'final', depth });
  const docx = opts.docx;
  if (!docx && (opts.roundedRates || opts.force)) throw new CliError('--rounded-rates và --force chỉ dùng cùng --docx KE-HOACH.docx');
  if (docx) {
    const fields = depth === 1 ? plan : buildPlan(set, assessment, { basis: 'final' });
    await writePlanDocx(set, assessment, fields, { outArg: docx, force: opts.force === true, roundedRates: opts.roundedRates === true, unit: opened.read.unit, year: opened.read.year }, io);
  }
  return emitPlan(set, plan, checked.result, problems, opts.json === true, io);
}

export function emitPlan(set: CriteriaSet, plan: Plan, result: Result, problems: Problem[], json: boolean, io: CliIO): number {
  if (json) io.out(JSON.stringify({ ...planJson(set, plan, result), problems }, null, 2));
  else io.out(renderPlan(set, plan, result));
  if (problems.length > 0 && !json) printProblems(problems, io);
  return problems.some((p) => p.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}

function parseDepth(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'all') return Number.POSITIVE_INFINITY;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError('--depth là 1 (lĩnh vực), 2, 3 hoặc all');
  return n;
}
