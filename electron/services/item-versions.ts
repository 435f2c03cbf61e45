import { sql, type Transaction, type Updateable } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from './db/schema';
import { say, type Message } from '../../shared/messages';

/*
 * Optimistic versions of items: every edit names the version it started from, and a save that
 * finds another version is refused with the conflict message instead of overwriting silently.
 */

export function conflictMessage(reference: string, had: number, now: number): Message {
  return say('items.conflict', { reference, had, now });
}

/**
 * Writes `values` to an item only if it is still at `version`, bumping the version: the check
 * and the write are one statement, so two desks saving at once cannot both win.
 */
export async function updateItemAt(
  trx: Transaction<Database>,
  item: { readonly id: number; readonly reference: string },
  version: number,
  values: Updateable<Database['items']>,
  now: string,
): Promise<void> {
  const result = await trx
    .updateTable('items')
    .set(values)
    .set({ version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', item.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await trx
      .selectFrom('items')
      .select('version')
      .where('id', '=', item.id)
      .executeTakeFirst();
    throw new AppError('conflict', conflictMessage(item.reference, version, current?.version ?? version), {
      itemId: item.id,
      version: current?.version ?? null,
    });
  }
}
