import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { migrate, schemaVersion } from '../migration';
import { MIGRATIONS } from '.';
import m0090 from './0090-accounts';

const NOW = '2026-03-02T09:00:00.000Z';
const BEFORE = MIGRATIONS.filter((m) => m.version < 90);

function databaseAt(migrations: Parameters<typeof migrate>[1]): BetterSqlite3.Database {
  const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
  migrate(db, migrations);
  return db;
}

/** A workspace of 0080: two merchants, an approver for each, staff, and a name used twice. */
function fill(db: BetterSqlite3.Database) {
  const merchant = db.prepare(
    `INSERT INTO merchants (name, currency, language, created_at) VALUES (?, 'EUR', 'en', ?)`,
  );
  const larkfield = Number(merchant.run('Larkfield', NOW).lastInsertRowid);
  const nordvik = Number(merchant.run('Nordvik', NOW).lastInsertRowid);
  const person = db.prepare(`INSERT INTO profiles (name, role, merchant_id, created_at) VALUES (?, ?, ?, ?)`);
  const siobhan = Number(person.run('Siobhán Kelly', 'approver', larkfield, NOW).lastInsertRowid);
  const ola = Number(person.run('Ola Berg', 'approver', nordvik, NOW).lastInsertRowid);
  const lea = Number(person.run('Lea Brandt', 'staff', null, NOW).lastInsertRowid);
  const leaAgain = Number(person.run('LEA BRANDT', 'staff', null, NOW).lastInsertRowid);
  db.prepare(
    `INSERT INTO events (at, profile_id, actor, kind, summary, data) VALUES (?, ?, 'Lea Brandt', 'x', 'y', '{}')`,
  ).run(NOW, lea);
  return { larkfield, nordvik, siobhan, ola, lea, leaAgain };
}

describe('migration 0090: accounts', () => {
  test('marks the file as schema 90 with the people, sessions and throttle tables', () => {
    const db = databaseAt([...BEFORE, m0090]);
    expect(schemaVersion(db)).toBe(90);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['profile_merchants', 'sessions', 'sign_in_failures']));
  });

  test('every approver keeps their merchant, every person their events, and no name is lost', () => {
    const db = databaseAt(BEFORE);
    const ids = fill(db);
    migrate(db, [...BEFORE, m0090]);
    expect(
      db.prepare('SELECT profile_id, merchant_id FROM profile_merchants ORDER BY profile_id').all(),
    ).toEqual([
      { profile_id: ids.siobhan, merchant_id: ids.larkfield },
      { profile_id: ids.ola, merchant_id: ids.nordvik },
    ]);
    const names = db.prepare('SELECT id, name FROM profiles ORDER BY id').all() as {
      id: number;
      name: string;
    }[];
    expect(names.map((r) => r.name)).toEqual([
      'Siobhán Kelly',
      'Ola Berg',
      'Lea Brandt',
      `LEA BRANDT (${ids.leaAgain})`,
    ]);
    expect(db.prepare('SELECT profile_id FROM events').get()).toEqual({ profile_id: ids.lea });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('a second person of the same name, in any case, is refused from now on', () => {
    const db = databaseAt(BEFORE);
    fill(db);
    migrate(db, [...BEFORE, m0090]);
    const insert = db.prepare(`INSERT INTO profiles (name, role, created_at) VALUES (?, 'staff', ?)`);
    expect(() => insert.run('ola berg', NOW)).toThrow(/UNIQUE/);
    expect(() => insert.run('Noor Haddad', NOW)).not.toThrow();
  });

  test('a session cannot point at nobody', () => {
    const db = databaseAt([...BEFORE, m0090]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO sessions (token_hash, profile_id, device, created_at, last_used_at) VALUES ('h', 999, 'x', ?, ?)`,
        )
        .run(NOW, NOW),
    ).toThrow(/FOREIGN KEY/);
  });
});
