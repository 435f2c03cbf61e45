import type { Workspace } from '../../electron/services/workspace';

/** The photos on each item now, by reference: their original file names in the item's order. */
export async function photosByItem(ws: Workspace): Promise<Record<string, string[]>> {
  const rows = await ws.kysely
    .selectFrom('photos')
    .innerJoin('items', 'items.id', 'photos.item_id')
    .select(['items.reference', 'photos.original_name'])
    .where('photos.deleted_at', 'is', null)
    .orderBy('items.reference')
    .orderBy('photos.position')
    .execute();
  const byItem: Record<string, string[]> = {};
  for (const row of rows) (byItem[row.reference] ??= []).push(row.original_name ?? '?');
  return byItem;
}
