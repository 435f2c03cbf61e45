import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../../shared/contract';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { Workspace } from '../workspace';
import { addPhotos, PhotoPool, type AddPhotoResult, type PhotoFile } from './index';
import { pngClaiming, sceneJpeg } from '../../../tests/support/images';

/**
 * addPhotos against a real workspace (SQLite file + photo folder) and real image files: what
 * the desk does when a batch is dropped on an item.
 */

const actor: Actor = { profileId: null, name: 'Desk test', role: 'staff', merchantIds: [] };

let pool: PhotoPool;
let dir: string;
let ws: Workspace;
let itemId: number;
let merchantId: number;
let events: ServerEvent[];
let photo: Buffer[];

beforeAll(async () => {
  pool = new PhotoPool({ size: 2 });
  // Distinct photos (seeds), made once for the whole file.
  photo = await Promise.all([1, 2, 3, 4].map((seed) => sceneJpeg(1200, 900, seed)));
});

afterAll(async () => {
  await pool.close();
});

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-photos-add-'));
  ws = Workspace.open(path.join(dir, 'data'));
  events = [];
  ws.onEvent((event) => events.push(event));
  const now = nowIso();
  const merchant = await ws.kysely
    .insertInto('merchants')
    .values({
      name: 'Photo desk GmbH',
      currency: 'EUR',
      language: 'de',
      return_window_days: 14,
      address: '',
      pricing_policy: null,
      fee_schedule: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  merchantId = merchant.id;
  const product = await ws.kysely
    .insertInto('products')
    .values({
      merchant_id: merchant.id,
      sku: 'KETTLE-1',
      ean: null,
      brand: 'Rebound',
      model: 'K1',
      title: 'Kettle 1.7 l',
      description: '',
      ebay_category_id: null,
      original_cents: 4999,
      accessories: '[]',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await ws.kysely
    .insertInto('items')
    .values({
      reference: 'RB-PHOTO-1',
      merchant_id: merchant.id,
      product_id: product.id,
      order_reference: null,
      order_line: null,
      return_reason: null,
      delivered_at: null,
      received_at: now,
      grade: null,
      packaging: null,
      disposition: null,
      graded_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  itemId = item.id;
});

afterEach(async () => {
  await ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, bytes: Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes);
  return target;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function add(files: PhotoFile[], onProgress?: (done: number, total: number) => void) {
  return addPhotos(ws, actor, itemId, files, onProgress, { pool });
}

async function rows() {
  return ws.kysely
    .selectFrom('photos')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
}

function accepted(result: AddPhotoResult | undefined) {
  if (!result?.ok) throw new Error(`not accepted: ${JSON.stringify(result)}`);
  return result;
}

describe('addPhotos', () => {
  it('adds a mixed batch in order: good files stored, bad ones reported, the batch goes on', async () => {
    const progress: [number, number][] = [];
    const results = await add(
      [
        { path: file('front.jpg', photo[0]!), name: 'front.jpg', source: 'drop' },
        { path: file('notes.jpg', Buffer.from('not a photo')), name: 'notes.jpg', source: 'drop' },
        { bytes: photo[1]!, name: 'webcam-1.jpg', source: 'webcam' },
        { bytes: pngClaiming(100_000, 100_000), name: 'bomb.png', source: 'drop' },
        { bytes: Buffer.alloc(0), name: 'empty.jpg', source: 'drop' },
        { path: file('side.jpg', photo[2]!), name: 'side.jpg', source: 'drop' },
      ],
      (done, total) => progress.push([done, total]),
    );

    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'ok',
      'not_an_image',
      'ok',
      'too_many_pixels',
      'empty',
      'ok',
    ]);
    expect(results.map((r) => r.name)).toEqual([
      'front.jpg',
      'notes.jpg',
      'webcam-1.jpg',
      'bomb.png',
      'empty.jpg',
      'side.jpg',
    ]);
    const rejected = results[1]!;
    expect(rejected.ok ? '' : rejected.reason).toBe('This file is not an image.');

    const front = accepted(results[0]);
    expect(front).toMatchObject({
      hash: sha256(photo[0]!),
      width: 1200,
      height: 900,
      warnings: [],
      duplicate: false,
    });

    const stored = await rows();
    expect(stored.map((r) => [r.original_name, r.position, r.is_main, r.source])).toEqual([
      ['front.jpg', 1, 1, 'drop'],
      ['webcam-1.jpg', 2, 0, 'webcam'],
      ['side.jpg', 3, 0, 'drop'],
    ]);
    expect(stored[0]!.id).toBe(front.photoId);
    expect(JSON.parse(stored[0]!.warnings)).toEqual([]);

    // Files are stored under the hash, complete, with no temporary file left behind.
    for (const row of stored) {
      for (const variant of ['listing', 'thumb'] as const) {
        const target = ws.photoPath(row.hash, variant);
        const meta = await sharp(target).metadata();
        expect(meta.format).toBe('jpeg');
        expect(meta.exif).toBeUndefined();
      }
      expect(fs.statSync(ws.photoPath(row.hash, 'listing')).size).toBe(row.bytes);
    }
    const leftovers = fs
      .readdirSync(ws.photosDir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);

    // Progress: from 0 to 6 of 6, as a workspace event and through the callback.
    expect(progress[0]).toEqual([0, 6]);
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(progress).toHaveLength(7);
    const progressEvents = events.filter((e) => e.type === 'progress');
    expect(progressEvents.at(-1)).toEqual({ type: 'progress', task: 'photos', done: 6, total: 6 });
    expect(events).toContainEqual({ type: 'changed', domains: ['items'] });

    // One event for the batch, in the audit trail.
    const audit = await ws.kysely.selectFrom('events').selectAll().where('item_id', '=', itemId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      kind: 'photos.added',
      summary: '3 photos added',
      actor: 'Desk test',
      merchant_id: merchantId,
    });
    const data = JSON.parse(audit[0]!.data) as { rejected: unknown[]; duplicates: number };
    expect(data.rejected).toHaveLength(3);
    expect(data.duplicates).toBe(0);
  });

  it('reports the same file again as a duplicate and stores it once', async () => {
    const first = accepted((await add([{ bytes: photo[0]!, name: 'a.jpg', source: 'picker' }]))[0]);

    // Twice in the same batch, and again after it was added.
    const results = await add([
      { bytes: photo[1]!, name: 'b.jpg', source: 'picker' },
      { bytes: photo[1]!, name: 'b-copy.jpg', source: 'picker' },
      { path: file('a-again.jpg', photo[0]!), name: 'a-again.jpg', source: 'hot_folder' },
    ]);
    const [b, bCopy, aAgain] = results.map(accepted);
    expect(b!.duplicate).toBe(false);
    expect(bCopy).toMatchObject({ duplicate: true, photoId: b!.photoId, hash: b!.hash });
    expect(aAgain).toMatchObject({
      duplicate: true,
      photoId: first.photoId,
      hash: first.hash,
      width: 1200,
      height: 900,
    });
    expect((await rows()).map((r) => r.original_name)).toEqual(['a.jpg', 'b.jpg']);

    // A batch of nothing but duplicates changes nothing and records nothing.
    events.length = 0;
    const again = await add([{ bytes: photo[0]!, name: 'a.jpg', source: 'picker' }]);
    expect(again[0]).toMatchObject({ ok: true, duplicate: true });
    expect(events.filter((e) => e.type === 'changed')).toEqual([]);
    const audit = await ws.kysely.selectFrom('events').select('summary').execute();
    expect(audit.map((e) => e.summary)).toEqual(['1 photo added', '1 photo added']);
  });

  it('appends later photos after the existing ones; the main photo stays', async () => {
    await add([
      { bytes: photo[0]!, name: '1.jpg', source: 'drop' },
      { bytes: photo[1]!, name: '2.jpg', source: 'drop' },
    ]);
    await add([{ bytes: photo[2]!, name: '3.jpg', source: 'drop' }]);
    expect((await rows()).map((r) => [r.original_name, r.position, r.is_main])).toEqual([
      ['1.jpg', 1, 1],
      ['2.jpg', 2, 0],
      ['3.jpg', 3, 0],
    ]);
  });

  it('brings back a deleted photo when it is added again', async () => {
    const first = accepted((await add([{ bytes: photo[0]!, name: 'a.jpg', source: 'drop' }]))[0]);
    await add([{ bytes: photo[1]!, name: 'b.jpg', source: 'drop' }]);
    await ws.kysely
      .updateTable('photos')
      .set({ deleted_at: nowIso() })
      .where('id', '=', first.photoId)
      .execute();

    const back = accepted((await add([{ bytes: photo[0]!, name: 'a2.jpg', source: 'drop' }]))[0]);
    expect(back).toMatchObject({ photoId: first.photoId, duplicate: false });
    const row = (await rows()).find((r) => r.id === first.photoId)!;
    expect(row).toMatchObject({ deleted_at: null, position: 3, original_name: 'a2.jpg' });
  });

  it('reports every file of an all-bad batch and records no event', async () => {
    const results = await add([
      { bytes: Buffer.from('x'), name: 'x.jpg', source: 'drop' },
      { name: 'nothing.jpg', source: 'drop' },
      { path: path.join(dir, 'missing.jpg'), name: 'missing.jpg', source: 'hot_folder' },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['not_an_image', 'unreadable', 'unreadable']);
    expect(await rows()).toEqual([]);
    expect(await ws.kysely.selectFrom('events').selectAll().execute()).toEqual([]);
    expect(events.filter((e) => e.type === 'changed')).toEqual([]);
  });

  it('flags quality problems on the stored row', async () => {
    const blurred = await sceneJpeg(1600, 1200, 5, { blurAt1600: 5 });
    const result = accepted((await add([{ bytes: blurred, name: 'soft.jpg', source: 'drop' }]))[0]);
    expect(result.warnings).toContain('blurred');
    expect(JSON.parse((await rows())[0]!.warnings)).toContain('blurred');
  });

  it('refuses an unknown item before touching any file', async () => {
    await expect(
      addPhotos(ws, actor, 9999, [{ bytes: photo[0]!, name: 'a.jpg', source: 'drop' }], undefined, {
        pool,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(fs.existsSync(ws.photosDir)).toBe(false);
  });
});
