import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type {
  ItemCounts,
  ItemDetail,
  ItemEvent,
  ItemListInput,
  Listing,
  ItemSummary,
  Paged,
  PriceStep,
} from '../../shared/contract';
import type { Grade, PackagingState, ReturnReason } from '../../shared/domain/grades';
import type { ItemStatus } from '../../shared/domain/status';
import { END_REASONS } from '../../shared/contract/channels';
import { AppError } from '../../shared/errors';
import type { z } from 'zod';
import { escapeLike, itemSearchDocument, itemSearchHasWords, likeAnyCase } from './db/dialect';
import type { Database } from './db/schema';
import type { Workspace } from './workspace';

type ListInput = z.output<typeof ItemListInput>;
type FilterQuery = SelectQueryBuilder<Database, 'items', object>;

/**
 * The filters of the list, on `items` alone: every filter reads an items column or a subquery,
 * so the count and the page of ids run on items and its indexes without touching products
 * (a join there would cost a product lookup per matching row, 100,000 for an unfiltered count).
 */
function filteredItems(ws: Workspace, input: Partial<ListInput>): FilterQuery {
  let q: FilterQuery = ws.kysely.selectFrom('items');
  const search = input.search?.trim();
  if (search) {
    const words = search.split(/\s+/);
    const long = words.filter((word) => [...word].length >= 3);
    const short = words.filter((word) => [...word].length < 3);
    if (long.length > 0) {
      // The trigram index finds the rows for the words of three characters or more; shorter
      // words ("helmet xl") then narrow those few rows down as plain substrings of any field.
      q = q.where('items.id', 'in', (eb) => {
        let inner = eb
          .selectFrom('item_search')
          .select('item_search.rowid')
          .where(itemSearchHasWords(ws.kysely, long));
        for (const word of short) {
          inner = inner.where(likeAnyCase(ws.kysely, itemSearchDocument(ws.kysely), `%${escapeLike(word)}%`));
        }
        return inner;
      });
    } else {
      // The trigram index needs three characters; shorter text can only be a prefix of a code.
      const prefix = `${escapeLike(search)}%`;
      q = q.where((eb) =>
        eb.or([
          likeAnyCase(ws.kysely, sql.ref('items.reference'), prefix),
          eb(
            'items.product_id',
            'in',
            eb
              .selectFrom('products')
              .select('products.id')
              .where(likeAnyCase(ws.kysely, sql.ref('products.sku'), prefix)),
          ),
        ]),
      );
    }
  }
  if (input.grades && input.grades.length > 0) q = q.where('items.grade', 'in', input.grades);
  if (input.statuses && input.statuses.length > 0) q = q.where('items.status', 'in', input.statuses);
  if (input.merchantId !== undefined) q = q.where('items.merchant_id', '=', input.merchantId);
  if (input.receivedFrom) q = q.where('items.received_at', '>=', input.receivedFrom);
  // received_at holds a timestamp; a "to" date includes the whole of that day.
  if (input.receivedTo) q = q.where('items.received_at', '<', `${input.receivedTo}T99`);
  return q;
}

/**
 * The ids of one page, in order. Only the sorts on a product column join products. Every sort
 * ends in a unique column, so that consecutive pages neither overlap nor skip a row.
 */
function pageIds(ws: Workspace, input: ListInput) {
  const ids = filteredItems(ws, input).select('items.id').limit(input.limit).offset(input.offset);
  switch (input.sort) {
    case 'received_desc':
      return ids.orderBy('items.received_at', 'desc').orderBy('items.id', 'desc');
    case 'received_asc':
      return ids.orderBy('items.received_at', 'asc').orderBy('items.id', 'asc');
    case 'reference':
      return ids.orderBy('items.reference');
    // Ties on a product column are broken by product, then item, all in the index's direction:
    // with products_title / products_price (migration 0030) SQLite then walks products in order
    // and stops after one page, instead of sorting every item (see `npm run bench -- items`).
    case 'title':
      return ids
        .innerJoin('products', 'products.id', 'items.product_id')
        .orderBy('products.title')
        .orderBy('products.id')
        .orderBy('items.id');
    case 'price_desc':
      return ids
        .innerJoin('products', 'products.id', 'items.product_id')
        .orderBy('products.original_cents', 'desc')
        .orderBy('products.id', 'desc')
        .orderBy('items.id', 'desc');
    default:
      throw new AppError('bad_input', `Unknown sort: ${String(input.sort satisfies never)}`);
  }
}

/** The same order for the page's rows, which the IN (…) of the outer query does not keep. */
function orderRows(query: SummaryQuery, sort: ListInput['sort']): SummaryQuery {
  switch (sort) {
    case 'received_desc':
      return query.orderBy('items.received_at', 'desc').orderBy('items.id', 'desc');
    case 'received_asc':
      return query.orderBy('items.received_at', 'asc').orderBy('items.id', 'asc');
    case 'reference':
      return query.orderBy('items.reference');
    case 'title':
      return query.orderBy('products.title').orderBy('products.id').orderBy('items.id');
    case 'price_desc':
      return query
        .orderBy('products.original_cents', 'desc')
        .orderBy('products.id', 'desc')
        .orderBy('items.id', 'desc');
    default:
      throw new AppError('bad_input', `Unknown sort: ${String(sort satisfies never)}`);
  }
}

function baseQuery(ws: Workspace) {
  return ws.kysely
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .innerJoin('merchants', 'merchants.id', 'items.merchant_id');
}

const latestPrice = (eb: ExpressionBuilder<Database, 'items'>) =>
  eb
    .selectFrom('prices')
    .select('prices.proposed_cents')
    .whereRef('prices.item_id', '=', 'items.id')
    .orderBy('prices.id', 'desc')
    .limit(1);

const mainPhoto = (eb: ExpressionBuilder<Database, 'items'>) =>
  eb
    .selectFrom('photos')
    .select('photos.hash')
    .whereRef('photos.item_id', '=', 'items.id')
    .where('photos.deleted_at', 'is', null)
    .orderBy('photos.is_main', 'desc')
    .orderBy('photos.position')
    .limit(1);

const defectCount = (eb: ExpressionBuilder<Database, 'items'>) =>
  eb
    .selectFrom('defects')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('defects.item_id', '=', 'items.id');

function summaryQuery(ws: Workspace) {
  return baseQuery(ws).select((eb) => [
    'items.id',
    'items.reference',
    'items.merchant_id',
    'merchants.name as merchant_name',
    'merchants.currency',
    'products.sku',
    'products.title',
    'products.brand',
    'items.grade',
    'items.status',
    'items.return_reason',
    'items.received_at',
    'products.original_cents',
    'items.window_result',
    latestPrice(eb).as('proposed_cents'),
    defectCount(eb).as('defect_count'),
    mainPhoto(eb).as('main_photo_hash'),
  ]);
}

type SummaryQuery = ReturnType<typeof summaryQuery>;
type SummaryRow = Awaited<ReturnType<SummaryQuery['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow): ItemSummary {
  return {
    id: row.id,
    reference: row.reference,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    currency: row.currency,
    sku: row.sku,
    title: row.title,
    brand: row.brand,
    grade: row.grade as Grade | null,
    status: row.status,
    returnReason: row.return_reason as ReturnReason | null,
    receivedAt: row.received_at,
    originalCents: row.original_cents,
    proposedCents: row.proposed_cents ?? null,
    defectCount: Number(row.defect_count ?? 0),
    mainPhotoHash: row.main_photo_hash ?? null,
    windowResult: row.window_result,
  };
}

/**
 * One page of the list, in two steps inside one statement. The inner query picks the page's
 * ids from `items` (and its indexes) alone; only those rows then get their product, merchant
 * and the three per-row subqueries (latest price, defect count, main photo). Computing the
 * subqueries before the sort, as a single flat query does, costs them for every matching row:
 * 40,000 rows for "two grades", 100,000 for "sort by title" — over 50 ms with 100,000 items
 * (see `npm run bench -- items`), against a few ms this way.
 */
export async function listItems(ws: Workspace, input: ListInput): Promise<Paged<ItemSummary>> {
  const rows = await orderRows(
    summaryQuery(ws).where('items.id', 'in', pageIds(ws, input)),
    input.sort,
  ).execute();
  const total = await filteredItems(ws, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toSummary), total: Number(total.n) };
}

function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function getItem(ws: Workspace, id: number): Promise<ItemDetail> {
  const row = await summaryQuery(ws)
    .select([
      'items.version',
      'items.product_id',
      'products.ean',
      'products.model',
      'products.accessories',
      'items.order_reference',
      'items.order_line',
      'items.delivered_at',
      'items.packaging',
      'items.functional_test',
      'items.factory_reset',
      'items.cleaned',
      'items.repackaged',
      'items.accessories_missing',
      'items.disposition',
      'items.graded_at',
    ])
    .where('items.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `There is no item with id ${id}.`);

  const [defects, photos, price, listings, events] = await Promise.all([
    ws.kysely.selectFrom('defects').selectAll().where('item_id', '=', id).orderBy('position').execute(),
    ws.kysely
      .selectFrom('photos')
      .selectAll()
      .where('item_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
    ws.kysely
      .selectFrom('prices')
      .leftJoin('profiles', 'profiles.id', 'prices.decided_by')
      .selectAll('prices')
      .select('profiles.name as decided_by_name')
      .where('item_id', '=', id)
      .orderBy('prices.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    ws.kysely.selectFrom('listings').selectAll().where('item_id', '=', id).orderBy('channel').execute(),
    ws.kysely.selectFrom('events').selectAll().where('item_id', '=', id).orderBy('id', 'desc').execute(),
  ]);

  return {
    ...toSummary(row),
    version: row.version,
    productId: row.product_id,
    ean: row.ean,
    model: row.model,
    orderReference: row.order_reference,
    orderLine: row.order_line,
    deliveredAt: row.delivered_at,
    packaging: row.packaging as PackagingState | null,
    functionalTest: row.functional_test,
    factoryReset: row.factory_reset === 1,
    cleaned: row.cleaned === 1,
    repackaged: row.repackaged === 1,
    accessoriesExpected: parseList(row.accessories),
    accessoriesMissing: parseList(row.accessories_missing),
    disposition: row.disposition,
    gradedAt: row.graded_at,
    defects: defects.map((d) => ({
      id: d.id,
      kind: d.kind,
      location: d.location,
      sizeMm: d.size_mm,
      severity: d.severity,
      note: d.note,
      photoId: d.photo_id,
    })),
    photos: photos.map((p) => ({
      id: p.id,
      hash: p.hash,
      position: p.position,
      isMain: p.is_main === 1,
      width: p.width,
      height: p.height,
      warnings: parseList(p.warnings),
      source: p.source,
    })),
    price: price
      ? {
          id: price.id,
          originalCents: price.original_cents,
          proposedCents: price.proposed_cents,
          floorCents: price.floor_cents,
          netCents: price.net_cents,
          steps: JSON.parse(price.steps) as PriceStep[],
          decision: price.decision as NonNullable<ItemDetail['price']>['decision'],
          decidedBy: price.decided_by_name ?? null,
          createdAt: price.created_at,
        }
      : null,
    listings: listings.map(listingView),
    events: events.map((e): ItemEvent => ({
      id: e.id,
      at: e.at,
      actor: e.actor,
      kind: e.kind,
      summary: e.summary,
      data: JSON.parse(e.data) as unknown,
    })),
  };
}

export async function getItemByReference(ws: Workspace, reference: string): Promise<ItemDetail> {
  const row = await ws.kysely
    .selectFrom('items')
    .select('id')
    .where('reference', '=', reference.trim().toUpperCase())
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `There is no item with reference ${reference}.`);
  return getItem(ws, row.id);
}

export async function countItems(ws: Workspace, merchantId?: number): Promise<ItemCounts> {
  let byStatusQ = ws.kysely
    .selectFrom('items')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status');
  let byGradeQ = ws.kysely
    .selectFrom('items')
    .select(['grade', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('grade');
  let todayQ = ws.kysely
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('graded_at', '>=', new Date().toISOString().slice(0, 10));
  let oldestQ = ws.kysely
    .selectFrom('items')
    .select((eb) => eb.fn.min('updated_at').as('oldest'))
    .where('status', '=', 'awaiting_approval');
  if (merchantId !== undefined) {
    byStatusQ = byStatusQ.where('merchant_id', '=', merchantId);
    byGradeQ = byGradeQ.where('merchant_id', '=', merchantId);
    todayQ = todayQ.where('merchant_id', '=', merchantId);
    oldestQ = oldestQ.where('merchant_id', '=', merchantId);
  }
  const [byStatus, byGrade, today, oldest] = await Promise.all([
    byStatusQ.execute(),
    byGradeQ.execute(),
    todayQ.executeTakeFirstOrThrow(),
    oldestQ.executeTakeFirstOrThrow(),
  ]);
  const statusCounts: Partial<Record<ItemStatus, number>> = {};
  let total = 0;
  for (const row of byStatus) {
    statusCounts[row.status] = Number(row.n);
    total += Number(row.n);
  }
  const gradeCounts: Partial<Record<Grade | 'ungraded', number>> = {};
  for (const row of byGrade) gradeCounts[(row.grade ?? 'ungraded') as Grade] = Number(row.n);
  return {
    byStatus: statusCounts,
    byGrade: gradeCounts,
    gradedToday: Number(today.n),
    total,
    oldestAwaitingApproval: (oldest.oldest as string | null) ?? null,
  };
}

/** A listing row as the item page and the Listings screen show it. */
export function listingView(l: Selectable<Database['listings']>): Listing {
  return {
    id: l.id,
    channel: l.channel,
    status: l.status,
    url: l.url,
    priceCents: l.price_cents,
    lastError: l.last_error,
    // A stored reason this version does not know reads as none.
    endReason: END_REASONS.find((r) => r === l.end_reason) ?? null,
  };
}
