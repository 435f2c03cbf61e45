import type { Migration } from '../migration';

/**
 * Accounts: the people who act get a password, may belong to several merchants, and act only
 * through sessions the server created.
 *
 * - `profiles` stays the table of people (events, prices and descriptions already point at it);
 *   a person is never deleted, only disabled, so history keeps their name. Sign-in finds a
 *   person by name, so names become unique regardless of ASCII case; a workspace that already
 *   has two people of one name keeps both, the later one renamed "Name (id)".
 * - `profile_merchants` lists the merchants an approver decides for (0010 allowed one, kept in
 *   `profiles.merchant_id`, which now holds the first of them so its CHECK still holds).
 * - `sessions` keeps only a SHA-256 of each session's secret: a copy of the file signs nobody in.
 * - `sign_in_failures` counts failed attempts per name and per address, so guessing is throttled
 *   however many windows, browsers or (later) server instances it comes through.
 */
const migration: Migration = {
  version: 90,
  name: 'accounts',
  up(db) {
    db.exec(`
      ALTER TABLE profiles ADD COLUMN password_hash TEXT;
      ALTER TABLE profiles ADD COLUMN disabled_at TEXT;

      UPDATE profiles SET name = name || ' (' || id || ')'
        WHERE EXISTS (
          SELECT 1 FROM profiles AS earlier
          WHERE lower(earlier.name) = lower(profiles.name) AND earlier.id < profiles.id
        );
      CREATE UNIQUE INDEX profiles_name ON profiles(lower(name));

      CREATE TABLE profile_merchants (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        PRIMARY KEY (profile_id, merchant_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO profile_merchants (profile_id, merchant_id)
        SELECT id, merchant_id FROM profiles WHERE role = 'approver' AND merchant_id IS NOT NULL;

      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        device TEXT NOT NULL,
        address TEXT,
        created_at TEXT NOT NULL,
        last_used_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by INTEGER REFERENCES profiles(id)
      ) STRICT;
      CREATE INDEX sessions_profile ON sessions(profile_id, last_used_at);

      CREATE TABLE sign_in_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        first_failed_at TEXT NOT NULL,
        locked_until TEXT
      ) STRICT, WITHOUT ROWID;
    `);
  },
};

export default migration;
