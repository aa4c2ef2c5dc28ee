/**
 * `--print`: the form a written workbook opens on and prints (../workbook/print-views.ts).
 * Every command that writes a scoring workbook takes it, so a file stays on its role's form.
 */
import type { Command } from 'commander';
import { DEFAULT_PRINT_VIEW, isPrintView, PRINT_VIEWS, type PrintView } from '../workbook/print-views';
import { CliError } from './errors';

export function withPrintOption(command: Command): Command {
  return command.option('--print <tu-danh-gia|tham-dinh|ke-hoach>', 'biểu mở ra và in khi bấm In: tự đánh giá (mặc định), thẩm định, kế hoạch (Tổng hợp)');
}

export function printViewOption(value: string | undefined): PrintView {
  const view = value ?? DEFAULT_PRINT_VIEW;
  if (!isPrintView(view)) throw new CliError(`--print phải là một trong ${PRINT_VIEWS.join(', ')} (đang là "${view}")`);
  return view;
}
