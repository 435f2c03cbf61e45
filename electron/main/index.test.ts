import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  IPC_CALL,
  IPC_CONNECT_SERVER,
  IPC_EBAY_CONSENT,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  IPC_SESSION,
  PHOTO_SCHEME,
} from '../../shared/contract/bridge';
import * as fake from '../../tests/support/fakeElectron';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));

/**
 * index.ts only wires the modules tested beside it; this starts it for real on the stand-in for
 * Electron, with a real data folder, and checks each piece is plugged in where it belongs.
 */
describe('the desktop app’s start-up, wired', () => {
  let dataDir: string;

  beforeAll(async () => {
    fake.resetFakeElectron();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-main-'));
    vi.stubEnv('REBOUND_DATA_DIR', dataDir);
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    await import('./index');
    // start() runs on its own: the window is its last step.
    await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(1), { timeout: 20_000 });
  });

  afterAll(async () => {
    const before = fake.app.quitCalls;
    const quit = fake.navigationEvent('');
    fake.app.emit('will-quit', quit);
    // The quit is held until jobs have stopped and the database is closed, then asked again.
    expect(quit.prevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(before + 1), { timeout: 20_000 });
    vi.unstubAllEnvs();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('schemes, sandbox and the single-instance profile are set before `ready`', () => {
    expect(fake.protocol.privileged).toEqual([
      {
        scheme: 'rebound',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
      { scheme: PHOTO_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.app.paths.get('userData')).toBe(path.join(dataDir, 'electron-profile'));
  });

  test('one window, on our own page, with the preload', () => {
    const win = fake.BrowserWindow.created[0]!;
    expect(win.loaded).toEqual(['rebound://app/index.html']);
    expect(win.options.title).toBe('Rebound');
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: true,
      preload: expect.stringMatching(/preload[/\\]index\.cjs$/),
    });
  });

  test('the default session is hardened with the packaged CSP', async () => {
    const ses = fake.session.defaultSession;
    expect(await ses.request('media', { mediaTypes: ['video'], requestingUrl: 'rebound://app/' })).toBe(true);
    expect(await ses.request('media', { mediaTypes: ['audio'], requestingUrl: 'rebound://app/' })).toBe(
      false,
    );
    expect(ses.devicePermissionHandler!({})).toBe(false);
    let csp: string[] | undefined;
    ses.headersListener!({ responseHeaders: {} }, (response) => {
      csp = response.responseHeaders?.['Content-Security-Policy'];
    });
    expect(csp?.[0]).toContain("script-src 'self';");
    expect(csp?.[0]).not.toContain('unsafe-eval');
  });

  test('every new web contents gets the navigation and new-window guards', () => {
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.navigate('https://example.com/')).toBe(true);
    expect(contents.navigate('rebound://app/items')).toBe(false);
  });

  test('both schemes are served; a photo only by its hash', async () => {
    expect([...fake.protocol.handlers.keys()].sort()).toEqual([PHOTO_SCHEME, 'rebound'].sort());
    const photos = fake.protocol.handlers.get(PHOTO_SCHEME)!;
    const hash = 'a'.repeat(64);
    fs.mkdirSync(path.join(dataDir, 'photos', 'aa'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'photos', 'aa', `${hash}.thumb.jpg`), 'thumb');
    const served = await photos(new Request(`${PHOTO_SCHEME}://photo/${hash}/thumb`));
    expect(served.status).toBe(200);
    expect(await served.text()).toBe('thumb');
    expect((await photos(new Request(`${PHOTO_SCHEME}://photo/${hash}/original`))).status).toBe(404);
    const pages = fake.protocol.handlers.get('rebound')!;
    expect((await pages(new Request('rebound://app/%2e%2e%2fpackage.json'))).status).toBe(404);
  });

  test('the bridge answers on the data folder it was given, and forwards changes', async () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      [IPC_CALL, IPC_CONNECT_SERVER, IPC_EBAY_CONSENT, IPC_OPEN_EXTERNAL, IPC_SESSION].sort(),
    );
    const win = fake.BrowserWindow.created[0]!;
    const event = { sender: win.webContents, senderFrame: { parent: null, url: 'rebound://app/index.html' } };
    expect(await fake.ipcMain.invoke(IPC_CALL, event, 'session.me', {})).toMatchObject({
      ok: true,
      value: { me: null, needsFirstAdmin: true },
    });
    expect(await fake.ipcMain.invoke(IPC_CALL, event, 'workspace.status', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    // The first admin, created from the empty workspace's window, then signed in.
    expect(
      await fake.ipcMain.invoke(IPC_CALL, event, 'setup.firstAdmin', {
        name: 'Ada',
        password: 'ada-password',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await fake.ipcMain.invoke(IPC_SESSION, event, { op: 'signIn', name: 'Ada', password: 'ada-password' }),
    ).toMatchObject({ ok: true, value: { me: { name: 'Ada', role: 'admin' } } });
    expect(await fake.ipcMain.invoke(IPC_CALL, event, 'workspace.status', {})).toMatchObject({
      ok: true,
      value: { dataDir, isEmpty: true },
    });
    expect(win.webContents.sent.some(([channel]) => channel === IPC_EVENT)).toBe(true);
  });

  test('a second start brings the window forward', () => {
    const win = fake.BrowserWindow.created[0]!;
    win.minimized = true;
    fake.app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });
});
