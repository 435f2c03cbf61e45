import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { IPC_DESK_FOLDER } from '../../shared/contract/desk';
import * as fake from '../../tests/support/fakeElectron';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));

const SERVER = 'https://rebound.example.com';

/**
 * The desktop app started after the desk chose "Connect to a Rebound server": the choice is in
 * its profile, and it starts as a window onto the server instead of on the local workspace.
 */
describe('the desktop app as a window onto a Rebound server', () => {
  let dataDir: string;

  beforeAll(async () => {
    fake.resetFakeElectron();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-main-server-'));
    const profile = path.join(dataDir, 'electron-profile');
    fs.mkdirSync(profile, { recursive: true });
    fs.writeFileSync(path.join(profile, 'server.json'), JSON.stringify({ origin: SERVER }));
    vi.stubEnv('REBOUND_DATA_DIR', dataDir);
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    await import('./index');
    await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(1), { timeout: 20_000 });
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('one window on the server’s page, locked down, with no bridge into this process but the camera folder', () => {
    const win = fake.BrowserWindow.created[0]!;
    expect(win.loaded).toEqual([SERVER]);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    // The desk preload (electron/preload/desk.ts), not the app's: no call into a workspace.
    expect(path.basename(String(win.options.webPreferences?.preload))).toBe('desk.cjs');
    expect([...fake.ipcMain.handlers.keys()]).toEqual([IPC_DESK_FOLDER]);
    expect([...fake.protocol.handlers.keys()]).toEqual([]);
  });

  test('no local workspace is opened: the data folder holds no database', () => {
    expect(fs.existsSync(path.join(dataDir, 'rebound.sqlite'))).toBe(false);
  });

  test('the server’s pages keep their own CSP, may use the camera, and the window stays on the server', async () => {
    const ses = fake.session.defaultSession;
    expect(ses.headersListener).toBeNull();
    expect(await ses.request('media', { mediaTypes: ['video'], requestingUrl: `${SERVER}/#/photos/3` })).toBe(
      true,
    );
    expect(await ses.request('media', { mediaTypes: ['video'], requestingUrl: 'rebound://app/' })).toBe(
      false,
    );
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate(`${SERVER}/#/approvals`)).toBe(false);
    expect(contents.navigate('https://example.com/')).toBe(true);
  });
});
