import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import m0010 from './0010-initial';
import m0020 from './0020-item-search';
import m0030 from './0030-list-sort-indexes';

const NOW = '2026-03-02T09:00:00.000Z';

function databaseAt(migrations: Parameters<typeof migrate>[1]): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, migrations);
  return db;
}

function fill(db: BetterSqlite3.Database): void {
  const merchant = db
    .prepare(
      `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Velo Shop', 'EUR', 'en', ?)`,
    )
    .run(NOW).lastInsertRowid;
  const product = db.prepare(
    `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const item = db.prepare(
    `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (let p = 0; p < 20; p += 1) {
    const id = product.run(
      merchant,
      `SKU-${p}`,
      `Title ${p % 7}`,
      1000 + (p % 5) * 100,
      NOW,
      NOW,
    ).lastInsertRowid;
    for (let i = 0; i < 5; i += 1) item.run(`RB-${p}-${i}`, merchant, id, NOW, NOW, NOW);
  }
}

/** The plan of the list's page-of-ids query for a sort on a product column (as in items.ts). */
function plan(db: BetterSqlite3.Database, orderBy: string): string[] {
  return (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT items.id FROM items JOIN products ON products.id = items.product_id
         ORDER BY ${orderBy} LIMIT 200`,
      )
      .all() as { detail: string }[]
  ).map((row) => row.detail);
}

describe('migration 0030: list sort indexes', () => {
  test('marks the file as schema 30 and indexes product title and original price', () => {
    const db = databaseAt([m0010, m0020, m0030]);
    expect(schemaVersion(db)).toBe(30);
    const indexes = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'products'`).all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    expect(indexes).toEqual(expect.arrayContaining(['products_title', 'products_price']));
  });

  test('upgrading a desk with returns keeps every row and leaves a sound file', () => {
    const db = databaseAt([m0010, m0020]);
    fill(db);
    migrate(db, [m0010, m0020, m0030]);
    expect(schemaVersion(db)).toBe(30);
    expect((db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(100);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('the title and price sorts walk products in index order instead of sorting every item', () => {
    const db = databaseAt([m0010, m0020, m0030]);
    fill(db);
    const byTitle = plan(db, 'products.title, products.id, items.id');
    expect(byTitle.join('\n')).toMatch(/products_title/);
    expect(byTitle.join('\n')).not.toMatch(/TEMP B-TREE/);
    const byPrice = plan(db, 'products.original_cents DESC, products.id DESC, items.id DESC');
    expect(byPrice.join('\n')).toMatch(/products_price/);
    expect(byPrice.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
