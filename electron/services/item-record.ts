import { AppError } from '../../shared/errors';
import type { Queryable } from './db/queryable';
import { say } from '../../shared/messages';

/*
 * One item with its product and merchant, as the services that act on a single item read it
 * (pricing a proposal, publishing a listing). One query serves them all, so a column they come
 * to need is added once, and what "the item" means cannot drift between them.
 */

function itemRecordQuery(db: Queryable, itemId: number) {
  return db
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
    .select([
      'items.id',
      'items.reference',
      'items.version',
      'items.status',
      'items.merchant_id',
      'items.grade',
      'items.packaging',
      'items.functional_test',
      'items.factory_reset',
      'items.cleaned',
      'items.repackaged',
      'items.accessories_missing',
      'items.graded_at',
      'merchants.name as merchant_name',
      'merchants.language',
      'merchants.currency',
      'merchants.pricing_policy',
      'products.sku',
      'products.title',
      'products.description',
      'products.original_cents',
    ])
    .where('items.id', '=', itemId);
}

type ItemRecordQuery = ReturnType<typeof itemRecordQuery>;
export type ItemRecord = Awaited<ReturnType<ItemRecordQuery['executeTakeFirstOrThrow']>>;

/** The not-found error the services answer a request for a missing item with. */
function noSuchItem(itemId: number): Error {
  return new AppError('not_found', say('items.not_found', { id: String(itemId) }));
}

/**
 * Loads the item `itemId` with its product and merchant, or throws `missing(itemId)`. A caller
 * passes its own `missing` where the kind of error decides what happens next (the job runner
 * retries a plain Error but gives up on an AppError).
 */
export async function loadItemRecord(
  db: Queryable,
  itemId: number,
  missing: (itemId: number) => Error = noSuchItem,
): Promise<ItemRecord> {
  const row = await itemRecordQuery(db, itemId).executeTakeFirst();
  if (!row) throw missing(itemId);
  return row;
}
