// A write transaction held open across event-loop turns (an import written in chunks, letting
// progress and cancel calls through between them). BEGIN is inside the try: whatever fails, a busy
// file at BEGIN included, the transaction is rolled back (when one was begun) and the error rethrown.
import type Database from 'better-sqlite3';

export async function longTransaction<T>(sqlite: Database.Database, body: () => Promise<T>): Promise<T> {
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    const result = await body();
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}
