import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type Session,
} from 'electron';
import {
  IPC_CALL,
  IPC_EBAY_CONSENT,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  IPC_SESSION,
  PHOTO_SCHEME,
  isAllowedExternalLink,
} from '../../shared/contract/bridge';
import { endSession, signIn } from '../services/accounts/sessions';
import { dispatchEnvelope, toErrorData } from '../services/api';
import { DESKTOP_DEVICE, parseSessionRequest } from './session';
import { startBackgroundWork, type BackgroundWork } from '../services/background';
import { FileKeySecretBox, KeychainSecretBox } from '../services/channels/ebay/secrets';
import { setSecretBox } from '../services/channels/ebay/service';
import { Workspace } from '../services/workspace';
import { isConsentStartUrl, testOriginFrom } from './ebayConsent';
import { isConsentContents, openEbayConsent } from './ebayConsentWindow';
import { usesKeychain } from './secretBackend';
import { lockedWebPreferences } from './webPreferences';

// out/main/index.js is an ES module (package.json has "type": "module"); Electron 40 loads it
// as such, and import.meta.url is this file, so its neighbours are found from here.
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, '..', 'preload', 'index.cjs');

/**
 * The window's pages are served from rebound://app/…, not file://. A file:// page shares its
 * origin with every local file, gets privileges no web page has, and is not reliably reached
 * by webRequest's header hooks, so its CSP could silently not apply. Our own scheme gives the
 * app one origin of its own, headers we set ourselves on every response, and lets the packaged
 * app switch file:// privileges off entirely (electron-builder.yml → electronFuses).
 */
const APP_SCHEME = 'rebound';
const APP_HOST = 'app';
const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** electron-vite's dev server, only ever in development: a packaged app loads its own files. */
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

/** The Content-Security-Policy of every page: our own scripts only, no remote anything. */
function contentSecurityPolicy(): string {
  const dev = devServer ? new URL(devServer) : null;
  return [
    "default-src 'self'",
    // Vite's dev server injects an inline module (React Refresh's preamble); only there.
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // Mantine sets style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${PHOTO_SCHEME}:`,
    "font-src 'self' data:",
    // Calls go over IPC, never the network; in development Vite's hot reload uses a websocket.
    dev ? `connect-src 'self' ws://${dev.host}` : "connect-src 'self'",
    "media-src 'self' blob: mediastream:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
const CSP = contentSecurityPolicy();

// Before `ready`: privileged schemes must be known when the first session is created.
// `standard` gives rebound://app a real origin (relative URLs, localStorage); `secure` makes
// it a secure context (camera access, crypto.subtle); `supportFetchAPI` lets fetch() use it.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
  { scheme: PHOTO_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Every renderer sandboxed, whatever a future BrowserWindow's options say.
app.enableSandbox();

/** Whether a URL (or origin) is one of the app's own pages. */
function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compared by protocol and host: for a custom scheme, WHATWG's URL.origin is "null".
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServer) {
    const dev = new URL(devServer);
    return parsed.protocol === dev.protocol && parsed.host === dev.host;
  }
  return false;
}

/** Only an allow-listed https link ever leaves the app, and then in the system browser. */
function openIfAllowed(url: string): void {
  if (isAllowedExternalLink(url)) void shell.openExternal(url);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const notFound = () => new Response('Not found', { status: 404 });

/**
 * rebound://app/<path> → out/renderer/<path>. The URL parser folds "/../", but a "%2e%2e" or,
 * on Windows, a "%5c" only becomes a path step once decoded here: whatever resolves outside
 * the renderer folder is refused. fs reads inside app.asar too, so this works packaged.
 */
async function serveRenderer(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return notFound();
  let requested: string;
  try {
    requested = decodeURIComponent(url.pathname);
  } catch {
    return notFound();
  }
  let file = path.resolve(RENDERER_DIR, `.${requested}`);
  const inside = path.relative(RENDERER_DIR, file);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return notFound();
  if (inside === '' || requested.endsWith('/')) file = path.join(RENDERER_DIR, 'index.html');

  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    // A client-side route (no extension) reloads into the single page; a missing asset is 404.
    if (path.extname(file) !== '') return notFound();
    file = path.join(RENDERER_DIR, 'index.html');
    body = await fs.promises.readFile(file);
  }
  return new Response(body, {
    headers: {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * rebound-photo://photo/<sha-256>/<listing|thumb> → the workspace's photo file. Only a 64-digit
 * hex hash and a known variant are accepted, so no request can name any other file.
 */
async function servePhoto(workspace: Workspace, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const url = new URL(request.url);
  const match = url.host === 'photo' ? /^\/([0-9a-f]{64})\/(listing|thumb)$/.exec(url.pathname) : null;
  if (!match) return notFound();
  try {
    const body = await fs.promises.readFile(workspace.photoPath(match[1]!, match[2] as 'listing' | 'thumb'));
    return new Response(body, {
      headers: {
        'Content-Type': 'image/jpeg',
        'X-Content-Type-Options': 'nosniff',
        // Content-addressed: a hash always names the same bytes.
        'Cache-Control': 'private, max-age=31536000, immutable',
      },
    });
  } catch {
    return notFound();
  }
}

/**
 * The session's rules: the CSP on every response (the dev server's too), and of all the
 * permissions a page can ask for, only the camera, only for our own page. The microphone is
 * refused: the photo desk's webcam panel takes pictures, not sound.
 */
function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const cameraOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
    callback(permission === 'media' && cameraOnly && isOwnPage(details.requestingUrl));
  });
  // Synchronous checks (e.g. whether enumerateDevices may show camera names) follow the same rule.
  ses.setPermissionCheckHandler(
    (_webContents, permission, requestingOrigin, details) =>
      permission === 'media' && details.mediaType !== 'audio' && isOwnPage(requestingOrigin),
  );
  // No WebHID, WebUSB or Web Serial: barcode scanners type like a keyboard.
  ses.setDevicePermissionHandler(() => false);
}

// Every web contents, present and future (windows, devtools-opened ones): no new windows, no
// navigation away from the app, no <webview>. Links the allow-list knows open in the browser.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    // eBay's consent window keeps its own rules (ebayConsentWindow.ts): https only, closes on the answer.
    if (isOwnPage(event.url) || isConsentContents(contents)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnPage(event.url) && !isConsentContents(contents)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/**
 * better-sqlite3 compiled for Electron's ABI, built by scripts/native-electron.mjs for `npm start`.
 * Packaged builds have electron-builder's rebuilt copy in node_modules and need no override.
 */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function dataDirFromArgs(): string {
  const index = process.argv.indexOf('--data-dir');
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ? path.resolve(value) : (process.env.REBOUND_DATA_DIR ?? app.getPath('userData'));
}

/** Only the top frame of our own page may call in (the CSP allows no frames; this holds anyway). */
function fromOwnPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOwnPage(frame.url);
}

let ws: Workspace | null = null;
let background: BackgroundWork | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  // Linux shows the window's own icon in development; packaged, the .desktop file provides it.
  const icon = path.join(app.getAppPath(), 'resources', 'icon.png');
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Rebound',
    backgroundColor: '#f8f9fa',
    ...(process.platform === 'linux' && fs.existsSync(icon) ? { icon } : {}),
    webPreferences: {
      // Isolated, sandboxed, no Node; DevTools off in the packaged app (devTools: !app.isPackaged).
      ...lockedWebPreferences(app.isPackaged),
      preload: PRELOAD,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devServer ?? APP_ENTRY);
  mainWindow = win;
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, serveRenderer);

  const workspace = Workspace.open(dataDirFromArgs(), { nativeBinding: electronNativeBinding() });
  ws = workspace;
  // Channel secrets sealed by the OS keychain when there is a real one; the key file box still
  // opens what the CLI sealed. Linux's basic_text (or unknown) backend is no keychain: there new
  // secrets go to the key file, and what it sealed before still opens (secretBackend.ts). Before
  // the background work starts, so no job reads secrets with the wrong box.
  const encryption = safeStorage.isEncryptionAvailable();
  if (encryption) {
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
    setSecretBox(
      workspace,
      new KeychainSecretBox(safeStorage, new FileKeySecretBox(workspace.dataDir), {
        sealWithKeychain: usesKeychain(process.platform, encryption, backend),
      }),
    );
  }
  protocol.handle(PHOTO_SCHEME, (request) => servePhoto(workspace, request));
  background = await startBackgroundWork(workspace);

  // Each window's session lives here, in the main process: the page never holds its secret, so
  // nothing running in the page (or typed into DevTools) can act as anyone else.
  const sessions = new Map<number, string>();
  const contextOf = (event: IpcMainInvokeEvent) =>
    ({ via: 'session', token: sessions.get(event.sender.id), local: true }) as const;
  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown) => {
    if (!fromOwnPage(event)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted from Rebound’s own window only.' },
      };
    }
    return dispatchEnvelope(workspace, method, input, contextOf(event));
  });
  ipcMain.handle(IPC_SESSION, async (event, request: unknown) => {
    if (!fromOwnPage(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'Only Rebound’s own window signs in.' } };
    }
    const id = event.sender.id;
    const parsed = parseSessionRequest(request);
    if (parsed === null)
      return { ok: false, error: { code: 'bad_input', message: 'Not a sign-in request.' } };
    if (parsed.op === 'signOut') {
      await endSession(workspace, sessions.get(id));
      sessions.delete(id);
      return { ok: true, value: null };
    }
    try {
      const opened = await signIn(workspace, { ...parsed, device: DESKTOP_DEVICE, address: null });
      if (!sessions.has(id))
        event.sender.once('destroyed', () => void endSession(workspace, sessions.get(id)));
      sessions.set(id, opened.token);
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
    return dispatchEnvelope(workspace, 'session.me', {}, contextOf(event));
  });
  ipcMain.handle(IPC_OPEN_EXTERNAL, async (event, url: unknown) => {
    if (fromOwnPage(event) && typeof url === 'string' && isAllowedExternalLink(url)) {
      await shell.openExternal(url);
    }
  });
  ipcMain.handle(IPC_EBAY_CONSENT, async (event, url: unknown) => {
    const testOrigin = testOriginFrom(process.env);
    if (!fromOwnPage(event) || typeof url !== 'string' || !isConsentStartUrl(url, testOrigin)) {
      throw new Error('Only eBay’s consent page can be opened here.');
    }
    return openEbayConsent(BrowserWindow.fromWebContents(event.sender), url, testOrigin);
  });
  workspace.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC_EVENT, event);
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
let closing = false;
app.on('will-quit', (event) => {
  const open = ws;
  if (!open || closing) return;
  // Electron does not wait for promises here: hold the quit until running jobs have stopped and
  // the database is closed cleanly, then quit for real.
  event.preventDefault();
  closing = true;
  void (background?.stop() ?? Promise.resolve()).finally(() => open.close()).finally(() => app.quit());
});

// Electron's single-instance lock lives in the userData folder. With an explicit data folder,
// give this instance its own Chromium profile inside it, so the lock means "one Rebound per
// data folder" and two workspaces can be open side by side.
{
  const explicit = process.argv.includes('--data-dir') || Boolean(process.env.REBOUND_DATA_DIR);
  if (explicit) app.setPath('userData', path.join(dataDirFromArgs(), 'electron-profile'));
}

if (!app.requestSingleInstanceLock()) {
  // One Rebound per data folder: a second start brings the first window forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  start().catch((error: unknown) => {
    // Before any window exists, a console message would go unseen: say it in a dialog.
    console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    const hint = message.includes('NODE_MODULE_VERSION')
      ? '\n\nbetter-sqlite3 is built for Node, not for Electron: start the app with `npm start`, which builds the Electron copy (scripts/native-electron.mjs).'
      : '';
    dialog.showErrorBox('Rebound could not start', `${message}${hint}`);
    app.exit(1);
  });
}
