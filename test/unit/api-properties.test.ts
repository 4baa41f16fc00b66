// Property test over the whole API contract, through the browser shell's HTTP host (not the
// dispatcher): for every method, hundreds of malformed bodies are answered with a 4xx and the one
// error shape, never a 5xx or anything else, and nothing is written to the data file.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/contract/errors.js';
import { apiMethods, registry, type ApiMethod } from '../../core/contract/registry.js';
import { Workspace } from '../../core/folder/workspace.js';
import { createHost, listen } from '../../server/host.js';
import { Sessions } from '../../server/session.js';
import { tempDir } from '../support/migrations.js';

export const RUNS_PER_METHOD = 300;
const TOKEN = randomUUID();

let workspace: Workspace;
let server: http.Server;
let port: number;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  workspace = await Workspace.open(tempDir(), { autoBackupMinutes: null, startupBackup: false });
  await workspace.dispatcher.dispatch('sample.load', {});
  server = createHost({ dispatcher: workspace.dispatcher, sessions: new Sessions(), apiToken: TOKEN, staticRoot: tempDir() });
  port = await listen(server, 0);
});
afterAll(() => {
  agent.destroy();
  server.close();
  workspace.close();
});

function post(method: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${encodeURIComponent(method)}`, agent, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const contentHash = () => createHash('sha256').update(workspace.current.appCore!.database.sqlite.serialize()).digest('hex');

/** The keys an input schema knows, found through its wrappers, so bad values land on real fields. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: Record<string, unknown> }).def ?? {};
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  for (const inner of [def.in, def.innerType, def.schema]) if (inner) return keysOf(inner as z.ZodType);
  if (Array.isArray(def.options)) return [...new Set((def.options as z.ZodType[]).flatMap(keysOf))];
  return [];
}

// Values that break fields: wrong types, huge or odd strings, bad ids and dates, prototype tricks.
const badValue = fc.oneof(
  fc.constantFrom(null, true, -1, 1.5, Number.MAX_SAFE_INTEGER, '', ' ', 'x'.repeat(70_000), '2023-02-30', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', '__proto__', '<script>', '\u0000', [], {}),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
);

/** A malformed body: JSON of any shape, an object of the method's own keys with bad values, or not JSON at all. */
function malformedBody(method: ApiMethod) {
  const keys = [...keysOf(registry[method].input), 'constructor', '__proto__', 'id'];
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => ({ json: v as unknown, text: JSON.stringify(v) })),
    fc.dictionary(fc.constantFrom(...keys), badValue, { minKeys: 1, maxKeys: 5 }).map((v) => ({ json: v as unknown, text: JSON.stringify(v) })),
    fc.constantFrom('{', '{"a":', 'null null', '\u00ff\u00fe', '[1,]', 'undefined', '{"name": "长春'.repeat(3)).map((text) => ({ json: undefined as unknown, text })),
  );
}

function isErrorShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { ok, error } = body as { ok: unknown; error: { code: unknown; message: unknown; details?: unknown } };
  return ok === false && ERROR_CODES.includes(error.code as never) && typeof error.message === 'string' && (error.details === undefined || typeof error.details === 'object');
}

describe.each(apiMethods.map((m) => [m]))('%s over HTTP', (method: ApiMethod) => {
  it(`answers ${RUNS_PER_METHOD} malformed bodies with a 4xx in the error shape and writes nothing`, async () => {
    const before = contentHash();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(malformedBody(method), async ({ json, text }) => {
        // A body that happens to be valid input is not malformed; an empty one means "no input".
        fc.pre(text.length > 0 && !(text === JSON.stringify(json) && registry[method].input.safeParse(json).success));
        const { status, text: reply } = await post(method, text);
        expect(status, reply).toBeGreaterThanOrEqual(400);
        expect(status, reply).toBeLessThan(500);
        expect(isErrorShape(JSON.parse(reply)), reply).toBe(true);
        tried++;
      }),
      { numRuns: RUNS_PER_METHOD, maxSkipsPerRun: 100, seed: 20230819 },
    );
    expect(tried).toBeGreaterThanOrEqual(RUNS_PER_METHOD);
    expect(contentHash()).toBe(before);
  });
});
