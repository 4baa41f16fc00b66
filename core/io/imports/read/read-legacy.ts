// Old and other formats — .xls (BIFF8, what older Excel and many WPS users still send), WPS .et
// where it is the same container, .ods, .xlsb, and the HTML tables some systems save as .xls — read
// by SheetJS (@e965/xlsx, the maintained republication with the CVE fixes). The library holds the
// whole workbook in memory (about 140 MB of heap for a 60,000-row .xls), so it runs in a process of
// its own (node, or the desktop app's binary as node) with a heap cap and a time limit: a file that
// needs more is refused with that figure, and the app's own memory never holds the workbook. The
// process hands back plain cells, which go through the same bounded grid as every other format.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { GridBuilder, TextBudget, type SheetGrid } from './grid.js';
import { importFileError, IMPORT_LIMITS, limitError, type ImportLimit } from './limits.js';
import { numberText } from './read-xlsx.js';
import type { SheetSource } from './sheets.js';

/** Plain JavaScript, run by node -e: no file to find inside a packaged app. The file comes on stdin, the cells go out as JSON. */
const READER_SOURCE = String.raw`
const XLSX = require(process.env.ALLIANCE_XLSX_LIBRARY);
const maxRows = Number(process.env.ALLIANCE_MAX_ROWS);
const maxColumns = Number(process.env.ALLIANCE_MAX_COLUMNS);
const maxCells = Number(process.env.ALLIANCE_MAX_CELLS);
const maxCellChars = Number(process.env.ALLIANCE_MAX_CELL_CHARS);
const maxTextChars = Number(process.env.ALLIANCE_MAX_TEXT_CHARS);
const pad = (n) => String(n).padStart(2, '0');
function run() {
  let wb;
  const bytes = require('node:fs').readFileSync(0);
  try {
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellText: false, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: maxRows + 1, bookVBA: false, bookFiles: false, WTF: false });
  } catch (error) {
    return { error: String((error && error.message) || error) };
  }
  const sheetsMeta = (wb.Workbook && wb.Workbook.Sheets) || [];
  let total = 0;
  let chars = 0;
  const sheets = [];
  for (const [index, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name] || {};
    const cells = [];
    const data = ws['!data'] || [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.v === undefined || cell.v === null || cell.t === 'e' || cell.t === 'z' || cell.v === '') continue;
        // The same limits as the grid, before anything is sent: a value beyond them ends the reading.
        if (c >= maxColumns) return { limit: 'columns', figure: XLSX.utils.encode_col(Math.min(c, 16383)), sheet: name };
        if (r >= maxRows) return { limit: 'rows', figure: r + 1, sheet: name };
        if (++total > maxCells) return { limit: 'cells', figure: total, sheet: name };
        if (typeof cell.v === 'string') {
          if (cell.v.length > maxCellChars) return { limit: 'cellText', figure: XLSX.utils.encode_cell({ r, c }), sheet: name };
          chars += cell.v.length;
          if (chars > maxTextChars) return { limit: 'text', figure: chars, sheet: name };
        }
        if (cell.t === 'n' && cell.z && XLSX.SSF.is_date(cell.z)) {
          const d = XLSX.SSF.parse_date_code(cell.v);
          if (d) {
            cells.push(r, c, 'd', d.y + '-' + pad(d.m) + '-' + pad(d.d));
            continue;
          }
        }
        if (cell.t === 'd' && cell.v instanceof Date) cells.push(r, c, 'd', cell.v.toISOString().slice(0, 10));
        else cells.push(r, c, cell.t, cell.v);
      }
    }
    const merges = (ws['!merges'] || []).map((m) => [m.s.r, m.s.c, m.e.r, m.e.c]);
    const hiddenRows = [];
    (ws['!rows'] || []).forEach((info, i) => { if (info && info.hidden) hiddenRows.push(i); });
    const hiddenColumns = [];
    (ws['!cols'] || []).forEach((info, i) => { if (info && info.hidden) hiddenColumns.push(i); });
    sheets.push({ name, hidden: Boolean(sheetsMeta[index] && sheetsMeta[index].Hidden), cells, merges, hiddenRows, hiddenColumns });
    delete wb.Sheets[name];
  }
  return { sheets };
}
process.stdout.write(JSON.stringify(run()));
`;

interface LegacySheet {
  name: string;
  hidden: boolean;
  /** Flat: row, column, type (s n b d), value. */
  cells: unknown[];
  merges: [number, number, number, number][];
  hiddenRows: number[];
  hiddenColumns: number[];
}

/** The library's entry point, found from this module (an ES module in development, CommonJS when bundled). */
function libraryPath(): string {
  const from = typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(__filename).href;
  // In the packaged app the library is unpacked beside the archive (electron-builder asarUnpack), where a worker can load it.
  return createRequire(from).resolve('@e965/xlsx').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

const TIME_LIMIT_MS = 120_000;
/** What the reader may send back: the cells within the limits as JSON, with room to spare. */
const MAX_OUTPUT_BYTES = 128 * 1024 * 1024;

type ReaderAnswer = { error?: string; limit?: ImportLimit; figure?: string | number; sheet?: string; sheets?: LegacySheet[] };

function runReader(bytes: Buffer): Promise<LegacySheet[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${IMPORT_LIMITS.legacyHeapMb}`, '-e', READER_SOURCE], {
      // The desktop app's binary runs as plain node with this variable.
      env: {
        ...process.env,
        ELECTRON_RUN_AS_NODE: '1',
        ALLIANCE_XLSX_LIBRARY: libraryPath(),
        ALLIANCE_MAX_ROWS: String(IMPORT_LIMITS.maxRows),
        ALLIANCE_MAX_COLUMNS: String(IMPORT_LIMITS.maxColumns),
        ALLIANCE_MAX_CELLS: String(IMPORT_LIMITS.maxCells),
        ALLIANCE_MAX_CELL_CHARS: String(IMPORT_LIMITS.maxCellChars),
        ALLIANCE_MAX_TEXT_CHARS: String(IMPORT_LIMITS.maxTextChars),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let failure: Error | null = null;
    let stderr = '';
    const stop = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(importFileError('tooSlow', `Reading the file took more than ${TIME_LIMIT_MS / 1000} seconds.`, { seconds: TIME_LIMIT_MS / 1000 })), TIME_LIMIT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) stop(limitError('cells', `${Math.round(size / 1048576)} MB`, IMPORT_LIMITS.maxCells));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.stdin.on('error', () => undefined);
    child.stdin.end(bytes);
    child.on('error', (error) => stop(legacyError(error.message)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      // V8 ends a process that runs out of heap with an abort and this message.
      if (/heap out of memory|Allocation failed/i.test(stderr) || signal === 'SIGABRT') return reject(limitError('memory', '', IMPORT_LIMITS.legacyHeapMb));
      if (code !== 0) return reject(legacyError(stderr.trim().split('\n').pop() ?? `exit ${code ?? signal}`));
      let answer: ReaderAnswer;
      try {
        answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReaderAnswer;
      } catch {
        return reject(legacyError('no answer from the reader'));
      }
      if (answer.limit) reject(limitError(answer.limit, answer.figure ?? '', IMPORT_LIMITS[LIMIT_MAX[answer.limit]], answer.sheet));
      else if (answer.sheets) resolve(answer.sheets);
      else reject(legacyError(answer.error ?? ''));
    });
  });
}

const LIMIT_MAX = { columns: 'maxColumns', rows: 'maxRows', cells: 'maxCells', cellText: 'maxCellChars', text: 'maxTextChars' } as Record<ImportLimit, 'maxColumns' | 'maxRows' | 'maxCells' | 'maxCellChars' | 'maxTextChars'>;

function legacyError(message: string): Error {
  if (/password/i.test(message)) return importFileError('encrypted', 'The workbook is password-protected. Remove the password in Excel or WPS and import it again.');
  return importFileError('unreadable', `The file cannot be read as a spreadsheet: it may be damaged, or saved by a program this app does not know (${message.slice(0, 200)}).`, { detail: message.slice(0, 200) });
}

function gridOf(sheet: LegacySheet, budget: TextBudget): SheetGrid {
  const grid = new GridBuilder(sheet.name, budget);
  const cells = sheet.cells;
  for (let i = 0; i + 3 < cells.length; i += 4) {
    const row = cells[i] as number;
    const column = cells[i + 1] as number;
    const type = cells[i + 2] as string;
    const value = cells[i + 3];
    if (type === 'n' && typeof value === 'number') grid.set(row, column, numberText(value), false, value);
    else if (type === 'b') grid.set(row, column, value ? 'TRUE' : 'FALSE');
    else grid.set(row, column, String(value));
  }
  for (const [top, left, bottom, right] of sheet.merges) grid.merge(top, left, bottom, right);
  for (const row of sheet.hiddenRows) grid.hideRow(row);
  for (const column of sheet.hiddenColumns) grid.hideColumns(column, column);
  return grid.finish();
}

export async function legacySheets(bytes: Buffer): Promise<SheetSource[]> {
  const sheets = await runReader(bytes);
  if (sheets.length > IMPORT_LIMITS.maxSheets) throw limitError('sheets', sheets.length, IMPORT_LIMITS.maxSheets);
  const budget = new TextBudget();
  return sheets.map((sheet) => ({ name: sheet.name, hidden: sheet.hidden, read: async () => gridOf(sheet, budget) }));
}
