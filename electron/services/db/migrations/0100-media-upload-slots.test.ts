import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import { MIGRATIONS } from '.';

const NOW = '2026-03-02T09:00:00.000Z';

describe('migration 0100: the picture-upload window in the database', () => {
  test('a workspace with channel accounts gains the table; a removed account takes its slots with it', () => {
    const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 100),
    );
    const merchant = db
      .prepare(
        `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Larkfield', 'EUR', 'en', ?)`,
      )
      .run(NOW).lastInsertRowid;
    const account = db
      .prepare(
        `INSERT INTO channel_accounts (merchant_id, channel, created_at, updated_at) VALUES (?, 'ebay', ?, ?)`,
      )
      .run(merchant, NOW, NOW).lastInsertRowid;

    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.version);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(100);
    const insert = db.prepare('INSERT INTO media_upload_slots (account_id, taken_at) VALUES (?, ?)');
    insert.run(account, 1_700_000_000_000);
    insert.run(account, 1_700_000_000_100);
    expect(db.prepare('SELECT count(*) AS n FROM media_upload_slots').get()).toEqual({ n: 2 });
    // Only a real account's slots: STRICT and the foreign key refuse anything else.
    expect(() => insert.run(Number(account) + 1000, 1)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(account, 'soon')).toThrow(/INTEGER/);
    db.prepare('DELETE FROM channel_accounts WHERE id = ?').run(account);
    expect(db.prepare('SELECT count(*) AS n FROM media_upload_slots').get()).toEqual({ n: 0 });
  });
});
