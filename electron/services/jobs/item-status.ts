/** The one write the worker makes to an item itself: its status, on the worker's behalf. */
import { sql, type Transaction } from 'kysely';
import type { ItemStatus } from '../../../shared/domain/status';
import type { Database } from '../db/schema';

/** Moves an item to a new status on the worker's behalf; the version bump tells open editors. */
export async function setItemStatus(
  trx: Transaction<Database>,
  itemId: number,
  status: ItemStatus,
  now: string,
) {
  await trx
    .updateTable('items')
    .set({ status, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', itemId)
    .execute();
}
