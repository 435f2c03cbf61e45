import { sql } from 'kysely';
import type { PostgresMigration } from '../migrate';

/** Shooting-by-label sessions shared by the instances (see ../../migrations/0140-shooting-sessions.ts). */
const migration: PostgresMigration = {
  version: 140,
  name: 'shooting-sessions',
  async up(db) {
    await sql`
      CREATE TABLE shooting_sessions (
        person integer PRIMARY KEY,
        active integer NOT NULL CHECK (active IN (0, 1)),
        keep_label_shots integer NOT NULL CHECK (keep_label_shots IN (0, 1)),
        merchant_id integer REFERENCES merchants(id) ON DELETE SET NULL,
        state text NOT NULL,
        photos text NOT NULL,
        items text NOT NULL,
        updated_at text NOT NULL
      );
    `.execute(db);
  },
};

export default migration;
