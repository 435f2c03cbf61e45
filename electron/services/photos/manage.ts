import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import { say, term } from '../../../shared/messages';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { proposeIfReady } from '../pricing/readiness';
import type { Workspace } from '../workspace';

/**
 * Managing an item's photos on the desk: their order, the main photo (the listing's first
 * image), deleting and restoring, and which photo shows a defect. Every change is one
 * transaction with its event in the item's history.
 */

interface PhotoRow {
  readonly id: number;
  readonly item_id: number;
  readonly position: number;
  readonly is_main: number;
  readonly deleted_at: string | null;
  readonly original_name: string | null;
  readonly merchant_id: number;
}

async function photoRow(trx: Transaction<Database>, photoId: number): Promise<PhotoRow> {
  const row = await trx
    .selectFrom('photos')
    .innerJoin('items', 'items.id', 'photos.item_id')
    .select([
      'photos.id',
      'photos.item_id',
      'photos.position',
      'photos.is_main',
      'photos.deleted_at',
      'photos.original_name',
      'items.merchant_id',
    ])
    .where('photos.id', '=', photoId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', say('photos.no_photo', { id: photoId }));
  return row;
}

const label = (row: PhotoRow) => row.original_name ?? `#${row.id}`;

/** When the main photo goes, the first remaining one takes its place: a listing needs one. */
async function ensureMain(trx: Transaction<Database>, itemId: number): Promise<void> {
  const active = await trx
    .selectFrom('photos')
    .select(['id', 'is_main'])
    .where('item_id', '=', itemId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  if (active.length === 0 || active.some((p) => p.is_main === 1)) return;
  await trx.updateTable('photos').set({ is_main: 1 }).where('id', '=', active[0]!.id).execute();
}

/**
 * Puts the item's photos in the given order. The list must name exactly the item's photos
 * (not deleted): a stale list from a second window is refused rather than half applied.
 */
export async function reorderPhotos(
  ws: Workspace,
  actor: Actor,
  itemId: number,
  photoIds: readonly number[],
): Promise<null> {
  await ws.kysely.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .select(['id', 'merchant_id'])
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (!item) throw new AppError('not_found', say('items.not_found', { id: String(itemId) }));
    const rows = await trx
      .selectFrom('photos')
      .select(['id', 'position'])
      .where('item_id', '=', itemId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute();
    const current = rows.map((r) => r.id);
    const same =
      current.length === photoIds.length && [...current].sort().join() === [...photoIds].sort().join();
    if (!same) {
      throw new AppError('conflict', say('photos.order_changed'));
    }
    if (current.join() === photoIds.join()) return;
    // Deleted photos keep their positions; the active ones take positions after all of them,
    // so a restored photo never collides with a moved one.
    const top = await trx
      .selectFrom('photos')
      .select((eb) => eb.fn.max('position').as('top'))
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    const base = Number(top.top ?? 0);
    for (const [index, id] of photoIds.entries()) {
      await trx
        .updateTable('photos')
        .set({ position: base + index + 1 })
        .where('id', '=', id)
        .execute();
    }
    await recordEvent(trx, actor, {
      itemId,
      merchantId: item.merchant_id,
      kind: 'photos.reordered',
      text: say('photos.reordered'),
      data: { before: current, after: photoIds },
    });
  });
  ws.changed('items');
  return null;
}

export async function setMainPhoto(ws: Workspace, actor: Actor, photoId: number): Promise<null> {
  const changed = await ws.kysely.transaction().execute(async (trx) => {
    const row = await photoRow(trx, photoId);
    if (row.deleted_at !== null) throw new AppError('conflict', say('photos.deleted_restore_first'));
    if (row.is_main === 1) return false;
    await trx.updateTable('photos').set({ is_main: 0 }).where('item_id', '=', row.item_id).execute();
    await trx.updateTable('photos').set({ is_main: 1 }).where('id', '=', photoId).execute();
    await recordEvent(trx, actor, {
      itemId: row.item_id,
      merchantId: row.merchant_id,
      kind: 'photos.main',
      text: say('photos.main_set', { name: label(row) }),
      data: { photoId },
    });
    return true;
  });
  if (changed) ws.changed('items');
  return null;
}

/** Soft delete: the row stays (deleted_at), so Undo brings it back exactly where it was. */
export async function deletePhoto(ws: Workspace, actor: Actor, photoId: number): Promise<null> {
  const changed = await ws.kysely.transaction().execute(async (trx) => {
    const row = await photoRow(trx, photoId);
    if (row.deleted_at !== null) return false;
    await trx
      .updateTable('photos')
      .set({ deleted_at: nowIso(), is_main: 0 })
      .where('id', '=', photoId)
      .execute();
    await ensureMain(trx, row.item_id);
    await recordEvent(trx, actor, {
      itemId: row.item_id,
      merchantId: row.merchant_id,
      kind: 'photos.deleted',
      text: say('photos.deleted', { name: label(row) }),
      data: { photoId, wasMain: row.is_main === 1 },
    });
    return true;
  });
  if (changed) ws.changed('items');
  return null;
}

export async function restorePhoto(ws: Workspace, actor: Actor, photoId: number): Promise<null> {
  const changed = await ws.kysely.transaction().execute(async (trx) => {
    const row = await photoRow(trx, photoId);
    if (row.deleted_at === null) return false;
    await trx.updateTable('photos').set({ deleted_at: null }).where('id', '=', photoId).execute();
    // Restoring the only photo makes it the main one again.
    await ensureMain(trx, row.item_id);
    await recordEvent(trx, actor, {
      itemId: row.item_id,
      merchantId: row.merchant_id,
      kind: 'photos.restored',
      text: say('photos.restored', { name: label(row) }),
      data: { photoId },
    });
    return true;
  });
  if (changed) ws.changed('items');
  return null;
}

/** Links a defect to the photo that shows it (null: unlinks). Both must be on the same item. */
export async function linkDefect(
  ws: Workspace,
  actor: Actor,
  defectId: number,
  photoId: number | null,
): Promise<null> {
  const changed = await ws.kysely.transaction().execute(async (trx) => {
    const defect = await trx
      .selectFrom('defects')
      .innerJoin('items', 'items.id', 'defects.item_id')
      .select(['defects.id', 'defects.item_id', 'defects.kind', 'defects.photo_id', 'items.merchant_id'])
      .where('defects.id', '=', defectId)
      .executeTakeFirst();
    if (!defect) throw new AppError('not_found', say('photos.no_defect', { id: defectId }));
    if (photoId !== null) {
      const photo = await photoRow(trx, photoId);
      if (photo.item_id !== defect.item_id) {
        throw new AppError('bad_input', say('photos.defect_other_item'));
      }
      if (photo.deleted_at !== null) throw new AppError('conflict', say('photos.photo_deleted'));
    }
    if (defect.photo_id === photoId) return false;
    await trx.updateTable('defects').set({ photo_id: photoId }).where('id', '=', defectId).execute();
    await recordEvent(trx, actor, {
      itemId: defect.item_id,
      merchantId: defect.merchant_id,
      kind: 'photos.defectLinked',
      text: say(photoId === null ? 'photos.defect_unlinked' : 'photos.defect_linked', {
        defect: term('defect', defect.kind),
      }),
      data: { defectId, photoId, before: defect.photo_id },
    });
    return true;
  });
  if (changed) ws.changed('items');
  return null;
}

/**
 * Moves a photo to another item of the same merchant, at the end of its photos: the desk's fix
 * for a shot filed on the wrong item (shooting by label, routing/desk.ts). Links from the old
 * item's defects to it are dropped (a defect belongs to its item); each item keeps a main photo.
 * When the other item already has the same file, the photo is not doubled: the other item's copy
 * stays (or is restored) and this one is deleted. Returns the photo's id on the other item.
 */
export async function movePhoto(
  ws: Workspace,
  actor: Actor,
  photoId: number,
  itemId: number,
): Promise<{ photoId: number }> {
  const moved = await ws.kysely.transaction().execute(async (trx) => {
    const row = await photoRow(trx, photoId);
    if (row.deleted_at !== null) throw new AppError('conflict', say('photos.photo_deleted'));
    if (row.item_id === itemId) return null;
    const [from, to] = await Promise.all([itemNamed(trx, row.item_id), itemNamed(trx, itemId)]);
    if (!to || !from) throw new AppError('not_found', say('items.not_found', { id: String(itemId) }));
    if (to.merchant_id !== from.merchant_id) {
      throw new AppError(
        'bad_input',
        say('photos.move_other_merchant', { reference: to.reference, merchant: to.merchant_name }),
      );
    }
    const { hash } = await trx
      .selectFrom('photos')
      .select('hash')
      .where('id', '=', photoId)
      .executeTakeFirstOrThrow();
    const twin = await trx
      .selectFrom('photos')
      .select(['id', 'deleted_at'])
      .where('item_id', '=', itemId)
      .where('hash', '=', hash)
      .executeTakeFirst();
    const top = await trx
      .selectFrom('photos')
      .select((eb) => eb.fn.max('position').as('top'))
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    const position = Number(top.top ?? 0) + 1;
    const hasMain = await trx
      .selectFrom('photos')
      .select('id')
      .where('item_id', '=', itemId)
      .where('deleted_at', 'is', null)
      .where('is_main', '=', 1)
      .executeTakeFirst();
    const isMain = hasMain ? 0 : 1;

    let landed: number;
    if (twin) {
      // UNIQUE(item_id, hash): the other item keeps its own row of this file.
      if (twin.deleted_at !== null) {
        await trx
          .updateTable('photos')
          .set({ deleted_at: null, position, is_main: isMain })
          .where('id', '=', twin.id)
          .execute();
      }
      await trx
        .updateTable('photos')
        .set({ deleted_at: nowIso(), is_main: 0 })
        .where('id', '=', photoId)
        .execute();
      landed = twin.id;
    } else {
      await trx
        .updateTable('photos')
        .set({ item_id: itemId, position, is_main: isMain })
        .where('id', '=', photoId)
        .execute();
      landed = photoId;
    }
    await trx.updateTable('defects').set({ photo_id: null }).where('photo_id', '=', photoId).execute();
    await ensureMain(trx, row.item_id);
    await ensureMain(trx, itemId);
    await recordEvent(trx, actor, {
      itemId: row.item_id,
      merchantId: row.merchant_id,
      kind: 'photos.moved',
      text: say('photos.moved_to', { name: label(row), reference: to.reference }),
      data: { photoId, toItemId: itemId, toPhotoId: landed },
    });
    await recordEvent(trx, actor, {
      itemId,
      merchantId: row.merchant_id,
      kind: 'photos.moved',
      text: say('photos.moved_from', { name: label(row), reference: from.reference }),
      data: { photoId: landed, fromItemId: row.item_id, fromPhotoId: photoId },
    });
    return landed;
  });
  if (moved === null) return { photoId };
  ws.changed('items');
  // The other item may now have what it needs for approval: propose, as adding a photo does.
  await proposeIfReady(ws, actor, itemId);
  return { photoId: moved };
}

async function itemNamed(trx: Transaction<Database>, itemId: number) {
  return trx
    .selectFrom('items')
    .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
    .select(['items.id', 'items.reference', 'items.merchant_id', 'merchants.name as merchant_name'])
    .where('items.id', '=', itemId)
    .executeTakeFirst();
}
