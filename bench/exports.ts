import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_FORMATS } from '../shared/contract/exports';
import { ExportSalesInput } from '../shared/contract/exports';
import { exportSales } from '../electron/services/exports';
import { writeStatementPdf } from '../electron/services/statements';
import { Workspace } from '../electron/services/workspace';
import type { SqliteDb } from '../electron/services/db/connection';

/**
 * How fast are the bookkeeping exports with 100,000 sales, and do they stay on disk rather than in
 * memory? A temporary workspace gets three merchants, 2,000 products and 100,000 sold items over
 * two years (with 3 % refunds and a few titles that try formula injection); each format is then
 * written for the whole period, timed, and its size and the process's peak memory growth printed.
 */

const SALES = 100_000;
const PRODUCTS = 2_000;
const TARGET_S = 10;
const NOW = '2026-11-01T00:00:00.000Z';

/** mulberry32: a seeded PRNG, so every run measures the same data. */
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

/** Writes the benchmark's 100,000 sales (also used by bench/eventloop.ts, on the same data). */
export function seedExportSales(ws: Workspace<SqliteDb>): void {
  const random = prng(60_060);
  const db = ws.db.sqlite;
  db.transaction(() => {
    const merchants = ['Larkfield', 'Nordvik', 'Maison Ardent'].map(
      (name, i) =>
        db
          .prepare(
            `INSERT INTO merchants (name, currency, language, address, fee_schedule, created_at)
             VALUES (?, 'EUR', ?, ?, ?, ?)`,
          )
          .run(name, ['en', 'de', 'fr'][i], `${name} HQ, 1 Main Street`, null, NOW).lastInsertRowid as number,
    );
    const product = db.prepare(
      `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const products: { id: number; merchant: number; original: number }[] = [];
    for (let p = 0; p < PRODUCTS; p += 1) {
      const merchant = merchants[p % 3]!;
      const original = 1999 + Math.floor(random() * 40000);
      // A few hostile titles, so the timing includes the neutralising path.
      const title =
        p % 97 === 0 ? `=HYPERLINK("http://x","Product ${p}")` : `Product ${p}, "quoted"; with separators`;
      const id = product.run(merchant, `SKU-${p}`, title, original, NOW, NOW).lastInsertRowid as number;
      products.push({ id, merchant, original });
    }
    const item = db.prepare(
      `INSERT INTO items (reference, merchant_id, product_id, received_at, grade, status, purchase_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'used', 'sold', ?, ?, ?)`,
    );
    const sale = db.prepare(
      `INSERT INTO sales (item_id, merchant_id, channel, order_id, line_id, sold_at, currency, price_cents,
         shipping_cents, fees_cents, vat_rate_bp, vat_scheme, buyer_country, kind, reverses_sale_id, created_at)
       VALUES (?, ?, ?, ?, '1', ?, 'EUR', ?, ?, ?, ?, ?, 'FR', ?, ?, ?)`,
    );
    const start = Date.parse('2024-11-01T00:00:00.000Z');
    const span = Date.parse(NOW) - start;
    let written = 0;
    for (let i = 0; written < SALES; i += 1) {
      const p = products[Math.floor(random() * products.length)]!;
      const soldAt = new Date(start + Math.floor(random() * span)).toISOString();
      const price = Math.floor(p.original * (0.4 + random() * 0.5));
      const margin = random() < 0.2;
      const itemId = item.run(
        `RB-${String(i + 1).padStart(6, '0')}`,
        p.merchant,
        p.id,
        soldAt,
        margin ? Math.floor(price * 0.6) : null,
        NOW,
        NOW,
      ).lastInsertRowid as number;
      const fees = Math.round(price * 0.128);
      const saleId = sale.run(
        itemId,
        p.merchant,
        'ebay',
        `O-${i}`,
        soldAt,
        price,
        495,
        fees,
        2000,
        margin ? 'margin' : 'standard',
        'sale',
        null,
        NOW,
      ).lastInsertRowid as number;
      written += 1;
      if (random() < 0.03 && written < SALES) {
        const later = new Date(Date.parse(soldAt) + 5 * 86_400_000).toISOString();
        sale.run(
          itemId,
          p.merchant,
          'ebay',
          `O-${i}`,
          later,
          price,
          495,
          fees,
          2000,
          margin ? 'margin' : 'standard',
          'refund',
          saleId,
          NOW,
        );
        written += 1;
      }
    }
  })();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function benchExports(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-exports-'));
  const ws = Workspace.open(dir);
  try {
    let t = performance.now();
    seedExportSales(ws);
    process.stdout.write(
      `Seeded ${SALES.toLocaleString('en')} sales in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );
    process.stdout.write(`target: each format under ${TARGET_S} s\n`);
    for (const format of EXPORT_FORMATS) {
      for (const locale of format === 'csv' ? (['en', 'fr'] as const) : (['en'] as const)) {
        const rssBefore = process.memoryUsage().rss;
        let rssPeak = rssBefore;
        const sampler = setInterval(() => {
          rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        }, 20);
        t = performance.now();
        const result = await exportSales(
          ws,
          ExportSalesInput.parse({ from: '2024-01-01', to: '2026-12-31', format, locale }),
        );
        const seconds = (performance.now() - t) / 1000;
        clearInterval(sampler);
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        const over = seconds > TARGET_S ? '  OVER TARGET' : '';
        process.stdout.write(
          `${`${format} (${locale})`.padEnd(14)} ${result.rows.toLocaleString('en')} rows` +
            `${format === 'journal' ? ` → ${result.lines.toLocaleString('en')} lines` : ''}` +
            ` in ${seconds.toFixed(2)} s = ${Math.round(result.rows / seconds).toLocaleString('en')} rows/s,` +
            ` file ${mb(result.bytes)}, RSS growth ≤ ${mb(rssPeak - rssBefore)}${over}\n`,
        );
      }
    }
    t = performance.now();
    const statement = await writeStatementPdf(ws, { merchantId: 1, month: '2026-10' });
    process.stdout.write(
      `statement PDF  ${statement.lines.length.toLocaleString('en')} lines, ${statement.pages} pages in ${((performance.now() - t) / 1000).toFixed(2)} s, ${mb(statement.bytes)}\n`,
    );
  } finally {
    await ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
