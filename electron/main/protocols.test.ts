import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { photoHash } from '../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../tests/integration/temp';
import { servePhoto, serveRenderer } from './protocols';

const CSP = "default-src 'self'; script-src 'self'";
const INDEX = '<!doctype html><title>Rebound</title>';

/** A built renderer (index.html, assets) in a temp folder, beside a file that must stay out of reach. */
function renderer(): string {
  const root = tempDir('rebound-renderer-');
  const dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(dir, 'assets', 'data.bin'), 'raw');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the page');
  fs.mkdirSync(path.join(root, 'renderer-other'));
  fs.writeFileSync(path.join(root, 'renderer-other', 'index.html'), 'a sibling folder');
  return dir;
}

const get = (url: string, method = 'GET') => new Request(url, { method });

describe('rebound://app: the built renderer', () => {
  test('index.html and assets, with the CSP, nosniff and the right type', async () => {
    const dir = renderer();
    for (const [url, type, body] of [
      ['rebound://app/index.html', 'text/html; charset=utf-8', INDEX],
      ['rebound://app/', 'text/html; charset=utf-8', INDEX],
      ['rebound://app', 'text/html; charset=utf-8', INDEX],
      ['rebound://app/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
      ['rebound://app/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
      ['rebound://app/assets/logo.svg', 'image/svg+xml', '<svg/>'],
      ['rebound://app/assets/data.bin', 'application/octet-stream', 'raw'],
    ] as const) {
      const response = await serveRenderer(dir, CSP, get(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Type'), url).toBe(type);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CSP);
      expect(response.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
      expect(response.headers.get('Cache-Control'), url).toBe('no-cache');
      expect(await response.text(), url).toBe(body);
    }
    const head = await serveRenderer(dir, CSP, get('rebound://app/index.html', 'HEAD'));
    expect(head.status).toBe(200);
  });

  test('client routes (no extension) fall back to index.html; a missing asset is 404', async () => {
    const dir = renderer();
    for (const url of ['rebound://app/items', 'rebound://app/items/12', 'rebound://app/settings/people/']) {
      const response = await serveRenderer(dir, CSP, get(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CSP);
      expect(await response.text(), url).toBe(INDEX);
    }
    for (const url of [
      'rebound://app/assets/missing.js',
      'rebound://app/favicon.ico',
      'rebound://app/x.html',
    ]) {
      expect((await serveRenderer(dir, CSP, get(url))).status, url).toBe(404);
    }
  });

  test('nothing outside the renderer folder: dot-dot, %2e%2e, %2f and %5c all 404', async () => {
    const dir = renderer();
    for (const url of [
      'rebound://app/../secret.txt',
      'rebound://app/%2e%2e/secret.txt',
      'rebound://app/%2E%2E/secret.txt',
      'rebound://app/%2e%2e%2fsecret.txt',
      'rebound://app/..%2fsecret.txt',
      'rebound://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'rebound://app/%2e%2e%5csecret.txt',
      'rebound://app/..%5csecret.txt',
      'rebound://app/%2e%2e%2frenderer-other%2findex.html',
      `rebound://app/${encodeURIComponent(path.join(path.dirname(dir), 'secret.txt'))}`,
      'rebound://app/%2e%2e%2f',
      'rebound://app/%E0%A4%A',
    ]) {
      const response = await serveRenderer(dir, CSP, get(url));
      const body = await response.text();
      expect(body, url).not.toContain('not for the page');
      expect(body, url).not.toContain('a sibling folder');
      // A name that stays inside (a literal backslash on Linux) is just a file that is not there.
      expect(response.status, `${url} → ${body.slice(0, 40)}`).toBe(404);
    }
  });

  test('only the app host; only GET and HEAD', async () => {
    const dir = renderer();
    expect((await serveRenderer(dir, CSP, get('rebound://other/index.html'))).status).toBe(404);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await serveRenderer(dir, CSP, get('rebound://app/index.html', method));
      expect(response.status, method).toBe(405);
    }
  });
});

describe('rebound-photo://photo: the workspace’s photos', () => {
  test('a stored photo is served by its hash and variant, as an immutable JPEG', async () => {
    const ws = await tempWorkspace();
    const hash = photoHash('front');
    const file = ws.photoPath(hash, 'listing');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'jpeg bytes');
    const response = await servePhoto(ws, get(`rebound-photo://photo/${hash}/listing`));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/jpeg');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect(await response.text()).toBe('jpeg bytes');
    // The same hash's thumbnail was never written.
    expect((await servePhoto(ws, get(`rebound-photo://photo/${hash}/thumb`))).status).toBe(404);
  });

  test('malformed hashes, other variants, other hosts and methods are refused', async () => {
    const ws = await tempWorkspace();
    const hash = photoHash('front');
    for (const variant of ['listing', 'thumb'] as const) {
      const file = ws.photoPath(hash, variant);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, variant);
    }
    fs.writeFileSync(path.join(ws.dataDir, 'secret.txt'), 'not a photo');
    for (const url of [
      `rebound-photo://photo/${hash.toUpperCase()}/listing`,
      `rebound-photo://photo/${hash.slice(1)}/listing`,
      `rebound-photo://photo/${hash}0/listing`,
      `rebound-photo://photo/${hash.slice(0, 63)}g/listing`,
      `rebound-photo://photo/${hash}/original`,
      `rebound-photo://photo/${hash}/listing.jpg`,
      `rebound-photo://photo/${hash}/listing/`,
      `rebound-photo://photo/${hash}`,
      `rebound-photo://photo/${hash}/%2e%2e%2f%2e%2e%2fsecret.txt`,
      'rebound-photo://photo/%2e%2e%2fsecret.txt/listing',
      `rebound-photo://other/${hash}/listing`,
      'rebound-photo://photo/',
    ]) {
      const response = await servePhoto(ws, get(url));
      expect(response.status, url).toBe(404);
    }
    expect((await servePhoto(ws, get(`rebound-photo://photo/${hash}/listing`, 'POST'))).status).toBe(405);
  });
});
