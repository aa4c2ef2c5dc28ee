/**
 * par-index import-set FILE.xlsx [--sheet NAME] --out SET.json [--id ID] [--title T] [--year Y] [--level so|xa|tinh]
 * Reads the annex table (phụ lục) an officer pasted into Excel and writes it as a criteria
 * set (status "imported"). Any problem is listed as "dòng N: lý do" and nothing is written:
 * the table is corrected and imported again.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { LEVEL_LABELS, LEVELS, formatPoints, type CriteriaSetData, type CriterionData, type Level } from '../../domain';
import { findHeader } from '../../domain/import/header';
import { readHeading } from '../../domain/import/heading';
import { importCriteriaSet, type ImportPreview } from '../../domain/import/import-set';
import { foldKey } from '../../domain/import/text';
import { MAX_FILE_BYTES, readXlsxGrid, UnreadableWorkbookError } from '../../workbook/xlsx/read-grid';
import type { SheetGrid, WorkbookGrid } from '../../workbook/grid';
import { declareCommand, parseCommand, required } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS, fileFailure } from '../errors';
import type { CliIO } from '../io';

const USAGE = 'par-index import-set FILE.xlsx [--sheet NAME] --out SET.json [--id ID] [--title T] [--year Y] [--level so|xa|tinh]';
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

type ImportSetOptions = { sheet?: string; out?: string; id?: string; title?: string; year?: string; level?: string };

export function importSetCli(): Command {
  return declareCommand('import-set', 'đọc bảng phụ lục bộ tiêu chí đã dán vào Excel, ghi SET.json')
    .usage('TỆP.xlsx [--sheet TÊN] --out SET.json [--id ID] [--title TÊN] [--year NĂM] [--level so|xa|tinh]')
    .description(
      'Đọc bảng phụ lục bộ tiêu chí của tỉnh đã dán vào Excel, kiểm tra (tổng điểm, mã trùng) và ghi SET.json ' +
        '(dùng với template --set-file). Có lỗi thì liệt kê "dòng N: lý do" và không ghi tệp nào.',
    )
    .argument('[TỆP.xlsx]', 'tệp Excel chứa bảng phụ lục')
    .option('--sheet <TÊN>', 'trang chứa bảng (mặc định: trang đầu tiên có dòng tiêu đề của bảng)')
    .option('--out <SET.json>', 'tệp bộ tiêu chí sẽ ghi')
    .option('--id <ID>', 'mã bộ tiêu chí: chữ thường không dấu, số, dấu gạch ngang (mặc định: theo tên tệp)')
    .option('--title <TÊN>', 'tên bộ tiêu chí (mặc định: tiêu đề trong trang, hoặc tên tệp)')
    .option('--year <NĂM>', 'năm đánh giá (mặc định: năm trong tiêu đề, hoặc năm nay)')
    .option('--level <so|xa|tinh>', 'cấp: so (sở, ban, ngành), xa (xã, phường) hoặc tinh (mặc định: so)')
    .allowExcessArguments()
    .addHelpText('after', '\nVí dụ:\n  par-index import-set "Phụ lục Cà Mau 2025.xlsx" --out ca-mau-2025.json');
}

export async function importSetCommand(argv: readonly string[], io: CliIO, now: Date = new Date()): Promise<number> {
  const { operands, opts } = parseCommand<ImportSetOptions>(importSetCli(), argv, io);
  if (operands.length !== 1) throw new CliError(`Cần đúng một tệp Excel. Cách dùng: ${USAGE}`);
  const file = operands[0];
  const outPath = required(opts.out, '--out SET.json (tệp bộ tiêu chí sẽ ghi)');
  const levelFlag = parseLevel(opts.level);
  const yearFlag = parseYear(opts.year);
  const idFlag = opts.id;
  if (idFlag !== undefined && !ID_PATTERN.test(idFlag)) {
    throw new CliError(`--id "${idFlag}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang (vd. lai-chau-so-2026)`);
  }

  const fileName = basename(file);
  const grid = await readWorkbook(resolve(io.cwd, file), fileName);
  const sheet = chooseSheet(grid, opts.sheet);
  // The title and decision lines above the table say the set's title, level and year.
  const heading = readHeading(sheet);
  const title = opts.title ?? heading.title ?? basename(fileName, extname(fileName));
  const year = yearFlag ?? heading.year ?? now.getFullYear();
  const level = levelFlag ?? heading.level ?? 'so';
  const id = idFlag ?? slug(basename(fileName, extname(fileName)));
  const source = `Nhập từ ${fileName}, trang ${sheet.name}, ngày ${viDate(now)}`;

  const result = importCriteriaSet(sheet, { id, title, year, level, source });
  if (!result.ok) {
    io.err(`Không nhập được bộ tiêu chí từ ${fileName}, trang "${sheet.name}": ${result.problems.length} lỗi.`);
    for (const p of result.problems) io.err(p.row === null ? p.message : `dòng ${p.row}: ${p.message}`);
    io.err('Chưa ghi tệp nào. Sửa bảng trong tệp Excel rồi nhập lại.');
    return EXIT_PROBLEMS;
  }

  const out = resolve(io.cwd, outPath);
  try {
    writeFileSync(out, JSON.stringify(result.set, null, 2) + '\n', 'utf8');
  } catch (e) {
    throw new CliError(`Không ghi được ${outPath}: ${fileFailure(e, 'write')}`);
  }
  io.out(renderPreview(result.set, result.preview, { fileName, sheet: sheet.name, ...result.table }));
  io.out(`Đã ghi: ${outPath}`);
  return EXIT_OK;
}

async function readWorkbook(path: string, fileName: string): Promise<WorkbookGrid> {
  let buffer: Buffer;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new CliError(`${fileName} là thư mục, không phải tệp Excel`);
    if (info.size > MAX_FILE_BYTES) {
      throw new CliError(`${fileName}: tệp quá lớn (${formatPoints(Math.round(info.size / 1024 / 102.4) / 10)} MB, tối đa ${formatPoints(Math.round(MAX_FILE_BYTES / 1024 / 102.4) / 10)} MB)`);
    }
    buffer = readFileSync(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Không đọc được tệp ${fileName}: ${fileFailure(e)}`);
  }
  try {
    return await readXlsxGrid(buffer, fileName);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliError(`${fileName}: ${e.message}`);
    throw e;
  }
}

/** --sheet by name (accents and case aside); else the first visible sheet with an annex header. */
function chooseSheet(grid: WorkbookGrid, name: string | undefined): SheetGrid {
  const names = grid.sheets.map((s) => `"${s.name}"`).join(', ');
  if (name !== undefined) {
    const sheet = grid.sheets.find((s) => s.name === name) ?? grid.sheets.find((s) => foldKey(s.name) === foldKey(name));
    if (!sheet) throw new CliError(`Không có trang "${name}" trong ${grid.source}. Các trang: ${names}`);
    return sheet;
  }
  const visible = grid.sheets.filter((s) => s.state === 'visible');
  const withHeader = visible.find((s) => findHeader(s) !== null);
  const sheet = withHeader ?? visible[0] ?? grid.sheets[0];
  if (!sheet) throw new CliError(`${grid.source} không có trang nào`);
  return sheet;
}

function parseLevel(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  if ((LEVELS as readonly string[]).includes(value)) return value as Level;
  throw new CliError(`--level là so (sở, ban, ngành), xa (xã, phường) hoặc tinh; không phải "${value}"`);
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError(`--year là một năm từ 2000 đến 2100; không phải "${value}"`);
  return year;
}

/** "Phụ lục I - Sở 2026.xlsx" → "phu-luc-i-so-2026" */
export function slug(text: string): string {
  const s = foldKey(text).replace(/ /g, '-');
  return ID_PATTERN.test(s) ? s : 'bo-tieu-chi-nhap';
}

function viDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

const LEVEL_NAMES = ['Lĩnh vực', 'Tiêu chí', 'Tiêu chí thành phần'];

function renderPreview(
  set: CriteriaSetData,
  preview: ImportPreview,
  where: { fileName: string; sheet: string; headerRow: number; lastRow: number; totalRow: number | null; ignoredAfter: number | null },
): string {
  const leaves: CriterionData[] = [];
  const walk = (n: CriterionData) => (n.children && n.children.length > 0 ? n.children.forEach(walk) : leaves.push(n));
  set.items.forEach(walk);
  const withOptions = leaves.filter((l) => (l.options?.length ?? 0) > 0).length;
  const lines = [
    `Bộ tiêu chí: ${set.title}`,
    `  Mã: ${set.id} · Năm: ${set.year} · Cấp: ${LEVEL_LABELS[set.level].vi} · Nguồn: nhập từ phụ lục (cần đối chiếu với văn bản)`,
    `  Từ: ${where.fileName}, trang "${where.sheet}", dòng ${where.headerRow}–${where.lastRow}`,
    ...preview.byLevel.map((count, i) => `  ${LEVEL_NAMES[i] ?? `Cấp ${i + 1}`}: ${count}`),
    `  Dòng chấm điểm: ${preview.leaves}` + (withOptions > 0 ? ` (${withOptions} dòng chấm theo mức, tổng ${preview.options} mức)` : ''),
    `  Tổng điểm tối đa: ${formatPoints(preview.totalMax)}` + (where.totalRow !== null ? ` (khớp dòng tổng cộng, dòng ${where.totalRow})` : ''),
  ];
  if (where.ignoredAfter !== null) lines.push(`  Không đọc các dòng sau dòng tổng cộng (dòng ${where.ignoredAfter}).`);
  return lines.join('\n');
}
