/** The dispatch from a job's kind to its work, and the names the runner and the rest of the app import. */
import type { JobsEnvironment } from '../channels/registry';
import type { Workspace } from '../workspace';
import { end } from './end-listing';
import type { JobRow, WorkResult } from './job';
import type { JobKind } from './outbox';
import { publish } from './publish';
import { syncSales } from './sync-sales';
import { updatePrice } from './update-price';

export { JOBS_ACTOR, type Domain, type JobRow, type WorkResult } from './job';
export { recordJobProblem } from './job-problems';
export { accountFor } from './lookups';
export { performPublishBatch, type BatchResult } from './publish';
export { recordSales, type SyncCounts } from './sales-ledger';

/**
 * What each kind of job does. Every remote call is made outside a transaction (it can take
 * seconds); every local write that follows it is one transaction with its event. Each step is
 * safe to run twice: a publish looks the SKU up before creating, an end of an ended listing
 * succeeds, a sale already recorded is skipped by the sales table's unique key.
 */
export async function performJob(ws: Workspace, env: JobsEnvironment, job: JobRow): Promise<WorkResult> {
  const kind = job.kind as JobKind;
  switch (kind) {
    case 'publish':
      return publish(ws, env, job);
    case 'update_price':
      return updatePrice(ws, env, job);
    case 'end':
      return end(ws, env, job);
    case 'sync_sales':
      return syncSales(ws, env, job);
    default:
      throw new Error(`Unknown job kind: ${String(kind)}`);
  }
}
