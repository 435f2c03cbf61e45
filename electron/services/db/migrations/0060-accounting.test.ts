import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import m0010 from './0010-initial';
import m0020 from './0020-item-search';
import m0030 from './0030-list-sort-indexes';
import m0060 from './0060-accounting';

const NOW = '2026-03-02T09:00:00.000Z';

function databaseAt(migrations: Parameters<typeof migrate>[1]): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, migrations);
  return db;
}

function fill(db: BetterSqlite3.Database): number {
  const merchant = db
    .prepare(`INSERT INTO merchants (name, currency, language, created_at) VALUES ('Velo', 'EUR', 'en', ?)`)
    .run(NOW).lastInsertRowid;
  const product = db
    .prepare(
      `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at)
       VALUES (?, 'SKU-1', 'Kettle', 5000, ?, ?)`,
    )
    .run(merchant, NOW, NOW).lastInsertRowid;
  return Number(
    db
      .prepare(
        `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at)
         VALUES ('RB-1', ?, ?, ?, ?, ?)`,
      )
      .run(merchant, product, NOW, NOW, NOW).lastInsertRowid,
  );
}

describe('migration 0060: accounting', () => {
  test('upgrading keeps every row; the new columns start unknown (null)', () => {
    const db = databaseAt([m0010, m0020, m0030]);
    const item = fill(db);
    migrate(db, [m0010, m0020, m0030, m0060]);
    expect(schemaVersion(db)).toBe(60);
    expect(db.prepare('SELECT purchase_cents FROM items WHERE id = ?').get(item)).toEqual({
      purchase_cents: null,
    });
    expect(db.prepare('SELECT units_sold FROM products').get()).toEqual({ units_sold: null });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('refuses negative purchase costs and unit counts', () => {
    const db = databaseAt([m0010, m0020, m0030, m0060]);
    const item = fill(db);
    db.prepare('UPDATE items SET purchase_cents = 1234 WHERE id = ?').run(item);
    expect(() => db.prepare('UPDATE items SET purchase_cents = -1 WHERE id = ?').run(item)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE products SET units_sold = -5').run()).toThrow(/CHECK/);
  });

  test('indexes the reversal lookup the reports make for every sale', () => {
    const db = databaseAt([m0010, m0020, m0030, m0060]);
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT id FROM sales WHERE reverses_sale_id = 1').all() as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/sales_reverses/);
  });
});
