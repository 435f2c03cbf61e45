import type { WebPreferences } from 'electron';

/**
 * The web preferences every Rebound window shares (the app's window, eBay's consent window): an
 * isolated, sandboxed renderer without Node, web security on, no <webview>. DevTools only in
 * development: the packaged app never opens a console on the merchant's data or a signed-in
 * eBay page.
 */
export function lockedWebPreferences(isPackaged: boolean) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: !isPackaged,
  } as const satisfies WebPreferences;
}
