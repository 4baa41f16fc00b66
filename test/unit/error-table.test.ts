// The one error table: every code has an HTTP status, a CLI exit code and a message in both
// languages; the caller's errors are 4xx, a busy file 503, and INTERNAL alone 500 — as the browser
// shell's HTTP host actually answers them.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_TABLE, type ErrorCode } from '../../core/contract/errors.js';
import type { Dispatcher } from '../../core/contract/dispatcher.js';
import { createHost, listen } from '../../server/host.js';
import { Sessions } from '../../server/session.js';
import { tempDir } from '../support/migrations.js';

const TOKEN = 'error-table-token-0123456789';
let server: http.Server;
let port: number;

// A dispatcher that answers each method named after a code with that code's error.
const dispatcher: Dispatcher = { dispatch: (method) => ({ ok: false, error: { code: method as ErrorCode, message: 'x' } }) };

beforeAll(async () => {
  server = createHost({ dispatcher, sessions: new Sessions(), apiToken: TOKEN, staticRoot: tempDir() });
  port = await listen(server, 0);
});
afterAll(() => server.close());

function statusOf(code: ErrorCode): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${code}`, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('the error table', () => {
  it('gives INTERNAL alone the status 500, a busy or damaged file 503, and the caller\u2019s own mistakes a 4xx', () => {
    expect(ERROR_CODES.filter((c) => ERROR_TABLE[c].status === 500)).toEqual(['INTERNAL']);
    expect(ERROR_TABLE.DB_BUSY.status).toBe(503);
    for (const code of ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'IN_USE', 'IMPORT_FILE', 'IMPORT_INVALID', 'NOT_A_BACKUP', 'BACKUP_DAMAGED', 'CANCELLED', 'FILE_NOT_FOUND', 'FILE_IS_FOLDER', 'FILE_ACCESS_DENIED', 'FILE_READ_ONLY', 'UNAVAILABLE', 'UNKNOWN_METHOD', 'DATA_DIR_IN_USE', 'DB_NEWER_THAN_APP'] as const) {
      expect(ERROR_TABLE[code].status, code).toBeGreaterThanOrEqual(400);
      expect(ERROR_TABLE[code].status, code).toBeLessThan(500);
    }
  });

  it('gives every code a CLI exit code that is not success, usage errors 2 and bugs 70', () => {
    for (const code of ERROR_CODES) expect(ERROR_TABLE[code].exit, code).toBeGreaterThan(0);
    expect(ERROR_TABLE.VALIDATION.exit).toBe(2);
    expect(ERROR_TABLE.INTERNAL.exit).toBe(70);
  });

  it.each(ERROR_CODES.map((c) => [c]))('%s crosses HTTP with its own status', async (code) => {
    expect(await statusOf(code)).toBe(ERROR_TABLE[code].status);
  });
});
