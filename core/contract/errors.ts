// The one error shape that crosses every boundary (IPC, HTTP, CLI): { code, message, details? }, and
// the one table that gives each code its HTTP status, its CLI exit code and its translated message.
// `message` is an English fallback; `details.key` and each field's `key` are i18n keys the UI translates.

interface ErrorRule {
  /** HTTP status in the browser shell: the caller's errors are 4xx, INTERNAL alone is 500. */
  status: number;
  /** CLI exit code: 1 refused by the data, 2 bad arguments, 3 the data file, 4 a file or the disk, 70 a bug. */
  exit: number;
  /** i18n key of the message shown when the error carries no more specific one. */
  key: string;
  /** English fallback. */
  message: string;
}

export const ERROR_TABLE = {
  VALIDATION: { status: 400, exit: 2, key: 'errors.validation', message: 'The input is not valid.' },
  UNKNOWN_METHOD: { status: 404, exit: 2, key: 'errors.unknownMethod', message: 'Unknown API method.' },
  NOT_FOUND: { status: 404, exit: 1, key: 'errors.notFound', message: 'Not found.' },
  CONFLICT: { status: 409, exit: 1, key: 'errors.conflict', message: 'This conflicts with a record that already exists.' },
  IN_USE: { status: 409, exit: 1, key: 'errors.inUse', message: 'Other records refer to this one.' },
  CANCELLED: { status: 409, exit: 1, key: 'errors.cancelled', message: 'Cancelled; nothing was changed.' },
  IMPORT_FILE: { status: 422, exit: 1, key: 'errors.importFile', message: 'This file cannot be imported.' },
  IMPORT_INVALID: { status: 422, exit: 1, key: 'errors.importInvalid', message: 'Some rows have errors; nothing was imported.' },
  EXCHANGE_FILE: { status: 422, exit: 1, key: 'errors.exchangeFile', message: 'This file is not an exchange file this app can merge.' },
  NOT_A_BACKUP: { status: 422, exit: 1, key: 'errors.notABackup', message: 'This file is not a backup of this app.' },
  BACKUP_DAMAGED: { status: 422, exit: 1, key: 'errors.backupDamaged', message: 'This backup failed its integrity check.' },
  UNAUTHORIZED: { status: 401, exit: 1, key: 'errors.unauthorized', message: 'Missing or wrong token.' },
  FORBIDDEN: { status: 403, exit: 1, key: 'errors.forbidden', message: 'Refused.' },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 1, key: 'errors.tooLarge', message: 'The request is too large.' },
  // A method this shell does not offer (the browser shell's folder dialog): the caller's to avoid, not a fault.
  UNAVAILABLE: { status: 405, exit: 1, key: 'errors.unavailable', message: 'Not available here.' },
  DB_NEWER_THAN_APP: { status: 409, exit: 3, key: 'errors.dbNewerThanApp', message: 'This data file was written by a newer version of the app.' },
  DB_UNREADABLE: { status: 503, exit: 3, key: 'errors.dbUnreadable', message: 'The data file cannot be read.' },
  DB_DAMAGED: { status: 503, exit: 3, key: 'errors.dbDamaged', message: 'The data file is damaged.' },
  DB_BUSY: { status: 503, exit: 3, key: 'errors.dbBusy', message: 'The data file is locked by another program.' },
  MIGRATION_FAILED: { status: 503, exit: 3, key: 'errors.migrationFailed', message: 'Upgrading the data file failed; nothing was changed.' },
  DATA_DIR_IN_USE: { status: 423, exit: 3, key: 'errors.dataDirInUse', message: 'This data folder is open in another window or program.' },
  FILE_NOT_FOUND: { status: 404, exit: 4, key: 'errors.fileNotFound', message: 'There is no such file or folder.' },
  FILE_IS_FOLDER: { status: 400, exit: 4, key: 'errors.fileIsFolder', message: 'This is a folder, not a file.' },
  FILE_ACCESS_DENIED: { status: 403, exit: 4, key: 'errors.fileAccessDenied', message: 'You have no permission for this file or folder.' },
  FILE_READ_ONLY: { status: 403, exit: 4, key: 'errors.fileReadOnly', message: 'This file or folder is on a read-only disk.' },
  DISK_FULL: { status: 507, exit: 4, key: 'errors.diskFull', message: 'The disk is full.' },
  INTERNAL: { status: 500, exit: 70, key: 'errors.internal', message: 'An unexpected error occurred.' },
} as const satisfies Record<string, ErrorRule>;

export type ErrorCode = keyof typeof ERROR_TABLE;
export const ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

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

  constructor(code: ErrorCode, message: string = ERROR_TABLE[code].message, details: ErrorDetails = { key: ERROR_TABLE[code].key }) {
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

export function errorStatus(code: ErrorCode): number {
  return ERROR_TABLE[code]?.status ?? 500;
}

export function errorExitCode(code: ErrorCode): number {
  return ERROR_TABLE[code]?.exit ?? 70;
}

export function isErrorShape(value: unknown): value is ErrorShape {
  return typeof value === 'object' && value !== null && typeof (value as ErrorShape).code === 'string' && typeof (value as ErrorShape).message === 'string';
}
