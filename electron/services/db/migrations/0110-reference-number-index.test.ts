import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { addItem, addMerchant, addProduct } from '../../../../tests/integration/seed';
import { openRawDatabase, tempDir, tempWorkspace } from '../../../../tests/integration/temp';
import { Kysely, SqliteDialect } from 'kysely';
import { highestReference, maxReferenceNumber } from '../../intake/receive';
import type { Database } from '../schema';
import { migrate } from '../migration';
import { MIGRATIONS } from '.';

const NOW = '2026-03-02T09:00:00.000Z';

describe('migration 0110: the next reference from an index, not a scan', () => {
  test('an existing workspace gains the index, and the highest number is read from its end', () => {
    const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 110),
    );
    const merchant = db
      .prepare(
        `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Larkfield', 'EUR', 'en', ?)`,
      )
      .run(NOW).lastInsertRowid;
    const product = db
      .prepare(
        `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at) VALUES (?, 'L-1', 'Lamp', 1000, ?, ?)`,
      )
      .run(merchant, NOW, NOW).lastInsertRowid;
    const insert = db.prepare(
      `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const reference of ['RB-000002', 'RB-999999', 'RB-1000001', 'RB-000120']) {
      insert.run(reference, merchant, product, NOW, NOW, NOW);
    }

    migrate(db, MIGRATIONS);
    // The query maxReferenceNumber runs, compiled for SQLite, planned on this database.
    const query = highestReference(
      new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) }),
    ).compile();
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as {
      detail: string;
    }[];
    const steps = plan.map((row) => row.detail).join(' | ');
    expect(steps).toMatch(/items_reference_number/);
    expect(steps).not.toMatch(/TEMP B-TREE/);
    expect(db.prepare(query.sql).get(...query.parameters)).toEqual({ reference: 'RB-1000001' });
  });

  test('the next number follows the highest, past six digits and beside references that are not numbers', async () => {
    const ws = await tempWorkspace();
    const merchantId = await addMerchant(ws, { name: 'Larkfield' });
    const productId = await addProduct(ws, { merchantId, sku: 'L-1', title: 'Lamp', originalCents: 1000 });
    expect(await ws.kysely.transaction().execute((trx) => maxReferenceNumber(trx))).toBe(0);
    // A longer reference that is not a number (typed by hand in an older release) is passed over.
    for (const reference of ['RB-000002', 'RB-999999', 'RB-1000001', 'RB-000120', 'RB-SPECIAL-ORDER-7']) {
      await addItem(ws, { merchantId, productId, reference });
    }
    expect(await ws.kysely.transaction().execute((trx) => maxReferenceNumber(trx))).toBe(1_000_001);
  });
});
