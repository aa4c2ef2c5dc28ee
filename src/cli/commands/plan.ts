/**
 * par-index plan --set ID --targets FILE [--scores FILE] [--json]
 * The plan table of a unit: maxima, targets and target rates, and — with scores —
 * achievement, completion and the gap to each target.
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

const PLAN_CHECKS = new Set(['score-above-max', 'score-negative', 'score-not-number', 'score-not-option', 'target-above-max', 'target-negative', 'target-not-number']);

export function planCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { set: true, targets: true, scores: true, json: false, depth: true });
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
