import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { createHost, listen } from '../../server/host.js';
import { LAUNCH_TOKEN_TTL_MS, sessionCookieName, Sessions } from '../../server/session.js';
import { freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';

const TOKEN = 'right-api-token-0123456789';
let core: AppCore;
let clock = Date.parse('2026-11-29T10:00:00Z');
const sessions = new Sessions(() => clock);
/** A signed-in browser's session secret (a launch token traded for it). */
let SESSION: string;
let COOKIE: string;
let server: http.Server;
let port: number;
let own: string;
let signInHints = 0;

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
  server = createHost({ dispatcher: core.dispatcher, sessions, apiToken: TOKEN, staticRoot, bodyLimit: 4096, onSignInNeeded: () => signInHints++, now: () => clock });
  port = await listen(server, 0);
  own = `127.0.0.1:${port}`;
  COOKIE = sessionCookieName(port);
  SESSION = sessions.exchange(sessions.newLaunchToken())!;
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
    if (credential === 'cookie') headers.Cookie = `${COOKIE}=${SESSION}`;
    // The API token is not a session, and a session cookie for another port's shell is not ours.
    if (credential === 'wrong-cookie') headers.Cookie = `${COOKIE}=${TOKEN}; alliance_session_${port + 1}=${SESSION}`;
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
  it('trades a launch token, once, for a session secret in an HttpOnly, SameSite=Strict cookie named for its port', async () => {
    const launch = sessions.newLaunchToken();
    const reply = await request({ path: `/?token=${launch}`, headers: { Host: own } });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=[A-Za-z0-9_-]{40,}; HttpOnly; SameSite=Strict; Path=/$`));
    // The cookie holds a new secret, not the launch token, and it signs the browser in.
    const secret = cookie.split(';')[0]!.split('=')[1]!;
    expect(secret).not.toBe(launch);
    expect((await request({ path: '/', headers: { Host: own, Cookie: `${COOKIE}=${secret}` } })).status).toBe(200);
    // The launch token is spent: a second use (a copy in the history, another local user) gets nothing.
    const again = await request({ path: `/?token=${launch}`, headers: { Host: own } });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('lets a launch token lapse when nobody uses it in time, and asks the shell to print a new one', async () => {
    const launch = sessions.newLaunchToken();
    clock += LAUNCH_TOKEN_TTL_MS + 1;
    const hintsBefore = signInHints;
    const reply = await request({ path: `/?token=${launch}`, headers: { Host: own } });
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('最新链接');
    expect(signInHints).toBe(hintsBefore + 1);
  });

  it('gives scripts with the API token a fresh launch link, and nobody else', async () => {
    const granted = await request({ path: '/launch-link', headers: { Host: own, Authorization: `Bearer ${TOKEN}` } });
    const link = new URL(JSON.parse(granted.body).result.url);
    expect(link.origin).toBe(`http://${own}`);
    expect((await request({ path: `/?token=${link.searchParams.get('token')}`, headers: { Host: own } })).status).toBe(303);
    for (const headers of [{ Host: own }, { Host: own, Cookie: `${COOKIE}=${SESSION}` }, { Host: own, Authorization: `Bearer ${SESSION}` }]) {
      expect((await request({ path: '/launch-link', headers })).status).toBe(401);
    }
  });

  it('shows an explanation, not the app, without a session', async () => {
    for (const p of ['/', '/?token=wrong', `/?token=${TOKEN}`, '/assets/app.js']) {
      const reply = await request({ path: p, headers: { Host: own } });
      expect(reply.status).toBe(401);
      expect(reply.body).not.toContain('console.log');
    }
  });

  it('serves the app with its CSP once signed in', async () => {
    const reply = await request({ path: '/', headers: { Host: own, Cookie: `${COOKIE}=${SESSION}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/..%5coutside-secret.txt', '/%00.js'])(
    'never serves a file outside its folder: %s',
    async (p) => {
      const reply = await request({ path: p, headers: { Host: own, Cookie: `${COOKIE}=${SESSION}` } });
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
