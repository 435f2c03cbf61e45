/**
 * Creating the seller's warehouse location on eBay from the merchant's address
 * (`ebay.createLocation`), under a key Rebound owns. Its own file because it is the one step of
 * the eBay setup that writes to the seller's eBay account.
 */
import type { EbayCheck } from '../../../../shared/contract/ebay';
import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { ChannelError } from '../channel';
import { checkEbay } from './check';
import { isAuthFailure, readLocations } from './checkReads';
import { updateSettings } from './choose';
import { loadEbayAccount } from './config';
import { readFailure } from './errors';
import { warehouseAddress } from './merchantAddress';
import { secretBoxFor, sessionFor } from './service';
import { nested, say } from '../../../../shared/messages';

/** The key Rebound gives the location it creates: stable per merchant, within eBay's 36 characters. */
export function locationKeyFor(merchantId: number): string {
  return `rebound-${merchantId}`;
}

/**
 * Creates the seller's warehouse on eBay from the merchant's address (key `rebound-<id>`) and
 * chooses it. Running it again, or after a crash between creating and saving, only chooses it.
 */
export async function createEbayLocation(
  ws: Workspace,
  clock: Clock,
  merchantId: number,
): Promise<EbayCheck> {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name', 'address'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', say('channels.no_merchant', { id: String(merchantId) }));
  const account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
  if (!account || account.secrets.refreshToken === null) {
    throw new AppError('conflict', say('channels.ebay.connect_first'));
  }
  const address = warehouseAddress(merchant.address);
  if ('code' in address) {
    // Not bad input: the request is fine, the merchant's record lacks what eBay needs.
    throw new AppError('conflict', say('channels.ebay.address_incomplete', { address: nested(address) }));
  }
  const key = locationKeyFor(merchantId);
  const { api, session } = await sessionFor(ws, clock, merchantId);
  try {
    const existing = await readLocations(api, session);
    if (!existing.some((l) => l.id === key)) {
      await session
        .call(
          'creating the inventory location',
          () =>
            api.sell.inventory.createInventoryLocation(key, {
              name: merchant.name.slice(0, 1000),
              locationTypes: ['WAREHOUSE'],
              merchantLocationStatus: 'ENABLED',
              location: { address },
            }) as Promise<unknown>,
        )
        .catch((error: unknown) => {
          // 25803: created in between (another window, a retry): it is the one we want.
          const cause = error instanceof Error ? error.cause : undefined;
          if (readFailure(cause).errors.some((e) => e.errorId === 25803)) return;
          throw error;
        });
    }
  } catch (error) {
    if (error instanceof ChannelError) {
      throw new AppError(
        isAuthFailure(error) ? 'unauthorized' : 'conflict',
        say('channels.ebay.location_failed', { remote: error.message }),
      );
    }
    throw error;
  }
  await updateSettings(ws, clock, merchantId, (settings) => ({ ...settings, merchantLocationKey: key }));
  return checkEbay(ws, clock, merchantId);
}
