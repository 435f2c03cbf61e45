/** The sync_sales job: fetches a channel's next page of sales and hands it to the ledger. */
import type { ChannelAdapter } from '../channels/channel';
import type { JobsEnvironment } from '../channels/registry';
import type { Workspace } from '../workspace';
import { say } from '../../../shared/messages';
import { isoAt } from './clock';
import { payloadNumber, type JobRow, type WorkResult } from './job';
import { accountFor } from './lookups';
import { recordSales } from './sales-ledger';

export async function syncSales(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const account = await accountFor(ws.kysely, payloadNumber(job, 'accountId'));
  const adapter: ChannelAdapter = env.channels.adapterFor(account);
  const page = await adapter.salesSince(account.salesCursor);
  const now = isoAt(env.clock.now());
  const counts = await ws.kysely
    .transaction()
    .execute(async (trx) => recordSales(trx, account, page.sales, page.cursor, now));
  return {
    changed: counts.recorded + counts.reversals > 0 ? ['sales', 'items', 'listings', 'jobs'] : [],
    summary: `${counts.recorded} sales, ${counts.reversals} reversals, ${counts.duplicates} already recorded, ${counts.unmatched} not Rebound's`,
    text: say('jobs.done.synced', {
      recorded: counts.recorded,
      reversals: counts.reversals,
      duplicates: counts.duplicates,
      unmatched: counts.unmatched,
    }),
  };
}
