import type { Migration } from '../migration';

/**
 * A photographer's "shoot by label" session (electron/services/routing/desk.ts) was kept in the
 * memory of the process a desk talked to. Behind a server of several instances, the desk's next
 * upload could reach another instance, which had never seen the last label, and the shot went to
 * no item. The session now lives here, one row per person: whether it is on, its options, the
 * last label seen (or the label that stopped it), and the photos the desk lists, as JSON that the
 * services read back through a schema (routing/session.ts).
 */
const migration: Migration = {
  version: 140,
  name: 'shooting-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE shooting_sessions (
        -- The person's profile id; 0 on a desk without accounts, whose one person is the desk.
        person INTEGER PRIMARY KEY,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        keep_label_shots INTEGER NOT NULL CHECK (keep_label_shots IN (0, 1)),
        merchant_id INTEGER REFERENCES merchants(id) ON DELETE SET NULL,
        -- The routing state and the listed photos and items, as JSON.
        state TEXT NOT NULL,
        photos TEXT NOT NULL,
        items TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

export default migration;
