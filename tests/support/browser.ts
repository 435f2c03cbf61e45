import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Envelope, SessionStart } from '../../shared/contract';
import { startServer, type RunningServer, type ServeOptions } from '../../electron/server/http';
import type { Workspace } from '../../electron/services/workspace';
import { tempDir, tempWorkspace } from '../integration/temp';

/**
 * Browser mode for the tests: `rebound serve` on a free loopback port over a workspace, with a
 * minimal built renderer, and a way to sign in as a person the way a browser does (the session
 * cookie `POST /api/session` sets).
 */

export const INDEX_HTML = '<!doctype html><title>Rebound</title><div id="root"></div>';

export interface Served {
  readonly server: RunningServer;
  readonly ws: Workspace;
  readonly origin: string;
  /** fetch() against the server, as is: no cookie unless given. */
  request(pathname: string, init?: RequestInit): Promise<Response>;
  /** Signs in and returns the `name=value` of the session cookie. */
  signIn(name: string, password: string, headers?: Record<string, string>): Promise<string>;
  /** One API call with this cookie (or none). */
  call(method: string, body: unknown, cookie?: string, headers?: Record<string, string>): Promise<Response>;
}

export async function serveWorkspace(
  options: { ws?: Workspace; renderer?: boolean; tls?: ServeOptions['tls'] } = {},
): Promise<Served> {
  const ws = options.ws ?? (await tempWorkspace());
  const rendererDir = path.join(tempDir('rebound-http-'), 'renderer');
  if (options.renderer !== false) {
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  }
  const server = await startServer({ ws, host: '127.0.0.1', port: 0, rendererDir, tls: options.tls });
  onTestFinished(() => server.close());
  const request = (pathname: string, init: RequestInit = {}) =>
    fetch(`${server.origin}${pathname}`, { redirect: 'manual', ...init });
  const call = (method: string, body: unknown, cookie?: string, headers: Record<string, string> = {}) =>
    request(`/api/call/${method}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    });
  const signIn = async (name: string, password: string, headers: Record<string, string> = {}) => {
    const response = await request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name, password }),
    });
    const envelope = (await response.json()) as Envelope<SessionStart>;
    if (!envelope.ok) throw new Error(`sign-in as ${name} failed: ${envelope.error.message}`);
    const cookie = response.headers.getSetCookie()[0];
    if (!cookie) throw new Error('sign-in set no cookie');
    return cookie.split(';')[0]!;
  };
  return { server, ws, origin: server.origin, request, signIn, call };
}
