import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { SalesList } from '../shared/contract';
import { dispatch } from '../electron/services/api';
import { Workspace } from '../electron/services/workspace';

/**
 * Does the Sales screen stay fast with 100,000 sales? A temporary workspace gets three merchants
 * (70 / 20 / 10 % of the sales), 2,000 products and 100,000 sales over two years on three
 * channels, 3 % of them refunded. Each case is what the screen asks (`sales.list` with its month,
 * merchant and channel filters, 100 rows a page, the totals and the month list) timed through the
 * service, and the same answer from hand-written SQL of the same shape in the same run (the
 * floor: what Kysely and the mapping to rows add). The queries' shapes and the indexes of
 * migration 0080 came from this bench: before them, the first page took about a second.
 */

const SALES = 100_000;
const PRODUCTS = 2_000;
const PAGE = 100;
const TARGET_MS = 50;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 25;
const NOW = '2026-11-01T00:00:00.000Z';
const CHANNELS = ['ebay', 'shopify', 'practice'] as const;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seed(db: BetterSqlite3.Database): number[] {
  const random = prng(80_080);
  const merchants: number[] = [];
  db.transaction(() => {
    for (const [i, name] of ['Larkfield', 'Nordvik', 'Maison Ardent'].entries()) {
      merchants.push(
        db
          .prepare(`INSERT INTO merchants (name, currency, language, created_at) VALUES (?, 'EUR', ?, ?)`)
          .run(name, ['en', 'de', 'fr'][i], NOW).lastInsertRowid as number,
      );
    }
    const product = db.prepare(
      `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const products: { id: number; merchant: number; original: number }[] = [];
    for (let p = 0; p < PRODUCTS; p += 1) {
      const r = random();
      const merchant = merchants[r < 0.7 ? 0 : r < 0.9 ? 1 : 2]!;
      const original = 1999 + Math.floor(random() * 40000);
      const id = product.run(merchant, `SKU-${p}`, `Product ${p}`, original, NOW, NOW)
        .lastInsertRowid as number;
      products.push({ id, merchant, original });
    }
    const item = db.prepare(
      `INSERT INTO items (reference, merchant_id, product_id, received_at, grade, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'used', 'sold', ?, ?)`,
    );
    const sale = db.prepare(
      `INSERT INTO sales (item_id, merchant_id, channel, order_id, line_id, sold_at, currency, price_cents,
         shipping_cents, fees_cents, buyer_country, kind, reverses_sale_id, created_at)
       VALUES (?, ?, ?, ?, '1', ?, 'EUR', ?, 495, ?, 'FR', ?, ?, ?)`,
    );
    const start = Date.parse('2024-11-01T00:00:00.000Z');
    const span = Date.parse(NOW) - start;
    let written = 0;
    for (let i = 0; written < SALES; i += 1) {
      const p = products[Math.floor(random() * products.length)]!;
      const soldAt = new Date(start + Math.floor(random() * span)).toISOString();
      const price = Math.floor(p.original * (0.4 + random() * 0.5));
      const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
      const itemId = item.run(`RB-${String(i + 1).padStart(6, '0')}`, p.merchant, p.id, soldAt, NOW, NOW)
        .lastInsertRowid as number;
      const fees = Math.round(price * 0.128);
      const saleId = sale.run(itemId, p.merchant, channel, `O-${i}`, soldAt, price, fees, 'sale', null, NOW)
        .lastInsertRowid as number;
      written += 1;
      if (random() < 0.03 && written < SALES) {
        const later = new Date(Date.parse(soldAt) + 5 * 86_400_000).toISOString();
        sale.run(itemId, p.merchant, channel, `O-${i}`, later, price, fees, 'refund', saleId, NOW);
        written += 1;
      }
    }
  })();
  return merchants;
}

interface Filters {
  readonly month?: string;
  readonly merchantId?: number;
  readonly channel?: (typeof CHANNELS)[number];
  readonly offset?: number;
}

function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

/** The same four answers as sales.list, written by hand against better-sqlite3. */
function rawList(db: BetterSqlite3.Database, f: Filters) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.month) {
    where.push('s.sold_at >= ? AND s.sold_at < ?');
    params.push(f.month, nextMonth(f.month));
  }
  if (f.merchantId !== undefined) {
    where.push('s.merchant_id = ?');
    params.push(f.merchantId);
  }
  if (f.channel) {
    where.push('s.channel = ?');
    params.push(f.channel);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const signed = (c: string) => `CASE WHEN s.kind = 'sale' THEN s.${c} ELSE -abs(s.${c}) END`;
  const page = db.prepare(
    `SELECT s.id, s.item_id, i.reference, p.title, p.original_cents, m.name, s.channel, s.order_id, s.sold_at,
            s.currency, ${signed('price_cents')} AS price_cents, ${signed('shipping_cents')} AS shipping_cents,
            ${signed('fees_cents')} AS fees_cents, s.fees_estimated, s.buyer_country, s.kind
       FROM sales s JOIN items i ON i.id = s.item_id JOIN products p ON p.id = i.product_id
       JOIN merchants m ON m.id = s.merchant_id
      WHERE s.id IN (SELECT s.id FROM sales s ${clause} ORDER BY s.sold_at DESC, s.id DESC LIMIT ? OFFSET ?)
      ORDER BY s.sold_at DESC, s.id DESC`,
  );
  const totals = db.prepare(
    `SELECT s.currency, sum(CASE WHEN s.kind = 'sale' THEN 1 ELSE 0 END) AS count,
            sum(${signed('price_cents')}) AS price, sum(${signed('shipping_cents')}) AS shipping,
            sum(${signed('fees_cents')}) AS fees
       FROM sales s ${clause} GROUP BY s.currency ORDER BY s.currency`,
  );
  const count = db.prepare(`SELECT count(*) AS n FROM sales s ${clause}`);
  const monthsParams = f.merchantId === undefined ? [] : [f.merchantId, f.merchantId];
  const merchant = f.merchantId === undefined ? '' : 'AND merchant_id = ?';
  const months = db.prepare(
    `WITH RECURSIVE m(month) AS (
       SELECT (SELECT substr(sold_at, 1, 7) FROM sales WHERE 1 ${merchant} ORDER BY sold_at DESC LIMIT 1)
       UNION ALL
       SELECT (SELECT substr(sold_at, 1, 7) FROM sales WHERE sold_at < m.month ${merchant} ORDER BY sold_at DESC LIMIT 1)
         FROM m WHERE m.month IS NOT NULL)
     SELECT month FROM m WHERE month IS NOT NULL`,
  );
  return () => ({
    rows: page.all(...params, PAGE, f.offset ?? 0) as { id: number }[],
    totals: totals.all(...params) as { price: number }[],
    total: (count.get(...params) as { n: number }).n,
    months: months.all(...monthsParams) as { month: string }[],
  });
}

interface Timing {
  readonly median: number;
  readonly p95: number;
  /** Median CPU time of this process per call: what the query costs, whatever else runs. */
  readonly cpu: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function time(fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < WARMUP_RUNS; i += 1) await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(startCpu);
    samples.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), cpu: quantile(cpu, 0.5) };
}

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c >= 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

export async function benchSales(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-sales-'));
  const ws = Workspace.open(dir);
  try {
    const t = performance.now();
    const [big, , small] = seed(ws.db.sqlite);
    write(`Seeded ${SALES.toLocaleString('en')} sales in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
    write(
      `Each case: one sales.list call as the Sales screen makes it (page of ${PAGE}, totals, count, months); ` +
        `${WARMUP_RUNS} warm-up runs, then median and p95 of ${TIMED_RUNS}. Target: service p95 under ${TARGET_MS} ms.`,
    );
    write();
    const cases: { name: string; filters: Filters }[] = [
      { name: 'all sales, first page', filters: {} },
      { name: 'all sales, page 300 (offset 29,900)', filters: { offset: 29_900 } },
      { name: 'one month', filters: { month: '2026-03' } },
      { name: 'merchant (70 %)', filters: { merchantId: big } },
      { name: 'merchant (10 %)', filters: { merchantId: small } },
      { name: 'channel ebay', filters: { channel: 'ebay' } },
      { name: 'merchant (70 %) + month', filters: { merchantId: big, month: '2026-03' } },
      { name: 'merchant (10 %) + channel', filters: { merchantId: small, channel: 'shopify' } },
      { name: 'month + channel', filters: { month: '2025-12', channel: 'practice' } },
      { name: 'merchant + month + channel', filters: { merchantId: big, month: '2025-06', channel: 'ebay' } },
    ];
    const results: { name: string; total: number; service: Timing; raw: Timing; same: boolean }[] = [];
    for (const c of cases) {
      const input = { ...c.filters, limit: PAGE, offset: c.filters.offset ?? 0 };
      const callService = () => dispatch(ws, 'sales.list', input) as Promise<SalesList>;
      const callRaw = rawList(ws.db.sqlite, c.filters);
      const a = await callService();
      const b = callRaw();
      const same =
        a.total === b.total &&
        JSON.stringify(a.rows.map((r) => r.id)) === JSON.stringify(b.rows.map((r) => r.id)) &&
        a.totals.map((x) => x.priceCents).join() === b.totals.map((x) => x.price).join() &&
        a.months.join() === b.months.map((m) => m.month).join();
      results.push({
        name: c.name,
        total: a.total,
        service: await time(callService),
        raw: await time(callRaw),
        same,
      });
    }
    const ms = (v: number) => v.toFixed(2);
    for (const line of table(
      ['case', 'matching', 'service med', 'p95', 'cpu', 'raw med', 'p95', 'cpu', 'same', `< ${TARGET_MS} ms`],
      results.map((r) => [
        r.name,
        r.total.toLocaleString('en'),
        ms(r.service.median),
        ms(r.service.p95),
        ms(r.service.cpu),
        ms(r.raw.median),
        ms(r.raw.p95),
        ms(r.raw.cpu),
        r.same ? 'yes' : 'NO',
        r.service.p95 < TARGET_MS ? 'ok' : 'OVER',
      ]),
    ))
      write(line);
    write(
      '(times in ms; cpu = median CPU time of this process per call, which a busy machine inflates far less ' +
        'than wall time; same = identical page, totals, count and months from service and raw SQL)',
    );
    const over = results.filter((r) => r.service.p95 >= TARGET_MS);
    write(
      over.length === 0
        ? `All ${results.length} cases under ${TARGET_MS} ms.`
        : `${over.length} of ${results.length} cases over ${TARGET_MS} ms: ${over.map((r) => r.name).join('; ')}.`,
    );
  } finally {
    await ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
export { seed as seedSales, rawList as rawSalesList };
