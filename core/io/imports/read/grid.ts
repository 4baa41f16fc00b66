// A sheet's cells gathered into a grid of strings under the import's limits: every value counted as
// it arrives (row, column, cells, characters), merged ranges clipped to the cells that hold values
// before they are filled, and numbers that may be codes or phones remembered as numbers, so the
// rows can say when Excel has changed them.
import { columnLetters, IMPORT_LIMITS, limitError } from './limits.js';

export interface SheetGrid {
  /** Rows of cell text; a row is as long as its last value, an empty row is []. */
  rows: string[][];
  /** Cells that were numbers in the file and large enough to be codes or phones: row index → column indexes. */
  numeric: ReadonlyMap<number, ReadonlySet<number>>;
  /** Hidden rows and columns that hold values (0-based). */
  hiddenRows: number[];
  hiddenColumns: number[];
}

/** Numbers from this size on may be codes or phone numbers Excel has changed. */
export const NUMERIC_WATCH_FROM = 100_000;

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Characters counted for one file, shared by its sheets and its shared strings. */
export class TextBudget {
  private used = 0;
  add(chars: number, sheet?: string): void {
    this.used += chars;
    if (this.used > IMPORT_LIMITS.maxTextChars) throw limitError('text', this.used, IMPORT_LIMITS.maxTextChars, sheet);
  }
}

export class GridBuilder {
  private readonly rows: (string[] | undefined)[] = [];
  private readonly numeric = new Map<number, Set<number>>();
  private readonly merges: Merge[] = [];
  private readonly hiddenRowSet = new Set<number>();
  private readonly hiddenColumnRanges: [number, number][] = [];
  private cells = 0;
  private lastRow = -1;
  private lastColumn = -1;

  constructor(
    private readonly sheet: string,
    private readonly text: TextBudget,
    /** Text already counted (shared strings) is not counted again when placed. */
  ) {}

  /** Places a value; empty and blank values are skipped (a styled empty cell anywhere costs nothing). */
  set(row: number, column: number, value: string, counted = false, number?: number): void {
    if (value === '' || (value.charCodeAt(0) <= 32 && value.trim() === '')) return;
    if (row >= IMPORT_LIMITS.maxRows) throw limitError('rows', row + 1, IMPORT_LIMITS.maxRows, this.sheet);
    if (column >= IMPORT_LIMITS.maxColumns) throw limitError('columns', `${columnLetters(Math.min(column, 16_383))}${row + 1}`, IMPORT_LIMITS.maxColumns, this.sheet);
    if (value.length > IMPORT_LIMITS.maxCellChars) throw limitError('cellText', `${columnLetters(column)}${row + 1}`, IMPORT_LIMITS.maxCellChars, this.sheet);
    if (!counted) this.text.add(value.length, this.sheet);
    let cells = this.rows[row];
    cells ??= this.rows[row] = [];
    if (column >= cells.length) {
      this.cells += column + 1 - cells.length;
      if (this.cells > IMPORT_LIMITS.maxCells) throw limitError('cells', this.cells, IMPORT_LIMITS.maxCells, this.sheet);
      // Grown with '' rather than holes, so the row stays a packed array.
      while (cells.length < column) cells.push('');
      cells.push(value);
    } else cells[column] = value;
    if (row > this.lastRow) this.lastRow = row;
    if (column > this.lastColumn) this.lastColumn = column;
    if (number !== undefined && Math.abs(number) >= NUMERIC_WATCH_FROM) {
      let columns = this.numeric.get(row);
      if (!columns) this.numeric.set(row, (columns = new Set()));
      columns.add(column);
    }
  }

  /** A merged range (0-based, inclusive), filled when the sheet is done. */
  merge(top: number, left: number, bottom: number, right: number): void {
    if (this.merges.length >= IMPORT_LIMITS.maxMerges) throw limitError('merges', this.merges.length + 1, IMPORT_LIMITS.maxMerges, this.sheet);
    if (bottom < top || right < left || top < 0 || left < 0) return;
    this.merges.push({ top, left, bottom, right });
  }

  hideRow(row: number): void {
    if (row < IMPORT_LIMITS.maxRows) this.hiddenRowSet.add(row);
  }

  hideColumns(first: number, last: number): void {
    if (first <= last && this.hiddenColumnRanges.length < 1000) this.hiddenColumnRanges.push([first, Math.min(last, IMPORT_LIMITS.maxColumns)]);
  }

  /** The grid: merged ranges clipped to the used range and filled with their top-left value. */
  finish(): SheetGrid {
    const lastRow = this.lastRow;
    const lastColumn = this.lastColumn;
    // Every merge's clipped area counts, overlapping or not: a hundred thousand copies of one large
    // range would otherwise be filled a hundred thousand times.
    let filled = 0;
    for (const m of this.merges) {
      const value = this.rows[m.top]?.[m.left] ?? '';
      if (!value || m.top > lastRow || m.left > lastColumn) continue;
      const bottom = Math.min(m.bottom, lastRow);
      const right = Math.min(m.right, lastColumn);
      filled += (bottom - m.top + 1) * (right - m.left + 1);
      if (filled > IMPORT_LIMITS.maxCells) throw limitError('cells', filled, IMPORT_LIMITS.maxCells, this.sheet);
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) this.set(r, c, value, true);
    }
    const rows: string[][] = [];
    for (let r = 0; r <= lastRow; r++) rows.push(this.rows[r] ?? []);
    const hiddenRows = [...this.hiddenRowSet].filter((r) => this.rows[r]).sort((a, b) => a - b);
    const hiddenColumns: number[] = [];
    for (let c = 0; c <= lastColumn; c++) if (this.hiddenColumnRanges.some(([a, b]) => c >= a && c <= b)) hiddenColumns.push(c);
    return { rows, numeric: this.numeric, hiddenRows, hiddenColumns };
  }
}
