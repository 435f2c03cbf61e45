import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

/**
 * The desktop app itself, started the way `npm start` does (Electron on the project folder,
 * whose package.json points at out/main/index.js), with a fresh data folder. Browser mode
 * covers the screens; this covers what only Electron has: the window's hardening and the
 * preload bridge (`window.rebound`: runtime, call, session, onEvent, openExternal, ebayConsent, connectServer)
 * with each window's session kept in the main process. The rules themselves are unit-tested
 * without the Electron binary, against a stand-in for it (electron/main/*.test.ts); this checks
 * that the real Electron applies them.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'out', 'main', 'index.js');
/** better-sqlite3 built for Electron's ABI by scripts/native-electron.mjs (npm start / dev / dist). */
const NATIVE = path.join(ROOT, '.native', 'electron', 'better_sqlite3.node');

/** The Electron executable, or null when `npm install` ran without downloading it. */
function electronBinary(): string | null {
  try {
    // The electron package exports the path of its binary, and throws when it was never fetched.
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

test.describe('the desktop app', () => {
  test.skip(
    binary === null,
    'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm install` with network access to get it',
  );
  test.skip(
    !fs.existsSync(NATIVE),
    'better-sqlite3 is not built for Electron (.native/electron/better_sqlite3.node); run `node scripts/native-electron.mjs`',
  );
  test.skip(headlessLinux, 'No display for an Electron window; run the tests under `xvfb-run`');

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeEach(async () => {
    expect(fs.existsSync(MAIN), 'out/main/index.js is missing: run `npm run build` first').toBe(true);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-electron-'));
    const env = { ...process.env };
    // A dev server URL would make the window load something other than the built renderer.
    delete env.ELECTRON_RENDERER_URL;
    app = await electron.launch({
      executablePath: binary!,
      // Chromium refuses to run as root with its sandbox; the renderer's own `sandbox: true` stays.
      args: [ROOT, '--data-dir', dataDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: ROOT,
      env: env as Record<string, string>,
    });
  });

  test.afterEach(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one hardened window on the data folder it was given', async () => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await expect(window).toHaveTitle('Rebound');

    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const p = contents.getLastWebPreferences?.() ?? null;
      return p
        ? {
            contextIsolation: p.contextIsolation,
            sandbox: p.sandbox,
            nodeIntegration: p.nodeIntegration,
            webSecurity: p.webSecurity,
          }
        : null;
    });
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });

    // The page gets the bridge and nothing else: no Node, no require, no ipcRenderer.
    const page = await window.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown> & { rebound?: Record<string, unknown> };
      return {
        bridge: g.rebound ? Object.keys(g.rebound).sort() : null,
        runtime: g.rebound?.runtime,
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        ipcRenderer: typeof g.ipcRenderer,
      };
    });
    expect(page).toEqual({
      bridge: ['call', 'connectServer', 'ebayConsent', 'onEvent', 'openExternal', 'runtime', 'session'],
      runtime: 'electron',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });

    // The bridge reaches the real services, on the folder given with --data-dir: an empty one,
    // so nobody is signed in and the first admin is still to be created.
    const start = await window.evaluate(async () => {
      const g = globalThis as unknown as {
        rebound: { call(method: string, input: unknown): Promise<unknown> };
      };
      return g.rebound.call('session.me', {});
    });
    expect(start).toMatchObject({ ok: true, value: { me: null, needsFirstAdmin: true } });
    // Without a session, nothing else answers: the page cannot name a person to act as.
    const refused = await window.evaluate(async () => {
      const g = globalThis as unknown as {
        rebound: { call(method: string, input: unknown, context: unknown): Promise<unknown> };
      };
      return g.rebound.call('workspace.status', {}, { profileId: 1 });
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  test('signs in through the bridge, for this window only, and out again', async () => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    type Rebound = {
      call(method: string, input: unknown): Promise<unknown>;
      session(request: unknown): Promise<unknown>;
    };
    // The empty workspace's first admin, created from its own window; then signing in with it.
    const created = await window.evaluate(async () => {
      const { rebound } = globalThis as unknown as { rebound: Rebound };
      return rebound.call('setup.firstAdmin', { name: 'Ada', password: 'ada-password' });
    });
    expect(created).toMatchObject({ ok: true });
    const signedIn = await window.evaluate(async () => {
      const { rebound } = globalThis as unknown as { rebound: Rebound };
      const wrong = await rebound.session({ op: 'signIn', name: 'Ada', password: 'not-her-password' });
      const right = await rebound.session({ op: 'signIn', name: 'Ada', password: 'ada-password' });
      return { wrong, right, status: await rebound.call('workspace.status', {}) };
    });
    expect(signedIn.wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(signedIn.right).toMatchObject({ ok: true, value: { me: { name: 'Ada', role: 'admin' } } });
    // The session is the window's, in the main process: the data folder given with --data-dir.
    expect(signedIn.status).toMatchObject({ ok: true, value: { dataDir: path.resolve(dataDir) } });
    // The page holds no secret of it: nothing in its storage or cookies.
    const stored = await window.evaluate(() => {
      const g = globalThis as unknown as {
        document: { cookie: string };
        localStorage: Record<string, unknown>;
        sessionStorage: Record<string, unknown>;
      };
      const secretLike = (storage: Record<string, unknown>) =>
        Object.keys(storage).filter((key) => /session|token/i.test(key));
      return {
        cookies: g.document.cookie,
        local: secretLike(g.localStorage),
        session: secretLike(g.sessionStorage),
      };
    });
    expect(stored).toEqual({ cookies: '', local: [], session: [] });

    const signedOut = await window.evaluate(async () => {
      const { rebound } = globalThis as unknown as { rebound: Rebound };
      const out = await rebound.session({ op: 'signOut' });
      return { out, status: await rebound.call('workspace.status', {}) };
    });
    expect(signedOut).toMatchObject({
      out: { ok: true, value: null },
      status: { ok: false, error: { code: 'unauthorized' } },
    });
  });

  test('serves its pages from rebound://app with the CSP, and stays there', async () => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    expect(window.url()).toMatch(/^rebound:\/\/app\//);
    const headers = await window.evaluate(async () => {
      const { location } = globalThis as unknown as { location: { href: string } };
      const response = await fetch(location.href);
      return {
        csp: response.headers.get('content-security-policy'),
        nosniff: response.headers.get('x-content-type-options'),
      };
    });
    expect(headers.nosniff).toBe('nosniff');
    expect(headers.csp).toContain("script-src 'self'");
    expect(headers.csp).not.toContain('unsafe-eval');
    expect(headers.csp).toContain("frame-ancestors 'none'");

    // Navigating away is refused in the main process (will-navigate): the page stays ours.
    await window.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await window.waitForTimeout(500);
    expect(window.url()).toMatch(/^rebound:\/\/app\//);
  });

  test('refuses to open any other window', async () => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    const opened = await window.evaluate(() => {
      const g = globalThis as unknown as { open(url: string): unknown };
      return [g.open('https://example.com/') === null, g.open('about:blank') === null];
    });
    expect(opened).toEqual([true, true]);
    // The main process denied both synchronously: there is still exactly one window.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
