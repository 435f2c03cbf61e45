import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { addItem, addMerchant, addProduct } from '../../../tests/integration/seed';
import { sqliteWorkspace, tempDir } from '../../../tests/integration/temp';
import type { Actor } from '../actor';
import type { Workspace } from '../workspace';
import { HotFolder, isCandidateName, readHotFolderSetting } from './hotFolder';
import { PhotoPool } from './index';
import { sceneJpeg } from '../../../tests/support/images';

/**
 * The hot folder against a real temp folder and real JPEGs: arrivals in shooting order, a slow
 * writer only read once complete, the folder removed and recreated, nothing imported twice.
 * Polling is fast here (30 ms, settled after 120 ms) so tests wait for state, never for time.
 * On a desk's SQLite only: a server watches no folder (a desk connected to one watches its own,
 * tests/electron/deskFolder.test.ts), and setFolder refuses there (manage.test.ts).
 */

const actor: Actor = { profileId: null, name: 'Camera desk', role: 'staff', merchantIds: [] };
let pool: PhotoPool;
let jpegs: Buffer[];

beforeAll(async () => {
  pool = new PhotoPool({ size: 2 });
  jpegs = await Promise.all([1, 2, 3, 4].map((seed) => sceneJpeg(900, 700, seed)));
});
afterAll(async () => {
  await pool.close();
});

async function setup(): Promise<{ ws: Workspace; folder: string; itemId: number; hot: HotFolder }> {
  const ws = sqliteWorkspace();
  const folder = path.join(tempDir('rebound-hot-'), 'camera');
  fs.mkdirSync(folder);
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, { merchantId, sku: 'LAMP', title: 'Desk lamp' });
  const itemId = await addItem(ws, { merchantId, productId, reference: 'RB-000001' });
  const hot = new HotFolder(ws, { pollMs: 30, settleMs: 120, pool });
  onTestFinished(() => hot.stop());
  await hot.start();
  await hot.setFolder(folder);
  return { ws, folder, itemId, hot };
}

async function photoNames(ws: Workspace, itemId: number): Promise<string[]> {
  const rows = await ws.kysely
    .selectFrom('photos')
    .select('original_name')
    .where('item_id', '=', itemId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.original_name ?? '');
}

/** Writes a file with a given mtime, so shooting order does not depend on the clock's resolution. */
function shoot(folder: string, name: string, bytes: Buffer, mtimeSeconds: number): void {
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  fs.utimesSync(file, mtimeSeconds, mtimeSeconds);
}

describe('hot folder', () => {
  test('names: temp, partial and hidden files are never candidates', () => {
    for (const name of [
      '.DS_Store',
      '._IMG_1.JPG',
      'IMG_1.JPG.tmp',
      'IMG_1.jpg~',
      'a.part',
      'b.crdownload',
      'c.xmp',
    ])
      expect(isCandidateName(name), name).toBe(false);
    for (const name of ['IMG_0001.JPG', 'shot.jpeg', 'scan.TIF', 'x.png', 'y.webp', 'z.heic'])
      expect(isCandidateName(name), name).toBe(true);
  });

  test('setFolder refuses a missing folder and a file, and saves a good one', async () => {
    const { ws, folder, hot } = await setup();
    await expect(hot.setFolder(path.join(folder, 'nope'))).rejects.toThrow(/no folder/);
    fs.writeFileSync(path.join(folder, 'file.txt'), 'x');
    await expect(hot.setFolder(path.join(folder, 'file.txt'))).rejects.toThrow(/not a folder/);
    expect(await readHotFolderSetting(ws)).toBe(folder);
    expect(hot.status()).toMatchObject({ path: folder, watching: true, pendingCount: 0 });
  });

  test('new files go to the open item in shooting order; files there before are left alone', async () => {
    const ws = sqliteWorkspace();
    const folder = path.join(tempDir('rebound-hot-'), 'camera');
    fs.mkdirSync(folder);
    shoot(folder, 'old.jpg', jpegs[3]!, 1_700_000_000);
    const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
    const productId = await addProduct(ws, { merchantId, sku: 'LAMP', title: 'Desk lamp' });
    const itemId = await addItem(ws, { merchantId, productId, reference: 'RB-000001' });
    const hot = new HotFolder(ws, { pollMs: 30, settleMs: 120, pool });
    onTestFinished(() => hot.stop());
    await hot.start();
    await hot.setFolder(folder);
    hot.setActiveItem(itemId, actor);

    // Written out of order: the later shot (by mtime) lands first on disk.
    shoot(folder, 'IMG_0003.JPG', jpegs[2]!, 1_800_000_300);
    shoot(folder, 'IMG_0001.JPG', jpegs[0]!, 1_800_000_100);
    shoot(folder, 'IMG_0002.JPG', jpegs[1]!, 1_800_000_200);
    await vi.waitFor(async () => expect(await photoNames(ws, itemId)).toHaveLength(3), { timeout: 10_000 });
    expect(await photoNames(ws, itemId)).toEqual(['IMG_0001.JPG', 'IMG_0002.JPG', 'IMG_0003.JPG']);
    const status = hot.status();
    expect(status).toMatchObject({ watching: true, pendingCount: 0, importedCount: 3 });
    expect(status.lastImported).toMatchObject({ name: 'IMG_0003.JPG', itemId });
    // The files stay where the camera put them.
    expect(fs.readdirSync(folder).sort()).toEqual([
      'IMG_0001.JPG',
      'IMG_0002.JPG',
      'IMG_0003.JPG',
      'old.jpg',
    ]);
    const events = await ws.kysely
      .selectFrom('events')
      .select('kind')
      .where('item_id', '=', itemId)
      .execute();
    expect(events.map((e) => e.kind)).toContain('photos.added');
  });

  test('a file written slowly in chunks is read once, when complete', async () => {
    const { ws, folder, itemId, hot } = await setup();
    hot.setActiveItem(itemId, actor);
    const reads: { name: string; size: number }[] = [];
    hot.on('reading', (name, size) => reads.push({ name, size }));
    const bytes = jpegs[0]!;
    const file = path.join(folder, 'IMG_0100.JPG');
    const handle = fs.openSync(file, 'w');
    const chunk = Math.ceil(bytes.length / 6);
    // A tethering program that writes a chunk every 40 ms: faster than the settle time, so
    // the file keeps changing under the watcher until the last byte is written.
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      fs.writeSync(handle, bytes, offset, Math.min(chunk, bytes.length - offset));
      fs.fsyncSync(handle);
      await new Promise((resolve) => setTimeout(resolve, 40));
      if (offset + chunk < bytes.length) expect(reads).toEqual([]);
    }
    fs.closeSync(handle);
    await vi.waitFor(async () => expect(await photoNames(ws, itemId)).toEqual(['IMG_0100.JPG']), {
      timeout: 10_000,
    });
    expect(reads).toEqual([{ name: 'IMG_0100.JPG', size: bytes.length }]);
    expect(hot.status().rejected).toEqual([]);
    const row = await ws.kysely.selectFrom('photos').select('hash').executeTakeFirstOrThrow();
    expect(row.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  test('temp names are ignored until renamed; the same file is never imported twice', async () => {
    const { ws, folder, itemId, hot } = await setup();
    hot.setActiveItem(itemId, actor);
    const imported = vi.fn();
    hot.on('imported', imported);
    shoot(folder, 'IMG_0200.JPG.part', jpegs[1]!, 1_800_000_000);
    shoot(folder, '.IMG_0201.JPG', jpegs[2]!, 1_800_000_000);
    fs.renameSync(path.join(folder, 'IMG_0200.JPG.part'), path.join(folder, 'IMG_0200.JPG'));
    await vi.waitFor(async () => expect(await photoNames(ws, itemId)).toEqual(['IMG_0200.JPG']), {
      timeout: 10_000,
    });
    // The same bytes under another name: the pipeline says duplicate, nothing new is added.
    shoot(folder, 'IMG_0200 copy.JPG', jpegs[1]!, 1_800_000_010);
    await vi.waitFor(() => expect(imported).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    expect(imported.mock.calls[1]![1]).toMatchObject([{ ok: true, duplicate: true }]);
    // Touching nothing, polling on: the files already imported are remembered.
    await hot.settled();
    expect(await photoNames(ws, itemId)).toEqual(['IMG_0200.JPG']);
    expect(imported).toHaveBeenCalledTimes(2);
  });

  test('arrivals wait while no item is open, then go to the item opened', async () => {
    const { ws, folder, itemId, hot } = await setup();
    shoot(folder, 'IMG_0300.JPG', jpegs[0]!, 1_800_000_000);
    await vi.waitFor(() => expect(hot.status().pendingCount).toBe(1), { timeout: 10_000 });
    await hot.settled();
    expect(await photoNames(ws, itemId)).toEqual([]);
    hot.setActiveItem(itemId, actor);
    await vi.waitFor(async () => expect(await photoNames(ws, itemId)).toEqual(['IMG_0300.JPG']), {
      timeout: 10_000,
    });
    expect(hot.status().pendingCount).toBe(0);
  });

  test('survives the folder disappearing and coming back', async () => {
    const { ws, folder, itemId, hot } = await setup();
    hot.setActiveItem(itemId, actor);
    fs.rmSync(folder, { recursive: true });
    await vi.waitFor(() => expect(hot.status().watching).toBe(false), { timeout: 10_000 });
    expect(hot.status().error).toMatch(/not there/);
    fs.mkdirSync(folder);
    await vi.waitFor(() => expect(hot.status().watching).toBe(true), { timeout: 10_000 });
    expect(hot.status().error).toBeUndefined();
    shoot(folder, 'IMG_0400.JPG', jpegs[3]!, 1_800_000_000);
    await vi.waitFor(async () => expect(await photoNames(ws, itemId)).toEqual(['IMG_0400.JPG']), {
      timeout: 10_000,
    });
  });

  test('a file that is not an image is reported as rejected, with its reason', async () => {
    const { folder, itemId, hot } = await setup();
    hot.setActiveItem(itemId, actor);
    fs.writeFileSync(path.join(folder, 'notes.jpg'), 'not a photo at all');
    await vi.waitFor(() => expect(hot.status().rejected).toHaveLength(1), { timeout: 10_000 });
    expect(hot.status().rejected[0]).toMatchObject({ name: 'notes.jpg' });
    expect(hot.status().importedCount).toBe(0);
  });
});
