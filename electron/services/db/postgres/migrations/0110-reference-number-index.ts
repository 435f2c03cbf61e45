import { sql } from 'kysely';
import type { PostgresMigration } from '../migrate';

/** The highest reference number read from an index's end (see ../../migrations/0110-reference-number-index.ts). */
const migration: PostgresMigration = {
  version: 110,
  name: 'reference-number-index',
  async up(db) {
    await sql`CREATE INDEX items_reference_number ON items(length(reference), reference)`.execute(db);
  },
};

export default migration;
