import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebPreferences } from 'electron';

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

/**
 * The app's window: the preload bridge is the only thing its page gets beyond the web. A window
 * onto a Rebound server (server.ts) gets no preload at all: the server's pages are web pages, as
 * in a browser, and nothing from the network reaches the main process.
 */
export function mainWindowOptions(options: {
  readonly isPackaged: boolean;
  /** The built preload (out/preload/index.cjs); null for a window onto a server. */
  readonly preload: string | null;
  /** The window's own icon, where the platform shows one (mainWindow.ts: Linux in development). */
  readonly icon?: string | undefined;
}): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Rebound',
    backgroundColor: '#f8f9fa',
    ...(options.icon !== undefined ? { icon: options.icon } : {}),
    webPreferences: {
      // Isolated, sandboxed, no Node; DevTools off in the packaged app (devTools: !app.isPackaged).
      ...lockedWebPreferences(options.isPackaged),
      ...(options.preload !== null ? { preload: options.preload } : {}),
      spellcheck: true,
    },
  };
}

/** eBay's consent window: modal over the app, no preload, its own in-memory session. */
export function consentWindowOptions(options: {
  readonly isPackaged: boolean;
  readonly parent: BrowserWindow | null;
  readonly session: Session;
}): BrowserWindowConstructorOptions {
  return {
    width: 560,
    height: 760,
    minWidth: 400,
    minHeight: 500,
    ...(options.parent ? { parent: options.parent, modal: true } : {}),
    show: false,
    title: 'eBay',
    autoHideMenuBar: true,
    webPreferences: {
      // Isolated, sandboxed, no Node; DevTools off in the packaged app (devTools: !app.isPackaged).
      ...lockedWebPreferences(options.isPackaged),
      session: options.session,
      spellcheck: false,
    },
  };
}
