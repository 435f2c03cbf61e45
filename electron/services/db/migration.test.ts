import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { fileHash, openRawDatabase, tempDir } from '../../../tests/integration/temp';
import { Workspace } from '../workspace';
import { openDatabase } from './connection';
import { migrate, schemaVersion, type Migration } from './migration';
import { MIGRATIONS } from './migrations';

const LATEST = MIGRATIONS.at(-1)!.version;
const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

describe('migrations', () => {
  test('are numbered in tens, in order, one file each, and every file has its own test', () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}-[a-z0-9-]+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .sort();
    expect(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`)).toEqual(files);
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10, m.name).toBe(0);
      if (i > 0) expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version);
    });
    for (const file of files) {
      expect(
        fs.existsSync(path.join(MIGRATIONS_DIR, file.replace(/\.ts$/, '.test.ts'))),
        `${file} has a test`,
      ).toBe(true);
    }
  });

  test('a new data folder is created at the newest schema, in WAL mode with foreign keys on', async () => {
    const dir = tempDir();
    const ws = Workspace.open(path.join(dir, 'first-day'));
    try {
      expect(ws.db.schemaVersion).toBe(LATEST);
      expect(schemaVersion(ws.db.sqlite)).toBe(LATEST);
      expect(ws.db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ws.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(fs.existsSync(path.join(dir, 'first-day', 'rebound.sqlite'))).toBe(true);
    } finally {
      await ws.close();
    }
  });

  test('opening the same folder again changes nothing and keeps the data', async () => {
    const file = path.join(tempDir(), 'rebound.sqlite');
    const first = openDatabase(file);
    first.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('language', '"fr"')`).run();
    await first.close();

    const again = openDatabase(file);
    try {
      expect(again.schemaVersion).toBe(LATEST);
      expect(again.sqlite.prepare('SELECT value FROM settings').get()).toEqual({ value: '"fr"' });
    } finally {
      await again.close();
    }
  });

  // One case per released version: a desk that skipped any number of updates still opens.
  for (const [index, from] of [{ version: 0, name: 'empty file' }, ...MIGRATIONS.slice(0, -1)].entries()) {
    test(`upgrades a database at schema ${from.version} (${from.name}) to ${LATEST}, keeping its data`, async () => {
      const file = path.join(tempDir(), 'rebound.sqlite');
      const old = openRawDatabase(file);
      migrate(old, MIGRATIONS.slice(0, index));
      expect(schemaVersion(old)).toBe(from.version);
      if (from.version >= 10) {
        old.exec(`
          INSERT INTO merchants (id, name, currency, language, created_at)
            VALUES (1, 'Velo Shop', 'EUR', 'en', '2026-03-01T08:00:00Z');
          INSERT INTO products (id, merchant_id, sku, title, original_cents, created_at, updated_at)
            VALUES (1, 1, 'VS-HELM-01', 'Bike helmet', 5999, '2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z');
          INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at)
            VALUES ('RB-000042', 1, 1, '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z');
        `);
      }
      old.close();

      const db = openDatabase(file);
      try {
        expect(db.schemaVersion).toBe(LATEST);
        if (from.version >= 10) {
          const found = db.sqlite
            .prepare(
              `SELECT reference FROM items WHERE id IN (SELECT rowid FROM item_search WHERE item_search MATCH ?)`,
            )
            .all('"000042"');
          expect(found).toEqual([{ reference: 'RB-000042' }]);
        }
      } finally {
        await db.close();
      }
    });
  }

  test('a migration that fails leaves the file at the last whole version', () => {
    const file = path.join(tempDir(), 'rebound.sqlite');
    const db = openRawDatabase(file);
    const broken: Migration = {
      version: LATEST + 10,
      name: 'broken',
      up(sqlite) {
        sqlite.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY)');
        throw new Error('disk full while copying rows');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/disk full/);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
  });

  test('closing a workspace closes its file even when nothing went through Kysely', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    ws.db.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('language', '"de"')`).run();
    await ws.close();
    expect(ws.db.sqlite.open).toBe(false);
    // The last connection gone, SQLite folds its write-ahead log back into the file.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('rebound.sqlite'))).toEqual(['rebound.sqlite']);
  });

  describe('foreign keys while migrating', () => {
    const parentAndChildren: Migration = {
      version: 10,
      name: 'parent-and-children',
      up(sqlite) {
        sqlite.exec(`
          CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
          CREATE TABLE child (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE
          );
          INSERT INTO parent VALUES (1, 'Larkfield'), (2, 'Nordvik');
          INSERT INTO child VALUES (1, 1), (2, 2), (3, 2);
        `);
      },
    };
    /** SQLite's way to change a column: a new table, the rows copied, the old one dropped. */
    const rebuildParent = `
      CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
      INSERT INTO parent_new (id, name) SELECT id, name FROM parent;
      DROP TABLE parent;
      ALTER TABLE parent_new RENAME TO parent;
    `;
    const count = (db: ReturnType<typeof openRawDatabase>) =>
      (db.prepare('SELECT count(*) AS n FROM child').get() as { n: number }).n;

    test('a table rebuilt by a migration keeps every row that points at it, and keys are on again after', () => {
      // With foreign keys on, dropping the old table would delete every child row with it.
      const unguarded = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
      migrate(unguarded, [parentAndChildren]);
      unguarded.exec(rebuildParent);
      expect(count(unguarded)).toBe(0);

      const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
      const rebuild: Migration = { version: 20, name: 'rebuild', up: (sqlite) => sqlite.exec(rebuildParent) };
      expect(migrate(db, [parentAndChildren, rebuild])).toBe(20);
      expect(count(db)).toBe(3);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });

    test('a migration that leaves a row pointing at nothing is rolled back with a clear error', () => {
      const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
      migrate(db, [parentAndChildren]);
      const dangling: Migration = {
        version: 20,
        name: 'dangling',
        up(sqlite) {
          sqlite.exec(`CREATE TABLE audit (id INTEGER PRIMARY KEY); INSERT INTO child VALUES (4, 99);`);
        },
      };
      const error = refusal(() => migrate(db, [parentAndChildren, dangling]));
      expect(error.message).toBe(
        'Migration 20 (dangling) would leave 1 row pointing at rows that do not exist (child row 4 → parent). It was rolled back: the database stays at schema 10 and nothing was lost.',
      );
      expect(schemaVersion(db)).toBe(10);
      expect(count(db)).toBe(3);
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'audit'`).get()).toBeUndefined();
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });

    test('the keys are back on after a migration that throws, too', () => {
      const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
      const throwing: Migration = {
        version: 20,
        name: 'throwing',
        up() {
          throw new Error('out of disk');
        },
      };
      expect(() => migrate(db, [parentAndChildren, throwing])).toThrow(/out of disk/);
      expect(schemaVersion(db)).toBe(10);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });
  });

  describe('a data folder written by a newer Rebound', () => {
    test('is refused with a message that says what to do, and left exactly as it was', async () => {
      const file = path.join(tempDir(), 'rebound.sqlite');
      // The newer app made it (WAL, newest schema known here), then moved on to a later schema.
      const made = openDatabase(file);
      await made.close();
      const raw = openRawDatabase(file);
      raw.pragma(`user_version = ${LATEST + 10}`);
      raw.close();
      const before = fileHash(file);
      const folderBefore = fs.readdirSync(path.dirname(file)).sort();

      const error = refusal(() => openDatabase(file));

      expect(error.code).toBe('newer_database');
      expect(error.message).toContain('newer version of Rebound');
      expect(error.message).toContain(`schema ${LATEST + 10}`);
      expect(error.message).toContain('nothing was changed');
      expect(fileHash(file)).toBe(before);
      expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(folderBefore);
      const check = openRawDatabase(file);
      expect(schemaVersion(check)).toBe(LATEST + 10);
    });

    test('is refused without switching its journal mode, even when it does not use WAL', () => {
      const file = path.join(tempDir(), 'rebound.sqlite');
      const raw = openRawDatabase(file);
      raw.exec('CREATE TABLE future_table (id INTEGER PRIMARY KEY)');
      raw.pragma(`user_version = ${LATEST + 10}`);
      raw.close();
      const before = fileHash(file);

      expect(refusal(() => openDatabase(file)).code).toBe('newer_database');

      expect(fileHash(file)).toBe(before);
      const check = openRawDatabase(file);
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(schemaVersion(check)).toBe(LATEST + 10);
    });

    test('is refused by Workspace.open too, so the desktop app, browser mode and CLI all stop', () => {
      const dir = tempDir();
      const raw = openRawDatabase(path.join(dir, 'rebound.sqlite'));
      raw.pragma(`user_version = ${LATEST + 10}`);
      raw.close();
      expect(refusal(() => Workspace.open(dir)).code).toBe('newer_database');
    });
  });
});
