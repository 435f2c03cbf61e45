import type { CallContext, Envelope, ServerEvent } from './index';

/**
 * What the preload exposes on `window.rebound` in the Electron app, and nothing more. The
 * renderer's HTTP client (browser mode) offers the same shape, so the UI never knows which it has.
 */
export interface ReboundBridge {
  readonly runtime: 'electron';
  call(method: string, input: unknown, context: CallContext): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ServerEvent) => void): () => void;
  /** Opens an allow-listed https link in the system browser. */
  openExternal(url: string): Promise<void>;
  /**
   * Opens eBay's consent page in an app window and resolves with the address eBay sent the
   * seller to (carrying `code`, or `error` when declined); null when the window was closed.
   * Only the Electron app has it: the browser mode opens the page in a tab and asks for a paste.
   */
  ebayConsent?(url: string): Promise<string | null>;
}

/** IPC channel names: the preload refuses any other. */
export const IPC_CALL = 'rebound:call';
export const IPC_EVENT = 'rebound:event';
export const IPC_OPEN_EXTERNAL = 'rebound:open-external';
export const IPC_EBAY_CONSENT = 'rebound:ebay-consent';

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
