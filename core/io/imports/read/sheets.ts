// A file's sheets, and which one the import reads: the one the clerk names, else the first visible
// sheet whose header row is found (a cover sheet such as 填报说明 before the data is passed over).
// Sheets are read one at a time and only the chosen grid is kept; the others leave their row count.
import { AppError } from '../../../contract/errors.js';
import type { SheetInfo } from '../file-kinds.js';
import type { SheetGrid } from './grid.js';
import { importFileError } from './limits.js';

export type { SheetInfo };

export interface SheetSource {
  name: string;
  hidden: boolean;
  read(): Promise<SheetGrid>;
}


/** The clerk's choice: a sheet's name, or its number from 1. */
export type SheetChoice = string | number | undefined;

export interface ChosenSheet {
  sheets: SheetInfo[];
  /** The chosen sheet's number (1-based). */
  chosen: number;
  grid: SheetGrid;
}

const rowsOf = (grid: SheetGrid) => grid.rows.reduce((n, r) => (r.length > 0 ? n + 1 : n), 0);

/** A damaged sheet is listed with its problem; anything else (a limit) refuses the whole file. */
function sheetProblem(error: unknown): string | null {
  if (error instanceof AppError && (error.details?.key === 'import.file.missingPart' || error.details?.key === 'import.file.damagedPart' || error.details?.key === 'import.file.damagedZip')) return error.message;
  return null;
}

export async function chooseSheet(sources: SheetSource[], choice: SheetChoice, hasHeader: (grid: SheetGrid) => boolean): Promise<ChosenSheet> {
  const sheets: SheetInfo[] = [];
  const wanted = choice === undefined ? -1 : typeof choice === 'number' ? choice : sources.findIndex((s) => s.name === choice) + 1;
  if (choice !== undefined && (wanted < 1 || wanted > sources.length)) {
    throw importFileError('noSuchSheet', `The file has no sheet ${choice}; its sheets are ${sources.map((s, i) => `${i + 1} ${s.name}`).join(', ')}.`, { sheet: String(choice), sheets: sources.map((s) => s.name).join('、') });
  }
  let chosen: { number: number; grid: SheetGrid } | null = null;
  let fallback: { number: number; grid: SheetGrid } | null = null;
  let firstError: unknown = null;
  for (const [i, source] of sources.entries()) {
    const number = i + 1;
    let grid: SheetGrid;
    try {
      grid = await source.read();
    } catch (error) {
      const problem = sheetProblem(error);
      if (!problem || number === wanted) throw error;
      firstError ??= error;
      sheets.push({ number, name: source.name, hidden: source.hidden, rows: 0, problem });
      continue;
    }
    const rows = rowsOf(grid);
    sheets.push({ number, name: source.name, hidden: source.hidden, rows, problem: null });
    if (wanted > 0) {
      if (number === wanted) chosen = { number, grid };
    } else if (!chosen && rows > 0 && !source.hidden && hasHeader(grid)) chosen = { number, grid };
    else if (!chosen && !fallback && rows > 0) fallback = { number, grid };
  }
  const result = chosen ?? fallback;
  if (!result) {
    if (firstError) throw firstError;
    throw importFileError('empty', 'The file has no rows to import.');
  }
  return { sheets, chosen: result.number, grid: result.grid };
}
