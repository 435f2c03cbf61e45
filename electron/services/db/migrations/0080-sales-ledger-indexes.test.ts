import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import { MIGRATIONS } from '.';
import m0080 from './0080-sales-ledger-indexes';

const NOW = '2026-03-02T09:00:00.000Z';
const BEFORE = MIGRATIONS.filter((m) => m.version < 80);

function databaseAt(migrations: Parameters<typeof migrate>[1]): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, migrations);
  return db;
}

/** Two merchants, 300 sales on two channels over three months, a few refunded. */
function fill(db: BetterSqlite3.Database): void {
  const merchant = db.prepare(
    `INSERT INTO merchants (name, currency, language, created_at) VALUES (?, 'EUR', 'en', ?)`,
  );
  const merchants = [
    merchant.run('Larkfield', NOW).lastInsertRowid,
    merchant.run('Nordvik', NOW).lastInsertRowid,
  ];
  const product = db
    .prepare(
      `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at) VALUES (?, 'LK-1', 'Kettle', 5000, ?, ?)`,
    )
    .run(merchants[0], NOW, NOW).lastInsertRowid;
  const item = db.prepare(
    `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const sale = db.prepare(
    `INSERT INTO sales (item_id, merchant_id, channel, order_id, line_id, sold_at, currency, price_cents, fees_cents, kind, reverses_sale_id, created_at)
     VALUES (?, ?, ?, ?, '1', ?, 'EUR', ?, 100, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 300; i += 1) {
      const m = merchants[i % 2]!;
      const itemId = item.run(`RB-${i}`, m, product, NOW, NOW, NOW).lastInsertRowid;
      const soldAt = `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`;
      const channel = i % 3 === 0 ? 'ebay' : 'practice';
      const id = sale.run(itemId, m, channel, `O-${i}`, soldAt, 1000 + i, 'sale', null, NOW).lastInsertRowid;
      if (i % 25 === 0) sale.run(itemId, m, channel, `O-${i}`, soldAt, 1000 + i, 'refund', id, NOW);
    }
  })();
}

/** The Sales screen's totals (as in services/sales.ts) for a filter, with their query plan. */
function totals(db: BetterSqlite3.Database, where: string) {
  const signed = (c: string) => `CASE WHEN kind = 'sale' THEN ${c} ELSE -abs(${c}) END`;
  const sql = `SELECT currency, sum(CASE WHEN kind = 'sale' THEN 1 ELSE 0 END) AS count,
      sum(${signed('price_cents')}) AS price, sum(${signed('shipping_cents')}) AS shipping,
      sum(${signed('fees_cents')}) AS fees FROM sales ${where} GROUP BY currency`;
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
  return { rows: db.prepare(sql).all(), plan: plan.join('\n') };
}

const FILTERS = [
  '',
  'WHERE merchant_id = 1',
  "WHERE channel = 'ebay'",
  "WHERE sold_at >= '2026-02' AND sold_at < '2026-03'",
  "WHERE merchant_id = 2 AND channel = 'practice'",
  "WHERE merchant_id = 1 AND sold_at >= '2026-02' AND sold_at < '2026-03' AND channel = 'ebay'",
];

describe('migration 0080: sales ledger indexes', () => {
  test('marks the file as schema 80 and adds the three covering indexes', () => {
    const db = databaseAt([...BEFORE, m0080]);
    expect(schemaVersion(db)).toBe(80);
    const indexes = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales'`).all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['sales_totals_time', 'sales_totals_merchant', 'sales_totals_channel']),
    );
  });

  test('upgrading a ledger keeps every sale and every total, and leaves a sound file', () => {
    const db = databaseAt(BEFORE);
    fill(db);
    const before = FILTERS.map((f) => totals(db, f).rows);
    migrate(db, [...BEFORE, m0080]);
    expect(schemaVersion(db)).toBe(80);
    expect((db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n).toBe(312);
    expect(FILTERS.map((f) => totals(db, f).rows)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('every filter of the Sales screen sums from an index, never reading the table', () => {
    const db = databaseAt([...BEFORE, m0080]);
    fill(db);
    for (const filter of FILTERS) {
      const { plan } = totals(db, filter);
      expect(plan, filter).toMatch(/USING COVERING INDEX/);
    }
  });
});
