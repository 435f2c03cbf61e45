import { beforeEach, describe, expect, test, vi } from 'vitest';
import { lockedWebPreferences } from './webPreferences';

/**
 * A stand-in for the parts of `electron` the consent window touches (the binary is not needed):
 * it records the options each BrowserWindow is built with.
 */
const electron = vi.hoisted(() => {
  const built: Array<{ webPreferences?: Record<string, unknown> }> = [];
  const emitter = () => ({ on: () => undefined, once: () => undefined });
  class BrowserWindow {
    readonly webContents = { ...emitter(), setWindowOpenHandler: () => undefined };
    readonly on = () => this;
    readonly once = () => this;
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      built.push(options);
    }
    loadURL = () => new Promise<void>(() => undefined);
    isDestroyed = () => false;
    close = () => undefined;
    show = () => undefined;
  }
  const session = {
    fromPartition: () => ({
      ...emitter(),
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
    }),
  };
  return { built, app: { isPackaged: false }, BrowserWindow, session };
});
vi.mock('electron', () => electron);

const CONSENT = 'https://auth.ebay.com/oauth2/authorize?client_id=app&response_type=code';

describe('web preferences of Rebound’s windows', () => {
  beforeEach(() => {
    electron.built.length = 0;
  });

  test('DevTools only outside the packaged app; the renderer locked down either way', () => {
    expect(lockedWebPreferences(true)).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(lockedWebPreferences(false)).toMatchObject({
      devTools: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  test('eBay’s consent window: no DevTools when packaged', async () => {
    const { openEbayConsent } = await import('./ebayConsentWindow');
    for (const isPackaged of [true, false]) {
      electron.app.isPackaged = isPackaged;
      void openEbayConsent(null, CONSENT, null);
      expect(electron.built.at(-1)?.webPreferences).toMatchObject({
        devTools: !isPackaged,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        spellcheck: false,
      });
    }
  });
});
