import type { Migration } from '../migration';

/**
 * eBay takes at most 50 picture uploads per 5 seconds per seller. The window that keeps Rebound
 * under it was kept in memory, per process: two processes working the same account (two
 * instances of the server, or the desktop app and the command line on one data folder) each
 * stayed under the limit and together went over it. The window now lives in the database, one
 * row per upload: taken when it starts, answered when eBay replies (channels/ebay/uploadWindow.ts).
 * Rows older than the window are deleted as slots are taken, so the table stays a few dozen rows.
 */
const migration: Migration = {
  version: 100,
  name: 'media-upload-slots',
  up(db) {
    db.exec(`
      CREATE TABLE media_upload_slots (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES channel_accounts(id) ON DELETE CASCADE,
        -- Milliseconds since 1970 (UTC), as the eBay clock of the process that uploads reads them.
        taken_at INTEGER NOT NULL,
        answered_at INTEGER
      ) STRICT;
      CREATE INDEX media_upload_slots_account ON media_upload_slots(account_id, taken_at);
    `);
  },
};

export default migration;
