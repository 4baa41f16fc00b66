// The one error shape that crosses every boundary (IPC, HTTP, CLI): { code, message, details? }.
// `message` is an English fallback; `details.key` and each field's `key` are i18n keys the UI translates.

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_METHOD'
  | 'IN_USE'
  | 'DB_NEWER_THAN_APP'
  | 'DB_UNREADABLE'
  | 'DB_DAMAGED'
  | 'DB_BUSY'
  | 'DATA_DIR_IN_USE'
  | 'BACKUP_DAMAGED'
  | 'UNAVAILABLE'
  | 'MIGRATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  /** An import file that cannot be read: empty, encrypted, too large, not a spreadsheet, no header row. */
  | 'IMPORT_FILE'
  /** An import with invalid rows, committed without skipping them. */
  | 'IMPORT_INVALID'
  | 'INTERNAL';

export type MessageParams = Record<string, string | number>;

export interface FieldIssue {
  /** i18n key, e.g. `validation.uscc.checksum`. */
  key: string;
  params?: MessageParams;
  /** English fallback text. */
  message: string;
}

export interface ErrorDetails {
  key?: string;
  params?: MessageParams;
  /** Per-field problems keyed by the field's path in the input (`uscc`, `contacts.0.name`). */
  fields?: Record<string, FieldIssue>;
}

export interface ErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): ErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function fieldError(field: string, issue: FieldIssue): AppError {
  return new AppError('VALIDATION', `${field}: ${issue.message}`, { key: 'errors.validation', fields: { [field]: issue } });
}

/** Any thrown value as the error shape; unexpected errors never leak stack traces across the boundary. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof AppError) return error.toShape();
  return { code: 'INTERNAL', message: 'An unexpected error occurred.', details: { key: 'errors.internal' } };
}

export function isErrorShape(value: unknown): value is ErrorShape {
  return typeof value === 'object' && value !== null && typeof (value as ErrorShape).code === 'string' && typeof (value as ErrorShape).message === 'string';
}
