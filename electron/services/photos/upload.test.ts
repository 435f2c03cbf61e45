import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import { addItem, addMerchant, addProduct } from '../../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../../tests/integration/temp';
import { startServer } from '../../server/http';
import { closePhotoPool } from './index';
import { sceneJpeg } from './testing';

/**
 * Browser mode's upload route: POST /api/upload/photo with the file as the raw body, behind the
 * run's token, ending in photos.add like the Electron app's IPC call.
 */

const TOKEN = 'upload-token-0123456789abcdef';

afterAll(async () => {
  await closePhotoPool();
});

async function serve() {
  const ws = tempWorkspace();
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, { merchantId, sku: 'LAMP', title: 'Desk lamp' });
  const itemId = await addItem(ws, { merchantId, productId, reference: 'RB-000001' });
  const server = await startServer({ ws, host: '127.0.0.1', port: 0, rendererDir: tempDir(), token: TOKEN });
  onTestFinished(() => server.close());
  const upload = (query: Record<string, string>, body: Uint8Array, auth = true) =>
    fetch(`${server.origin}/api/upload/photo?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/octet-stream',
        ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}),
      },
    });
  return { ws, itemId, upload, origin: server.origin };
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

  test('needs the token, a known item and a valid source', async () => {
    const { itemId, upload } = await serve();
    const bytes = new TextEncoder().encode('x');
    expect(
      (await upload({ itemId: String(itemId), source: 'drop', name: 'a.jpg' }, bytes, false)).status,
    ).toBe(401);
    expect((await upload({ itemId: '999', source: 'drop', name: 'a.jpg' }, bytes)).status).toBe(404);
    expect(
      (await upload({ itemId: String(itemId), source: 'hot_folder', name: 'a.jpg' }, bytes)).status,
    ).toBe(400);
    expect((await upload({ itemId: 'x', source: 'drop', name: 'a.jpg' }, bytes)).status).toBe(400);
  });

  test('plain JSON cannot reach photos.add (the bytes must be bytes)', async () => {
    const { itemId, origin } = await serve();
    const response = await fetch(`${origin}/api/call/photos.add`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ itemId, source: 'drop', files: [{ name: 'a.jpg', bytes: [255, 216, 255] }] }),
    });
    expect(response.status).toBe(400);
  });
});
