// What the database layer refuses, as its own error: db/ depends on nothing above it, and the core
// turns these into its error shape (core/contract/error-mapping.ts) with the same codes.

export type DatabaseErrorCode = 'DB_NEWER_THAN_APP' | 'DB_UNREADABLE' | 'DB_DAMAGED' | 'DB_BUSY' | 'MIGRATION_FAILED' | 'FILE_READ_ONLY';

export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** SQLite's busy and locked errors, from another program holding the file: a clear error, not a hang. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_BUSY_RECOVERY' || code === 'SQLITE_BUSY_TIMEOUT';
}

export function busyError(): DatabaseError {
  return new DatabaseError('DB_BUSY', 'The data file is locked by another program. Close the other program (or wait for it to finish) and try again.');
}
