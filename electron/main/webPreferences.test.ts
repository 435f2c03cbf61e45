import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { tempDir } from '../../tests/integration/temp';
import { openEbayConsent } from './ebayConsentWindow';
import * as fake from '../../tests/support/fakeElectron';
import { openMainWindow, windowIcon } from './mainWindow';
import { lockedWebPreferences } from './webPreferences';

// A stand-in for `electron` (the binary is not needed): it records the options each window is built with.
vi.mock('electron', () => import('../../tests/support/fakeElectron'));

const CONSENT = 'https://auth.ebay.com/oauth2/authorize?client_id=app&response_type=code';
const PRELOAD = '/opt/rebound/out/preload/index.cjs';

const LOCKED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

describe('web preferences of Rebound’s windows', () => {
  beforeEach(() => fake.resetFakeElectron());

  test('DevTools only outside the packaged app; the renderer locked down either way', () => {
    expect(lockedWebPreferences(true)).toEqual({ ...LOCKED, devTools: false });
    expect(lockedWebPreferences(false)).toEqual({ ...LOCKED, devTools: true });
  });

  test('the app’s window: locked down, the preload, spellcheck; shown once painted', () => {
    for (const isPackaged of [true, false]) {
      const win = openMainWindow({
        isPackaged,
        preload: PRELOAD,
        icon: undefined,
        url: 'rebound://app/index.html',
      });
      expect(fake.BrowserWindow.created.at(-1)).toBe(win);
      expect(fake.BrowserWindow.created.at(-1)!.options).toEqual({
        width: 1440,
        height: 900,
        minWidth: 1024,
        minHeight: 680,
        show: false,
        title: 'Rebound',
        backgroundColor: '#f8f9fa',
        webPreferences: { ...LOCKED, devTools: !isPackaged, preload: PRELOAD, spellcheck: true },
      });
    }
    const win = fake.BrowserWindow.created.at(-1)!;
    expect(win.loaded).toEqual(['rebound://app/index.html']);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  test('a window onto a Rebound server: the same locks, and no preload at all', () => {
    openMainWindow({ isPackaged: true, preload: null, icon: undefined, url: 'https://rebound.example.com' });
    const win = fake.BrowserWindow.created.at(-1)!;
    expect(win.options.webPreferences).toEqual({ ...LOCKED, devTools: false, spellcheck: true });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loaded).toEqual(['https://rebound.example.com']);
  });

  test('the app’s window gets its icon where one is given, and loads the page it is told', () => {
    openMainWindow({
      isPackaged: false,
      preload: PRELOAD,
      icon: '/x/icon.png',
      url: 'http://localhost:5173',
    });
    const win = fake.BrowserWindow.created.at(-1)!;
    expect(win.options.icon).toBe('/x/icon.png');
    expect(win.loaded).toEqual(['http://localhost:5173']);
  });

  test('the icon: Linux only, and only when the file is there', () => {
    const appPath = tempDir('rebound-app-');
    expect(windowIcon(appPath, 'linux')).toBeUndefined();
    fs.mkdirSync(path.join(appPath, 'resources'));
    fs.writeFileSync(path.join(appPath, 'resources', 'icon.png'), 'png');
    expect(windowIcon(appPath, 'linux')).toBe(path.join(appPath, 'resources', 'icon.png'));
    expect(windowIcon(appPath, 'darwin')).toBeUndefined();
    expect(windowIcon(appPath, 'win32')).toBeUndefined();
  });

  test('eBay’s consent window: no preload, its own session, modal over the app, no DevTools when packaged', () => {
    const parent = new fake.BrowserWindow({});
    for (const isPackaged of [true, false]) {
      fake.app.isPackaged = isPackaged;
      void openEbayConsent(parent as never, CONSENT, null);
      const win = fake.BrowserWindow.created.at(-1)!;
      expect(win.options).toEqual({
        width: 560,
        height: 760,
        minWidth: 400,
        minHeight: 500,
        parent,
        modal: true,
        show: false,
        title: 'eBay',
        autoHideMenuBar: true,
        webPreferences: {
          ...LOCKED,
          devTools: !isPackaged,
          session: fake.session.fromPartition('ebay-consent'),
          spellcheck: false,
        },
      });
      expect(win.options.webPreferences).not.toHaveProperty('preload');
      expect(win.loaded).toEqual([CONSENT]);
    }
    // Without a parent (no app window to sit on): not modal.
    void openEbayConsent(null, CONSENT, null);
    expect(fake.BrowserWindow.created.at(-1)!.options).not.toHaveProperty('modal');
    expect(fake.BrowserWindow.created.at(-1)!.options).not.toHaveProperty('parent');
  });

  test('eBay’s consent session grants nothing and downloads nothing', async () => {
    void openEbayConsent(null, CONSENT, null);
    const ses = fake.session.fromPartition('ebay-consent');
    expect(await ses.request('media', { mediaTypes: ['video'], requestingUrl: CONSENT })).toBe(false);
    expect(await ses.request('notifications', { requestingUrl: CONSENT })).toBe(false);
    expect(ses.check('media', 'https://auth.ebay.com', { mediaType: 'video' })).toBe(false);
    expect(ses.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
    const download = fake.navigationEvent('https://auth.ebay.com/file.exe');
    ses.emit('will-download', download);
    expect(download.prevented).toBe(true);
  });

  test('a new consent request replaces the open window; the answer closes it', async () => {
    const first = openEbayConsent(null, CONSENT, null);
    const firstWindow = fake.BrowserWindow.created.at(-1)!;
    const second = openEbayConsent(null, CONSENT, null);
    expect(await first).toBeNull();
    expect(firstWindow.isDestroyed()).toBe(true);
    const secondWindow = fake.BrowserWindow.created.at(-1)!;
    const landed = 'https://rebound.example/accepted?code=v%5E1.1&expires_in=299';
    expect(secondWindow.webContents.navigate(landed, 'will-redirect')).toBe(true);
    expect(await second).toBe(landed);
    expect(secondWindow.isDestroyed()).toBe(true);
  });
});
