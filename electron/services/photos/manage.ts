import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import { say, term } from '../../../shared/messages';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
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
    if (!item) throw new AppError('not_found', say('photos.no_item', { id: itemId }));
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
