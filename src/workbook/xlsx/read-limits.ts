/**
 * What one package may hold, counted while its sheets are read (sheet-xml.ts calls back
 * for every row, cell and widening): past a limit the file is refused with a reason, and
 * nothing more of it is read. A class, not an object of closures, so the reader's calls
 * to it compile once for all files.
 */
import type { SheetContext } from './sheet-xml';
import { MAX_CELLS, MAX_GRID_AREA, MAX_ROWS } from './limits';
import { UnreadableWorkbookError } from './unreadable';

export class ReadLimits implements SheetContext {
  private area = 0;
  private cells = 0;
  private rows = 0;
  private sheet = '';

  constructor(
    readonly sharedStrings: readonly string[],
    readonly dateStyles: ReadonlySet<number>,
    readonly date1904: boolean,
    private readonly source: string,
  ) {}

  /** Rows are counted per sheet, cells for the whole package. */
  startSheet(name: string): void {
    this.sheet = name;
    this.rows = 0;
  }

  grow(cells: number): void {
    this.area += cells;
    if (this.area > MAX_GRID_AREA) throw new UnreadableWorkbookError('too-many-cells', 'bảng tính có ô nằm quá xa bảng chính (vùng dữ liệu quá rộng)', 'a sheet spans too large an area', this.source);
  }

  cellSeen(): void {
    if (++this.cells > MAX_CELLS) {
      throw new UnreadableWorkbookError('too-many-cells', `bảng tính có quá nhiều ô (hơn ${MAX_CELLS.toLocaleString('vi-VN')} ô); tệp chấm điểm chỉ cần vài nghìn ô`, `the workbook has more than ${MAX_CELLS} cells`, this.source);
    }
  }

  rowSeen(): void {
    if (++this.rows > MAX_ROWS) throw this.tooManyRows();
  }

  tooManyRows(): UnreadableWorkbookError {
    return new UnreadableWorkbookError('too-many-rows', `trang "${this.sheet}" có quá nhiều dòng (hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng); tệp chấm điểm chỉ cần vài trăm dòng`, `sheet "${this.sheet}" has more than ${MAX_ROWS} rows`, this.source);
  }

  invalid(why: string): never {
    throw corrupt(this.source, why);
  }
}

export function corrupt(source: string, why: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('corrupt', `tệp .xlsx bị hỏng, không đọc được (${why})`, `the .xlsx is corrupt and cannot be read (${why})`, source);
}
