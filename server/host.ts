// The loopback HTTP host of the browser shell: the same API as the desktop app's IPC, for a page
// served from 127.0.0.1 only. Every request needs a credential (server/session.ts): the session
// cookie the browser got for a single-use launch token, or the scripts' API token as a Bearer
// header; the Host must be our own address (DNS rebinding), and cookie-authenticated writes must
// come from our own Origin (CSRF).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../core/shell/content-security-policy.js';
import type { Dispatcher } from '../core/contract/dispatcher.js';
import { errorStatus, type ErrorShape } from '../core/contract/errors.js';
import { resolveStaticFile } from '../core/shell/ui-files.js';
import { sameSecret, sessionCookieName, type Sessions } from './session.js';

/** The header naming a long job's id (lower case, as node reports headers). */
export const JOB_HEADER = 'x-alliance-job';
// Large enough for one attachment (20 MB, base64 in JSON), small enough to refuse a flood.
export const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;

export interface HostOptions {
  dispatcher: Dispatcher;
  sessions: Sessions;
  /** The scripts' Bearer token; without it, only a signed-in browser gets in. */
  apiToken?: string;
  staticRoot: string;
  bodyLimit?: number;
  /** A page without a session asked to sign in: the shell prints a fresh launch link (at most every 10 s). */
  onSignInNeeded?: () => void;
  now?: () => number;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, error: ErrorShape): void {
  sendJson(res, errorStatus(error.code), { ok: false, error });
}

const NOT_SIGNED_IN_PAGE = `<!doctype html><meta charset="utf-8"><title>产教联合体秘书处工作台</title>
<p>请使用终端中显示的最新链接打开本页面（每个链接只能使用一次；程序已在终端打印了一个新链接）。</p>
<p>Open this page with the newest link shown in the terminal (each link works once; the app has just printed a new one).</p>`;

type Auth = 'cookie' | 'bearer' | null;

export function createHost(options: HostOptions): http.Server {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  let ownAddress = ''; // 127.0.0.1:PORT, known once listening
  let cookieName = '';
  let lastSignInHint = 0;

  function authOf(req: http.IncomingMessage): Auth {
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (bearer && options.apiToken && sameSecret(bearer, options.apiToken)) return 'bearer';
    const cookie = cookieValue(req.headers.cookie, cookieName);
    if (cookie && options.sessions.isSession(cookie)) return 'cookie';
    return null;
  }

  const server = http.createServer((req, res) => {
    if (!ownAddress) {
      const address = server.address() as AddressInfo;
      ownAddress = `127.0.0.1:${address.port}`;
      cookieName = sessionCookieName(address.port);
    }
    const ownOrigin = `http://${ownAddress}`;
    if (req.headers.host !== ownAddress) {
      return sendError(res, { code: 'FORBIDDEN', message: 'Wrong Host header.', details: { key: 'errors.forbidden' } });
    }
    const url = new URL(req.url ?? '/', ownOrigin);
    const auth = authOf(req);
    const origin = req.headers.origin;
    // Any request that states a foreign origin is refused, whatever credential it carries.
    if (origin !== undefined && origin !== ownOrigin) {
      return sendError(res, { code: 'FORBIDDEN', message: 'Cross-origin requests are not allowed.', details: { key: 'errors.forbidden' } });
    }

    // Scripts (tests, benchmarks) that hold the API token may ask for a launch link for a browser.
    if (url.pathname === '/launch-link') {
      if (auth !== 'bearer') return sendError(res, { code: 'UNAUTHORIZED', message: 'Missing or wrong token.', details: { key: 'errors.unauthorized' } });
      return sendJson(res, 200, { ok: true, result: { url: `${ownOrigin}/?token=${options.sessions.newLaunchToken()}` } });
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendError(res, { code: 'FORBIDDEN', message: 'API calls use POST.', details: { key: 'errors.forbidden' } });
      }
      if (auth !== 'cookie' && auth !== 'bearer') {
        return sendError(res, { code: 'UNAUTHORIZED', message: 'Missing or wrong token.', details: { key: 'errors.unauthorized' } });
      }
      // A browser always sends Origin on a POST; a cookie-authenticated write without it is not our page.
      if (auth === 'cookie' && origin !== ownOrigin) {
        return sendError(res, { code: 'FORBIDDEN', message: 'Writes need the page’s own Origin.', details: { key: 'errors.forbidden' } });
      }
      const method = url.pathname.slice('/api/'.length);
      return readBody(req, bodyLimit, async (error, body) => {
        if (error) return sendError(res, error);
        let input: unknown;
        try {
          input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
        } catch {
          return sendError(res, { code: 'VALIDATION', message: 'The request body is not valid JSON.', details: { key: 'errors.badJson' } });
        }
        // A long job's id, chosen by the page so it can ask jobs.progress and jobs.cancel meanwhile.
        const jobId = req.headers[JOB_HEADER];
        const response = await options.dispatcher.dispatch(method, input, typeof jobId === 'string' ? { jobId } : undefined);
        if (response.ok) sendJson(res, 200, response);
        else sendError(res, response.error);
      });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, { code: 'FORBIDDEN', message: 'Method not allowed.', details: { key: 'errors.forbidden' } });
    }
    const launch = url.searchParams.get('token');
    const session = launch ? options.sessions.exchange(launch) : null;
    if (session) {
      // The launch token is spent: a session secret in a cookie instead, and the address bar cleared.
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...baseHeaders(),
        'Set-Cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    if (!auth) {
      const now = (options.now ?? Date.now)();
      if (now - lastSignInHint > 10_000) {
        lastSignInHint = now;
        options.onSignInNeeded?.();
      }
      res.writeHead(401, { ...baseHeaders(), 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(NOT_SIGNED_IN_PAGE);
    }
    const file = resolveStaticFile(options.staticRoot, url.pathname);
    if (!file) return sendError(res, { code: 'NOT_FOUND', message: 'Not found.', details: { key: 'errors.notFound' } });
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  return server;
}

function readBody(req: http.IncomingMessage, limit: number, done: (error: ErrorShape | null, body: Buffer) => void): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge: ErrorShape = { code: 'PAYLOAD_TOO_LARGE', message: `Request bodies are limited to ${limit} bytes.`, details: { key: 'errors.tooLarge' } };
  if (declared > limit) {
    req.resume();
    return done(tooLarge, Buffer.alloc(0));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > limit) {
      finished = true;
      done(tooLarge, Buffer.alloc(0));
      req.resume();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (!finished) {
      finished = true;
      done(null, Buffer.concat(chunks));
    }
  });
  req.on('error', () => {
    if (!finished) {
      finished = true;
      done({ code: 'VALIDATION', message: 'The request was interrupted.', details: { key: 'errors.badJson' } }, Buffer.alloc(0));
    }
  });
}

export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
