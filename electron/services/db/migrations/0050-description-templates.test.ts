import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import m0010 from './0010-initial';
import m0020 from './0020-item-search';
import m0030 from './0030-list-sort-indexes';
import m0050 from './0050-description-templates';

const NOW = '2026-03-02T09:00:00.000Z';

function databaseAt(migrations: Parameters<typeof migrate>[1]): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, migrations);
  return db;
}

/** A merchant with one item and one kept description, as a 0030 database could hold them. */
function fill(db: BetterSqlite3.Database): { merchant: number; item: number } {
  const merchant = Number(
    db
      .prepare(`INSERT INTO merchants (name, currency, language, created_at) VALUES ('Velo', 'EUR', 'fr', ?)`)
      .run(NOW).lastInsertRowid,
  );
  const product = db
    .prepare(
      `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at)
       VALUES (?, 'SKU-1', 'Kettle', 5000, ?, ?)`,
    )
    .run(merchant, NOW, NOW).lastInsertRowid;
  const item = Number(
    db
      .prepare(
        `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at)
         VALUES ('RB-1', ?, ?, ?, ?, ?)`,
      )
      .run(merchant, product, NOW, NOW, NOW).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO descriptions (item_id, language, title, kept, updated_at) VALUES (?, 'fr', 'Bouilloire', 1, ?)`,
  ).run(item, NOW);
  return { merchant, item };
}

describe('migration 0050: description templates', () => {
  test('upgrading keeps kept descriptions; their facts hash starts unknown', () => {
    const db = databaseAt([m0010, m0020, m0030]);
    const { item } = fill(db);
    migrate(db, [m0010, m0020, m0030, m0050]);
    expect(schemaVersion(db)).toBe(50);
    expect(
      db.prepare('SELECT title, kept, facts_hash FROM descriptions WHERE item_id = ?').get(item),
    ).toEqual({
      title: 'Bouilloire',
      kept: 1,
      facts_hash: null,
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('one template per merchant and language, as a JSON object, gone with its merchant', () => {
    const db = databaseAt([m0010, m0020, m0030, m0050]);
    const { merchant } = fill(db);
    const insert = db.prepare(
      'INSERT INTO description_templates (merchant_id, language, overrides, updated_at) VALUES (?, ?, ?, ?)',
    );
    insert.run(merchant, 'fr', JSON.stringify({ heading: 'Pourquoi ce prix ?' }), NOW);
    expect(() => insert.run(merchant, 'fr', '{}', NOW)).toThrow(/UNIQUE/);
    expect(() => insert.run(merchant, 'it', '{}', NOW)).toThrow(/CHECK/);
    expect(() => insert.run(merchant, 'en', 'not json', NOW)).toThrow(/CHECK/);
    expect(() => insert.run(merchant, 'en', '["a list"]', NOW)).toThrow(/CHECK/);
    db.prepare('DELETE FROM descriptions').run();
    db.prepare('DELETE FROM items').run();
    db.prepare('DELETE FROM products').run();
    db.prepare('DELETE FROM merchants WHERE id = ?').run(merchant);
    expect(db.prepare('SELECT COUNT(*) AS n FROM description_templates').get()).toEqual({ n: 0 });
  });
});
