import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { PHOTO_SCHEME } from '../../shared/contract/bridge';
import { startBackgroundWork, type BackgroundWork } from '../services/background';
import { FileKeySecretBox, KeychainSecretBox } from '../services/channels/ebay/secrets';
import { setSecretBox } from '../services/channels/ebay/service';
import { Workspace } from '../services/workspace';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { forwardEvents, registerIpc } from './ipc';
import { openMainWindow, windowIcon } from './mainWindow';
import { cliArguments, runCli } from './cli';
import { DeskFolder, registerDeskFolder } from './deskFolder';
import { guardContents } from './navigation';
import { APP_ENTRY, APP_SCHEME, devServerUrl } from './pages';
import { hardenSession } from './permissions';
import { servePhoto, serveRenderer } from './protocols';
import { usesKeychain } from './secretBackend';
import { parseServerAddress, readServerChoice, saveServerChoice } from './server';

/*
 * The Electron app's wiring. Each rule lives in a module of its own, tested with a stand-in for
 * Electron (tests/support/fakeElectron.ts): the window's options (webPreferences.ts, mainWindow.ts), the pages
 * that are ours (pages.ts), the CSP (contentSecurityPolicy.ts), the navigation and new-window
 * guards (navigation.ts), the permissions (permissions.ts), the two schemes (protocols.ts) and
 * the preload bridge's handlers with each window's session (ipc.ts).
 */

// out/main/index.js is an ES module (package.json has "type": "module"); Electron 40 loads it
// as such, and import.meta.url is this file, so its neighbours are found from here.
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, '..', 'preload', 'index.cjs');
/** A window onto a server gets only the desk's camera folder (deskFolder.ts). */
const DESK_PRELOAD = path.join(here, '..', 'preload', 'desk.cjs');

/** electron-vite's dev server, only ever in development: a packaged app loads its own files. */
const devServer = devServerUrl(app.isPackaged, process.env);
/** The Content-Security-Policy of every page (pages.ts says why our own scheme, not file://). */
const CSP = contentSecurityPolicy(devServer);

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

/** The Rebound server this app is a window onto (server.ts), or null for the local workspace. */
let server: string | null = null;

// Every web contents, present and future (windows, devtools-opened ones): no new windows, no
// navigation away from the app, no <webview>. Links the allow-list knows open in the browser.
app.on('web-contents-created', (_event, contents) => guardContents(contents, devServer, server));

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

let ws: Workspace | null = null;
let background: BackgroundWork | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = openMainWindow({
    isPackaged: app.isPackaged,
    // A server's pages are web pages: no bridge into this process but the desk's camera folder.
    preload: server === null ? PRELOAD : DESK_PRELOAD,
    icon: windowIcon(app.getAppPath(), process.platform),
    url: server ?? devServer ?? APP_ENTRY,
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

let deskFolder: DeskFolder | null = null;

/**
 * A window onto a Rebound server: no local workspace, no background work, and no bridge but the
 * desk's camera folder, whose new shots the server's page uploads (deskFolder.ts). The server's
 * pages sign in with its own cookie session and keep its CSP; the guards allow its origin.
 */
async function startOnServer(origin: string): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, null, undefined, origin);
  const desk = new DeskFolder(app.getPath('userData'));
  deskFolder = desk;
  await desk.start();
  registerDeskFolder(ipcMain, desk, origin, async (current) => {
    const options: Electron.OpenDialogOptions = {
      properties: ['openDirectory'],
      ...(current !== null ? { defaultPath: current } : {}),
    };
    const chosen = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, CSP, devServer);
  protocol.handle(APP_SCHEME, (request) => serveRenderer(RENDERER_DIR, CSP, request));

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

  // The preload bridge's channels; each window's session is kept here, never in the page.
  registerIpc(ipcMain, workspace, devServer, (origin) => {
    // Remembered in the app's profile; the app starts again as a window onto it.
    saveServerChoice(app.getPath('userData'), origin);
    app.relaunch();
    app.quit();
  });
  forwardEvents(workspace);

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
  void deskFolder?.stop();
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

const cliArgv = cliArguments(process.argv);
if (cliArgv) {
  // `Rebound --cli …`: a command of the CLI, then exit with its code (electron/main/cli.ts).
  void runCli(cliArgv).then(
    (code) => app.exit(code),
    (error: unknown) => {
      console.error(error);
      app.exit(1);
    },
  );
} else if (!app.requestSingleInstanceLock()) {
  // One Rebound per data folder: a second start brings the first window forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // `--local` forgets the server chosen before; `--server ADDRESS` chooses one for this start.
  const profile = app.getPath('userData');
  if (process.argv.includes('--local')) saveServerChoice(profile, null);
  const serverIndex = process.argv.indexOf('--server');
  const serverArgument = serverIndex >= 0 ? process.argv[serverIndex + 1] : undefined;
  const started = (async () => {
    server = serverArgument !== undefined ? parseServerAddress(serverArgument) : readServerChoice(profile);
    await (server !== null ? startOnServer(server) : start());
  })();
  started.catch((error: unknown) => {
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
