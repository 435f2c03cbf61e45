import { shell, type WebContents } from 'electron';
import { isAllowedExternalLink } from '../../shared/contract/bridge';
import { isConsentContents } from './ebayConsentWindow';
import { isOwnPage } from './pages';
import { isServerPage } from './server';

/** Only an allow-listed https link ever leaves the app, and then in the system browser. */
export function openIfAllowed(url: string): void {
  if (isAllowedExternalLink(url)) void shell.openExternal(url);
}

/**
 * The rules of every web contents, present and future (windows, devtools-opened ones): no new
 * windows, no navigation away from the app, no <webview>. Links the allow-list knows open in
 * the system browser. index.ts applies this on `web-contents-created`.
 */
export function guardContents(
  contents: WebContents,
  devServer: string | undefined,
  /** The Rebound server the app is a window onto (server.ts), whose pages are the app's then. */
  server: string | null = null,
): void {
  // A window onto a server has the server's pages only (nothing serves rebound://app then).
  const ours = (url: string) => (server !== null ? isServerPage(url, server) : isOwnPage(url, devServer));
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    // eBay's consent window keeps its own rules (ebayConsentWindow.ts): https only, closes on the answer.
    if (ours(event.url) || isConsentContents(contents)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!ours(event.url) && !isConsentContents(contents)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
