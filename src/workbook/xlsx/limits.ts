/**
 * How much of a submitted file the readers will take: the same for the server reader
 * (read-grid.ts) and the pane's (read-grid-browser.ts), so a file refused by one is refused
 * by the other. A scoring workbook is a few hundred rows and well under a megabyte.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Cells holding a value or a formula, in the whole package; rows holding such cells, in one sheet. */
export const MAX_CELLS = 200_000;
export const MAX_ROWS = 50_000;
/** Inflated size allowed for one part of the package, and for all of them together. */
export const MAX_PART_BYTES = 100 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 300 * 1024 * 1024;
/** Cells a grid may span once gaps are filled (a stray value at XFD1048576 would be 17 billion). */
export const MAX_GRID_AREA = 5_000_000;
/**
 * <row> and <c> elements, empty ones included: formatting applied down a sheet writes
 * them by the ten thousand (60 000 rows of 20 cells is 1,2 million), so they are not held
 * to the limits above, but a part that is nothing but millions of them is a flood.
 */
export const MAX_ELEMENTS = 2_000_000;
