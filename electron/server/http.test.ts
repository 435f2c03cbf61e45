import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { INDEX_HTML, serveWorkspace } from '../../tests/support/browser';
import { addProfile, photoHash, seedReturnsDesk } from '../../tests/integration/seed';
import { isLoopback } from './loopback';
import { BROWSER_CSP } from './http';

/** A file beside the data folder and the renderer: no URL may ever reach it. */
const SECRET = 'SECRET-OUTSIDE-THE-SERVED-FOLDERS';
const PASSWORD = 'correct horse battery';

/** Browser mode over a fresh workspace, with an admin signed in (`cookie`). */
async function serve(options: { renderer?: boolean } = {}) {
  const app = await serveWorkspace(options);
  fs.writeFileSync(path.join(app.ws.dataDir, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(path.dirname(app.ws.dataDir), 'secret.txt'), SECRET);
  await addProfile(app.ws, { name: 'Sam', role: 'admin', password: PASSWORD });
  const cookie = await app.signIn('Sam', PASSWORD);
  const get = (pathname: string, init: RequestInit = {}) =>
    app.request(pathname, { ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });
  return {
    ...app,
    cookie,
    get,
    callAsAdmin: (method: string, body: unknown) => app.call(method, body, cookie),
  };
}

/** A GET whose path goes on the wire exactly as written, `..` and all. */
function rawGet(
  origin: string,
  pathname: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = http.get({ hostname, port, path: pathname, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('browser mode: who may come in', () => {
  test('without a session only the sign-in page is served; data of every kind is refused', async () => {
    const app = await serve();
    const hash = photoHash('front');
    for (const pathname of ['/', '/index.html', '/assets/app.js']) {
      expect((await app.request(pathname)).status, pathname).toBe(200);
    }
    const attempts = [
      app.request(`/photos/${hash}/listing.jpg`),
      app.request('/api/events'),
      app.request('/api/download/anything'),
      app.call('items.list', {}),
      app.call('workspace.status', {}),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status, response.url).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // Who am I? Nobody, and the workspace has people: the page shows the sign-in form.
    const me = await app.call('session.me', {});
    expect(await me.json()).toEqual({
      ok: true,
      value: { me: null, needsFirstAdmin: false, demoPeople: [] },
    });
  });

  test('signing in sets an HttpOnly, SameSite=Strict cookie named for the port; signing out ends it', async () => {
    const app = await serveWorkspace();
    await addProfile(app.ws, { name: 'Kim', role: 'staff', password: PASSWORD });
    const response = await app.request('/api/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130',
      },
      body: JSON.stringify({ name: 'kim', password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { me: { name: 'Kim', role: 'staff' } } });
    const [cookie] = response.headers.getSetCookie();
    const port = new URL(app.origin).port;
    expect(cookie).toMatch(new RegExp(`^rebound_session_${port}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const jar = cookie!.split(';')[0]!;
    expect((await app.call('items.list', {}, jar)).status).toBe(200);
    // The database keeps a hash of the session's secret, never the secret itself.
    const stored = await app.ws.kysely.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(jar.split('=')[1]);
    expect(stored.device).toBe('Chrome on Android');

    const out = await app.request('/api/session', { method: 'DELETE', headers: { cookie: jar } });
    expect(out.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    expect((await app.call('items.list', {}, jar)).status).toBe(401);
  });

  test('a wrong password and an unknown name get the same answer; guessing is throttled', async () => {
    const app = await serveWorkspace();
    await addProfile(app.ws, { name: 'Kim', role: 'staff', password: PASSWORD });
    const attempt = (name: string, password: string) =>
      app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
    const wrong = await attempt('Kim', 'not the password');
    const nobody = await attempt('Nobody', 'not the password');
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(await wrong.json()).toEqual(await nobody.json());
    for (let i = 0; i < 4; i += 1) expect((await attempt('Kim', `guess ${i}`)).status).toBe(401);
    // The sixth failure within a quarter of an hour locks the name, even for the right password.
    const locked = await attempt('Kim', PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({
      error: { code: 'throttled', message: /try again in \d+ seconds/ },
    });
  });

  test('a header naming a profile is ignored: the session alone says who acts', async () => {
    const app = await serveWorkspace();
    const desk = await seedReturnsDesk(app.ws);
    const staff = await addProfile(app.ws, { name: 'Kim', role: 'staff', password: PASSWORD });
    const approver = await addProfile(app.ws, {
      name: 'Mara',
      role: 'approver',
      merchantIds: [desk.merchants.velo],
      password: PASSWORD,
    });
    const claim = { 'x-rebound-profile': String(approver) };
    const item = desk.items.lightUsed;
    // No session: the claim does not stand in for one.
    expect((await app.call('items.get', { id: item }, undefined, claim)).status).toBe(401);
    // Staff's session claiming to be the approver is still staff.
    const kim = await app.signIn('Kim', PASSWORD);
    const refused = await app.call(
      'approvals.reject',
      { itemId: item, priceId: 1, reason: 'destroy' },
      kim,
      claim,
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { message: 'Kim is resale staff and cannot reject prices.' },
    });
    expect(staff).toBeGreaterThan(0);
  });

  test('requests for another host or from another site, and bodies that are not JSON, are refused', async () => {
    const app = await serve();
    const port = new URL(app.origin).port;
    // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
    const rebound = await rawGet(app.origin, '/api/events', {
      host: `evil.example:${port}`,
      cookie: app.cookie,
    });
    expect(rebound.status).toBe(421);
    const crossSite = await app.call('items.list', {}, app.cookie, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await app.call('items.list', {}, app.cookie, { origin: app.origin })).status).toBe(200);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      expect((await rawGet(app.origin, '/', { host })).status, host).toBe(200);
    }
    const form = await app.request('/api/call/items.list', {
      method: 'POST',
      headers: { cookie: app.cookie, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  test('a malformed cookie or method name is a 400, never a 500', async () => {
    const app = await serve();
    const port = new URL(app.origin).port;
    const badCookie = await app.call('items.list', {}, `rebound_session_${port}=%E0%A4%A`);
    expect(badCookie.status).toBe(400);
    expect(
      (
        await app.get('/api/call/%E0%A4%A', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    // The server is still there.
    expect((await app.callAsAdmin('items.list', {})).status).toBe(200);
  });

  test('the first admin is created once, from this machine, while nobody exists', async () => {
    const app = await serveWorkspace();
    const created = await app.call('setup.firstAdmin', { name: 'Nadia', password: PASSWORD });
    expect(created.status).toBe(200);
    const again = await app.call('setup.firstAdmin', { name: 'Mallory', password: PASSWORD });
    expect(again.status).toBe(401);
    const demo = await app.call('workspace.createDemo', {});
    expect(demo.status).toBe(401);
    expect((await app.signIn('Nadia', PASSWORD)).length).toBeGreaterThan(0);
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
    const response = await app.callAsAdmin('items.list', { grades: ['defective'] });
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
    const empty = await app.get('/api/call/items.counts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(((await empty.json()) as { value: { total: number } }).value.total).toBe(5);
  });

  test('maps error codes to HTTP statuses', async () => {
    const app = await serve();
    await seedReturnsDesk(app.ws);
    await addProfile(app.ws, { name: 'Kim', role: 'staff', password: PASSWORD });
    const kim = await app.signIn('Kim', PASSWORD);
    const merchant = { name: 'Velo Shop', currency: 'EUR', language: 'en', returnWindowDays: 14 };
    const cases: [Promise<Response>, number, string][] = [
      [app.callAsAdmin('items.list', { limit: 0 }), 400, 'bad_input'],
      [app.callAsAdmin('items.get', { id: 999 }), 404, 'not_found'],
      [app.callAsAdmin('items.explode', {}), 404, 'not_found'],
      [app.callAsAdmin('merchants.create', merchant), 409, 'conflict'],
      [app.call('merchants.create', { ...merchant, name: 'New' }), 401, 'unauthorized'],
      [app.call('merchants.create', { ...merchant, name: 'New' }, kim), 403, 'forbidden'],
    ];
    for (const [response, status, code] of cases) {
      const answer = await response;
      expect(answer.status, code).toBe(status);
      expect(await answer.json()).toMatchObject({ ok: false, error: { code } });
    }
  });

  test('a body that is not JSON is a 400, one over 2 MB a 413, a GET a 405', async () => {
    const app = await serve();
    const notJson = await app.callAsAdmin('items.list', '{"limit": 5');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      ok: false,
      error: { code: 'bad_input', message: 'The request body is not valid JSON.' },
    });

    const huge = await app.callAsAdmin(
      'items.list',
      JSON.stringify({ search: 'x'.repeat(2 * 1024 * 1024 + 1) }),
    );
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
    expect((await app.callAsAdmin('items.list', {})).status).toBe(200);
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
      const { status, body } = await rawGet(app.origin, pathname, { cookie: app.cookie });
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

/** A self-signed certificate for 127.0.0.1, made by openssl for this test run. */
function selfSigned(): { cert: Buffer; key: Buffer } | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-tls-'));
  const result = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) return null;
  return {
    cert: fs.readFileSync(path.join(dir, 'cert.pem')),
    key: fs.readFileSync(path.join(dir, 'key.pem')),
  };
}

const tls = selfSigned();

describe('browser mode over HTTPS', () => {
  test.skipIf(tls === null)(
    'with a certificate it speaks HTTPS only, and its session cookie is Secure (openssl makes the test certificate)',
    async () => {
      const app = await serveWorkspace({ tls: tls! });
      expect(app.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      await addProfile(app.ws, { name: 'Kim', role: 'staff', password: PASSWORD });
      const answer = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
        const request = https.request(
          `${app.origin}/api/session`,
          { method: 'POST', ca: tls!.cert, headers: { 'content-type': 'application/json' } },
          (response) => {
            response.resume();
            resolve({ status: response.statusCode ?? 0, cookie: response.headers['set-cookie']?.[0] ?? '' });
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify({ name: 'Kim', password: PASSWORD }));
      });
      expect(answer.status).toBe(200);
      expect(answer.cookie).toMatch(/; Secure/);
      // Plain HTTP on the same port gets no answer a browser could use.
      await expect(fetch(app.origin.replace('https:', 'http:'))).rejects.toThrow();
    },
  );
});
