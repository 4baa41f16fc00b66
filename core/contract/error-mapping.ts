// Anything thrown, as an error the clerk can act on: our own errors as they are, the database
// layer's and SQLite's by their codes, the file system's by errno (naming the path), and the rest
// as INTERNAL, whose text never crosses the boundary.
import { DatabaseError, isBusyError } from '../../db/errors.js';
import { AppError, ERROR_TABLE, type ErrorCode, type ErrorShape } from './errors.js';

const ERRNO_CODES: Record<string, ErrorCode> = {
  ENOENT: 'FILE_NOT_FOUND',
  ENOTDIR: 'FILE_NOT_FOUND',
  EISDIR: 'FILE_IS_FOLDER',
  EACCES: 'FILE_ACCESS_DENIED',
  EPERM: 'FILE_ACCESS_DENIED',
  EROFS: 'FILE_READ_ONLY',
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
};

/** SQLite's own codes (better-sqlite3 puts them on the error) that are about the file, not a bug. */
function sqliteCode(code: string): ErrorCode | null {
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'DB_DAMAGED';
  if (code.startsWith('SQLITE_READONLY')) return 'FILE_READ_ONLY';
  if (code === 'SQLITE_FULL') return 'DISK_FULL';
  return null;
}

function withKey(code: ErrorCode, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, message, { key: ERROR_TABLE[code].key, params });
}

/** The file-system error of a path the clerk gave, as its own code; null for any other error. */
export function fileError(error: unknown): AppError | null {
  const errno = error as (NodeJS.ErrnoException & { dest?: string }) | null;
  const code = typeof errno?.code === 'string' ? ERRNO_CODES[errno.code] : undefined;
  if (!code) return null;
  const file = typeof errno?.path === 'string' ? errno.path : typeof errno?.dest === 'string' ? errno.dest : '';
  return withKey(code, `${ERROR_TABLE[code].message}${file ? ` ${file}` : ''}`, { path: file });
}

/** An expected error as an AppError; null when the error is a bug (it becomes INTERNAL). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof DatabaseError) return withKey(error.code, error.message, error.params);
  if (isBusyError(error)) return withKey('DB_BUSY', ERROR_TABLE.DB_BUSY.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const mapped = sqliteCode(code);
    if (mapped) return withKey(mapped, `${ERROR_TABLE[mapped].message} (${(error as Error).message})`, { reason: (error as Error).message });
  }
  return fileError(error);
}

/** Any thrown value as the error shape; unexpected errors never leak stack traces across the boundary. */
export function toErrorShape(error: unknown): ErrorShape {
  return (toAppError(error) ?? new AppError('INTERNAL')).toShape();
}
