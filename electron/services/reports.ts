import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  BestChannel,
  GradeFigures,
  ReportsOverview,
  ReportsOverviewInput,
  ReportsReturnsInput,
  ReturnsBreakdown,
} from '../../shared/contract';
import type { PeriodSelling } from '../../shared/contract/catalogue-units';
import type { ReportRangeInput } from '../../shared/contract/exports';
import { GRADES, type Grade } from '../../shared/domain/grades';
import type { Workspace } from './workspace';

const DAY_MS = 86_400_000;

/**
 * The headline figures and chart series of the Reports screen, computed in SQL over the whole
 * workspace (or one merchant). Revenue is the sale price net of cancellations and refunds; the
 * recovery rate compares each sold item's sale price with its product's original price.
 */
export async function reportsOverview(
  ws: Workspace,
  input: z.output<typeof ReportsOverviewInput>,
): Promise<ReportsOverview> {
  const merchantId = input.merchantId;
  const sales = () =>
    ws.kysely
      .selectFrom('sales')
      .$if(merchantId !== undefined, (q) => q.where('sales.merchant_id', '=', merchantId!));
  const signedPrice = sql<number>`CASE WHEN sales.kind = 'sale' THEN sales.price_cents ELSE -abs(sales.price_cents) END`;

  const [handledByGrade, soldItems, recovered, byMonth] = await Promise.all([
    ws.kysely
      .selectFrom('items')
      .select(['grade', (eb) => eb.fn.countAll<number>().as('n')])
      .$if(merchantId !== undefined, (q) => q.where('items.merchant_id', '=', merchantId!))
      .groupBy('grade')
      .execute(),
    // One row per sold item (its first sale not reversed), with what recovery needs.
    sales()
      .innerJoin('items', 'items.id', 'sales.item_id')
      .innerJoin('products', 'products.id', 'items.product_id')
      .where('sales.kind', '=', 'sale')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('sales as r').select('r.id').whereRef('r.reverses_sale_id', '=', 'sales.id'),
          ),
        ),
      )
      .select([
        'items.id',
        'items.grade',
        'items.received_at',
        'sales.sold_at',
        'sales.price_cents',
        'products.original_cents',
      ])
      .execute(),
    sales()
      .select(['sales.currency', sql<number>`sum(${signedPrice})`.as('cents')])
      .groupBy('sales.currency')
      .orderBy('sales.currency')
      .execute(),
    sales()
      .select([
        sql<string>`substr(sales.sold_at, 1, 7)`.as('month'),
        'sales.currency',
        sql<number>`sum(${signedPrice})`.as('cents'),
        sql<number>`sum(CASE WHEN sales.kind = 'sale' THEN 1 ELSE 0 END)`.as('sold'),
      ])
      .groupBy(['month', 'sales.currency'])
      .orderBy('month')
      .execute(),
  ]);

  const soldById = new Map(soldItems.map((row) => [row.id, row]));
  const sold = [...soldById.values()];
  const mean = (values: readonly number[]) =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  const rate = (rows: typeof sold) =>
    mean(rows.filter((r) => r.original_cents > 0).map((r) => r.price_cents / r.original_cents));

  const handled = new Map<Grade | 'ungraded', number>();
  for (const row of handledByGrade) handled.set((row.grade ?? 'ungraded') as Grade, Number(row.n));
  const byGrade: GradeFigures[] = [...GRADES, 'ungraded' as const]
    .filter((grade) => (handled.get(grade) ?? 0) > 0)
    .map((grade) => {
      const soldOfGrade = sold.filter((r) => (r.grade ?? 'ungraded') === grade);
      return {
        grade,
        handled: handled.get(grade) ?? 0,
        sold: soldOfGrade.length,
        recoveryRate: rate(soldOfGrade),
      };
    });

  return {
    itemsHandled: [...handled.values()].reduce((a, b) => a + b, 0),
    itemsSold: sold.length,
    recovered: recovered.map((r) => ({ currency: r.currency, cents: Number(r.cents) })),
    recoveryRate: rate(sold),
    daysToSell: mean(
      sold.map((r) => Math.max(0, (Date.parse(r.sold_at) - Date.parse(r.received_at)) / DAY_MS)),
    ),
    byGrade,
    revenueByMonth: byMonth.map((m) => ({
      month: m.month,
      currency: m.currency,
      cents: Number(m.cents),
      sold: Number(m.sold),
    })),
  };
}

/** The day after `day` (YYYY-MM-DD), so an inclusive "to" compares with full timestamps. */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Why items came back and where they went (items received in the period), and per grade the
 * channel that recovered most (sales in the period): the Reports screen's smaller charts.
 */
export async function reportsReturns(
  ws: Workspace,
  input: z.output<typeof ReportsReturnsInput>,
): Promise<ReturnsBreakdown> {
  const { merchantId, from, to } = input;
  const items = () =>
    ws.kysely
      .selectFrom('items')
      .$if(merchantId !== undefined, (q) => q.where('items.merchant_id', '=', merchantId!))
      .$if(from !== undefined, (q) => q.where('items.received_at', '>=', from!))
      .$if(to !== undefined, (q) => q.where('items.received_at', '<', dayAfter(to!)));
  const [reasons, dispositions, channels] = await Promise.all([
    items()
      .select([
        sql<string>`coalesce(items.return_reason, '')`.as('key'),
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .groupBy(sql`coalesce(items.return_reason, '')`)
      .orderBy('count', 'desc')
      .execute(),
    items()
      .select(['items.status as key', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('items.status')
      .orderBy('count', 'desc')
      .execute(),
    ws.kysely
      .selectFrom('sales')
      .innerJoin('items', 'items.id', 'sales.item_id')
      .innerJoin('products', 'products.id', 'items.product_id')
      .where('sales.kind', '=', 'sale')
      .where('items.grade', 'is not', null)
      .where('products.original_cents', '>', 0)
      .$if(merchantId !== undefined, (q) => q.where('sales.merchant_id', '=', merchantId!))
      .$if(from !== undefined, (q) => q.where('sales.sold_at', '>=', from!))
      .$if(to !== undefined, (q) => q.where('sales.sold_at', '<', dayAfter(to!)))
      .select([
        sql<string>`items.grade`.as('grade'),
        'sales.channel',
        'sales.currency',
        (eb) => eb.fn.countAll<number>().as('sold'),
        sql<number>`sum(sales.price_cents)`.as('price'),
        sql<number>`sum(products.original_cents)`.as('original'),
      ])
      .groupBy(['items.grade', 'sales.channel', 'sales.currency'])
      .execute(),
  ]);
  const best = new Map<string, BestChannel>();
  for (const row of channels) {
    const candidate: BestChannel = {
      grade: row.grade,
      channel: row.channel,
      currency: row.currency,
      sold: Number(row.sold),
      recoveryRate: Number(row.price) / Number(row.original),
    };
    const key = `${row.grade}|${row.currency}`;
    const current = best.get(key);
    if (!current || candidate.recoveryRate > current.recoveryRate) best.set(key, candidate);
  }
  const gradeOrder = (grade: string) => GRADES.indexOf(grade as Grade);
  return {
    reasons: reasons.map((r) => ({ key: r.key, count: Number(r.count) })),
    dispositions: dispositions.map((r) => ({ key: r.key, count: Number(r.count) })),
    bestChannels: [...best.values()].sort((a, b) => gradeOrder(a.grade) - gradeOrder(b.grade)),
  };
}

/** First day of the month after `month` (YYYY-MM), as YYYY-MM. */
function followingMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Month by month: items sold, days from intake to sale, and sell-through.
 *
 * Sell-through of a month = items sold in the month ÷ items available to sell in it, where an
 * item is available in a month when it was listed (its first listing on any channel was created)
 * before the month ended and it was not already sold before the month began; an item sold in the
 * month counts as available even without a listing row (a sale recorded from outside Rebound).
 * So an item listed in March and sold in May is available in March, April and May: the figure
 * answers "of what we had on offer this month, how much went", and never exceeds 100 %.
 * Listings withdrawn without a sale are still counted as available: the listings table keeps no
 * reliable end date yet. "Sold" is the item's first sale that nothing reversed, as elsewhere.
 * Days to sell are counted from the return's arrival (received_at) to that sale.
 */
export async function reportSelling(
  ws: Workspace,
  input: z.output<typeof ReportRangeInput>,
): Promise<PeriodSelling[]> {
  const { merchantId, from, to } = input;
  const rows = await ws.kysely
    .selectFrom('items')
    .$if(merchantId !== undefined, (q) => q.where('items.merchant_id', '=', merchantId!))
    .select((eb) => [
      'items.received_at',
      eb
        .selectFrom('listings')
        .select((l) => l.fn.min('listings.created_at').as('first'))
        .whereRef('listings.item_id', '=', 'items.id')
        .as('listed_at'),
      eb
        .selectFrom('sales')
        .select((s) => s.fn.min('sales.sold_at').as('first'))
        .whereRef('sales.item_id', '=', 'items.id')
        .where('sales.kind', '=', 'sale')
        .where((s) =>
          s.not(
            s.exists(
              s.selectFrom('sales as r').select('r.id').whereRef('r.reverses_sale_id', '=', 'sales.id'),
            ),
          ),
        )
        .as('sold_at'),
    ])
    .execute();
  const items = rows
    .map((r) => ({
      received: r.received_at,
      listed: (r.listed_at as string | null) ?? null,
      sold: (r.sold_at as string | null) ?? null,
    }))
    .filter((r) => r.listed !== null || r.sold !== null);
  if (items.length === 0) return [];

  // From the first month anything was on offer to the last month with a sale or a listing,
  // clipped to the requested period.
  let first = '9999-12';
  let last = '0000-01';
  for (const item of items) {
    const start = (
      item.listed !== null && (item.sold === null || item.listed < item.sold) ? item.listed : item.sold
    )!;
    if (start.slice(0, 7) < first) first = start.slice(0, 7);
    const end = item.sold ?? item.listed!;
    if (end.slice(0, 7) > last) last = end.slice(0, 7);
  }
  if (from !== undefined && from.slice(0, 7) > first) first = from.slice(0, 7);
  if (to !== undefined && to.slice(0, 7) < last) last = to.slice(0, 7);

  const result: PeriodSelling[] = [];
  for (let month = first; month <= last; month = followingMonth(month)) {
    const end = followingMonth(month);
    let available = 0;
    const days: number[] = [];
    for (const item of items) {
      const soldInMonth = item.sold !== null && item.sold >= month && item.sold < end;
      const onOffer = item.listed !== null && item.listed < end && (item.sold === null || item.sold >= month);
      if (soldInMonth || onOffer) available += 1;
      if (soldInMonth) days.push(Math.max(0, (Date.parse(item.sold!) - Date.parse(item.received)) / DAY_MS));
    }
    result.push({
      month,
      available,
      sold: days.length,
      sellThrough: available > 0 ? days.length / available : null,
      meanDaysToSell: days.length > 0 ? days.reduce((a, b) => a + b, 0) / days.length : null,
      medianDaysToSell: median(days),
    });
  }
  return result;
}
