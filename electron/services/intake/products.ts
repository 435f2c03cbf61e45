import { sql } from 'kysely';
import type { z } from 'zod';
import type { Merchant, Paged } from '../../../shared/contract';
import type {
  MerchantUpdateInput,
  Product,
  ProductCreateInput,
  ProductListInput,
  ProductUpdateInput,
} from '../../../shared/contract/intake';
import { gtinVariants } from '../../../shared/domain/ean';
import { checkReturnWindow } from '../../../shared/domain/returnWindow';
import { FINAL_STATUSES } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { escapeLike, likeAnyCase } from '../db/dialect';
import { recordEvent } from '../events';
import { getMerchant } from '../merchants';
import type { Workspace } from '../workspace';
import { diffFields, fieldList, parseJsonList, uniqueNames } from './shared';
import { type Queryable } from '../db/queryable';
import { nested, say, term } from '../../../shared/messages';
import { gtinProblemText } from './gtin';

export function productQuery(db: Queryable) {
  return db
    .selectFrom('products')
    .innerJoin('merchants', 'merchants.id', 'products.merchant_id')
    .select((eb) => [
      'products.id',
      'products.merchant_id',
      'merchants.name as merchant_name',
      'merchants.currency',
      'products.sku',
      'products.ean',
      'products.brand',
      'products.model',
      'products.title',
      'products.description',
      'products.ebay_category_id',
      'products.original_cents',
      'products.accessories',
      'products.created_at',
      'products.updated_at',
      eb
        .selectFrom('items')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('items.product_id', '=', 'products.id')
        .as('item_count'),
    ]);
}

export type ProductRow = Awaited<ReturnType<ReturnType<typeof productQuery>['executeTakeFirstOrThrow']>>;

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    currency: row.currency,
    sku: row.sku,
    ean: row.ean,
    brand: row.brand,
    model: row.model,
    title: row.title,
    description: row.description,
    ebayCategoryId: row.ebay_category_id,
    originalCents: row.original_cents,
    accessories: parseJsonList(row.accessories),
    itemCount: Number(row.item_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getProduct(db: Queryable, id: number): Promise<Product> {
  const row = await productQuery(db).where('products.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', say('intake.product_not_found', { id: String(id) }));
  return toProduct(row);
}

/** A LIKE pattern for text anywhere in a field, its own "%" and "_" matching themselves. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

export async function listProducts(
  ws: Workspace,
  input: z.output<typeof ProductListInput>,
): Promise<Paged<Product>> {
  let query = productQuery(ws.kysely).where('products.merchant_id', '=', input.merchantId);
  const search = input.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    const eans = gtinVariants(search);
    query = query.where((eb) =>
      eb.or([
        likeAnyCase(ws.kysely, sql`products.sku`, pattern),
        likeAnyCase(ws.kysely, sql`products.title`, pattern),
        likeAnyCase(ws.kysely, sql`coalesce(products.brand, '')`, pattern),
        likeAnyCase(ws.kysely, sql`coalesce(products.model, '')`, pattern),
        likeAnyCase(ws.kysely, sql`coalesce(products.ean, '')`, pattern),
        ...(eans.length > 0 ? [eb('products.ean', 'in', eans)] : []),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    query.orderBy('products.sku').limit(input.limit).offset(input.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toProduct), total: Number(total.n) };
}

async function assertMerchant(db: Queryable, merchantId: number): Promise<void> {
  const merchant = await db
    .selectFrom('merchants')
    .select('id')
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant)
    throw new AppError('not_found', say('intake.merchant_not_found', { id: String(merchantId) }));
}

async function assertSkuFree(db: Queryable, merchantId: number, sku: string, exceptId?: number) {
  let query = db
    .selectFrom('products')
    .select(['id', 'title'])
    .where('merchant_id', '=', merchantId)
    .where('sku', '=', sku);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  const existing = await query.executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', say('intake.sku_taken', { sku, title: existing.title }), {
      productId: existing.id,
    });
  }
}

function assertEan(ean: string | null | undefined): void {
  if (ean === null || ean === undefined) return;
  const problem = gtinProblemText(ean);
  if (problem) throw new AppError('bad_input', problem);
}

/** Product fields as stored, in the form an event's diff shows them. */
function productFacts(row: {
  merchant_id: number;
  sku: string;
  ean: string | null;
  brand: string | null;
  model: string | null;
  title: string;
  description: string;
  ebay_category_id: string | null;
  original_cents: number;
  accessories: string;
}) {
  return {
    merchantId: row.merchant_id,
    sku: row.sku,
    ean: row.ean,
    brand: row.brand,
    model: row.model,
    title: row.title,
    description: row.description,
    ebayCategoryId: row.ebay_category_id,
    originalCents: row.original_cents,
    accessories: parseJsonList(row.accessories),
  };
}

export async function createProduct(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ProductCreateInput>,
): Promise<Product> {
  assertEan(input.ean);
  const id = await ws.kysely.transaction().execute(async (trx) => {
    await assertMerchant(trx, input.merchantId);
    await assertSkuFree(trx, input.merchantId, input.sku);
    const now = nowIso();
    const values = {
      merchant_id: input.merchantId,
      sku: input.sku,
      ean: input.ean ?? null,
      brand: input.brand || null,
      model: input.model || null,
      title: input.title,
      description: input.description,
      ebay_category_id: input.ebayCategoryId || null,
      original_cents: input.originalCents,
      accessories: JSON.stringify(uniqueNames(input.accessories)),
    };
    const row = await trx
      .insertInto('products')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      merchantId: input.merchantId,
      kind: 'product.created',
      text: say('intake.product_created', { sku: input.sku }),
      data: { productId: row.id, source: 'desk', ...productFacts(values) },
      at: now,
    });
    return row.id;
  });
  ws.changed('products');
  return getProduct(ws.kysely, id);
}

export async function updateProduct(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ProductUpdateInput>,
): Promise<Product> {
  assertEan(input.ean);
  const id = await ws.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('products').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw new AppError('not_found', say('intake.product_not_found', { id: String(input.id) }));
    if (input.updatedAt !== undefined && input.updatedAt !== before.updated_at) {
      throw new AppError('conflict', say('intake.product_conflict', { sku: before.sku }), {
        productId: before.id,
      });
    }
    const merchantId = input.merchantId ?? before.merchant_id;
    if (merchantId !== before.merchant_id) {
      await assertMerchant(trx, merchantId);
      // Items carry their merchant too; moving a product under them would split the two.
      const used = await trx
        .selectFrom('items')
        .select('id')
        .where('product_id', '=', before.id)
        .executeTakeFirst();
      if (used) {
        throw new AppError('conflict', say('intake.product_has_items', { sku: before.sku }));
      }
    }
    const sku = input.sku ?? before.sku;
    if (sku !== before.sku || merchantId !== before.merchant_id)
      await assertSkuFree(trx, merchantId, sku, before.id);
    const after = {
      merchant_id: merchantId,
      sku,
      ean: input.ean === undefined ? before.ean : input.ean,
      brand: input.brand === undefined ? before.brand : input.brand || null,
      model: input.model === undefined ? before.model : input.model || null,
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      ebay_category_id:
        input.ebayCategoryId === undefined ? before.ebay_category_id : input.ebayCategoryId || null,
      original_cents: input.originalCents ?? before.original_cents,
      accessories:
        input.accessories === undefined ? before.accessories : JSON.stringify(uniqueNames(input.accessories)),
    };
    const changes = diffFields(productFacts(before), productFacts(after));
    if (Object.keys(changes).length === 0) return before.id;
    const now = nowIso();
    await trx
      .updateTable('products')
      .set({ ...after, updated_at: now })
      .where('id', '=', before.id)
      .execute();
    await recordEvent(trx, actor, {
      merchantId,
      kind: 'product.updated',
      text: say('intake.product_changed', {
        sku,
        fields: nested(fieldList('intake.field', Object.keys(changes))),
      }),
      data: { productId: before.id, changes },
      at: now,
    });
    return before.id;
  });
  ws.changed('products', 'items');
  return getProduct(ws.kysely, id);
}

/**
 * Edits a merchant. A change of return window re-checks the window of the merchant's items that
 * are still in progress (each change an event in the item's history); a change of currency is
 * refused once items exist, since their prices were recorded in the old one.
 */
export async function updateMerchant(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof MerchantUpdateInput>,
): Promise<Merchant> {
  await ws.kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('merchants')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', say('intake.merchant_not_found', { id: String(input.id) }));
    if (
      input.name !== undefined &&
      input.name.toLocaleLowerCase('en') !== before.name.toLocaleLowerCase('en')
    ) {
      const clash = await trx
        .selectFrom('merchants')
        .select('id')
        .where('name', '=', input.name)
        .where('id', '<>', before.id)
        .executeTakeFirst();
      if (clash) throw new AppError('conflict', say('intake.merchant_exists', { name: input.name }));
    }
    if (input.currency !== undefined && input.currency !== before.currency) {
      const item = await trx
        .selectFrom('items')
        .select('id')
        .where('merchant_id', '=', before.id)
        .executeTakeFirst();
      if (item) {
        throw new AppError(
          'conflict',
          say('intake.merchant_currency_locked', { name: before.name, currency: before.currency }),
        );
      }
    }
    const after = {
      name: input.name ?? before.name,
      currency: input.currency ?? before.currency,
      language: input.language ?? before.language,
      return_window_days: input.returnWindowDays ?? before.return_window_days,
      address: input.address ?? before.address,
    };
    const changes = diffFields(
      {
        name: before.name,
        currency: before.currency,
        language: before.language,
        returnWindowDays: before.return_window_days,
        address: before.address,
      },
      {
        name: after.name,
        currency: after.currency,
        language: after.language,
        returnWindowDays: after.return_window_days,
        address: after.address,
      },
    );
    if (Object.keys(changes).length === 0) return;
    const now = nowIso();
    await trx.updateTable('merchants').set(after).where('id', '=', before.id).execute();
    await recordEvent(trx, actor, {
      merchantId: before.id,
      kind: 'merchant.updated',
      text: say('intake.merchant_changed', {
        name: after.name,
        fields: nested(fieldList('intake.field', Object.keys(changes))),
      }),
      data: { changes },
      at: now,
    });
    if (after.return_window_days !== before.return_window_days) {
      await recheckWindows(trx, actor, before.id, after.return_window_days, now);
    }
  });
  ws.changed('merchants', 'items');
  return getMerchant(ws, input.id);
}

async function recheckWindows(
  trx: Queryable,
  actor: Actor,
  merchantId: number,
  windowDays: number,
  now: string,
): Promise<void> {
  const items = await trx
    .selectFrom('items')
    .select(['id', 'reference', 'status', 'delivered_at', 'received_at', 'window_result'])
    .where('merchant_id', '=', merchantId)
    .where('delivered_at', 'is not', null)
    .execute();
  for (const item of items) {
    if (FINAL_STATUSES.has(item.status)) continue;
    const check = checkReturnWindow({
      deliveredAt: item.delivered_at,
      receivedAt: item.received_at,
      merchantWindowDays: windowDays,
    });
    if (check.result === item.window_result) continue;
    await trx
      .updateTable('items')
      .set({ window_result: check.result, version: sql<number>`version + 1`, updated_at: now })
      .where('id', '=', item.id)
      .execute();
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId,
      kind: 'item.window',
      text: say('items.window_rechecked', {
        count: windowDays,
        before: term('window', item.window_result),
        after: term('window', check.result),
      }),
      data: { changes: { windowResult: { before: item.window_result, after: check.result } }, check },
      at: now,
    });
  }
}
