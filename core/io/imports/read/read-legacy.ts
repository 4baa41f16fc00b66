// Old and other formats — .xls (BIFF8, what older Excel and many WPS users still send), WPS .et
// where it is the same container, .ods, .xlsb, and the HTML tables some systems save as .xls — read
// by SheetJS (@e965/xlsx, the maintained republication with the CVE fixes). The library holds the
// whole workbook in memory, so it runs in a worker thread with its own heap cap and a time limit:
// a file that needs more is refused with that figure, and the app itself never runs out. The
// worker hands back plain cells, which go through the same bounded grid as every other format.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GridBuilder, TextBudget, type SheetGrid } from './grid.js';
import { importFileError, IMPORT_LIMITS, limitError } from './limits.js';
import { numberText } from './read-xlsx.js';
import type { SheetSource } from './sheets.js';

/** Plain JavaScript, evaluated as the worker: no file to find inside a packaged app. */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require(workerData.library);
const { maxRows } = workerData;
const pad = (n) => String(n).padStart(2, '0');
function run() {
  let wb;
  try {
    wb = XLSX.read(workerData.bytes, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: maxRows + 1, bookVBA: false, bookFiles: false, WTF: false });
  } catch (error) {
    return { error: String((error && error.message) || error) };
  }
  const sheetsMeta = (wb.Workbook && wb.Workbook.Sheets) || [];
  const sheets = wb.SheetNames.map((name, index) => {
    const ws = wb.Sheets[name] || {};
    const cells = [];
    const data = ws['!data'] || [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.v === undefined || cell.v === null || cell.t === 'e' || cell.t === 'z') continue;
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
    return { name, hidden: Boolean(sheetsMeta[index] && sheetsMeta[index].Hidden), cells, merges, hiddenRows, hiddenColumns };
  });
  return { sheets };
}
parentPort.postMessage(run());
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
  return createRequire(from).resolve('@e965/xlsx');
}

const TIME_LIMIT_MS = 120_000;

function runWorker(bytes: Buffer): Promise<LegacySheet[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes: new Uint8Array(bytes), library: libraryPath(), maxRows: IMPORT_LIMITS.maxRows },
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.legacyHeapMb, maxYoungGenerationSizeMb: 16 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(importFileError('tooSlow', `Reading the file took more than ${TIME_LIMIT_MS / 1000} seconds.`, { seconds: TIME_LIMIT_MS / 1000 }));
    }, TIME_LIMIT_MS);
    worker.once('message', (message: { error?: string; sheets?: LegacySheet[] }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.sheets) resolve(message.sheets);
      else reject(legacyError(message.error ?? ''));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitError('memory', '', IMPORT_LIMITS.legacyHeapMb) : legacyError(error.message));
    });
  });
}

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
  const sheets = await runWorker(bytes);
  if (sheets.length > IMPORT_LIMITS.maxSheets) throw limitError('sheets', sheets.length, IMPORT_LIMITS.maxSheets);
  const budget = new TextBudget();
  return sheets.map((sheet) => ({ name: sheet.name, hidden: sheet.hidden, read: async () => gridOf(sheet, budget) }));
}
