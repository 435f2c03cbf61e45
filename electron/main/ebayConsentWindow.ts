import { app, BrowserWindow, session, type Session, type WebContents } from 'electron';
import { consentStep } from './ebayConsent';
import { consentWindowOptions } from './webPreferences';

/**
 * eBay's consent page in a window of its own: modal over the app, sandboxed, no preload, and its
 * own in-memory session so eBay's sign-in cookies never mix with the app's session (and vanish
 * when the app quits). The window closes itself on the address eBay sends the seller to after
 * answering, and hands that address back.
 */
const PARTITION = 'ebay-consent';

/** The consent windows' contents: the app-wide navigation guard leaves them to the rules here. */
const consentContents = new WeakSet<WebContents>();

export function isConsentContents(contents: WebContents): boolean {
  return consentContents.has(contents);
}

let hardened: Session | null = null;

function consentSession(): Session {
  if (hardened) return hardened;
  const ses = session.fromPartition(PARTITION);
  // eBay's sign-in needs no camera, notifications or devices.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  hardened = ses;
  return ses;
}

let open: { window: BrowserWindow; finish: (url: string | null) => void } | null = null;

/**
 * Opens `url` (already checked with `isConsentStartUrl`) and resolves with the landed address,
 * or null when the seller closes the window. A second request replaces the first window.
 */
export function openEbayConsent(parent: BrowserWindow | null, url: string, testOrigin: string | null) {
  open?.finish(null);
  return new Promise<string | null>((resolve) => {
    const win = new BrowserWindow(
      consentWindowOptions({ isPackaged: app.isPackaged, parent, session: consentSession() }),
    );
    const contents = win.webContents;
    consentContents.add(contents);
    let settled = false;
    const finish = (landed: string | null) => {
      if (settled) return;
      settled = true;
      if (open?.window === win) open = null;
      resolve(landed);
      if (!win.isDestroyed()) win.close();
    };
    open = { window: win, finish };

    // Before a page is left (link, form post, server redirect): stop on the answer, refuse http.
    const guard = (event: { url: string; preventDefault: () => void }) => {
      const step = consentStep(event.url, testOrigin);
      if (step === 'allow') return;
      event.preventDefault();
      if (step === 'landed') finish(event.url);
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', (event) => {
      if (consentStep(event.url, testOrigin) === 'block') event.preventDefault();
    });
    // After the fact, for navigations the two hooks above do not see (history, client redirects).
    contents.on('did-navigate', (_event, landedUrl) => {
      const step = consentStep(landedUrl, testOrigin);
      if (step === 'landed') finish(landedUrl);
      else if (step === 'block') finish(null);
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => finish(null));
    win.loadURL(url).catch(() => {
      // An aborted load (ERR_ABORTED) is how a guarded navigation ends: nothing to do then.
      if (!settled && !win.isDestroyed()) win.show();
    });
  });
}
