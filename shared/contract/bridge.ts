import type { Envelope, ServerEvent, SessionStart } from './index';

/** Signing in or out of this window: the main process keeps the session, the page never sees it. */
export type SessionRequest =
  { readonly op: 'signIn'; readonly name: string; readonly password: string } | { readonly op: 'signOut' };

/**
 * What the preload exposes on `window.rebound` in the Electron app, and nothing more. The
 * renderer's HTTP client (browser mode) offers the same shape, so the UI never knows which it has.
 */
export interface ReboundBridge {
  readonly runtime: 'electron';
  /** One call into the contract, as the person signed in to this window (if anyone is). */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  session(request: SessionRequest): Promise<Envelope<SessionStart | null>>;
  onEvent(listener: (event: ServerEvent) => void): () => void;
  /** Opens an allow-listed https link in the system browser. */
  openExternal(url: string): Promise<void>;
  /**
   * Opens eBay's consent page in an app window and resolves with the address eBay sent the
   * seller to (carrying `code`, or `error` when declined); null when the window was closed.
   * Only the Electron app has it: the browser mode opens the page in a tab and asks for a paste.
   */
  ebayConsent?(url: string): Promise<string | null>;
  /**
   * Makes this desktop app a window onto a Rebound server from now on: checks the address answers
   * as one, remembers it and restarts onto it (or answers why not). Only the Electron app has it.
   */
  connectServer?(address: string): Promise<Envelope<null>>;
}

/** IPC channel names: the preload refuses any other (the desk's own are in ./desk.ts). */
export const IPC_CALL = 'rebound:call';
export const IPC_EVENT = 'rebound:event';
export const IPC_OPEN_EXTERNAL = 'rebound:open-external';
export const IPC_EBAY_CONSENT = 'rebound:ebay-consent';
export const IPC_SESSION = 'rebound:session';
export const IPC_CONNECT_SERVER = 'rebound:connect-server';

/** URL scheme under which the Electron app serves photo files to its own window. */
export const PHOTO_SCHEME = 'rebound-photo';

/** Where a photo variant is fetched from, in Electron (custom scheme) or in the browser mode. */
export function photoUrl(
  runtime: 'electron' | 'browser',
  hash: string,
  variant: 'listing' | 'thumb',
): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a photo hash: ${hash}`);
  return runtime === 'electron'
    ? `${PHOTO_SCHEME}://photo/${hash}/${variant}`
    : `/photos/${hash}/${variant}.jpg`;
}

/** Links the app may open outside itself. Everything else is refused. */
export const EXTERNAL_LINK_HOSTS = [
  'www.ebay.com',
  'www.ebay.de',
  'www.ebay.fr',
  'www.ebay.co.uk',
  'www.sandbox.ebay.com',
  'developer.ebay.com',
  // eBay's consent page, for the Settings fallback when the app's own consent window fails.
  'auth.ebay.com',
  'auth.sandbox.ebay.com',
] as const;

export function isAllowedExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' && (EXTERNAL_LINK_HOSTS as readonly string[]).includes(parsed.hostname)
    );
  } catch {
    return false;
  }
}
