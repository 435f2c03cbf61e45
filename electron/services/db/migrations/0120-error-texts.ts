import type { Migration } from '../migration';

/**
 * Why a listing or a job failed, as a message (code and parameters, JSON) drawn in each reader's
 * language, beside the English `last_error` that logs, the CLI and older versions read. The
 * remote's own words stay verbatim inside the message. Rows written before keep their English
 * text only (the column is null), which the windows still show.
 */
const migration: Migration = {
  version: 120,
  name: 'error-texts',
  up(db) {
    db.exec(`
      ALTER TABLE listings ADD COLUMN last_error_text TEXT;
      ALTER TABLE jobs ADD COLUMN last_error_text TEXT;
    `);
  },
};

export default migration;
