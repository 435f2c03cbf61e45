import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import sirv from 'sirv';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES, type CallContext, type ServerEvent } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { describeDevice } from '../services/accounts/device';
import { endSession, resolveSession, signIn } from '../services/accounts/sessions';
import { dispatchEnvelope, toErrorData } from '../services/api';
import { attachmentHeader, contentTypeOf, takeOffer } from '../services/exports/downloads';
import { isLoopback } from './loopback';
import type { Workspace } from '../services/workspace';

export interface ServeOptions {
  readonly ws: Workspace;
  readonly host: string;
  readonly port: number;
  /** Folder of the built renderer (out/renderer). */
  readonly rendererDir: string;
  /** Certificate and key (PEM): the server then speaks HTTPS only, and its cookie is Secure. */
  readonly tls?: { readonly cert: Buffer | string; readonly key: Buffer | string } | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  throttled: 429,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported: 422,
  newer_database: 409,
  damaged_database: 500,
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

/**
 * The `Host` values this server answers: its own address and port, and for loopback the names
 * of loopback. Bound to every address (0.0.0.0 or ::), it cannot know the names it is reached by
 * (a reverse proxy's, the machine's), so any Host is accepted there: null.
 */
function hostsAnsweredFor(address: AddressInfo): ReadonlySet<string> | null {
  if (address.address === '0.0.0.0' || address.address === '::') return null;
  const port = address.port;
  const own = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const names = isLoopback(address.address) ? [own, '127.0.0.1', 'localhost', '[::1]'] : [own];
  return new Set(names.map((name) => `${name}:${port}`.toLowerCase()));
}

const SignInBody = z.object({ name: z.string().max(200), password: z.string().max(200) }).strict();

/** A request the server refuses before reading it: the status and the sentence it answers with. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** One cookie's value; a header that is not well-formed is the client's error (400), not ours. */
function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      throw new Refusal(400, 'bad_input', 'The session cookie is malformed: sign in again.');
    }
  }
  return undefined;
}

function isJson(req: http.IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
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
 * (or `photos.addByLabel`, with `by=label`) through dispatch, so the same zod schema, profile check and events apply as over IPC.
 */
async function handlePhotoUpload(
  ws: Workspace,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  context: CallContext,
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
  const files = [{ name: url.searchParams.get('name') ?? '', bytes: Buffer.concat(chunks, size) }];
  const source = url.searchParams.get('source') ?? '';
  // `by=label`: the photo desk shoots by label, and the photo's own label says its item.
  if (url.searchParams.get('by') === 'label') {
    const envelope = await dispatchEnvelope(ws, 'photos.addByLabel', { source, files }, context);
    send(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
    return;
  }
  const itemParam = url.searchParams.get('itemId') ?? '';
  const itemId = /^\d+$/.test(itemParam) ? Number(itemParam) : NaN;
  const envelope = await dispatchEnvelope(ws, 'photos.add', { itemId, source, files }, context);
  send(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
}

/** Sends a file, or a 404 if it is gone; a file that vanishes mid-way ends only that response. */
function sendFile(res: http.ServerResponse, file: string, headers: http.OutgoingHttpHeaders): void {
  fs.stat(file, (error, stat) => {
    if (error || !stat.isFile()) {
      send(res, 404, { ok: false, error: { code: 'not_found', message: 'That file is no longer there.' } });
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    // pipeline() handles the read stream's errors: an unhandled 'error' would end the process.
    pipeline(fs.createReadStream(file), res, () => undefined);
  });
}

/**
 * Browser mode: the built renderer and the API over HTTP(S). The interface itself is public (it
 * is how one reaches the sign-in page); everything else needs the session cookie that
 * `POST /api/session` sets after a right name and password. Requests are refused unless their
 * `Host` names this server and, when a browser says where it comes from, their `Origin` is this
 * server too; API bodies must be JSON.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const indexFile = path.join(options.rendererDir, 'index.html');
  const hasRenderer = fs.existsSync(indexFile);
  const assets = hasRenderer
    ? sirv(options.rendererDir, { etag: true, single: true, dev: false, gzip: false, brotli: false })
    : null;
  const secure = options.tls !== undefined;
  const clients = new Set<http.ServerResponse>();
  const unsubscribe = options.ws.onEvent((event: ServerEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) client.write(line);
  });

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof Refusal) {
        send(res, error.status, { ok: false, error: { code: error.code, message: error.message } });
      } else {
        send(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      }
    });
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : http.createServer(listener);
  // Known once listening: the port (0 picks one) names the cookie and the allowed Host.
  let cookieName = 'rebound_session';
  let allowedHosts: ReadonlySet<string> | null = null;

  function checkHostAndOrigin(req: http.IncomingMessage): void {
    const host = (req.headers.host ?? '').toLowerCase();
    // DNS rebinding: a page of another site whose name now points at 127.0.0.1 sends its own Host.
    if (allowedHosts && !allowedHosts.has(host)) {
      throw new Refusal(421, 'forbidden', `This server does not answer for “${host}”.`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${secure ? 'https' : 'http'}://${host}`) {
      throw new Refusal(403, 'forbidden', 'Requests from another site are refused.');
    }
  }

  function sessionContext(req: http.IncomingMessage): Extract<CallContext, { via: 'session' }> {
    const address = req.socket.remoteAddress ?? '';
    return {
      via: 'session',
      token: readCookie(req, cookieName),
      local: isLoopback(address.replace(/^::ffff:/, '')),
    };
  }

  function sessionCookie(value: string, maxAgeSeconds?: number): string {
    const parts = [`${cookieName}=${encodeURIComponent(value)}`, 'HttpOnly', 'SameSite=Strict', 'Path=/'];
    if (secure) parts.push('Secure');
    if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
    return parts.join('; ');
  }

  async function handleSession(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const context = sessionContext(req);
    if (req.method === 'DELETE') {
      await endSession(options.ws, context.token);
      res.setHeader('set-cookie', sessionCookie('', 0));
      send(res, 200, { ok: true, value: null });
      return;
    }
    if (req.method === 'GET') {
      const envelope = await dispatchEnvelope(options.ws, 'session.me', {}, context);
      send(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
      return;
    }
    if (req.method !== 'POST')
      throw new Refusal(405, 'bad_input', 'Use POST to sign in, DELETE to sign out.');
    const raw = await readJson(req).catch(() => {
      throw new Refusal(400, 'bad_input', 'The request body is not valid JSON.');
    });
    const body = SignInBody.safeParse(raw);
    if (!body.success) throw new Refusal(400, 'bad_input', 'Send {"name": …, "password": …}.');
    try {
      const opened = await signIn(options.ws, {
        ...body.data,
        device: describeDevice(req.headers['user-agent']),
        address: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '') || null,
      });
      res.setHeader('set-cookie', sessionCookie(opened.token));
      const envelope = await dispatchEnvelope(
        options.ws,
        'session.me',
        {},
        { ...context, token: opened.token },
      );
      send(res, 200, envelope);
    } catch (error) {
      const envelope = { ok: false, error: toErrorData(error) } as const;
      send(res, STATUS_BY_CODE[envelope.error.code], envelope);
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    checkHostAndOrigin(req);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new Refusal(400, 'bad_input', 'The address is malformed.');
    }
    const isApi = url.pathname.startsWith('/api/');
    if (isApi && req.method === 'POST' && url.pathname !== '/api/upload/photo' && !isJson(req)) {
      throw new Refusal(415, 'bad_input', 'Send the request body as application/json.');
    }

    if (url.pathname === '/api/session') {
      await handleSession(req, res);
      return;
    }

    if (url.pathname === '/api/upload/photo') {
      await handlePhotoUpload(options.ws, req, res, url, sessionContext(req));
      return;
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: { code: 'bad_input', message: 'Use POST.' } });
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      } catch {
        throw new Refusal(400, 'bad_input', 'The method name is malformed.');
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
      const envelope = await dispatchEnvelope(options.ws, method, input, sessionContext(req));
      send(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
      return;
    }

    // Everything below serves data: only to a signed-in session.
    const needsSession = isApi || url.pathname.startsWith('/photos/');
    if (needsSession) {
      const context = sessionContext(req);
      const live = await resolveSession(options.ws, context.token);
      if (!live) {
        send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Sign in first.' } });
        return;
      }
      if (url.pathname.startsWith('/api/download/')) {
        // Only a file an export or statement offered to this very session, once.
        const id = url.pathname.slice('/api/download/'.length);
        const offer = req.method === 'GET' ? takeOffer(options.ws, id, live.sessionId) : null;
        if (!offer) {
          send(res, 404, {
            ok: false,
            error: { code: 'not_found', message: 'No such export; export again.' },
          });
          return;
        }
        sendFile(res, offer.file, {
          'content-type': contentTypeOf(offer.fileName),
          'content-disposition': attachmentHeader(offer.fileName),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
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
        sendFile(res, options.ws.photoPath(photo[1]!, photo[2] as 'listing' | 'thumb'), {
          'content-type': 'image/jpeg',
          // Content-addressed: a hash never changes its bytes.
          'cache-control': 'private, max-age=31536000, immutable',
        });
        return;
      }
      send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such address.' } });
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
  const origin = `${secure ? 'https' : 'http'}://${hostForUrl}:${address.port}`;
  cookieName = `rebound_session_${address.port}`;
  allowedHosts = hostsAnsweredFor(address);
  return {
    origin,
    url: `${origin}/`,
    async close() {
      unsubscribe();
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
