// Resolves files of the built renderer for both shells (HTTP host and Electron's app:// protocol).
// Paths are resolved inside the root only; unknown paths get index.html so the single-page app
// can handle its own routes.
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export function resolveStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootResolved = path.resolve(root);
  const candidate = path.resolve(rootResolved, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== rootResolved && !candidate.startsWith(rootResolved + path.sep)) return null;
  let file = candidate;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // Asset-looking paths that do not exist are 404s; everything else is an app route.
    if (path.extname(decoded)) return null;
    file = path.join(rootResolved, 'index.html');
    if (!fs.existsSync(file)) return null;
  }
  return { body: fs.readFileSync(file), contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
}
