import type { Session } from 'electron';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import * as fake from '../../tests/support/fakeElectron';
import { hardenSession } from './permissions';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));

const CSP = "default-src 'self'";
const OWN = 'rebound://app/index.html';
const DEV = 'http://localhost:5173';

function hardened(devServer: string | undefined = undefined): fake.FakeSession {
  const ses = new fake.FakeSession('');
  hardenSession(ses as unknown as Session, CSP, devServer);
  return ses;
}

describe('the permissions of the app’s session', () => {
  beforeEach(() => fake.resetFakeElectron());

  test('the camera alone (video only) is granted, to our own page', async () => {
    const ses = hardened();
    expect(await ses.request('media', { mediaTypes: ['video'], requestingUrl: OWN })).toBe(true);
    expect(
      await ses.request('media', { mediaTypes: ['video'], requestingUrl: 'rebound://app/photos/desk' }),
    ).toBe(true);
  });

  test('the microphone, camera with sound, or an unspecified media request are refused', async () => {
    const ses = hardened();
    for (const mediaTypes of [['audio'], ['video', 'audio'], ['audio', 'video'], []]) {
      expect(await ses.request('media', { mediaTypes, requestingUrl: OWN }), mediaTypes.join('+')).toBe(
        false,
      );
    }
    expect(await ses.request('media', { requestingUrl: OWN })).toBe(false);
  });

  test('every other permission is refused, even to our own page', async () => {
    const ses = hardened();
    for (const permission of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'display-capture',
      'window-management',
      'unknown',
    ]) {
      expect(await ses.request(permission, { requestingUrl: OWN }), permission).toBe(false);
    }
  });

  test('the camera is refused to every other origin; the dev server only with a dev server', async () => {
    const ses = hardened();
    for (const requestingUrl of [
      'https://example.com/',
      `${DEV}/`,
      'file:///tmp/x.html',
      'data:text/html,x',
      'rebound://evil/index.html',
      '',
    ]) {
      expect(await ses.request('media', { mediaTypes: ['video'], requestingUrl }), requestingUrl).toBe(false);
    }
    const dev = hardened(DEV);
    expect(await dev.request('media', { mediaTypes: ['video'], requestingUrl: `${DEV}/` })).toBe(true);
    expect(await dev.request('media', { mediaTypes: ['audio'], requestingUrl: `${DEV}/` })).toBe(false);
  });

  test('a window onto a Rebound server: its pages may use the camera, no other origin may', async () => {
    const ses = new fake.FakeSession('');
    hardenSession(ses as unknown as Session, CSP, undefined, 'https://rebound.example.com');
    expect(
      await ses.request('media', {
        mediaTypes: ['video'],
        requestingUrl: 'https://rebound.example.com/#/photos/3',
      }),
    ).toBe(true);
    expect(
      await ses.request('media', { mediaTypes: ['audio'], requestingUrl: 'https://rebound.example.com/' }),
    ).toBe(false);
    for (const requestingUrl of ['https://rebound.example.com.evil.test/', 'http://rebound.example.com/']) {
      expect(await ses.request('media', { mediaTypes: ['video'], requestingUrl }), requestingUrl).toBe(false);
    }
  });

  test('synchronous checks follow the same rule', () => {
    const ses = hardened();
    expect(ses.check('media', 'rebound://app', { mediaType: 'video' })).toBe(true);
    // enumerateDevices asks without naming a media type.
    expect(ses.check('media', 'rebound://app', {})).toBe(true);
    expect(ses.check('media', 'rebound://app', { mediaType: 'audio' })).toBe(false);
    expect(ses.check('media', 'https://example.com', { mediaType: 'video' })).toBe(false);
    expect(ses.check('media', DEV, { mediaType: 'video' })).toBe(false);
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'serial', 'hid', 'usb']) {
      expect(ses.check(permission, 'rebound://app', {}), permission).toBe(false);
    }
    expect(hardened(DEV).check('media', DEV, { mediaType: 'video' })).toBe(true);
  });

  test('no USB, HID or serial device is ever granted', () => {
    const ses = hardened();
    for (const deviceType of ['usb', 'hid', 'serial']) {
      expect(ses.devicePermissionHandler!({ deviceType, origin: 'rebound://app' }), deviceType).toBe(false);
    }
  });

  test('every response carries the CSP, replacing one the server sent', () => {
    const ses = hardened();
    let answered: { responseHeaders?: Record<string, string[]> } | null = null;
    ses.headersListener!(
      {
        responseHeaders: {
          'Content-Type': ['text/html'],
          'Content-Security-Policy': ["script-src 'unsafe-eval'"],
        },
      },
      (response) => {
        answered = response;
      },
    );
    expect(answered).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] },
    });
  });
});
