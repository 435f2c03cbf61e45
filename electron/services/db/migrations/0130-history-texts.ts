import { RECOVERABLE_KINDS } from '../history-recovery';
import { recoveredData, type HistoryRow } from '../history-rows';
import type { Migration } from '../migration';

/**
 * History lines are stored with their message (code and parameters) in `data.text` and drawn in
 * each reader's language (events.ts). Lines written before were English sentences only: for
 * the kinds whose sentence can be read back with certainty (history-recovery.ts), the message is
 * added to their data; the others keep showing the sentence as written. The summary column is
 * left as it was.
 */
const migration: Migration = {
  version: 130,
  name: 'history-texts',
  up(db) {
    const kinds = RECOVERABLE_KINDS.map(() => '?').join(', ');
    const rows = db
      .prepare(
        `SELECT e.id, e.kind, e.summary, e.data,
                COALESCE(im.currency, em.currency) AS currency
           FROM events e
           LEFT JOIN items i ON i.id = e.item_id
           LEFT JOIN merchants im ON im.id = i.merchant_id
           LEFT JOIN merchants em ON em.id = e.merchant_id
          WHERE e.kind IN (${kinds}) AND e.data NOT LIKE '%"text":%'`,
      )
      .iterate(...RECOVERABLE_KINDS) as IterableIterator<HistoryRow>;
    const update = db.prepare('UPDATE events SET data = ? WHERE id = ?');
    // Read first, then write: better-sqlite3 cannot write while a statement iterates.
    const changes: [string, number][] = [];
    for (const row of rows) {
      const data = recoveredData(row);
      if (data !== null) changes.push([data, row.id]);
    }
    for (const [data, id] of changes) update.run(data, id);
  },
};

export default migration;
