import type { WebContents } from 'electron';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import * as fake from '../../tests/support/fakeElectron';
import { openEbayConsent } from './ebayConsentWindow';
import { guardContents } from './navigation';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));

const DEV = 'http://localhost:5173';
const OWN = 'rebound://app/index.html';
const CONSENT = 'https://auth.ebay.com/oauth2/authorize?client_id=app&response_type=code';

/** A fresh web contents with the app-wide guard on it, as `web-contents-created` does. */
function guarded(devServer: string | undefined = undefined): fake.FakeWebContents {
  const contents = new fake.FakeWebContents();
  guardContents(contents as unknown as WebContents, devServer);
  return contents;
}

const FOREIGN = [
  'https://example.com/',
  'http://localhost:5173/',
  'rebound://evil/index.html',
  'file:///etc/passwd',
  'data:text/html,<h1>hi</h1>',
  'javascript:alert(1)',
  'about:blank',
];

describe('the navigation guard (will-navigate, will-redirect)', () => {
  beforeEach(() => fake.resetFakeElectron());

  test('our own pages may be navigated to; the dev server only when there is one', () => {
    const packaged = guarded();
    expect(packaged.navigate(OWN)).toBe(false);
    expect(packaged.navigate('rebound://app/items/3')).toBe(false);
    expect(packaged.navigate(OWN, 'will-redirect')).toBe(false);
    expect(packaged.navigate(`${DEV}/`)).toBe(true);

    const dev = guarded(DEV);
    expect(dev.navigate(`${DEV}/`)).toBe(false);
    expect(dev.navigate(`${DEV}/src/main.tsx`, 'will-redirect')).toBe(false);
    expect(dev.navigate(OWN)).toBe(false);
  });

  test('a window onto a Rebound server may move within that server only', () => {
    const contents = new fake.FakeWebContents();
    guardContents(contents as unknown as WebContents, undefined, 'https://rebound.example.com');
    expect(contents.navigate('https://rebound.example.com/#/approvals')).toBe(false);
    expect(contents.navigate('https://rebound.example.com/api/session', 'will-redirect')).toBe(false);
    for (const url of ['https://rebound.example.com.evil.test/', 'http://rebound.example.com/', ...FOREIGN]) {
      expect(contents.navigate(url), url).toBe(true);
    }
  });

  test('every other origin, file:, data:, javascript: is refused, and nothing opens outside', () => {
    const contents = guarded();
    for (const url of FOREIGN) {
      expect(contents.navigate(url), url).toBe(true);
      expect(contents.navigate(url, 'will-redirect'), `redirect to ${url}`).toBe(true);
    }
    expect(fake.shell.opened).toEqual([]);
  });

  test('an allow-listed link is refused in the window and opened in the system browser instead', () => {
    const contents = guarded();
    expect(contents.navigate('https://www.ebay.de/itm/123')).toBe(true);
    expect(contents.navigate('http://www.ebay.de/itm/123')).toBe(true);
    expect(contents.navigate('https://www.ebay.de.evil.example/itm/123')).toBe(true);
    expect(fake.shell.opened).toEqual(['https://www.ebay.de/itm/123']);
    // A server redirect is only ever refused: it was not the user's click.
    expect(contents.navigate('https://www.ebay.com/', 'will-redirect')).toBe(true);
    expect(fake.shell.opened).toEqual(['https://www.ebay.de/itm/123']);
  });

  test('eBay’s consent window is left to its own rules (https pages of eBay’s sign-in)', () => {
    void openEbayConsent(null, CONSENT, null);
    const win = fake.BrowserWindow.created.at(-1)!;
    // The consent window's contents, as Electron reports them to `web-contents-created`.
    guardContents(win.webContents as unknown as WebContents, undefined);
    const appWide = win.webContents.listeners.get('will-navigate')!.at(-1)!;
    const redirect = win.webContents.listeners.get('will-redirect')!.at(-1)!;
    for (const url of ['https://signin.ebay.com/ws/eBayISAPI.dll', 'https://auth.ebay.com/oauth2/consents']) {
      const event = fake.navigationEvent(url);
      appWide(event);
      redirect(event);
      expect(event.prevented, url).toBe(false);
    }
    // The window's own guard still refuses what is not https.
    expect(win.webContents.navigate('http://signin.ebay.com/')).toBe(true);
    // Another window's contents get no such exception.
    expect(guarded().navigate('https://signin.ebay.com/ws/eBayISAPI.dll')).toBe(true);
    win.close();
  });

  test('no <webview> may be attached', () => {
    const contents = guarded();
    const event = fake.navigationEvent('about:blank');
    contents.emit('will-attach-webview', event);
    expect(event.prevented).toBe(true);
  });
});

describe('the new-window guard (setWindowOpenHandler)', () => {
  beforeEach(() => fake.resetFakeElectron());

  test('every window.open is denied, our own pages included', () => {
    const contents = guarded(DEV);
    for (const url of [OWN, `${DEV}/`, ...FOREIGN]) {
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(fake.shell.opened).toEqual([]);
  });

  test('allow-listed https links go to the system browser; others nowhere', () => {
    const contents = guarded();
    const links = [
      'https://www.ebay.com/itm/1',
      'https://developer.ebay.com/my/keys',
      'https://auth.sandbox.ebay.com/oauth2/authorize?x=1',
      'http://www.ebay.com/itm/1',
      'https://evil.example/?www.ebay.com',
      'https://www.ebay.com.evil.example/',
    ];
    for (const url of links) expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual([
      'https://www.ebay.com/itm/1',
      'https://developer.ebay.com/my/keys',
      'https://auth.sandbox.ebay.com/oauth2/authorize?x=1',
    ]);
  });
});
