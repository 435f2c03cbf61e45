import type { Handlers } from './api';
import { createDemoWorkspace } from './demo';
import { countItems, getItem, getItemByReference, listItems } from './items';
import { listListings } from './listings';
import { createMerchant, getMerchant, listMerchants } from './merchants';
import { reportMonthly, reportRecovery, reportSkus } from './exports/reports';
import { updateMerchant } from './intake/products';
import { reportSelling, reportsOverview, reportsReturns } from './reports';
import { listSales } from './sales';
import { getSettings, isDemoWorkspace, updateSettings } from './settings';
import { APP_VERSION } from './version';

/**
 * The handlers of the workspace's core: its status, settings, merchants, the returns list and
 * item pages, listings, the sales ledger and the overview reports. The other domains keep theirs
 * beside their services (intake/handlers.ts, pricing/handlers.ts, …); api.ts merges them all.
 */
type CoreMethods =
  | 'workspace.status'
  | 'workspace.createDemo'
  | 'settings.get'
  | 'settings.update'
  | 'merchants.list'
  | 'merchants.get'
  | 'merchants.create'
  | 'items.list'
  | 'items.get'
  | 'items.getByReference'
  | 'items.counts'
  | 'listings.list'
  | 'sales.list'
  | 'reports.overview'
  | 'reports.returns'
  | 'reports.recovery'
  | 'reports.monthly'
  | 'reports.skus'
  | 'reports.selling'
  | 'merchants.update';

export const coreHandlers: Pick<Handlers, CoreMethods> = {
  'workspace.status': async (_input, { ws, scope }) => {
    // A merchant's approver counts only their merchants' items (the access rule's scope).
    const counts = await ws.kysely
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .$if(scope !== 'all', (q) => q.where('merchant_id', 'in', [-1, ...(scope as readonly number[])]))
      .executeTakeFirstOrThrow();
    const merchants = await ws.kysely
      .selectFrom('merchants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .$if(scope !== 'all', (q) => q.where('id', 'in', [-1, ...(scope as readonly number[])]))
      .executeTakeFirstOrThrow();
    const itemCount = Number(counts.n);
    const merchantCount = Number(merchants.n);
    return {
      dataDir: ws.dataDir,
      schemaVersion: ws.db.schemaVersion,
      appVersion: APP_VERSION,
      itemCount,
      merchantCount,
      isEmpty: itemCount === 0 && merchantCount === 0,
      isDemo: await isDemoWorkspace(ws),
    };
  },
  'workspace.createDemo': async (_input, { ws, actor }) => createDemoWorkspace(ws, actor),
  'settings.get': async (_input, { ws }) => getSettings(ws),
  'settings.update': async (input, { ws }) => updateSettings(ws, input),
  'merchants.list': async (_input, { ws, scope }) =>
    (await listMerchants(ws)).filter((m) => scope === 'all' || scope.includes(m.id)),
  'merchants.get': async (input, { ws }) => getMerchant(ws, input.id),
  'merchants.create': async (input, { ws, actor }) => createMerchant(ws, actor, input),
  'merchants.update': async (input, { ws, actor }) => updateMerchant(ws, actor, input),
  'items.list': async (input, { ws }) => listItems(ws, input),
  'items.get': async (input, { ws }) => getItem(ws, input.id),
  'items.getByReference': async (input, { ws }) => getItemByReference(ws, input.reference),
  'items.counts': async (input, { ws }) => countItems(ws, input.merchantId),
  'listings.list': async (input, { ws }) => listListings(ws, input),
  'sales.list': async (input, { ws }) => listSales(ws, input),
  'reports.overview': async (input, { ws }) => reportsOverview(ws, input),
  'reports.returns': async (input, { ws }) => reportsReturns(ws, input),
  'reports.recovery': async (input, { ws }) => reportRecovery(ws, input),
  'reports.monthly': async (input, { ws }) => reportMonthly(ws, input),
  'reports.skus': async (input, { ws }) => reportSkus(ws, input),
  'reports.selling': async (input, { ws }) => reportSelling(ws, input),
};
