import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addProfile, photoHash, seedReturnsDesk } from '../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../tests/integration/temp';
import type { Workspace } from '../services/workspace';
import { BROWSER_CSP, isLoopback, startServer, type RunningServer } from './http';

const TOKEN = 'test-token-0123456789abcdef';
const INDEX_HTML = '<!doctype html><title>Rebound</title><div id="root"></div>';
/** A file beside the data folder and the renderer: no URL may ever reach it. */
const SECRET = 'SECRET-OUTSIDE-THE-SERVED-FOLDERS';

interface Served {
  readonly server: RunningServer;
  readonly ws: Workspace;
  readonly origin: string;
  /** fetch() against the server, with the token unless `auth: false`. */
  get(pathname: string, init?: RequestInit & { auth?: boolean }): Promise<Response>;
  call(method: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Browser mode on a free loopback port over a temp workspace and a minimal built renderer. */
async function serve(options: { renderer?: boolean } = {}): Promise<Served> {
  const ws = tempWorkspace();
  const root = tempDir('rebound-http-');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(ws.dataDir, 'secret.txt'), SECRET);
  const rendererDir = path.join(root, 'renderer');
  if (options.renderer !== false) {
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  }
  const server = await startServer({ ws, host: '127.0.0.1', port: 0, rendererDir, token: TOKEN });
  onTestFinished(() => server.close());
  const get = (pathname: string, init: RequestInit & { auth?: boolean } = {}) => {
    const { auth = true, headers, ...rest } = init;
    return fetch(`${server.origin}${pathname}`, {
      redirect: 'manual',
      ...rest,
      headers: {
        ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}),
        ...(headers as Record<string, string>),
      },
    });
  };
  return {
    server,
    ws,
    origin: server.origin,
    get,
    call: (method, body, headers = {}) =>
      get(`/api/call/${method}`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      }),
  };
}

/** A GET whose path goes on the wire exactly as written, `..` and all. */
function rawGet(origin: string, pathname: string, token: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = http.get(
      { hostname, port, path: pathname, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
  });
}

describe('browser mode: who may come in', () => {
  test('without the token, every kind of request is refused with 401', async () => {
    const app = await serve();
    const hash = photoHash('front');
    const attempts = [
      app.get('/', { auth: false }),
      app.get('/index.html', { auth: false }),
      app.get('/assets/app.js', { auth: false }),
      app.get(`/photos/${hash}/listing.jpg`, { auth: false }),
      app.get('/api/events', { auth: false }),
      app.get('/api/call/items.list', { auth: false, method: 'POST', body: '{}' }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status, response.url).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  test('a wrong token is refused wherever it is presented', async () => {
    const app = await serve();
    const wrong = [
      app.get('/', { auth: false, headers: { authorization: 'Bearer not-the-token' } }),
      app.get('/', { auth: false, headers: { authorization: `Bearer ${TOKEN}x` } }),
      app.get('/', { auth: false, headers: { authorization: `Basic ${TOKEN}` } }),
      app.get('/', { auth: false, headers: { cookie: 'rebound_token=guess' } }),
      app.get(`/?token=${TOKEN.slice(0, -1)}`, { auth: false }),
      app.get('/?token=', { auth: false }),
    ];
    for (const response of await Promise.all(wrong)) expect(response.status).toBe(401);
  });

  test('the printed link sets an HttpOnly, SameSite=Strict cookie and redirects without the token', async () => {
    const app = await serve();
    const opened = await fetch(app.server.url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/');
    const [cookie] = opened.headers.getSetCookie();
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/^rebound_token=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');

    // The browser then comes back with the cookie alone.
    const jar = cookie!.split(';')[0]!;
    const page = await app.get('/', { auth: false, headers: { cookie: jar } });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
    const api = await app.get('/api/call/workspace.status', {
      auth: false,
      method: 'POST',
      body: '{}',
      headers: { cookie: `theme=dark; ${jar}` },
    });
    expect(api.status).toBe(200);
  });

  test('a deep link keeps its path and other parameters when the token is dropped', async () => {
    const app = await serve();
    const opened = await app.get(`/items/42?token=${TOKEN}&tab=photos`, { auth: false });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/items/42?tab=photos');
  });

  test('a Bearer header works for scripts', async () => {
    const app = await serve();
    const response = await app.call('items.list', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { rows: [], total: 0 } });
  });

  test('only loopback addresses count as local', () => {
    for (const host of ['localhost', '127.0.0.1', '127.0.0.53', '127.255.255.255', '::1']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.20',
      '10.0.0.1',
      '127.0.0.1.nip.io',
      'localhost.evil.com',
      '',
    ]) {
      expect(isLoopback(host), host).toBe(false);
    }
  });
});

describe('browser mode: the API over HTTP', () => {
  test('answers calls with the same envelope as the desktop app', async () => {
    const app = await serve();
    await seedReturnsDesk(app.ws);
    const response = await app.call('items.list', { grades: ['defective'] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      ok: true;
      value: { total: number; rows: { reference: string }[] };
    };
    expect(body.value.total).toBe(1);
    expect(body.value.rows[0]!.reference).toBe('RB-000104');
    // An empty body is an empty input.
    const empty = await app.get('/api/call/items.counts', { method: 'POST' });
    expect(((await empty.json()) as { value: { total: number } }).value.total).toBe(5);
  });

  test('maps error codes to HTTP statuses', async () => {
    const app = await serve();
    const desk = await seedReturnsDesk(app.ws);
    const staff = await addProfile(app.ws, { name: 'Kim', role: 'staff' });
    const admin = await addProfile(app.ws, { name: 'Sam', role: 'admin' });
    const merchant = { name: 'Velo Shop', currency: 'EUR', language: 'en', returnWindowDays: 14 };
    const cases: [Promise<Response>, number, string][] = [
      [app.call('items.list', { limit: 0 }), 400, 'bad_input'],
      [app.call('items.get', { id: 999 }), 404, 'not_found'],
      [app.call('items.explode', {}), 404, 'not_found'],
      [app.call('merchants.create', merchant, { 'x-rebound-profile': String(admin) }), 409, 'conflict'],
      // Over HTTP a role-restricted method needs a profile: without one it no longer runs as the system.
      [app.call('merchants.create', { ...merchant, name: 'New' }), 401, 'unauthorized'],
      [
        app.call('merchants.create', { ...merchant, name: 'New' }, { 'x-rebound-profile': String(staff) }),
        403,
        'forbidden',
      ],
      [app.call('items.list', {}, { 'x-rebound-profile': '999' }), 401, 'unauthorized'],
    ];
    for (const [response, status, code] of cases) {
      const answer = await response;
      expect(answer.status, code).toBe(status);
      expect(await answer.json()).toMatchObject({ ok: false, error: { code } });
    }
    // A profile header that is not a number is ignored rather than trusted.
    const odd = await app.call(
      'items.get',
      { id: desk.items.lightUsed },
      { 'x-rebound-profile': '1 OR 1=1' },
    );
    expect(odd.status).toBe(200);
  });

  test('a body that is not JSON is a 400, one over 2 MB a 413, a GET a 405', async () => {
    const app = await serve();
    const notJson = await app.call('items.list', '{"limit": 5');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      ok: false,
      error: { code: 'bad_input', message: 'The request body is not valid JSON.' },
    });

    const huge = await app.call('items.list', JSON.stringify({ search: 'x'.repeat(2 * 1024 * 1024 + 1) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { message: 'The request is too large.' } });

    const get = await app.get('/api/call/items.list');
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ error: { code: 'bad_input', message: 'Use POST.' } });
  });
});

describe('browser mode: pages and photos', () => {
  test('serves the app with a strict content security policy and no framing or sniffing', async () => {
    const app = await serve();
    for (const pathname of ['/', '/items/42', '/assets/app.js']) {
      const response = await app.get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(BROWSER_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(BROWSER_CSP).toContain("script-src 'self'");
    expect(BROWSER_CSP).toContain("frame-ancestors 'none'");
    expect(BROWSER_CSP).not.toContain('unsafe-eval');
    // A client-side route gets the app; a missing file does not.
    expect(await (await app.get('/items/42')).text()).toBe(INDEX_HTML);
    expect((await app.get('/assets/missing.js')).status).toBe(404);
  });

  test('says what to do when the user interface is not built, while the API still works', async () => {
    const app = await serve({ renderer: false });
    const page = await app.get('/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expect((await app.call('items.list', {})).status).toBe(200);
  });

  test('serves a photo by its content hash, long-cached', async () => {
    const app = await serve();
    const hash = photoHash('helmet-front');
    const file = app.ws.photoPath(hash, 'listing');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, jpeg);

    const response = await app.get(`/photos/${hash}/listing.jpg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(jpeg);

    const thumb = await app.get(`/photos/${hash}/thumb.jpg`);
    expect(thumb.status).toBe(404);
    expect(await thumb.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  test('no crafted path reaches a file outside the app and its photos', async () => {
    const app = await serve();
    const hash = photoHash('x');
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/photos/..%2f..%2fsecret.txt',
      '/photos/../secret.txt',
      `/photos/${hash}/..%2f..%2f..%2fsecret.txt`,
      `/photos/${hash}/listing.jpg/..%2f..%2fsecret.txt`,
      `/photos/${hash.toUpperCase()}/listing.jpg`,
      `/photos/${hash.slice(1)}/listing.jpg`,
      `/photos/${hash}/original.jpg`,
      '/photos/..%2frebound.sqlite/listing.jpg',
      '/rebound.sqlite',
      '/%2e%2e/rebound.sqlite',
      '/secret.txt%00.html',
    ];
    for (const pathname of attempts) {
      const response = await app.get(pathname);
      const body = await response.text();
      expect(body, pathname).not.toContain(SECRET);
      expect(body, pathname).not.toContain('SQLite format');
      // Either refused, or the app's own page for an unknown client-side route.
      if (response.status === 200) expect(body, pathname).toBe(INDEX_HTML);
      else expect([400, 401, 403, 404], pathname).toContain(response.status);
    }

    // fetch() tidies `..` away before sending; a hostile client does not.
    for (const pathname of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/photos/../../secret.txt',
      '/../../../../etc/passwd',
    ]) {
      const { status, body } = await rawGet(app.origin, pathname, TOKEN);
      expect(body, pathname).not.toContain(SECRET);
      expect(body, pathname).not.toContain('root:');
      if (status === 200) expect(body, pathname).toBe(INDEX_HTML);
      else expect([400, 401, 403, 404], pathname).toContain(status);
    }
  });
});

describe('browser mode: live updates', () => {
  test('a change in the workspace reaches the open page as a server-sent event', async () => {
    const app = await serve();
    const abort = new AbortController();
    onTestFinished(() => abort.abort());
    const response = await app.get('/api/events', { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');

    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    /** Reads the stream until `pattern` has arrived; no timers, just the next chunk. */
    const until = async (pattern: RegExp): Promise<RegExpExecArray> => {
      for (;;) {
        const match = pattern.exec(received);
        if (match) return match;
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${String(pattern)}; got ${received}`);
        received += value;
      }
    };
    await until(/^: connected\n\n/);

    app.ws.changed('items');

    const [, data] = await until(/data: (.*)\n\n/);
    expect(JSON.parse(data!)).toEqual({ type: 'changed', domains: ['items'] });
    await reader.cancel();
  });

  test('closing the server ends the open event streams', async () => {
    const app = await serve();
    const response = await app.get('/api/events');
    const reader = response.body!.getReader();
    await reader.read();
    await app.server.close();
    let done = false;
    while (!done) ({ done } = await reader.read().catch(() => ({ done: true, value: undefined })));
    expect(done).toBe(true);
  });
});
