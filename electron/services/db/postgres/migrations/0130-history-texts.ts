import { sql } from 'kysely';
import { RECOVERABLE_KINDS } from '../../history-recovery';
import { recoveredData, type HistoryRow } from '../../history-rows';
import type { PostgresMigration } from '../migrate';

/** Old English history lines gain their message where it can be read back (see ../../migrations/0130-history-texts.ts). */
const migration: PostgresMigration = {
  version: 130,
  name: 'history-texts',
  async up(db) {
    const { rows } = await sql<HistoryRow>`
      SELECT e.id, e.kind, e.summary, e.data, COALESCE(im.currency, em.currency) AS currency
        FROM events e
        LEFT JOIN items i ON i.id = e.item_id
        LEFT JOIN merchants im ON im.id = i.merchant_id
        LEFT JOIN merchants em ON em.id = e.merchant_id
       WHERE e.kind IN (${sql.join([...RECOVERABLE_KINDS])}) AND e.data NOT LIKE '%"text":%'`.execute(db);
    for (const row of rows) {
      const data = recoveredData(row);
      if (data !== null) await sql`UPDATE events SET data = ${data} WHERE id = ${row.id}`.execute(db);
    }
  },
};

export default migration;
