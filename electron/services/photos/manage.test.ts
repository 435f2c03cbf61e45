import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ItemDetail } from '../../../shared/contract';
import { addDefect, addItem, addMerchant, addPhoto, addProduct } from '../../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../../tests/integration/temp';
import { onPostgres } from '../../../tests/support/workspace';
import { dispatch, invoke } from '../api';
import type { Workspace } from '../workspace';
import { hotFolderOf } from './hotFolder';
import { closePhotoPool } from './index';
import { sceneJpeg } from '../../../tests/support/images';

/** The photo desk's methods through dispatch, as the window calls them. */

afterAll(async () => {
  await closePhotoPool();
});

async function itemWithPhotos(ws: Workspace, count: number) {
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, { merchantId, sku: 'LAMP', title: 'Desk lamp' });
  const itemId = await addItem(ws, { merchantId, productId, reference: 'RB-000001' });
  const photos = [];
  for (let i = 1; i <= count; i++)
    photos.push(await addPhoto(ws, itemId, { label: `p${i}`, position: i, isMain: i === 1 }));
  return { itemId, photoIds: photos.map((p) => p.id) };
}

const item = (ws: Workspace, id: number) => dispatch(ws, 'items.get', { id }) as Promise<ItemDetail>;

describe('photo management', () => {
  test('reorder puts photos in the given order and records it; a stale list is refused', async () => {
    const ws = await tempWorkspace();
    const { itemId, photoIds } = await itemWithPhotos(ws, 3);
    const [a, b, c] = photoIds as [number, number, number];
    await dispatch(ws, 'photos.reorder', { itemId, photoIds: [c, a, b] });
    expect((await item(ws, itemId)).photos.map((p) => p.id)).toEqual([c, a, b]);
    await expect(dispatch(ws, 'photos.reorder', { itemId, photoIds: [a, b] })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(dispatch(ws, 'photos.reorder', { itemId, photoIds: [a, a, b] })).rejects.toMatchObject({
      code: 'bad_input',
    });
    const events = (await item(ws, itemId)).events.map((e) => e.kind);
    expect(events.filter((k) => k === 'photos.reordered')).toHaveLength(1);
  });

  test('setMain moves the main photo; delete is soft, passes main on, and restore brings it back', async () => {
    const ws = await tempWorkspace();
    const { itemId, photoIds } = await itemWithPhotos(ws, 3);
    const [a, b, c] = photoIds as [number, number, number];
    await dispatch(ws, 'photos.setMain', { photoId: c });
    let detail = await item(ws, itemId);
    expect(detail.photos.filter((p) => p.isMain).map((p) => p.id)).toEqual([c]);

    await dispatch(ws, 'photos.delete', { photoId: c });
    detail = await item(ws, itemId);
    expect(detail.photos.map((p) => p.id)).toEqual([a, b]);
    // A listing always has a main photo: the first remaining one takes over.
    expect(detail.photos.filter((p) => p.isMain).map((p) => p.id)).toEqual([a]);
    const row = await ws.kysely
      .selectFrom('photos')
      .select('deleted_at')
      .where('id', '=', c)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();

    await dispatch(ws, 'photos.restore', { photoId: c });
    detail = await item(ws, itemId);
    expect(detail.photos.map((p) => p.id)).toEqual([a, b, c]);
    expect(detail.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['photos.main', 'photos.deleted', 'photos.restored']),
    );
    await expect(dispatch(ws, 'photos.setMain', { photoId: 9999 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('linkDefect links a photo of the same item only, and unlinks', async () => {
    const ws = await tempWorkspace();
    const { itemId, photoIds } = await itemWithPhotos(ws, 2);
    const defectId = await addDefect(ws, itemId, { position: 1, kind: 'scratch', severity: 'minor' });
    await dispatch(ws, 'photos.linkDefect', { defectId, photoId: photoIds[1]! });
    expect((await item(ws, itemId)).defects[0]!.photoId).toBe(photoIds[1]);
    const other = await addItem(ws, {
      merchantId: (await item(ws, itemId)).merchantId,
      productId: (await item(ws, itemId)).productId,
      reference: 'RB-000002',
    });
    const foreign = await addPhoto(ws, other, { label: 'other', position: 1 });
    await expect(dispatch(ws, 'photos.linkDefect', { defectId, photoId: foreign.id })).rejects.toMatchObject({
      code: 'bad_input',
    });
    await dispatch(ws, 'photos.linkDefect', { defectId, photoId: null });
    const detail = await item(ws, itemId);
    expect(detail.defects[0]!.photoId).toBeNull();
    expect(detail.events.filter((e) => e.kind === 'photos.defectLinked')).toHaveLength(2);
  });

  test('photos.add takes bytes (as IPC and the upload route send them), and JSON cannot fake them', async () => {
    const ws = await tempWorkspace();
    const { itemId } = await itemWithPhotos(ws, 0);
    const jpeg = await sceneJpeg(900, 700, 7);
    const results = await invoke(ws, 'photos.add', {
      itemId,
      source: 'drop',
      files: [
        { name: 'good.jpg', bytes: new Uint8Array(jpeg) },
        { name: 'bad.jpg', bytes: new TextEncoder().encode('hello') },
      ],
    });
    expect(results[0]).toMatchObject({ ok: true, name: 'good.jpg', duplicate: false });
    expect(results[1]).toMatchObject({ ok: false, name: 'bad.jpg', code: 'not_an_image' });
    const detail = await item(ws, itemId);
    expect(detail.photos).toHaveLength(1);
    expect(detail.photos[0]).toMatchObject({ source: 'drop', isMain: true });
    await expect(
      dispatch(ws, 'photos.add', { itemId, source: 'drop', files: [{ name: 'x.jpg', bytes: 'AAAA' }] }),
    ).rejects.toMatchObject({ code: 'bad_input' });
  });

  test('hot folder settings and the open item through the API', async () => {
    const ws = await tempWorkspace();
    const { itemId } = await itemWithPhotos(ws, 0);
    const folder = tempDir('rebound-hot-api-');
    fs.mkdirSync(path.join(folder, 'cam'));
    if (onPostgres) {
      // A server's folders are not the desk's, and naming paths would tell a desk which exist
      // on the server: refused, whatever the path.
      for (const candidate of [path.join(folder, 'cam'), path.join(folder, 'missing'), '/etc']) {
        await expect(dispatch(ws, 'photos.setHotFolder', { path: candidate })).rejects.toMatchObject({
          code: 'bad_input',
          message: expect.stringMatching(/desktop app on the desk/),
        });
      }
    } else {
      await expect(
        dispatch(ws, 'photos.setHotFolder', { path: path.join(folder, 'missing') }),
      ).rejects.toMatchObject({
        code: 'bad_input',
      });
      const status = await dispatch(ws, 'photos.setHotFolder', { path: path.join(folder, 'cam') });
      // Not started in this process (only the app and `rebound serve` watch): saved, not watching.
      expect(status).toMatchObject({ path: path.join(folder, 'cam'), watching: false });
    }
    await expect(dispatch(ws, 'photos.setActiveItem', { itemId: 9999 })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await dispatch(ws, 'photos.setActiveItem', { itemId })).toMatchObject({ activeItemId: itemId });
    expect(hotFolderOf(ws).status().activeItemId).toBe(itemId);
  });

  test('a photo filed on the wrong item moves to the right one, never doubled, each item keeping a main photo', async () => {
    const ws = await tempWorkspace();
    const { itemId: lamp, photoIds } = await itemWithPhotos(ws, 2);
    const [front, side] = photoIds as [number, number];
    const merchantId = (await item(ws, lamp)).merchantId;
    const productId = await addProduct(ws, { merchantId, sku: 'LAMP-2', title: 'Floor lamp' });
    const floor = await addItem(ws, { merchantId, productId, reference: 'RB-000002' });
    // The floor lamp already has the very file of the "side" shot.
    const twin = await addPhoto(ws, floor, { label: 'p2', position: 1, isMain: true });
    const scratch = await addDefect(ws, lamp, {
      position: 1,
      kind: 'scratch',
      severity: 'minor',
      photoId: front,
    });

    expect(await dispatch(ws, 'photos.move', { photoId: side, itemId: floor })).toEqual({ photoId: twin.id });
    expect((await item(ws, floor)).photos.map((p) => p.id)).toEqual([twin.id]);
    expect((await item(ws, lamp)).photos.map((p) => p.id)).toEqual([front]);

    // The lamp's main photo goes: the floor lamp keeps its own main, and the defect loses its link.
    expect(await dispatch(ws, 'photos.move', { photoId: front, itemId: floor })).toEqual({ photoId: front });
    const moved = await item(ws, floor);
    expect(moved.photos.map((p) => [p.id, p.isMain])).toEqual([
      [twin.id, true],
      [front, false],
    ]);
    const left = await item(ws, lamp);
    expect(left.photos).toEqual([]);
    expect(left.defects.find((d) => d.id === scratch)?.photoId).toBeNull();
    expect(left.events.filter((e) => e.kind === 'photos.moved')).toHaveLength(2);
    expect(moved.events.filter((e) => e.kind === 'photos.moved')).toHaveLength(2);

    // Moving to where it already is changes nothing; an item that does not exist is refused.
    expect(await dispatch(ws, 'photos.move', { photoId: front, itemId: floor })).toEqual({ photoId: front });
    await expect(dispatch(ws, 'photos.move', { photoId: front, itemId: 9999 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
