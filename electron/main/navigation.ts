import { shell, type WebContents } from 'electron';
import { isAllowedExternalLink } from '../../shared/contract/bridge';
import { isConsentContents } from './ebayConsentWindow';
import { isOwnPage } from './pages';

/** Only an allow-listed https link ever leaves the app, and then in the system browser. */
export function openIfAllowed(url: string): void {
  if (isAllowedExternalLink(url)) void shell.openExternal(url);
}

/**
 * The rules of every web contents, present and future (windows, devtools-opened ones): no new
 * windows, no navigation away from the app, no <webview>. Links the allow-list knows open in
 * the system browser. index.ts applies this on `web-contents-created`.
 */
export function guardContents(contents: WebContents, devServer: string | undefined): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    // eBay's consent window keeps its own rules (ebayConsentWindow.ts): https only, closes on the answer.
    if (isOwnPage(event.url, devServer) || isConsentContents(contents)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnPage(event.url, devServer) && !isConsentContents(contents)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
