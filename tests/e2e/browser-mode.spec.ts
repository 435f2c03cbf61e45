import { expect, test } from './fixtures';

test.describe('browser mode', () => {
  test('serves the sign-in page to anyone, and no data without a session', async ({ app, request }) => {
    const page = await request.get(`${app.origin}/`);
    expect(page.status()).toBe(200);
    const api = await request.post(`${app.origin}/api/call/items.list`, { data: {} });
    expect(api.status()).toBe(401);
    const claimed = await request.post(`${app.origin}/api/call/items.list`, {
      data: {},
      headers: { 'x-rebound-profile': '1' },
    });
    expect(claimed.status()).toBe(401);
  });

  test('the first admin signs in, and the API then answers and validates its input', async ({
    app,
    request,
  }) => {
    const created = await request.post(`${app.origin}/api/call/setup.firstAdmin`, {
      data: { name: 'Nadia', password: 'first-admin-pass' },
    });
    expect(created.status()).toBe(200);
    const signedIn = await request.post(`${app.origin}/api/session`, {
      data: { name: 'Nadia', password: 'first-admin-pass' },
    });
    expect(signedIn.status()).toBe(200);
    // The request context keeps the session cookie, as a browser does.
    const ok = await request.post(`${app.origin}/api/call/items.list`, { data: {} });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, value: { rows: [], total: 0, totalCapped: false } });
    const bad = await request.post(`${app.origin}/api/call/items.list`, { data: { limit: -1 } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_input');
    const unknown = await request.post(`${app.origin}/api/call/items.drop`, { data: {} });
    expect(unknown.status()).toBe(404);
  });

  test('the printed link opens the app at its first screen', async ({ app, page }) => {
    await page.goto(app.url);
    await expect(page).toHaveURL(`${app.origin}/`);
    await expect(page.getByTestId('first-admin')).toBeVisible();
  });
});
