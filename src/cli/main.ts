/**
 * par-index: the headless side of the add-in, over the same engine as the pane.
 */
import { CliError, EXIT_USAGE } from './errors';
import { processIO, type CliIO } from './io';
import { planCommand } from './commands/plan';
import { setsCommand } from './commands/sets';
import { templateCommand } from './commands/template';
import { checkCommand } from './commands/check';
import { importSetCommand } from './commands/import-set';
import { upgradeCommand } from './commands/upgrade';
import { exportSetCommand } from './commands/export-set';
import { CriteriaSetError } from '../domain';

type Command = (argv: readonly string[], io: CliIO) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  sets: setsCommand,
  plan: planCommand,
  template: templateCommand,
  check: checkCommand,
  'import-set': (argv, io) => importSetCommand(argv, io),
  upgrade: upgradeCommand,
  'export-set': exportSetCommand,
};

export const USAGE = `par-index — Chỉ số cải cách hành chính (PAR Index)

Cách dùng:
  par-index sets [--json]
      Các bộ tiêu chí có sẵn (chính thức / minh họa).
  par-index template (--set ID | --set-file SET.json) --out FILE.xlsx [--unit TÊN] [--year NĂM] [--targets FILE] [--force]
      Tạo tệp Excel chấm điểm (công thức, kiểm tra dữ liệu, tô màu) dùng được cả khi không có add-in.
  par-index upgrade FILE.xlsx [--set ID | --set-file SET.json] --out NEW.xlsx [--force]
      Chuyển tệp đã chấm sang phiên bản mới của bộ tiêu chí, giữ mọi giá trị đã nhập theo mã;
      giá trị không còn chỗ được chép sang trang "Dữ liệu cũ".
  par-index check FILE.xlsx|THƯ-MỤC... [--report TỔNG-HỢP.xlsx] [--json] [--threads N]
      Kiểm tra tệp đã chấm: điểm vượt tối đa, thiếu tài liệu kiểm chứng, công thức bị ghi đè,
      điểm tối đa bị sửa, dòng tiêu chí bị xóa, số lưu dạng chữ ("15,3").
      THƯ-MỤC: mọi tệp .xlsx trong thư mục (song song khi máy có từ 4 nhân; --threads N: số luồng,
      1 = không dùng luồng phụ). --report: sổ tổng hợp xếp hạng
      các đơn vị (theo từng nhóm bộ tiêu chí/năm/cấp), lỗi từng đơn vị, so sánh theo lĩnh vực.
  par-index import-set FILE.xlsx [--sheet TÊN] --out SET.json [--id ID] [--year NĂM] [--level so|xa|tinh]
      Đọc bảng phụ lục bộ tiêu chí đã dán vào Excel, kiểm tra (tổng điểm, mã trùng) và ghi SET.json.
  par-index export-set FILE.xlsx --out SET.json [--force]
      Lấy bộ tiêu chí lưu trong tệp chấm điểm, ghi ra SET.json để đơn vị khác dùng (template --set-file).
  par-index plan --set ID --targets FILE [--scores FILE] [--depth 1|2|3|all] [--json]
  par-index plan FILE.xlsx [--depth 1|2|3|all] [--json] [--docx KE-HOACH.docx [--rounded-rates] [--force]]
      Bảng mục tiêu và kết quả: điểm tối đa, mục tiêu, tỷ lệ, điểm đạt, chênh lệch.
      FILE: CSV "code,target" (hoặc "code,score"; 15.3 hoặc "15,3") hoặc JSON { "3": 15.3 }.
      --docx: ghi Kế hoạch (bảng Mục tiêu cụ thể, phụ lục tiêu chí bị mất điểm) ra tệp Word;
      --rounded-rates: tỷ lệ ghi "≥ 65%" thay cho "64,71%".

Mã thoát: 0 không có lỗi · 1 có lỗi trong dữ liệu (đã liệt kê) · 2 sai cách gọi hoặc không đọc được tệp.
`;

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Không có lệnh "${name}".\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof CliError || e instanceof CriteriaSetError) {
      io.err(`par-index ${name}: ${e.message}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
