import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import {
  IPC_CALL,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  PHOTO_SCHEME,
  isAllowedExternalLink,
} from '../../shared/contract/bridge';
import type { CallContext } from '../../shared/contract';
import { dispatchEnvelope } from '../services/api';
import { Workspace } from '../services/workspace';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The Content-Security-Policy of every window: our own scripts only, no remote anything. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${PHOTO_SCHEME}:`,
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

protocol.registerSchemesAsPrivileged([
  { scheme: PHOTO_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/**
 * better-sqlite3 compiled for Electron's ABI, built by scripts/native-electron.mjs for `npm start`.
 * Packaged builds have electron-builder's rebuilt copy in node_modules and need no override.
 */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function dataDirFromArgs(): string {
  const index = process.argv.indexOf('--data-dir');
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ? path.resolve(value) : (process.env.REBOUND_DATA_DIR ?? app.getPath('userData'));
}

let ws: Workspace | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Rebound',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: path.join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());

  // No window may open another, and none may leave the app's own pages.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer && !app.isPackaged) void win.loadURL(devServer);
  else void win.loadFile(path.join(here, '..', 'renderer', 'index.html'));
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const workspace = Workspace.open(dataDirFromArgs(), { nativeBinding: electronNativeBinding() });
  ws = workspace;

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // Only the camera (for the photo desk's webcam panel) may be granted; nothing else.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => {
    callback(permission === 'media');
  });

  protocol.handle(PHOTO_SCHEME, (request) => {
    const match = /^rebound-photo:\/\/photo\/([0-9a-f]{64})\/(listing|thumb)$/.exec(request.url);
    if (!match) return new Response('Not found', { status: 404 });
    return net.fetch(
      pathToFileURL(workspace.photoPath(match[1]!, match[2] as 'listing' | 'thumb')).toString(),
    );
  });

  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown, context: unknown) => {
    // Only our own pages may call in: a frame from anywhere else gets nothing.
    const origin = event.senderFrame?.url ?? '';
    if (
      !origin.startsWith('file://') &&
      !(process.env.ELECTRON_RENDERER_URL && origin.startsWith(process.env.ELECTRON_RENDERER_URL))
    ) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted from Rebound’s own window only.' },
      };
    }
    const profileId =
      typeof context === 'object' &&
      context !== null &&
      typeof (context as CallContext).profileId === 'number'
        ? (context as CallContext).profileId
        : undefined;
    return dispatchEnvelope(workspace, method, input, { profileId });
  });
  ipcMain.handle(IPC_OPEN_EXTERNAL, async (_event, url: unknown) => {
    if (typeof url === 'string' && isAllowedExternalLink(url)) await shell.openExternal(url);
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
app.on('will-quit', () => {
  void ws?.close();
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
