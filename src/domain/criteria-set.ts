/**
 * Loading a criteria set: structural check by the schema, then the invariants the
 * arithmetic relies on (unique codes, codes nested like the tree, every parent's maximum
 * equal to the sum of its children). A set that breaks one is refused with every reason
 * at once, each naming the criterion code.
 */
import { criteriaSetSchema, type CriteriaSetData, type CriterionData, type ParsedCriteriaSetData, type ScoringMethod, type ScoringOption, type Scorer } from './schema';
import { formatPoints } from './number';
import { hasAtMostThreeDecimals, sumPoints, toMilli } from './decimal';

export interface Criterion {
  code: string;
  name: string;
  nameEn?: string;
  maxScore: number;
  /** 1 = lĩnh vực, 2 = tiêu chí, 3 = tiêu chí thành phần */
  depth: number;
  parentCode: string | null;
  children: Criterion[];
  isLeaf: boolean;
  method: ScoringMethod;
  options: ScoringOption[];
  ratio?: { numerator: string; denominator: string };
  scoredBy: Scorer;
  allowNotApplicable: boolean;
  evidenceRequired: boolean;
  guidance?: string;
}

export interface CriteriaSet extends Omit<ParsedCriteriaSetData, 'items' | 'totalMax'> {
  totalMax: number;
  items: Criterion[];
  /** Every node, parents before children, in printed order. */
  nodes: Criterion[];
  leaves: Criterion[];
  byCode: ReadonlyMap<string, Criterion>;
}

export interface SetProblem {
  /** Criterion code, or the JSON path where no code applies. */
  where: string;
  message: string;
  messageEn: string;
}

export class CriteriaSetError extends Error {
  constructor(
    readonly source: string,
    readonly problems: SetProblem[],
  ) {
    super(`Bộ tiêu chí "${source}" không hợp lệ:\n` + problems.map((p) => `  - ${p.where}: ${p.message}`).join('\n'));
    this.name = 'CriteriaSetError';
  }
}

const MAX_DEPTH = 6;

export function loadCriteriaSet(raw: unknown, source = 'bộ tiêu chí'): CriteriaSet {
  const parsed = criteriaSetSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CriteriaSetError(
      source,
      parsed.error.issues.map((issue) => ({
        where: describePath(raw, issue.path),
        message: issue.message,
        messageEn: issue.message,
      })),
    );
  }
  const problems: SetProblem[] = [];
  const data = parsed.data;
  const seen = new Set<string>();
  const nodes: Criterion[] = [];

  // Only a value written in the data is inherited; a default follows each node's own scorer.
  const explicitEvidence = new Map<string, boolean | undefined>();
  const build = (item: CriterionData, parent: Criterion | null, depth: number): Criterion => {
    const where = item.code;
    if (seen.has(item.code)) problems.push(problem(where, `mã "${item.code}" bị trùng`, `duplicate code "${item.code}"`));
    seen.add(item.code);
    if (parent ? !isChildCode(parent.code, item.code) : item.code.includes('.')) {
      problems.push(
        problem(
          where,
          parent ? `mã phải bắt đầu bằng "${parent.code}." (mã của tiêu chí cha)` : 'mã lĩnh vực không được chứa dấu chấm',
          parent ? `code must start with "${parent.code}." (its parent's code)` : 'a field code has no dot',
        ),
      );
    }
    if (depth > MAX_DEPTH) problems.push(problem(where, `quá ${MAX_DEPTH} cấp`, `deeper than ${MAX_DEPTH} levels`));
    if (!hasAtMostThreeDecimals(item.maxScore)) {
      problems.push(problem(where, 'điểm tối đa có quá 3 chữ số thập phân', 'maximum has more than 3 decimals'));
    }
    const children = item.children ?? [];
    const isLeaf = children.length === 0;
    const scoredBy = item.scoredBy ?? parent?.scoredBy ?? 'self';
    const method: ScoringMethod = item.method ?? (item.options ? 'options' : item.ratio ? 'ratio' : 'free');
    const node: Criterion = {
      code: item.code,
      name: item.name,
      ...(item.nameEn ? { nameEn: item.nameEn } : {}),
      maxScore: item.maxScore,
      depth,
      parentCode: parent?.code ?? null,
      children: [],
      isLeaf,
      method,
      options: item.options ?? [],
      ...(item.ratio ? { ratio: item.ratio } : {}),
      scoredBy,
      allowNotApplicable: item.allowNotApplicable ?? parent?.allowNotApplicable ?? false,
      evidenceRequired: item.evidenceRequired ?? (parent ? explicitEvidence.get(parent.code) : undefined) ?? scoredBy === 'self',
      ...(item.guidance ? { guidance: item.guidance } : {}),
    };
    explicitEvidence.set(item.code, item.evidenceRequired ?? (parent ? explicitEvidence.get(parent.code) : undefined));
    nodes.push(node);
    if (isLeaf) checkLeaf(item, node, problems);
    else {
      if (item.options || item.method || item.ratio) {
        problems.push(problem(where, 'chỉ tiêu chí không có tiêu chí con mới có cách chấm điểm', 'only a leaf has a scoring method'));
      }
      node.children = children.map((child) => build(child, node, depth + 1));
      const childSum = sumPoints(node.children.map((c) => c.maxScore));
      if (toMilli(childSum) !== toMilli(node.maxScore)) {
        problems.push(
          problem(
            where,
            `điểm tối đa ${formatPoints(node.maxScore)} khác tổng điểm tối đa các tiêu chí con ${formatPoints(childSum)} (${node.children
              .map((c) => `${c.code}: ${formatPoints(c.maxScore)}`)
              .join('; ')})`,
            `maximum ${node.maxScore} differs from the sum of its children ${childSum}`,
          ),
        );
      }
    }
    return node;
  };

  const items = data.items.map((item) => build(item, null, 1));
  const total = sumPoints(items.map((i) => i.maxScore));
  if (data.totalMax !== undefined && toMilli(total) !== toMilli(data.totalMax)) {
    problems.push(
      problem(
        'totalMax',
        `tổng điểm tối đa các lĩnh vực là ${formatPoints(total)}, không phải ${formatPoints(data.totalMax)}`,
        `fields add up to ${total}, not ${data.totalMax}`,
      ),
    );
  }
  const bandLabels = new Set<string>();
  for (const band of data.bands) {
    if (bandLabels.has(band.label)) problems.push(problem('bands', `xếp loại "${band.label}" bị trùng`, `duplicate band "${band.label}"`));
    bandLabels.add(band.label);
  }
  if (problems.length > 0) throw new CriteriaSetError(source, problems);

  const leaves = nodes.filter((n) => n.isLeaf);
  return {
    ...data,
    totalMax: total,
    bands: [...data.bands].sort((a, b) => b.minRate - a.minRate),
    items,
    nodes,
    leaves,
    byCode: new Map(nodes.map((n) => [n.code, n])),
  };
}

const orders = new WeakMap<CriteriaSet, ReadonlyMap<string, number>>();

/** Each node's position in printed order, for sorting problems; made once per set. */
export function nodeOrder(set: CriteriaSet): ReadonlyMap<string, number> {
  let order = orders.get(set);
  if (!order) orders.set(set, (order = new Map(set.nodes.map((n, i) => [n.code, i]))));
  return order;
}

function checkLeaf(item: CriterionData, node: Criterion, problems: SetProblem[]): void {
  const where = item.code;
  if (node.method === 'options') {
    if (node.options.length === 0) problems.push(problem(where, 'chấm theo mức nhưng chưa có mức nào', 'options method without options'));
    const labels = new Set<string>();
    for (const option of node.options) {
      if (toMilli(option.points) > toMilli(node.maxScore)) {
        problems.push(
          problem(
            where,
            `mức "${option.label}" có ${formatPoints(option.points)} điểm, vượt điểm tối đa ${formatPoints(node.maxScore)}`,
            `option "${option.label}" is worth more than the maximum`,
          ),
        );
      }
      if (labels.has(option.label)) problems.push(problem(where, `mức "${option.label}" bị trùng`, `duplicate option "${option.label}"`));
      labels.add(option.label);
    }
  } else if (item.options) {
    problems.push(problem(where, `có danh sách mức nhưng cách chấm là "${node.method}"`, `options given with method "${node.method}"`));
  }
  if (item.ratio && node.method !== 'ratio') {
    problems.push(problem(where, `có tử số/mẫu số nhưng cách chấm là "${node.method}"`, `ratio given with method "${node.method}"`));
  }
  if (node.method === 'ratio' && !node.ratio) {
    problems.push(problem(where, 'chấm theo tỷ lệ nhưng chưa nêu tử số và mẫu số', 'ratio method needs a numerator and denominator'));
  }
}

function isChildCode(parentCode: string, code: string): boolean {
  if (!code.startsWith(parentCode + '.')) return false;
  const rest = code.slice(parentCode.length + 1);
  return rest.length > 0 && !rest.includes('.');
}

function problem(where: string, message: string, messageEn: string): SetProblem {
  return { where, message, messageEn };
}

/** Turns a zod path like items.2.children.0.maxScore into "3.1 › maxScore" using the codes in the raw data. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = raw;
  let code: string | null = null;
  const rest: string[] = [];
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const maybeCode = node && typeof node === 'object' ? (node as { code?: unknown }).code : undefined;
    if (typeof maybeCode === 'string') {
      code = maybeCode;
      rest.length = 0;
    } else if (typeof key !== 'number' || rest.length > 0) rest.push(String(key));
  }
  const tail = rest.filter((k) => k !== 'items' && k !== 'children').join('.');
  if (code) return tail ? `${code} › ${tail}` : code;
  return path.map(String).join('.') || '(gốc)';
}

/** Parents before children, for walking a loaded set's subtree. */
export function descendants(node: Criterion): Criterion[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

export function leavesUnder(node: Criterion): Criterion[] {
  return node.isLeaf ? [node] : node.children.flatMap(leavesUnder);
}

/** A loaded set written back as data (defaults made explicit), for storing inside a workbook. */
export function criteriaSetToData(set: CriteriaSet): CriteriaSetData {
  const item = (n: Criterion): CriterionData => ({
    code: n.code,
    name: n.name,
    ...(n.nameEn ? { nameEn: n.nameEn } : {}),
    maxScore: n.maxScore,
    ...(n.isLeaf
      ? {
          method: n.method,
          ...(n.options.length > 0 ? { options: n.options.map((o) => ({ ...o })) } : {}),
          ...(n.ratio ? { ratio: { ...n.ratio } } : {}),
        }
      : { children: n.children.map(item) }),
    scoredBy: n.scoredBy,
    allowNotApplicable: n.allowNotApplicable,
    evidenceRequired: n.evidenceRequired,
    ...(n.guidance ? { guidance: n.guidance } : {}),
  });
  return {
    schemaVersion: 1,
    id: set.id,
    title: set.title,
    ...(set.titleEn ? { titleEn: set.titleEn } : {}),
    status: set.status,
    source: set.source,
    ...(set.decision ? { decision: { ...set.decision } } : {}),
    year: set.year,
    level: set.level,
    version: set.version,
    totalMax: set.totalMax,
    bands: set.bands.map((b) => ({ ...b })),
    items: set.items.map(item),
  };
}
