import fs from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../services/workspace';
import { APP_HOST } from './pages';

/*
 * The handlers of the app's two schemes (index.ts registers them with protocol.handle). Plain
 * functions of a Request, free of Electron, so tests drive them with real files (protocols.test.ts).
 */

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const notFound = () => new Response('Not found', { status: 404 });

/**
 * rebound://app/<path> → <rendererDir>/<path> (out/renderer). The URL parser folds "/../", but a
 * "%2e%2e" or, on Windows, a "%5c" only becomes a path step once decoded here: whatever resolves
 * outside the renderer folder is refused. fs reads inside app.asar too, so this works packaged.
 */
export async function serveRenderer(rendererDir: string, csp: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return notFound();
  let requested: string;
  try {
    requested = decodeURIComponent(url.pathname);
  } catch {
    return notFound();
  }
  let file = path.resolve(rendererDir, `.${requested}`);
  const inside = path.relative(rendererDir, file);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return notFound();
  if (inside === '' || requested.endsWith('/')) file = path.join(rendererDir, 'index.html');

  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    // A client-side route (no extension) reloads into the single page; a missing asset is 404.
    if (path.extname(file) !== '') return notFound();
    file = path.join(rendererDir, 'index.html');
    body = await fs.promises.readFile(file);
  }
  return new Response(body, {
    headers: {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * rebound-photo://photo/<sha-256>/<listing|thumb> → the workspace's photo file. Only a 64-digit
 * hex hash and a known variant are accepted, so no request can name any other file.
 */
export async function servePhoto(
  workspace: Pick<Workspace, 'photoPath'>,
  request: Request,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const url = new URL(request.url);
  const match = url.host === 'photo' ? /^\/([0-9a-f]{64})\/(listing|thumb)$/.exec(url.pathname) : null;
  if (!match) return notFound();
  try {
    const body = await fs.promises.readFile(workspace.photoPath(match[1]!, match[2] as 'listing' | 'thumb'));
    return new Response(body, {
      headers: {
        'Content-Type': 'image/jpeg',
        'X-Content-Type-Options': 'nosniff',
        // Content-addressed: a hash always names the same bytes.
        'Cache-Control': 'private, max-age=31536000, immutable',
      },
    });
  } catch {
    return notFound();
  }
}
