/**
 * Choosing the seller's policies, location and category (`ebay.choose`): the stored settings are
 * changed, then the check runs again. Its own file because creating a location (location.ts)
 * saves its choice the same way.
 */
import { EbayChooseInput, type EbayCheck } from '../../../../shared/contract/ebay';
import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { checkEbay } from './check';
import { loadEbayAccount, type EbaySettings } from './config';
import { forgetEbaySessions, secretBoxFor } from './service';
import { say } from '../../../../shared/messages';

/** Replaces the stored settings JSON of the merchant's eBay account, leaving the sealed secret alone. */
export async function updateSettings(
  ws: Workspace,
  clock: Clock,
  merchantId: number,
  change: (settings: EbaySettings) => EbaySettings,
): Promise<void> {
  const account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
  if (!account) {
    throw new AppError('conflict', say('channels.ebay.not_configured'));
  }
  await ws.kysely
    .updateTable('channel_accounts')
    .set({
      settings: JSON.stringify(change(account.settings)),
      updated_at: new Date(clock.now()).toISOString(),
    })
    .where('id', '=', account.id)
    .execute();
  // The adapters' cached sessions hold the settings they were built with: publish with these.
  forgetEbaySessions(ws);
}

/** Chooses policies, location and category (only those given), then checks again. */
export async function chooseEbay(ws: Workspace, clock: Clock, raw: unknown): Promise<EbayCheck> {
  const { merchantId, ...chosen } = EbayChooseInput.parse(raw);
  await updateSettings(ws, clock, merchantId, (settings) => {
    const next: EbaySettings = { ...settings };
    for (const [key, value] of Object.entries(chosen) as [keyof typeof chosen, string | undefined][]) {
      if (value !== undefined) next[key] = value;
    }
    return next;
  });
  return checkEbay(ws, clock, merchantId);
}
