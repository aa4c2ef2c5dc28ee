/**
 * par-index plan --set ID --targets FILE [--scores FILE] [--json]
 * par-index plan FILE.xlsx [--depth …] [--json] [--docx KE-HOACH.docx [--rounded-rates] [--force]]
 * The plan table of a unit: maxima, targets and target rates, and — with scores —
 * achievement, completion and the gap to each target. From a filled workbook, the
 * targets and scores are those typed in it and "Điểm đạt" is the workbook's (appraised
 * where appraised, else self-assessed).
 */
import { resolve } from 'node:path';
import { findBundledSet } from '../../criteria';
import { buildPlan, validateAssessment, type Assessment, type CriteriaSet, type Plan, type Problem } from '../../domain';
import { parseArgs, requireFlag, stringFlag } from '../args';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors';
import type { CliIO } from '../io';
import { printProblems } from '../problems-output';
import { planJson, renderPlan } from '../plan-output';
import { readValueFile } from '../value-file';
import { openWorkbook } from '../workbook-file';
import { checkWorkbook } from '../../workbook/read/check';
import { writePlanDocx } from '../plan-docx';

const PLAN_CHECKS = new Set(['score-above-max', 'score-negative', 'score-not-number', 'score-not-option', 'target-above-max', 'target-negative', 'target-not-number']);

/** What a workbook's own tampering adds to the plan's checks: anything that makes its numbers wrong. */
const WORKBOOK_CHECKS = new Set(['max-changed', 'formula-overwritten', 'formula-changed', 'number-as-text', 'row-missing', 'row-duplicated']);

export function planCommand(argv: readonly string[], io: CliIO): number | Promise<number> {
  const args = parseArgs(argv, { set: true, targets: true, scores: true, json: false, depth: true, docx: true, 'rounded-rates': false, force: false });
  if (args.positional.length > 0) return planFromWorkbook(args, io);
  if (args.flags.docx !== undefined) throw new CliError('--docx cần tệp chấm điểm: par-index plan FILE.xlsx --docx KE-HOACH.docx');
  const setId = requireFlag(args, 'set', 'ID (xem: par-index sets)');
  const set = findBundledSet(setId);
  if (!set) throw new CliError(`Không có bộ tiêu chí "${setId}". Xem danh sách: par-index sets`);
  const targetsPath = requireFlag(args, 'targets', 'FILE (CSV "code,target" hoặc JSON { "3": 15.3 })');
  const assessment: Assessment = { entries: {}, cells: {} };
  for (const row of readValueFile(resolve(io.cwd, targetsPath), 'target', set)) {
    (assessment.entries[row.code] ??= {}).target = row.value;
    (assessment.cells![row.code] ??= {}).target = row.at;
  }
  const scoresPath = stringFlag(args, 'scores');
  if (scoresPath) {
    for (const row of readValueFile(resolve(io.cwd, scoresPath), 'score', set)) {
      (assessment.entries[row.code] ??= {}).selfScore = row.value;
      (assessment.cells![row.code] ??= {}).selfScore = row.at;
    }
  }
  const depth = parseDepth(stringFlag(args, 'depth'));
  // A value file carries no evidence or N/A column: only numbers that are wrong count here.
  const problems = validateAssessment(set, assessment).filter((p) => PLAN_CHECKS.has(p.code));
  const plan = buildPlan(set, assessment, { basis: 'self', depth });
  return emitPlan(set, plan, problems, args.flags.json === true, io);
}

async function planFromWorkbook(args: ReturnType<typeof parseArgs>, io: CliIO): Promise<number> {
  if (args.positional.length > 1) throw new CliError('plan đọc một tệp .xlsx mỗi lần');
  for (const flag of ['set', 'targets', 'scores']) {
    if (args.flags[flag] !== undefined) throw new CliError(`--${flag} không dùng cùng tệp .xlsx: mục tiêu và điểm được đọc từ tệp`);
  }
  const file = args.positional[0];
  const opened = await openWorkbook(resolve(io.cwd, file));
  if (!opened.ok) throw new CliError(`Không đọc được ${file}: ${opened.error}`);
  const { set, assessment } = opened.read;
  const depth = parseDepth(stringFlag(args, 'depth'));
  const problems = checkWorkbook(opened.read).problems.filter(
    (p) => PLAN_CHECKS.has(p.code) || (WORKBOOK_CHECKS.has(p.code) && p.severity === 'error'),
  );
  const plan = buildPlan(set, assessment, { basis: 'final', depth });
  const docx = stringFlag(args, 'docx');
  if (!docx && (args.flags['rounded-rates'] || args.flags.force)) throw new CliError('--rounded-rates và --force chỉ dùng cùng --docx KE-HOACH.docx');
  if (docx) await writePlanDocx(set, assessment, buildPlan(set, assessment), { outArg: docx, force: args.flags.force === true, roundedRates: args.flags['rounded-rates'] === true, unit: opened.read.unit, year: opened.read.year }, io);
  return emitPlan(set, plan, problems, args.flags.json === true, io);
}

export function emitPlan(set: CriteriaSet, plan: Plan, problems: Problem[], json: boolean, io: CliIO): number {
  if (json) io.out(JSON.stringify({ ...planJson(set, plan), problems }, null, 2));
  else io.out(renderPlan(set, plan));
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
