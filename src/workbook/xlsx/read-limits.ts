/**
 * What one package may hold, counted while its sheets are read (sheet-xml.ts calls back
 * for every row, cell and widening): past a limit the file is refused with a reason, and
 * nothing more of it is read. Rows and cells count when they hold a value or a formula, as
 * the limits are documented; the markup elements themselves (a fill colour applied down to
 * row 60 000 writes tens of thousands of empty ones) are only counted against a far larger
 * bound, with the time a file may take to read, so a flood of them is still refused.
 */
import type { SheetContext } from './sheet-xml';
import { MAX_CELLS, MAX_ELEMENTS, MAX_GRID_AREA, MAX_ROWS } from './limits';
import { UnreadableWorkbookError } from './unreadable';

export interface ReadOptions {
  /** Milliseconds reading one file may take before it is refused ('timeout'); no limit by default. */
  timeLimitMs?: number;
}

/** The clock is read once for this many elements: cheap, and a few milliseconds apart at most. */
const CLOCK_EVERY = 4096;

export class ReadLimits implements SheetContext {
  private area = 0;
  private cells = 0;
  private rows = 0;
  private elements = 0;
  private sheet = '';
  private readonly deadline: number;

  constructor(
    readonly sharedStrings: readonly string[],
    readonly dateStyles: ReadonlySet<number>,
    readonly date1904: boolean,
    private readonly source: string,
    options: ReadOptions = {},
  ) {
    this.deadline = options.timeLimitMs === undefined ? Infinity : Date.now() + options.timeLimitMs;
  }

  /** Rows are counted per sheet, cells for the whole package. */
  startSheet(name: string): void {
    this.sheet = name;
    this.rows = 0;
    this.checkClock();
  }

  grow(cells: number): void {
    this.area += cells;
    if (this.area > MAX_GRID_AREA) throw new UnreadableWorkbookError('too-many-cells', 'bảng tính có ô nằm quá xa bảng chính (vùng dữ liệu quá rộng)', 'a sheet spans too large an area', this.source);
  }

  /** Every <row> and <c> element, empty or not. */
  elementSeen(): void {
    if (++this.elements > MAX_ELEMENTS) {
      throw new UnreadableWorkbookError('too-many-cells', `bảng tính có quá nhiều ô (hơn ${MAX_ELEMENTS.toLocaleString('vi-VN')} ô kể cả ô trống); tệp chấm điểm chỉ cần vài nghìn ô`, `the workbook has more than ${MAX_ELEMENTS} cell elements`, this.source);
    }
    if (this.elements % CLOCK_EVERY === 0) this.checkClock();
  }

  /** A cell holding a value or a formula. */
  cellSeen(): void {
    if (++this.cells > MAX_CELLS) {
      throw new UnreadableWorkbookError('too-many-cells', `bảng tính có quá nhiều ô (hơn ${MAX_CELLS.toLocaleString('vi-VN')} ô có dữ liệu); tệp chấm điểm chỉ cần vài nghìn ô`, `the workbook has more than ${MAX_CELLS} cells`, this.source);
    }
  }

  /** A row holding at least one such cell. */
  rowSeen(): void {
    if (++this.rows > MAX_ROWS) {
      throw new UnreadableWorkbookError('too-many-rows', `trang "${this.sheet}" có quá nhiều dòng (hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng có dữ liệu); tệp chấm điểm chỉ cần vài trăm dòng`, `sheet "${this.sheet}" has more than ${MAX_ROWS} rows`, this.source);
    }
  }

  invalid(why: string): never {
    throw corrupt(this.source, why);
  }

  private checkClock(): void {
    if (Date.now() > this.deadline) throw new UnreadableWorkbookError('timeout', 'đọc tệp quá lâu, đã dừng', 'reading the file took too long and was stopped', this.source);
  }
}

export function corrupt(source: string, why: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('corrupt', `tệp .xlsx bị hỏng, không đọc được (${why})`, `the .xlsx is corrupt and cannot be read (${why})`, source);
}
