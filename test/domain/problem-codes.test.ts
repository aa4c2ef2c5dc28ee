/**
 * One typed list of problem codes: every code the program can emit is in the catalogue
 * (src/domain/problem-codes.ts) with its severity, and the README's table is made from it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PROBLEM_CODES, PROBLEM_CATALOGUE, problemCodeTable } from '../../src/domain';

const root = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

test('every code the source emits is in the catalogue, with the severity it is emitted with', () => {
  const emitted = new Map<string, Set<string>>();
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/code: '([a-z]+(?:-[a-z]+)+)',\s*severity: '(error|warning|info)'/g)) {
      (emitted.get(m[1]) ?? emitted.set(m[1], new Set()).get(m[1])!).add(m[2]);
    }
    for (const m of text.matchAll(/add\((?:node|code|[a-z]+), '([a-z]+(?:-[a-z]+)+)', '(error|warning|info)'/g)) {
      (emitted.get(m[1]) ?? emitted.set(m[1], new Set()).get(m[1])!).add(m[2]);
    }
  }
  expect(emitted.size).toBeGreaterThan(20);
  for (const [code, severities] of emitted) {
    const info = (PROBLEM_CATALOGUE as Record<string, { severity: string; lesser?: string } | undefined>)[code];
    expect([code, info !== undefined]).toEqual([code, true]);
    for (const s of severities) expect([code, s === info!.severity || s === info!.lesser]).toEqual([code, true]);
  }
});

test('the table lists every code once, with its severity', () => {
  const table = problemCodeTable().split('\n');
  expect(table).toHaveLength(ALL_PROBLEM_CODES.length + 2);
  expect(table).toContain('| `target-above-applicable-max` | warning | Mục tiêu vượt điểm tối đa áp dụng (có dòng "Không đánh giá" bên dưới); thông báo ghi cả hai mức tối đa — A target is above the applicable maximum (rows below are not assessed); the message gives both maxima |');
});

test('the README’s problem-code table is the catalogue’s', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  expect(readme).toContain(problemCodeTable());
});
