import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import m0010 from './0010-initial';

/** A brand-new database file brought to schema 10 and no further. */
function databaseAt10(): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, [m0010]);
  return db;
}

const NOW = '2026-03-02T09:00:00.000Z';

/** One merchant, one product: the least an item needs. */
function shopWithProduct(db: BetterSqlite3.Database): { merchantId: number; productId: number } {
  const merchantId = Number(
    db
      .prepare(`INSERT INTO merchants (name, currency, language, created_at) VALUES (?, 'EUR', 'en', ?)`)
      .run('Velo Shop', NOW).lastInsertRowid,
  );
  const productId = Number(
    db
      .prepare(
        `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at)
         VALUES (?, 'VS-HELM-01', 'Bike helmet', 5999, ?, ?)`,
      )
      .run(merchantId, NOW, NOW).lastInsertRowid,
  );
  return { merchantId, productId };
}

function insertItem(
  db: BetterSqlite3.Database,
  values: Record<string, string | number | null>,
  verb: 'INSERT' | 'INSERT OR IGNORE' = 'INSERT',
): BetterSqlite3.RunResult {
  const row = { received_at: NOW, created_at: NOW, updated_at: NOW, ...values };
  const columns = Object.keys(row);
  return db
    .prepare(`${verb} INTO items (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
    .run(row);
}

function columnsOf(db: BetterSqlite3.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

describe('migration 0010: the initial schema', () => {
  test('creates every table of the data model and marks the file as schema 10', () => {
    const db = databaseAt10();
    expect(schemaVersion(db)).toBe(10);
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual([
      'channel_accounts',
      'defects',
      'descriptions',
      'events',
      'items',
      'jobs',
      'listings',
      'merchants',
      'photos',
      'prices',
      'products',
      'profiles',
      'sales',
      'settings',
    ]);
    // Search arrives with migration 20, not before.
    expect(tables).not.toContain('item_search');
  });

  test('an item carries everything the intake form records, with a version for concurrent edits', () => {
    const db = databaseAt10();
    expect(columnsOf(db, 'items')).toEqual(
      expect.arrayContaining([
        'reference',
        'merchant_id',
        'product_id',
        'order_reference',
        'order_line',
        'return_reason',
        'delivered_at',
        'received_at',
        'window_result',
        'grade',
        'packaging',
        'functional_test',
        'factory_reset',
        'cleaned',
        'repackaged',
        'accessories_missing',
        'status',
        'disposition',
        'version',
      ]),
    );
    const { merchantId, productId } = shopWithProduct(db);
    insertItem(db, { reference: 'RB-000001', merchant_id: merchantId, product_id: productId });
    const item = db.prepare(`SELECT * FROM items WHERE reference = 'RB-000001'`).get() as Record<
      string,
      unknown
    >;
    expect(item).toMatchObject({
      status: 'received',
      window_result: 'unknown',
      functional_test: 'not_done',
      accessories_missing: '[]',
      version: 1,
      grade: null,
    });
  });

  test('money is whole cents: a strict table refuses a price written as text or a fraction', () => {
    const db = databaseAt10();
    const { merchantId } = shopWithProduct(db);
    const addProduct = (cents: unknown) =>
      db
        .prepare(
          `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at)
           VALUES (?, ?, 'Lamp', ?, ?, ?)`,
        )
        .run(merchantId, `SKU-${String(cents)}`, cents, NOW, NOW);
    expect(() => addProduct('59.99 EUR')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => addProduct(59.99)).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => addProduct(-1)).toThrow(/CHECK constraint failed/);
    expect(() => addProduct(5999)).not.toThrow();
  });

  test('foreign keys are enforced: no item without its merchant and product', () => {
    const db = databaseAt10();
    const { merchantId, productId } = shopWithProduct(db);
    expect(() => insertItem(db, { reference: 'RB-1', merchant_id: 999, product_id: productId })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => insertItem(db, { reference: 'RB-2', merchant_id: merchantId, product_id: 999 })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  test('deleting an item takes its photos and defects along; deleting a photo only unlinks the defect', () => {
    const db = databaseAt10();
    const { merchantId, productId } = shopWithProduct(db);
    const itemId = Number(
      insertItem(db, { reference: 'RB-000007', merchant_id: merchantId, product_id: productId })
        .lastInsertRowid,
    );
    const photo = (hash: string, position: number) =>
      Number(
        db
          .prepare(
            `INSERT INTO photos (item_id, hash, position, width, height, bytes, source, created_at)
             VALUES (?, ?, ?, 1600, 1200, 1000, 'file', ?)`,
          )
          .run(itemId, hash, position, NOW).lastInsertRowid,
      );
    const scratchPhoto = photo('a'.repeat(64), 1);
    photo('b'.repeat(64), 2);
    db.prepare(
      `INSERT INTO defects (item_id, position, kind, severity, photo_id) VALUES (?, 1, 'scratch', 'minor', ?)`,
    ).run(itemId, scratchPhoto);

    db.prepare('DELETE FROM photos WHERE id = ?').run(scratchPhoto);
    expect(db.prepare('SELECT photo_id FROM defects WHERE item_id = ?').get(itemId)).toEqual({
      photo_id: null,
    });

    db.prepare('DELETE FROM items WHERE id = ?').run(itemId);
    expect(db.prepare('SELECT count(*) AS n FROM photos').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM defects').get()).toEqual({ n: 0 });
  });

  test('a sold item cannot be deleted: the sale keeps it', () => {
    const db = databaseAt10();
    const { merchantId, productId } = shopWithProduct(db);
    const itemId = Number(
      insertItem(db, {
        reference: 'RB-000008',
        merchant_id: merchantId,
        product_id: productId,
        status: 'sold',
      }).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO sales (item_id, merchant_id, channel, order_id, line_id, sold_at, currency, price_cents, created_at)
       VALUES (?, ?, 'practice', 'ORD-1', '1', ?, 'EUR', 4500, ?)`,
    ).run(itemId, merchantId, NOW, NOW);
    expect(() => db.prepare('DELETE FROM items WHERE id = ?').run(itemId)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  test('CHECK constraints refuse a grade, status or role that the app does not know', () => {
    const db = databaseAt10();
    const { merchantId, productId } = shopWithProduct(db);
    const base = { merchant_id: merchantId, product_id: productId };
    expect(() => insertItem(db, { ...base, reference: 'RB-G', grade: 'like_new' })).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => insertItem(db, { ...base, reference: 'RB-S', status: 'lost' })).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => insertItem(db, { ...base, reference: 'RB-W', window_result: 'maybe' })).toThrow(
      /CHECK constraint failed/,
    );
    for (const grade of [
      'new_sealed',
      'opened_packaging',
      'used',
      'lightly_damaged',
      'heavily_damaged',
      'defective',
    ]) {
      expect(() => insertItem(db, { ...base, reference: `RB-${grade}`, grade })).not.toThrow();
    }

    const profile = (role: string, merchant: number | null) =>
      db
        .prepare(`INSERT INTO profiles (name, role, merchant_id, created_at) VALUES ('Kim', ?, ?, ?)`)
        .run(role, merchant, NOW);
    expect(() => profile('owner', null)).toThrow(/CHECK constraint failed/);
    // An approver approves for one merchant: a profile without one makes no sense.
    expect(() => profile('approver', null)).toThrow(/CHECK constraint failed/);
    expect(() => profile('approver', merchantId)).not.toThrow();

    expect(() =>
      db
        .prepare(
          `INSERT INTO merchants (name, currency, language, return_window_days, created_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run('Short Window', 'EUR', 'en', 7, NOW),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(`INSERT INTO merchants (name, currency, language, created_at) VALUES (?, ?, ?, ?)`)
        .run('Italian Shop', 'EUR', 'it', NOW),
    ).toThrow(/CHECK constraint failed/);
  });

  test('merchant names are unique whatever their case', () => {
    const db = databaseAt10();
    shopWithProduct(db);
    expect(() =>
      db
        .prepare(
          `INSERT INTO merchants (name, currency, language, created_at) VALUES ('VELO SHOP', 'EUR', 'en', ?)`,
        )
        .run(NOW),
    ).toThrow(/UNIQUE constraint failed/);
  });

  test('importing the same return notice twice creates nothing new', () => {
    const db = databaseAt10();
    const { merchantId, productId } = shopWithProduct(db);
    const notice = {
      merchant_id: merchantId,
      product_id: productId,
      order_reference: 'WEB-5001',
      order_line: 1,
    };

    expect(insertItem(db, { ...notice, reference: 'RB-000001' }, 'INSERT OR IGNORE').changes).toBe(1);
    // The importer gives every new row a fresh reference; the notice index still recognises it.
    expect(insertItem(db, { ...notice, reference: 'RB-000002' }, 'INSERT OR IGNORE').changes).toBe(0);
    expect(() => insertItem(db, { ...notice, reference: 'RB-000003' })).toThrow(/UNIQUE constraint failed/);

    // Another line of the same order is another item.
    expect(
      insertItem(db, { ...notice, order_line: 2, reference: 'RB-000004' }, 'INSERT OR IGNORE').changes,
    ).toBe(1);
    // Items typed in at the desk without a notice are never merged.
    insertItem(db, { merchant_id: merchantId, product_id: productId, reference: 'RB-000005' });
    insertItem(db, { merchant_id: merchantId, product_id: productId, reference: 'RB-000006' });
    expect(db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 4 });
  });

  test('item references are unique', () => {
    const db = databaseAt10();
    const { merchantId, productId } = shopWithProduct(db);
    insertItem(db, { reference: 'RB-000001', merchant_id: merchantId, product_id: productId });
    expect(() =>
      insertItem(db, { reference: 'RB-000001', merchant_id: merchantId, product_id: productId }),
    ).toThrow(/UNIQUE constraint failed: items.reference/);
  });

  test('the outbox runs each remote action once: a job idempotency key cannot repeat', () => {
    const db = databaseAt10();
    const job = db.prepare(
      `INSERT INTO jobs (kind, idempotency_key, next_run_at, created_at, updated_at) VALUES ('publish', ?, ?, ?, ?)`,
    );
    job.run('publish:practice:RB-000001', NOW, NOW, NOW);
    expect(() => job.run('publish:practice:RB-000001', NOW, NOW, NOW)).toThrow(/UNIQUE constraint failed/);
    expect(db.prepare('SELECT status, attempts, max_attempts FROM jobs').get()).toEqual({
      status: 'queued',
      attempts: 0,
      max_attempts: 8,
    });
  });
});
