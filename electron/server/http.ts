import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { MAX_UPLOAD_BYTES, type ServerEvent } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { dispatchEnvelope } from '../services/api';
import { attachmentHeader, contentTypeOf, offeredFile } from '../services/exports/downloads';
import type { Workspace } from '../services/workspace';

export interface ServeOptions {
  readonly ws: Workspace;
  readonly host: string;
  readonly port: number;
  /** Folder of the built renderer (out/renderer). */
  readonly rendererDir: string;
  /** Per-run secret; generated when absent. */
  readonly token?: string | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'rebound_token';
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported: 422,
  newer_database: 409,
  internal: 500,
};

/** Same policy as the Electron window: only our own code, photos from our own origin. */
export const BROWSER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function timingSafeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too_large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/**
 * One photo from the window (drop, file picker, webcam) as the raw request body: a camera JPEG is
 * 5–20 MB, far over the JSON limit, and base64 would add a third. The body is read up to the
 * pipeline's own limit (refused as soon as it passes it, not after) and handed to `photos.add`
 * through dispatch, so the same zod schema, profile check and events apply as over IPC.
 */
async function handlePhotoUpload(
  ws: Workspace,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, { ok: false, error: { code: 'bad_input', message: 'Use POST.' } });
    return;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () =>
    send(res, 413, {
      ok: false,
      error: { code: 'bad_input', message: 'The file is larger than 80 MB.' },
    });
  if (declared > MAX_UPLOAD_BYTES) {
    tooLarge();
    req.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) {
      tooLarge();
      req.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  const profileHeader = req.headers['x-rebound-profile'];
  const profileId =
    typeof profileHeader === 'string' && /^\d+$/.test(profileHeader) ? Number(profileHeader) : undefined;
  const itemParam = url.searchParams.get('itemId') ?? '';
  const itemId = /^\d+$/.test(itemParam) ? Number(itemParam) : NaN;
  const input = {
    itemId,
    source: url.searchParams.get('source') ?? '',
    files: [{ name: url.searchParams.get('name') ?? '', bytes: Buffer.concat(chunks, size) }],
  };
  const envelope = await dispatchEnvelope(ws, 'photos.add', input, { profileId, requireProfile: true });
  send(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
}

/**
 * Browser mode: the built renderer and the API over HTTP. Every request needs the run's token
 * (from the `?token=` link printed at start, which sets an HttpOnly cookie, or a Bearer header);
 * without it the answer is 401.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const indexFile = path.join(options.rendererDir, 'index.html');
  const hasRenderer = fs.existsSync(indexFile);
  const assets = hasRenderer
    ? sirv(options.rendererDir, { etag: true, single: true, dev: false, gzip: false, brotli: false })
    : null;
  const clients = new Set<http.ServerResponse>();
  const unsubscribe = options.ws.onEvent((event: ServerEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) client.write(line);
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const queryToken = url.searchParams.get('token');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const presented = queryToken ?? bearer ?? readCookie(req, TOKEN_COOKIE);
    if (!presented || !timingSafeEqual(presented, token)) {
      send(res, 401, {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'Open Rebound with the link printed by `rebound serve` (it carries the access token).',
        },
      });
      return;
    }
    if (queryToken) {
      // Keep the token out of the address bar and history: set the cookie, redirect without it.
      url.searchParams.delete('token');
      res.writeHead(303, {
        'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        location: `${url.pathname}${url.search}${url.hash}`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }

    if (url.pathname === '/api/upload/photo') {
      await handlePhotoUpload(options.ws, req, res, url);
      return;
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: { code: 'bad_input', message: 'Use POST.' } });
        return;
      }
      let input: unknown;
      try {
        input = await readJson(req);
      } catch (error) {
        const tooLarge = error instanceof Error && error.message === 'too_large';
        send(res, tooLarge ? 413 : 400, {
          ok: false,
          error: {
            code: 'bad_input',
            message: tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.',
          },
        });
        return;
      }
      const profileHeader = req.headers['x-rebound-profile'];
      const profileId =
        typeof profileHeader === 'string' && /^\d+$/.test(profileHeader) ? Number(profileHeader) : undefined;
      const method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const envelope = await dispatchEnvelope(options.ws, method, input, { profileId, requireProfile: true });
      send(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
      return;
    }

    if (url.pathname.startsWith('/api/download/')) {
      // Only a file an export or statement of this run offered (services/exports/downloads.ts).
      let name = '';
      try {
        name = decodeURIComponent(url.pathname.slice('/api/download/'.length));
      } catch {
        // A malformed name is simply not offered.
      }
      const offer = req.method === 'GET' ? offeredFile(options.ws, name) : null;
      if (!offer) {
        send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such export; export again.' } });
        return;
      }
      res.writeHead(200, {
        'content-type': contentTypeOf(offer.fileName),
        'content-length': fs.statSync(offer.file).size,
        'content-disposition': attachmentHeader(offer.fileName),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      fs.createReadStream(offer.file).pipe(res);
      return;
    }

    if (url.pathname === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }

    const photo = /^\/photos\/([0-9a-f]{64})\/(listing|thumb)\.jpg$/.exec(url.pathname);
    if (photo) {
      const file = options.ws.photoPath(photo[1]!, photo[2] as 'listing' | 'thumb');
      fs.stat(file, (error, stat) => {
        if (error) {
          send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such photo.' } });
          return;
        }
        res.writeHead(200, {
          'content-type': 'image/jpeg',
          'content-length': stat.size,
          // Content-addressed: a hash never changes its bytes.
          'cache-control': 'private, max-age=31536000, immutable',
        });
        fs.createReadStream(file).pipe(res);
      });
      return;
    }

    if (!assets) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The user interface is not built. Run `npm run build` (or `npm run serve`, which builds it).');
      return;
    }
    res.setHeader('content-security-policy', BROWSER_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    assets(req, res, () => {
      res.writeHead(404);
      res.end();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostForUrl}:${address.port}`;
  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
