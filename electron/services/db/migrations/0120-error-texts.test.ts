import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import { MIGRATIONS } from '.';

const NOW = '2026-03-02T09:00:00.000Z';

describe('migration 0120: failure reasons as messages beside their English text', () => {
  test('a workspace with a failed listing and job keeps their English reason and gains an empty message', () => {
    const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 120),
    );
    const merchant = db
      .prepare(
        `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Larkfield', 'EUR', 'fr', ?)`,
      )
      .run(NOW).lastInsertRowid;
    const product = db
      .prepare(
        `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at) VALUES (?, 'L-1', 'Lamp', 1000, ?, ?)`,
      )
      .run(merchant, NOW, NOW).lastInsertRowid;
    const item = db
      .prepare(
        `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at) VALUES ('RB-000001', ?, ?, ?, ?, ?)`,
      )
      .run(merchant, product, NOW, NOW, NOW).lastInsertRowid;
    const old =
      'eBay refused publishing RB-000001: The title is too long. Correct the item and publish again.';
    db.prepare(
      `INSERT INTO listings (item_id, channel, status, last_error, created_at, updated_at) VALUES (?, 'ebay', 'failed', ?, ?, ?)`,
    ).run(item, old, NOW, NOW);
    db.prepare(
      `INSERT INTO jobs (kind, item_id, channel, status, next_run_at, last_error, idempotency_key, created_at, updated_at)
       VALUES ('publish', ?, 'ebay', 'failed', ?, ?, 'publish:1:ebay:1', ?, ?)`,
    ).run(item, NOW, old, NOW, NOW);

    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.version);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(120);
    expect(db.prepare('SELECT last_error, last_error_text FROM listings').get()).toEqual({
      last_error: old,
      last_error_text: null,
    });
    expect(db.prepare('SELECT last_error, last_error_text FROM jobs').get()).toEqual({
      last_error: old,
      last_error_text: null,
    });
    const message = JSON.stringify({
      code: 'channels.remote.refused_item',
      params: { service: 'eBay', remote: 'x' },
    });
    db.prepare('UPDATE listings SET last_error_text = ?').run(message);
    expect(db.prepare('SELECT last_error_text FROM listings').get()).toEqual({ last_error_text: message });
  });
});
