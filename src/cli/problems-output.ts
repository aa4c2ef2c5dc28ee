import { formatCellRef, type Problem } from '../domain';
import type { CliIO } from './io';

const SEVERITY_LABELS = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'THÔNG TIN' } as const;

export function printProblems(problems: readonly Problem[], io: CliIO, prefix = ''): void {
  for (const p of problems) {
    const where = p.cell ? ` [${formatCellRef(p.cell)}]` : '';
    io.err(`${prefix}${SEVERITY_LABELS[p.severity]} ${p.code}${where}: ${p.message}`);
  }
}
