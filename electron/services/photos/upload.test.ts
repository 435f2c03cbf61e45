import { afterAll, describe, expect, test } from 'vitest';
import { addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { serveWorkspace } from '../../../tests/support/browser';
import { closePhotoPool } from './index';
import { sceneJpeg } from '../../../tests/support/images';

/**
 * Browser mode's upload route: POST /api/upload/photo with the file as the raw body, behind the
 * signed-in session, ending in photos.add like the Electron app's IPC call.
 */

const PASSWORD = 'a desk with a view';

afterAll(async () => {
  await closePhotoPool();
});

async function serve() {
  const app = await serveWorkspace();
  const ws = app.ws;
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, { merchantId, sku: 'LAMP', title: 'Desk lamp' });
  const itemId = await addItem(ws, { merchantId, productId, reference: 'RB-000001' });
  await addProfile(ws, { name: 'Kim', role: 'staff', password: PASSWORD });
  const cookie = await app.signIn('Kim', PASSWORD);
  const upload = (query: Record<string, string>, body: Uint8Array, auth = true) =>
    app.request(`/api/upload/photo?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/octet-stream', ...(auth ? { cookie } : {}) },
    });
  return { ws, itemId, upload, app, cookie };
}

describe('POST /api/upload/photo', () => {
  test('a camera-sized JPEG (over the 2 MB JSON limit) is added to the item', async () => {
    const { ws, itemId, upload } = await serve();
    const jpeg = await sceneJpeg(4800, 3600, 5);
    expect(jpeg.length).toBeGreaterThan(2 * 1024 * 1024);
    const response = await upload({ itemId: String(itemId), source: 'drop', name: 'big.jpg' }, jpeg);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: unknown[] };
    expect(body.value).toMatchObject([{ ok: true, name: 'big.jpg', width: 1600, height: 1200 }]);
    const rows = await ws.kysely.selectFrom('photos').select(['source', 'original_name']).execute();
    expect(rows).toEqual([{ source: 'drop', original_name: 'big.jpg' }]);
  });

  test('needs a session, a known item and a valid source', async () => {
    const { itemId, upload } = await serve();
    const bytes = new TextEncoder().encode('x');
    expect(
      (await upload({ itemId: String(itemId), source: 'drop', name: 'a.jpg' }, bytes, false)).status,
    ).toBe(401);
    expect((await upload({ itemId: '999', source: 'drop', name: 'a.jpg' }, bytes)).status).toBe(404);
    expect((await upload({ itemId: String(itemId), source: 'demo', name: 'a.jpg' }, bytes)).status).toBe(400);
    expect((await upload({ itemId: 'x', source: 'drop', name: 'a.jpg' }, bytes)).status).toBe(400);
  });

  test('plain JSON cannot reach photos.add (the bytes must be bytes)', async () => {
    const { itemId, app, cookie } = await serve();
    const response = await app.call(
      'photos.add',
      { itemId, source: 'drop', files: [{ name: 'a.jpg', bytes: [255, 216, 255] }] },
      cookie,
    );
    expect(response.status).toBe(400);
  });
});
