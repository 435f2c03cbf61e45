import { asMessage, say } from '../../shared/messages';
import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type {
  ItemCounts,
  ItemDetail,
  ItemEvent,
  ItemListInput,
  ItemPage,
  Listing,
  ItemSummary,
  PriceStep,
} from '../../shared/contract';
import { ITEM_LIST_COUNT_LIMIT } from '../../shared/contract/items';
import type { Grade, PackagingState, ReturnReason } from '../../shared/domain/grades';
import type { ItemStatus } from '../../shared/domain/status';
import { END_REASONS } from '../../shared/contract/channels';
import { AppError } from '../../shared/errors';
import type { z } from 'zod';
import { escapeLike, itemSearchDocument, itemSearchHasWords, likeAnyCase, scanInOrder } from './db/dialect';
import type { Database } from './db/schema';
import type { Workspace } from './workspace';
import { readErrorText } from './jobs/error-text';

type ListInput = z.output<typeof ItemListInput>;
type FilterQuery = SelectQueryBuilder<Database, 'items', object>;

/** A history row as a window reads it: the message in its data is checked, never trusted blindly. */
function eventView(row: {
  id: number;
  at: string;
  actor: string;
  kind: string;
  summary: string;
  data: string;
}): ItemEvent {
  const data = JSON.parse(row.data) as unknown;
  const text = typeof data === 'object' && data !== null && 'text' in data ? asMessage(data.text) : null;
  return { id: row.id, at: row.at, actor: row.actor, kind: row.kind, summary: row.summary, text, data };
}

/**
 * How a page finds its rows, once the count says how many match. 'by_match' lets the database
 * pick its most selective index: reading each word-search match by id, then sorting, is right
 * for a few hundred matches but took 125 ms for 67,000 ("headphones" among 1,000,000 items).
 * 'in_order' walks the items in the page's order and keeps those that match, stopping after one
 * page: right when many match, a scan of every item when almost none does. See
 * `npm run bench -- items`.
 */
export type SearchPlan = 'by_match' | 'in_order';
/** From this many matches on, walking the list's order finds a page sooner than reading every match. */
const IN_ORDER_FROM = 2_000;

/** The search box's words: those the trigram index can find (three characters or more), and the rest. */
function searchWords(input: Partial<ListInput>): { long: string[]; short: string[] } | null {
  const search = input.search?.trim();
  if (!search) return null;
  const words = search.split(/\s+/);
  return {
    long: words.filter((word) => [...word].length >= 3),
    short: words.filter((word) => [...word].length < 3),
  };
}

/**
 * The item_search rows holding every word: the trigram index finds the rows for the words of
 * three characters or more; shorter words ("helmet xl") then narrow those few rows down as plain
 * substrings of any field.
 */
function wordMatches(ws: Workspace, long: readonly string[], short: readonly string[]) {
  let q = ws.kysely.selectFrom('item_search').where(itemSearchHasWords(ws.kysely, long));
  for (const word of short) {
    q = q.where(likeAnyCase(ws.kysely, itemSearchDocument(ws.kysely), `%${escapeLike(word)}%`));
  }
  return q;
}

/**
 * The filters of the list, on `items` alone: every filter reads an items column or a subquery,
 * so the count and the page of ids run on items and its indexes without touching products
 * (a join there would cost a product lookup per matching row, 100,000 for an unfiltered count).
 */
function filteredItems(ws: Workspace, input: Partial<ListInput>, plan: SearchPlan = 'by_match'): FilterQuery {
  let q: FilterQuery = ws.kysely.selectFrom('items');
  const words = searchWords(input);
  if (words && words.long.length > 0) {
    const id = plan === 'in_order' ? scanInOrder(ws.kysely, sql.ref('items.id')) : sql.ref('items.id');
    q = q.where(id, 'in', wordMatches(ws, words.long, words.short).select('item_search.rowid'));
  } else if (words) {
    // The trigram index needs three characters; shorter text can only be a prefix of a code.
    const prefix = `${escapeLike(input.search!.trim())}%`;
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
  return columnFilters(ws, q, input, plan);
}

/** Every filter but the search box. */
function columnFilters(
  ws: Workspace,
  q: FilterQuery,
  input: Partial<ListInput>,
  plan: SearchPlan,
): FilterQuery {
  // Sorted by a product column with many matches, the page comes soonest from walking products
  // in that order (migration 0030's indexes) and checking each item's columns, not from an
  // items index that hands the rows over unsorted: 228 ms against 10 for one merchant's items
  // by price.
  const column = (name: 'grade' | 'status' | 'merchant_id') =>
    plan === 'in_order' && (input.sort === 'title' || input.sort === 'price_desc')
      ? scanInOrder(ws.kysely, sql.ref(`items.${name}`))
      : sql.ref(`items.${name}`);
  if (input.grades && input.grades.length > 0) q = q.where(column('grade'), 'in', input.grades);
  if (input.statuses && input.statuses.length > 0) q = q.where(column('status'), 'in', input.statuses);
  if (input.merchantId !== undefined) q = q.where(column('merchant_id'), '=', input.merchantId);
  if (input.receivedFrom) q = q.where('items.received_at', '>=', input.receivedFrom);
  // received_at holds a timestamp; a "to" date includes the whole of that day.
  if (input.receivedTo) q = q.where('items.received_at', '<', `${input.receivedTo}T99`);
  return q;
}

const hasColumnFilters = (input: Partial<ListInput>): boolean =>
  (input.grades?.length ?? 0) > 0 ||
  (input.statuses?.length ?? 0) > 0 ||
  input.merchantId !== undefined ||
  Boolean(input.receivedFrom) ||
  Boolean(input.receivedTo);

/**
 * How many items match, counting no further than ITEM_LIST_COUNT_LIMIT + 1. A word search
 * counts from the search index, which hands its matches over one by one, checking each
 * against the other filters; the same query led by items first reads every match of the
 * index (37 ms against 16 for "headphones", 80 against 36 with a merchant and grades too).
 * Every item has exactly one item_search row, kept by triggers (migration 0020).
 */
async function countMatches(ws: Workspace, input: ListInput): Promise<number> {
  const words = searchWords(input);
  let matches: SelectQueryBuilder<Database, 'items' | 'item_search', { one: number }> = filteredItems(
    ws,
    input,
  ).select(sql<number>`1`.as('one'));
  if (words && words.long.length > 0) {
    let fromIndex = wordMatches(ws, words.long, words.short);
    if (hasColumnFilters(input)) {
      const item = columnFilters(ws, ws.kysely.selectFrom('items'), input, 'by_match')
        .select(sql<number>`1`.as('one'))
        .where(sql.ref('items.id'), '=', sql.ref('item_search.rowid'));
      fromIndex = fromIndex.where((eb) => eb.exists(item));
    }
    matches = fromIndex.select(sql<number>`1`.as('one'));
  }
  const counted = await ws.kysely
    .selectFrom(matches.limit(ITEM_LIST_COUNT_LIMIT + 1).as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

/**
 * The ids of one page, in order. Only the sorts on a product column join products. Every sort
 * ends in a unique column, so that consecutive pages neither overlap nor skip a row.
 */
function pageIds(ws: Workspace, input: ListInput, plan: SearchPlan) {
  const ids = filteredItems(ws, input, plan).select('items.id').limit(input.limit).offset(input.offset);
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
      throw new AppError(
        'bad_input',
        say('items.unknown_sort', { sort: String(input.sort satisfies never) }),
      );
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
      throw new AppError('bad_input', say('items.unknown_sort', { sort: String(sort satisfies never) }));
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
 *
 * The count comes first and stops at ITEM_LIST_COUNT_LIMIT; how many match then chooses how the
 * page is found (SearchPlan).
 */
export async function listItems(ws: Workspace, input: ListInput, planned?: SearchPlan): Promise<ItemPage> {
  const matches = await countMatches(ws, input);
  // `planned` lets the tests hold both plans to the same answers.
  const plan: SearchPlan = planned ?? (matches >= IN_ORDER_FROM ? 'in_order' : 'by_match');
  const rows =
    matches === 0 || input.offset >= matches
      ? []
      : await orderRows(
          summaryQuery(ws).where('items.id', 'in', pageIds(ws, input, plan)),
          input.sort,
        ).execute();
  return {
    rows: rows.map(toSummary),
    total: Math.min(matches, ITEM_LIST_COUNT_LIMIT),
    totalCapped: matches > ITEM_LIST_COUNT_LIMIT,
  };
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
  if (!row) throw new AppError('not_found', say('items.not_found', { id: String(id) }));

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
      name: p.original_name,
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
    events: events.map(eventView),
  };
}

export async function getItemByReference(ws: Workspace, reference: string): Promise<ItemDetail> {
  const row = await ws.kysely
    .selectFrom('items')
    .select('id')
    .where('reference', '=', reference.trim().toUpperCase())
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', say('items.not_found_reference', { reference }));
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
    lastErrorText: readErrorText(l.last_error_text),
    // A stored reason this version does not know reads as none.
    endReason: END_REASONS.find((r) => r === l.end_reason) ?? null,
  };
}
