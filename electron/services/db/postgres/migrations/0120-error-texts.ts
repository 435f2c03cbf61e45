import { sql } from 'kysely';
import type { PostgresMigration } from '../migrate';

/** Why a listing or a job failed, as a message (see ../../migrations/0120-error-texts.ts). */
const migration: PostgresMigration = {
  version: 120,
  name: 'error-texts',
  async up(db) {
    await sql`
      ALTER TABLE listings ADD COLUMN last_error_text text;
      ALTER TABLE jobs ADD COLUMN last_error_text text;
    `.execute(db);
  },
};

export default migration;
