import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate } from '../migration';
import { MIGRATIONS } from '.';

const NOW = '2026-12-07T09:00:00.000Z';

describe('migration 0140: shooting-by-label sessions in the database', () => {
  test('a workspace gains one session row per person; a removed merchant leaves the session unlocked', () => {
    const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 140),
    );
    const merchant = db
      .prepare(
        `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Larkfield', 'EUR', 'en', ?)`,
      )
      .run(NOW).lastInsertRowid;

    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.version);
    const insert = db.prepare(
      `INSERT INTO shooting_sessions (person, active, keep_label_shots, merchant_id, state, photos, items, updated_at)
       VALUES (?, ?, 0, ?, '{}', '[]', '[]', ?)`,
    );
    insert.run(0, 1, merchant, NOW);
    // One session per person: a second row for the same person is refused.
    expect(() => insert.run(0, 1, null, NOW)).toThrow(/UNIQUE|PRIMARY/);
    // Only on or off, and only a real merchant.
    expect(() => insert.run(1, 2, null, NOW)).toThrow(/CHECK/);
    expect(() => insert.run(2, 1, Number(merchant) + 1000, NOW)).toThrow(/FOREIGN KEY/);

    db.prepare('DELETE FROM merchants WHERE id = ?').run(merchant);
    expect(db.prepare('SELECT person, merchant_id FROM shooting_sessions').all()).toEqual([
      { person: 0, merchant_id: null },
    ]);
  });
});
