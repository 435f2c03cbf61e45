import type { ItemStatus } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { nested, say } from '../../../shared/messages';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { recordEvent } from '../events';
import { updateItemAt } from '../item-versions';
import type { Workspace } from '../workspace';
import { proposeInTransaction } from './propose';

/**
 * "Under 90 seconds from scan to an approval-ready draft": nobody should have to press a button
 * between the desk and the merchant's queue. An item is ready for pricing once it is graded with
 * a grade that can be priced (anything but defective, which waits for the merchant's disposition)
 * and has at least one photo. New-sealed items go through the engine like the others: it prices
 * them at full price (back to stock as new) or refuses them when the facts say they were opened.
 */

/** Statuses in which the desk's work is done and a proposal may follow on its own. */
const READY_STATUSES: ReadonlySet<ItemStatus> = new Set(['graded', 'photographed']);

export type Readiness =
  | { readonly outcome: 'not_ready'; readonly reason: string }
  | { readonly outcome: 'proposed'; readonly status: ItemStatus }
  | { readonly outcome: 'refused'; readonly message: string };

/**
 * Called after a grade was saved or photos were added, once their transaction has committed. Moves
 * a graded item with photos to "photographed" and proposes its price (queue or auto-approval) in
 * one transaction, so a refused proposal leaves the item exactly as the desk left it. A failure is
 * never thrown at the caller: the grading or the photos stand, and the history says why no price
 * followed ("price.not_proposed").
 */
export async function proposeIfReady(ws: Workspace, actor: Actor, itemId: number): Promise<Readiness> {
  const item = await ws.kysely
    .selectFrom('items')
    .select(['id', 'reference', 'merchant_id', 'status', 'grade'])
    .select((eb) =>
      eb
        .selectFrom('photos')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('photos.item_id', '=', 'items.id')
        .where('photos.deleted_at', 'is', null)
        .as('photo_count'),
    )
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) return { outcome: 'not_ready', reason: 'no such item' };
  const status = item.status;
  if (!READY_STATUSES.has(status)) return { outcome: 'not_ready', reason: `item is ${status}` };
  if (item.grade === null) return { outcome: 'not_ready', reason: 'not graded' };
  if (item.grade === 'defective') return { outcome: 'not_ready', reason: 'defective: never priced' };
  if (Number(item.photo_count ?? 0) === 0) return { outcome: 'not_ready', reason: 'no photo yet' };

  try {
    await ws.kysely.transaction().execute(async (trx) => {
      if (status === 'graded') {
        // Read the version inside the transaction: the step is only valid on the item as it is now.
        const current = await trx
          .selectFrom('items')
          .select(['id', 'reference', 'version', 'status'])
          .where('id', '=', item.id)
          .executeTakeFirstOrThrow();
        if (current.status !== 'graded') {
          throw new AppError('conflict', say('pricing.changed_while_pricing', { reference: item.reference }));
        }
        const now = nowIso();
        await updateItemAt(trx, current, current.version, { status: 'photographed' }, now);
        await recordEvent(trx, actor, {
          itemId: item.id,
          merchantId: item.merchant_id,
          kind: 'item.photographed',
          text: say('pricing.photographed'),
          data: { changes: { status: { before: 'graded', after: 'photographed' } } },
          at: now,
        });
      }
      await proposeInTransaction(trx, actor, item.id);
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const details = error instanceof AppError ? error.details : undefined;
    // Our own refusals are drawn in the reader's language; anything else (a bug) stays as it was said.
    const reason = error instanceof AppError && error.text !== null ? nested(error.text) : message;
    try {
      await recordEvent(ws.kysely, actor, {
        itemId: item.id,
        merchantId: item.merchant_id,
        kind: 'price.not_proposed',
        text: say('pricing.not_proposed', { reason }),
        data: { message, ...(details !== undefined ? { details } : {}) },
      });
    } catch (recordError) {
      // The database refused even the explanation (closing, disk full): the grading or photos
      // are stored, the proposal can be asked for by hand, and the log keeps the reason.
      console.error(`Could not record why ${item.reference} was not priced:`, recordError);
    }
    ws.changed('items');
    return { outcome: 'refused', message };
  }
  ws.changed('items');
  const after = await ws.kysely
    .selectFrom('items')
    .select('status')
    .where('id', '=', item.id)
    .executeTakeFirstOrThrow();
  return { outcome: 'proposed', status: after.status };
}
