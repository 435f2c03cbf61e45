import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import m0010 from './0010-initial';
import m0020 from './0020-item-search';
import m0030 from './0030-list-sort-indexes';
import m0070 from './0070-channels';

const NOW = '2026-03-02T09:00:00.000Z';
const BEFORE = [m0010, m0020, m0030];

function databaseAt(migrations: Parameters<typeof migrate>[1]): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, migrations);
  return db;
}

/** A demo-like desk: one item live on the practice marketplace, one sold there, one on eBay. */
function fill(db: BetterSqlite3.Database): void {
  const merchant = db
    .prepare(
      `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Larkfield', 'EUR', 'en', ?)`,
    )
    .run(NOW).lastInsertRowid;
  const product = db
    .prepare(
      `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at)
       VALUES (?, 'LK-1', 'Kettle', 5000, ?, ?)`,
    )
    .run(merchant, NOW, NOW).lastInsertRowid;
  const item = db.prepare(
    `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const listing = db.prepare(
    `INSERT INTO listings (item_id, channel, status, remote_sku, remote_listing_id, url, price_cents, end_reason,
                           created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 3999, ?, ?, ?)`,
  );
  const live = item.run('RB-1', merchant, product, NOW, NOW, NOW, 'listed').lastInsertRowid;
  const sold = item.run('RB-2', merchant, product, NOW, NOW, NOW, 'sold').lastInsertRowid;
  const ebay = item.run('RB-3', merchant, product, NOW, NOW, NOW, 'listed').lastInsertRowid;
  listing.run(live, 'practice', 'live', 'RB-1', '40117', 'rebound-practice://listing/40117', null, NOW, NOW);
  listing.run(
    sold,
    'practice',
    'ended',
    'RB-2',
    '40120',
    'rebound-practice://listing/40120',
    'sold',
    NOW,
    NOW,
  );
  listing.run(ebay, 'ebay', 'live', 'RB-3', '110552', 'https://www.ebay.de/itm/110552', null, NOW, NOW);
}

describe('migration 0070: channels', () => {
  test('marks the file as schema 70 and creates the practice marketplace', () => {
    const db = databaseAt([...BEFORE, m0070]);
    expect(schemaVersion(db)).toBe(70);
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'practice_%' ORDER BY name`,
        )
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(['practice_listings', 'practice_orders']);
  });

  test('upgrading a demo desk copies its practice listings in, under the same ids, and nothing else', () => {
    const db = databaseAt(BEFORE);
    fill(db);
    migrate(db, [...BEFORE, m0070]);
    expect(
      db
        .prepare(
          'SELECT id, sku, status, end_reason, price_cents, currency FROM practice_listings ORDER BY id',
        )
        .all(),
    ).toEqual([
      { id: 40117, sku: 'RB-1', status: 'live', end_reason: null, price_cents: 3999, currency: 'EUR' },
      { id: 40120, sku: 'RB-2', status: 'sold', end_reason: 'sold', price_cents: 3999, currency: 'EUR' },
    ]);
    expect((db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n).toBe(3);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('one listing per SKU, and orders must point at a listing', () => {
    const db = databaseAt([...BEFORE, m0070]);
    fill(db);
    const insert = db.prepare(
      `INSERT INTO practice_listings (merchant_id, sku, title, price_cents, currency, status, created_at, updated_at)
       VALUES (1, ?, 'Kettle', 100, 'EUR', 'live', ?, ?)`,
    );
    insert.run('RB-9', NOW, NOW);
    expect(() => insert.run('RB-9', NOW, NOW)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO practice_orders (order_id, listing_id, merchant_id, sku, price_cents, currency, created_at, updated_at)
           VALUES ('PM-000001', 999999, 1, 'RB-9', 100, 'EUR', ?, ?)`,
        )
        .run(NOW, NOW),
    ).toThrow(/FOREIGN KEY/);
  });
});
