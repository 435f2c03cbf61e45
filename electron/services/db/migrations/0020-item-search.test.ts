import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import m0010 from './0010-initial';
import m0020 from './0020-item-search';

const NOW = '2026-03-02T09:00:00.000Z';

function databaseAt(migrations: Parameters<typeof migrate>[1]): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, migrations);
  return db;
}

function addMerchant(db: BetterSqlite3.Database): number {
  return Number(
    db
      .prepare(
        `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Velo Shop', 'EUR', 'en', ?)`,
      )
      .run(NOW).lastInsertRowid,
  );
}

function addProduct(
  db: BetterSqlite3.Database,
  merchantId: number,
  p: { sku: string; title: string; ean?: string; brand?: string; model?: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO products (merchant_id, sku, ean, brand, model, title, original_cents, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 4999, ?, ?)`,
      )
      .run(merchantId, p.sku, p.ean ?? null, p.brand ?? null, p.model ?? null, p.title, NOW, NOW)
      .lastInsertRowid,
  );
}

function addItem(
  db: BetterSqlite3.Database,
  merchantId: number,
  productId: number,
  reference: string,
  orderReference: string | null = null,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO items (reference, merchant_id, product_id, order_reference, received_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(reference, merchantId, productId, orderReference, NOW, NOW, NOW).lastInsertRowid,
  );
}

/** What the desk's search box finds: item ids whose indexed text contains `text`. */
function find(db: BetterSqlite3.Database, text: string): number[] {
  return (
    db
      .prepare(`SELECT rowid FROM item_search WHERE item_search MATCH ? ORDER BY rowid`)
      .all(`"${text.replaceAll('"', '""')}"`) as { rowid: number }[]
  ).map((r) => r.rowid);
}

/** FTS5's own consistency check of the index against its content; throws if they differ. */
function assertIndexConsistent(db: BetterSqlite3.Database): void {
  db.exec(`INSERT INTO item_search(item_search) VALUES ('integrity-check')`);
  const items = db.prepare('SELECT count(*) AS n FROM items').get() as { n: number };
  const indexed = db.prepare('SELECT count(*) AS n FROM item_search').get() as { n: number };
  expect(indexed.n).toBe(items.n);
}

describe('migration 0020: item search', () => {
  test('marks the file as schema 20 and creates the trigram index with its triggers', () => {
    const db = databaseAt([m0010, m0020]);
    expect(schemaVersion(db)).toBe(20);
    const objects = db
      .prepare(
        `SELECT type, name FROM sqlite_master WHERE name LIKE 'item_search%' AND type IN ('table', 'trigger')`,
      )
      .all() as { type: string; name: string }[];
    expect(objects.filter((o) => o.type === 'trigger').map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'item_search_insert',
        'item_search_update',
        'item_search_delete',
        'item_search_product',
      ]),
    );
    const sqlText = (
      db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'item_search'`).get() as { sql: string }
    ).sql;
    expect(sqlText).toMatch(/fts5/i);
    expect(sqlText).toMatch(/trigram/);
  });

  test('upgrading a desk that already has returns makes them searchable at once', () => {
    const db = databaseAt([m0010]);
    const shop = addMerchant(db);
    const helmet = addProduct(db, shop, {
      sku: 'VS-HELM-01',
      ean: '4006381333931',
      brand: 'Abus',
      title: 'Bike helmet Aduro',
    });
    const first = addItem(db, shop, helmet, 'RB-001234', 'WEB-5001');
    const second = addItem(db, shop, helmet, 'RB-001235');

    migrate(db, [m0010, m0020]);

    expect(schemaVersion(db)).toBe(20);
    expect(find(db, '1234')).toEqual([first]);
    expect(find(db, '333931')).toEqual([first, second]);
    expect(find(db, 'WEB-5001')).toEqual([first]);
    assertIndexConsistent(db);
  });

  test('a scanned or typed fragment of reference, SKU, EAN, order, brand, model or title finds the item', () => {
    const db = databaseAt([m0010, m0020]);
    const shop = addMerchant(db);
    const light = addProduct(db, shop, {
      sku: 'VS-LIGHT-02',
      ean: '4008496989296',
      brand: 'Busch+Müller',
      model: 'IQ-X',
      title: 'Front light 100 lux',
    });
    const item = addItem(db, shop, light, 'RB-000102', 'WEB-5002');
    for (const fragment of ['000102', 'LIGHT-0', '8496989', 'WEB-50', 'Busch', 'IQ-X', 'front LIGHT']) {
      expect(find(db, fragment), fragment).toEqual([item]);
    }
    expect(find(db, 'helmet')).toEqual([]);
  });

  test('a new return is searchable as soon as it is saved, and gone once deleted', () => {
    const db = databaseAt([m0010, m0020]);
    const shop = addMerchant(db);
    const pump = addProduct(db, shop, { sku: 'VS-PUMP-03', title: 'Floor pump with gauge' });
    const item = addItem(db, shop, pump, 'RB-000103');
    expect(find(db, 'pump')).toEqual([item]);
    assertIndexConsistent(db);

    db.prepare('DELETE FROM items WHERE id = ?').run(item);
    expect(find(db, 'pump')).toEqual([]);
    expect(find(db, '000103')).toEqual([]);
    assertIndexConsistent(db);
  });

  test('correcting an item’s reference, order or product moves it in the index', () => {
    const db = databaseAt([m0010, m0020]);
    const shop = addMerchant(db);
    const pump = addProduct(db, shop, { sku: 'VS-PUMP-03', title: 'Floor pump' });
    const lamp = addProduct(db, shop, { sku: 'VS-LAMP-04', title: 'Reading lamp' });
    const item = addItem(db, shop, pump, 'RB-000200', 'WEB-1111');

    db.prepare(`UPDATE items SET reference = 'RB-000201', order_reference = 'WEB-2222' WHERE id = ?`).run(
      item,
    );
    expect(find(db, '000200')).toEqual([]);
    expect(find(db, '000201')).toEqual([item]);
    expect(find(db, 'WEB-1111')).toEqual([]);
    expect(find(db, 'WEB-2222')).toEqual([item]);

    db.prepare('UPDATE items SET product_id = ? WHERE id = ?').run(lamp, item);
    expect(find(db, 'pump')).toEqual([]);
    expect(find(db, 'lamp')).toEqual([item]);

    // Grading touches none of the searched fields and leaves the index alone.
    db.prepare(`UPDATE items SET grade = 'used', status = 'graded' WHERE id = ?`).run(item);
    expect(find(db, 'lamp')).toEqual([item]);
    assertIndexConsistent(db);
  });

  test('renaming a product renames it on every one of its returns', () => {
    const db = databaseAt([m0010, m0020]);
    const shop = addMerchant(db);
    const helmet = addProduct(db, shop, { sku: 'VS-HELM-01', title: 'Bike helmet', ean: '4006381333931' });
    const other = addProduct(db, shop, { sku: 'VS-PUMP-03', title: 'Floor pump' });
    const a = addItem(db, shop, helmet, 'RB-000301');
    const b = addItem(db, shop, helmet, 'RB-000302');
    const c = addItem(db, shop, other, 'RB-000303');

    db.prepare(
      `UPDATE products SET title = 'Cycling helmet Aduro', ean = '4006381999999', brand = 'Abus' WHERE id = ?`,
    ).run(helmet);

    expect(find(db, 'Bike helmet')).toEqual([]);
    expect(find(db, 'Cycling')).toEqual([a, b]);
    expect(find(db, '333931')).toEqual([]);
    expect(find(db, '999999')).toEqual([a, b]);
    expect(find(db, 'Abus')).toEqual([a, b]);
    expect(find(db, 'pump')).toEqual([c]);
    assertIndexConsistent(db);
  });
});
