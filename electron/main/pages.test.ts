import { describe, expect, test } from 'vitest';
import { APP_ENTRY, devServerUrl, fromOwnPage, isOwnPage } from './pages';

const DEV = 'http://localhost:5173';

describe('which pages are Rebound’s own', () => {
  test('rebound://app, any path; the dev server only when there is one', () => {
    expect(APP_ENTRY).toBe('rebound://app/index.html');
    for (const devServer of [undefined, DEV]) {
      expect(isOwnPage('rebound://app/index.html', devServer)).toBe(true);
      expect(isOwnPage('rebound://app/items/12?tab=photos', devServer)).toBe(true);
      expect(isOwnPage('rebound://app', devServer)).toBe(true);
    }
    expect(isOwnPage('http://localhost:5173/', DEV)).toBe(true);
    expect(isOwnPage('http://localhost:5173/', undefined)).toBe(false);
  });

  test('other origins, other hosts of our scheme, file:, data:, javascript: and junk are not', () => {
    for (const devServer of [undefined, DEV]) {
      for (const url of [
        'https://example.com/',
        'https://www.ebay.com/',
        'rebound://evil/index.html',
        'rebound-photo://photo/x',
        'http://localhost:5174/',
        'https://localhost:5173/',
        'ws://localhost:5173/',
        'file:///etc/passwd',
        'file:///home/me/out/renderer/index.html',
        'data:text/html,<script>alert(1)</script>',
        'javascript:alert(1)',
        'about:blank',
        'not a url',
        '',
        undefined,
      ]) {
        expect(isOwnPage(url, devServer), `${String(url)} with ${String(devServer)}`).toBe(false);
      }
    }
  });

  test('the dev server is only ever used by an unpackaged app', () => {
    const env = { ELECTRON_RENDERER_URL: DEV };
    expect(devServerUrl(false, env)).toBe(DEV);
    expect(devServerUrl(true, env)).toBeUndefined();
    expect(devServerUrl(false, {})).toBeUndefined();
  });
});

describe('fromOwnPage: who may call into the main process', () => {
  const top = (url: string) => ({ senderFrame: { parent: null, url } });

  test('the top frame of our own page', () => {
    expect(fromOwnPage(top('rebound://app/index.html'), undefined)).toBe(true);
    expect(fromOwnPage(top('http://localhost:5173/'), DEV)).toBe(true);
  });

  test('refused: a sub-frame (even of our page), another origin, no frame at all', () => {
    const parent = { parent: null, url: 'rebound://app/index.html' };
    expect(fromOwnPage({ senderFrame: { parent, url: 'rebound://app/index.html' } }, undefined)).toBe(false);
    expect(fromOwnPage({ senderFrame: { parent, url: 'https://example.com/' } }, undefined)).toBe(false);
    expect(fromOwnPage(top('https://example.com/'), undefined)).toBe(false);
    expect(fromOwnPage(top('http://localhost:5173/'), undefined)).toBe(false);
    expect(fromOwnPage(top('file:///tmp/index.html'), undefined)).toBe(false);
    expect(fromOwnPage(top('data:text/html,hi'), undefined)).toBe(false);
    // A frame that navigated away or was destroyed before the call arrived.
    expect(fromOwnPage({ senderFrame: null }, undefined)).toBe(false);
  });
});
