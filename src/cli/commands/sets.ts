import type { Command } from 'commander';
import { bundledSets } from '../../criteria';
import { LEVEL_LABELS, formatPoints } from '../../domain';
import { declareCommand, parseCommand } from '../command';
import { EXIT_OK } from '../errors';
import type { CliIO } from '../io';
import { renderTable } from '../table';

const STATUS_LABELS = { official: 'Chính thức', illustrative: 'Minh họa (không chính thức)', imported: 'Nhập từ phụ lục' } as const;

type SetsOptions = { json?: true };

export function setsCli(): Command {
  return declareCommand('sets', 'các bộ tiêu chí có sẵn (chính thức / minh họa)')
    .usage('[--json]')
    .description('Liệt kê các bộ tiêu chí có sẵn: mã bộ (dùng với --set), năm, cấp, tổng điểm, số dòng chấm và nguồn.')
    .option('--json', 'in danh sách dạng JSON')
    .addHelpText('after', '\nVí dụ:\n  par-index sets');
}

export function setsCommand(argv: readonly string[], io: CliIO): number {
  const { opts } = parseCommand<SetsOptions>(setsCli(), argv, io);
  const sets = bundledSets();
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          sets: sets.map((s) => ({
            id: s.id,
            title: s.title,
            year: s.year,
            level: s.level,
            version: s.version,
            totalMax: s.totalMax,
            status: s.status,
            official: s.status === 'official',
            fields: s.items.length,
            leaves: s.leaves.length,
            source: s.source,
          })),
        },
        null,
        2,
      ),
    );
    return EXIT_OK;
  }
  io.out(
    renderTable(sets, [
      { header: 'Mã bộ', value: (s) => s.id },
      { header: 'Năm', value: (s) => String(s.year), align: 'right' },
      { header: 'Cấp', value: (s) => LEVEL_LABELS[s.level].vi },
      { header: 'Tổng điểm', value: (s) => formatPoints(s.totalMax), align: 'right' },
      { header: 'Số dòng chấm', value: (s) => String(s.leaves.length), align: 'right' },
      { header: 'Nguồn', value: (s) => STATUS_LABELS[s.status] },
      { header: 'Tên', value: (s) => s.title },
    ]),
  );
  return EXIT_OK;
}
