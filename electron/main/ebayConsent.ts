/**
 * The rules of the eBay consent window, kept free of Electron so they can be tested on their own:
 * which address the window may open first, where it may go, and which address means the seller
 * has answered (the window closes there and hands the address to `ebay.connect`).
 */

/** eBay's consent pages (production and sandbox): the only first address the window accepts. */
export const EBAY_CONSENT_HOSTS = ['auth.ebay.com', 'auth.sandbox.ebay.com'] as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The test server's origin from REBOUND_EBAY_BASE_URL, or null. Tests point the whole app at a
 * local stand-in for eBay; only then may the window open (and stay on) that one origin.
 */
export function testOriginFrom(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = env['REBOUND_EBAY_BASE_URL']?.trim();
  if (!raw) return null;
  const parsed = parse(raw);
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.origin : null;
}

/** Whether the renderer may ask the window to open `url`: eBay's consent page, or the test origin. */
export function isConsentStartUrl(url: string, testOrigin: string | null = null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (testOrigin !== null && parsed.origin === testOrigin) return true;
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    (EBAY_CONSENT_HOSTS as readonly string[]).includes(parsed.hostname)
  );
}

/**
 * What the window does with an address it is about to show (on `will-navigate`, `will-redirect`)
 * or has shown (`did-navigate`):
 * - `landed`: the seller answered — eBay sends them to the RuName's accept page with `code` (and
 *   `expires_in`), or to its decline page with `error`. The window closes and hands the address
 *   on; `codeFrom` in the eBay service reads the code or reports the refusal.
 * - `allow`: an https page on the way (eBay's sign-in spans several hosts, so no host list here).
 * - `block`: anything not https (a downgrade, `javascript:`, `file:`, custom schemes), except the
 *   test server's own origin.
 */
export type ConsentStep = 'landed' | 'allow' | 'block';

export function consentStep(url: string, testOrigin: string | null = null): ConsentStep {
  const parsed = parse(url);
  if (!parsed) return 'block';
  const secure = parsed.protocol === 'https:' || (testOrigin !== null && parsed.origin === testOrigin);
  if (!secure) return 'block';
  const params = parsed.searchParams;
  // eBay's own consent address carries `response_type=code`, never `code=`; a hash is ignored.
  if (params.has('code') || params.has('error')) return 'landed';
  return 'allow';
}
