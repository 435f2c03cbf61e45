import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { say } from '../../shared/messages';

/**
 * The desktop app as a window onto a Rebound server (`rebound server`), instead of a local
 * workspace. The window then shows the server's own pages, signs in with the server's cookie
 * session like a browser, and gets no preload bridge: a page from the network never reaches this
 * machine's main process. The choice is remembered in the app's profile (server.json) until
 * `--local` starts it on its own data folder again. Free of Electron, tested on its own.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server's origin from what a person types: "rebound.example.com" means https; http is
 * accepted for this machine only (a server beside the app), never across the network, where a
 * password and a session would travel readable.
 */
export function parseServerAddress(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new AppError('bad_input', say('server.type_address'));
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new AppError('bad_input', say('server.not_an_address', { address: trimmed }));
  }
  if (url.username || url.password) {
    throw new AppError('bad_input', say('server.no_credentials_in_address'));
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new AppError('bad_input', say('server.https_only', { host: url.host }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('bad_input', say('server.not_an_https_address', { address: trimmed }));
  }
  return url.origin;
}

/** Whether a URL is a page of the chosen server (same origin exactly). */
export function isServerPage(url: string | undefined, server: string | null): boolean {
  if (!url || server === null) return false;
  try {
    return new URL(url).origin === server;
  } catch {
    return false;
  }
}

const CHOICE_FILE = 'server.json';
const Choice = z.object({ origin: z.string() }).strict();

/** The remembered server, or null (none, or a file that is not one: then the local workspace). */
export function readServerChoice(profileDir: string): string | null {
  try {
    const parsed = Choice.safeParse(JSON.parse(fs.readFileSync(path.join(profileDir, CHOICE_FILE), 'utf8')));
    return parsed.success ? parseServerAddress(parsed.data.origin) : null;
  } catch {
    return null;
  }
}

export function saveServerChoice(profileDir: string, origin: string | null): void {
  const file = path.join(profileDir, CHOICE_FILE);
  if (origin === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${JSON.stringify({ origin: parseServerAddress(origin) })}\n`, { mode: 0o600 });
}

/**
 * Asks the address whether it is a Rebound server (its `GET /api/session` answers the contract's
 * envelope) before the app commits to it, so a typo does not leave the desk on a blank window.
 */
export async function probeServer(
  origin: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 8_000,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(`${origin}/api/session`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('unsupported', say('server.no_answer', { origin, reason }));
  }
  const body: unknown = await response.json().catch(() => null);
  const envelope = body as { ok?: unknown } | null;
  if (typeof envelope?.ok !== 'boolean') {
    throw new AppError('unsupported', say('server.not_rebound', { origin }));
  }
}
