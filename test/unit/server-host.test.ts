import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { createHost, listen, SESSION_COOKIE } from '../../server/host.js';
import { freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';

const TOKEN = 'right-token-0123456789';
let core: AppCore;
let server: http.Server;
let port: number;
let own: string;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { method?: string; path: string; headers?: Record<string, string | undefined>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers, setHost: !('Host' in (options.headers ?? {})) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

beforeAll(async () => {
  core = await freshCore();
  const staticRoot = tempDir();
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(staticRoot, 'assets'));
  fs.writeFileSync(path.join(staticRoot, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(staticRoot), 'outside-secret.txt'), 'SECRET');
  server = createHost({ dispatcher: core.dispatcher, token: TOKEN, staticRoot, bodyLimit: 4096 });
  port = await listen(server, 0);
  own = `127.0.0.1:${port}`;
});
afterAll(() => {
  server.close();
  core.close();
});

describe('loopback host: Host × Origin × credential', () => {
  const hosts = ['own', `localhost`, 'evil.example', 'other-port'] as const;
  const origins = [undefined, 'own', 'http://evil.example', 'null', 'http://localhost'] as const;
  const credentials = ['none', 'cookie', 'wrong-cookie', 'bearer', 'wrong-bearer'] as const;
  const cases = hosts.flatMap((h) => origins.flatMap((o) => credentials.map((c) => [h, o ?? 'none', c] as const)));

  it.each(cases)('Host %s, Origin %s, %s', async (host, origin, credential) => {
    const hostHeader = host === 'own' ? own : host === 'localhost' ? `localhost:${port}` : host === 'other-port' ? `127.0.0.1:${port + 1}` : host;
    const originHeader = origin === 'none' ? undefined : origin === 'own' ? `http://${own}` : origin;
    const headers: Record<string, string | undefined> = { Host: hostHeader, Origin: originHeader, 'Content-Type': 'application/json' };
    if (credential === 'cookie') headers.Cookie = `${SESSION_COOKIE}=${TOKEN}`;
    if (credential === 'wrong-cookie') headers.Cookie = `${SESSION_COOKIE}=nope`;
    if (credential === 'bearer') headers.Authorization = `Bearer ${TOKEN}`;
    if (credential === 'wrong-bearer') headers.Authorization = 'Bearer nope';
    const reply = await request({ method: 'POST', path: '/api/app.overview', headers, body: '{}' });

    const ownOrigin = originHeader === `http://${own}`;
    const expected =
      host !== 'own' ? 403 : originHeader !== undefined && !ownOrigin ? 403 : credential !== 'cookie' && credential !== 'bearer' ? 401 : credential === 'cookie' && !ownOrigin ? 403 : 200;
    expect(reply.status).toBe(expected);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    if (expected === 200) expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { memberCount: 0 } });
    else expect(JSON.parse(reply.body).error.code).toBe(expected === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
  });
});

describe('loopback host: the page and its token', () => {
  it('trades the token in the address for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const reply = await request({ path: `/?token=${TOKEN}`, headers: { Host: own } });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']?.[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/$`));
  });

  it('shows an explanation, not the app, without the token', async () => {
    for (const p of ['/', '/?token=wrong', '/assets/app.js']) {
      const reply = await request({ path: p, headers: { Host: own } });
      expect(reply.status).toBe(401);
      expect(reply.body).not.toContain('console.log');
    }
  });

  it('serves the app with its CSP once signed in', async () => {
    const reply = await request({ path: '/', headers: { Host: own, Cookie: `${SESSION_COOKIE}=${TOKEN}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/..%5coutside-secret.txt', '/%00.js'])(
    'never serves a file outside its folder: %s',
    async (p) => {
      const reply = await request({ path: p, headers: { Host: own, Cookie: `${SESSION_COOKIE}=${TOKEN}` } });
      expect(reply.body).not.toContain('SECRET');
    },
  );
});

describe('loopback host: API requests', () => {
  const api = (p: string, body?: string | Buffer, extra: Record<string, string> = {}) =>
    request({ method: 'POST', path: `/api/${p}`, headers: { Host: own, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...extra }, body });

  it('refuses an oversized body', async () => {
    const reply = await api('members.create', JSON.stringify({ name: 'x'.repeat(10_000), category: 'enterprise' }));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(JSON.parse((await api('app.overview', '{}')).body).result.memberCount).toBe(0);
  });

  it('answers malformed JSON, unknown methods and invalid input in the one error shape', async () => {
    expect(JSON.parse((await api('members.list', '{oops')).body).error.code).toBe('VALIDATION');
    const unknown = await api('members.drop', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD');
    const invalid = await api('members.create', JSON.stringify({ name: '', category: 'enterprise' }));
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.details.fields.name.key).toBe('validation.required');
  });

  it('only accepts POST for API calls', async () => {
    const reply = await request({ path: '/api/app.overview', headers: { Host: own, Authorization: `Bearer ${TOKEN}` } });
    expect(reply.status).toBe(403);
    expect(reply.headers.allow).toBe('POST');
  });
});
