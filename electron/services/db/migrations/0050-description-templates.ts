import type { Migration } from '../migration';

/**
 * What the descriptions need beyond the first schema:
 *
 * - `description_templates`: a merchant's changes to the default wording, per language, as the
 *   JSON of `TemplateOverrides`. Only the changed fields are stored, so improvements to the
 *   defaults still reach every merchant who did not touch that piece.
 * - `descriptions.facts_hash`: a hash of the item's facts when staff kept an edit. When grading
 *   changes later, the hash no longer matches and the kept text is flagged as stale instead of
 *   silently describing an item that is no longer what it says.
 */
const migration: Migration = {
  version: 50,
  name: 'description-templates',
  up(db) {
    db.exec(`
      CREATE TABLE description_templates (
        id INTEGER PRIMARY KEY,
        merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'de')),
        overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(overrides) AND json_type(overrides) = 'object'),
        updated_by INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (merchant_id, language)
      ) STRICT;

      ALTER TABLE descriptions ADD COLUMN facts_hash TEXT DEFAULT NULL;
    `);
  },
};

export default migration;
