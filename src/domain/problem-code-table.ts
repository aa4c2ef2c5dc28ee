/**
 * The problem codes as a Markdown table (code · severity · meaning), for the README: made
 * from the catalogue, so the README cannot list a code the program does not have.
 * test/domain/problem-codes.test.ts checks the README's table is this one.
 */
import { ALL_PROBLEM_CODES, PROBLEM_CATALOGUE } from './problem-codes';

export function problemCodeTable(): string {
  const rows = ALL_PROBLEM_CODES.map((code) => {
    const info = PROBLEM_CATALOGUE[code] as { severity: string; lesser?: string; vi: string; en: string };
    const severity = info.lesser ? `${info.severity} (or ${info.lesser})` : info.severity;
    return `| \`${code}\` | ${severity} | ${info.vi} — ${info.en} |`;
  });
  return ['| code | severity | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
