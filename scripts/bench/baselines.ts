// What the library and the database can do on their own, measured in the same run as our code:
// exceljs's streaming reader and writer, and raw better-sqlite3 prepared inserts.
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';

/** Reads every row's cell values with exceljs's streaming reader. */
export async function streamRead(bytes: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  }
  return rows;
}

/** Inserts the rows into a plain table with one prepared statement in one transaction. */
export function rawInsert(sqlite: Database.Database, rows: string[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  sqlite.exec(`DROP TABLE IF EXISTS bench_rows; CREATE TABLE bench_rows (${Array.from({ length: width }, (_, i) => `c${i} TEXT`).join(', ')})`);
  const insert = sqlite.prepare(`INSERT INTO bench_rows VALUES (${Array.from({ length: width }, () => '?').join(', ')})`);
  sqlite.transaction(() => {
    for (const row of rows) insert.run(...Array.from({ length: width }, (_, i) => row[i] ?? null));
  })();
}

/** Writes the same cells with exceljs's streaming writer, no styles. */
export async function streamWrite(rows: (string | number)[][]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('rows');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
