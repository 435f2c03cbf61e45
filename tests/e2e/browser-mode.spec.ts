import { expect, test } from './fixtures';

test.describe('browser mode', () => {
  test('refuses every request without the token', async ({ app, request }) => {
    const page = await request.get(`${app.origin}/`);
    expect(page.status()).toBe(401);
    const api = await request.post(`${app.origin}/api/call/items.list`, { data: {} });
    expect(api.status()).toBe(401);
    const wrong = await request.post(`${app.origin}/api/call/items.list`, {
      data: {},
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status()).toBe(401);
  });

  test('answers the API with the token and validates its input', async ({ app, request }) => {
    const headers = { authorization: `Bearer ${app.token}` };
    const ok = await request.post(`${app.origin}/api/call/items.list`, { data: {}, headers });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, value: { rows: [], total: 0 } });
    const bad = await request.post(`${app.origin}/api/call/items.list`, { data: { limit: -1 }, headers });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_input');
    const unknown = await request.post(`${app.origin}/api/call/items.drop`, { data: {}, headers });
    expect(unknown.status()).toBe(404);
  });

  test('the printed link opens the app and drops the token from the address bar', async ({ app, page }) => {
    await page.goto(app.url);
    await expect(page).toHaveURL(`${app.origin}/`);
    await expect(page.locator('#root')).not.toBeEmpty();
  });
});
