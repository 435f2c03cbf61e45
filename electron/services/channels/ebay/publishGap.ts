/**
 * Publishing's local gate for eBay: what the stored account lacks, read from the database alone.
 * Its own file because it runs inside the publish transaction (through ../registry.ts), where the
 * check's calls to eBay do not belong.
 */
import { say, type Message } from '../../../../shared/messages';
import type { Queryable } from '../../db/queryable';
import { joinedWords } from '../words';
import { remoteWords } from './checkItems';
import { loadEbayAccount, loadEbaySettings, type StoredEbayAccount } from './config';
import type { SecretBox } from './secrets';

/**
 * What the merchant's eBay account lacks for publishing, read from the database only (it runs
 * inside the publish transaction, where no network call belongs): null when nothing is missing.
 * The remote facts (do those ids still exist on eBay?) are the check's job.
 */
export async function ebayPublishGap(
  db: Queryable,
  box: SecretBox,
  merchantId: number,
): Promise<Message | null> {
  // Settings without credentials (deleted when eBay's address changed): say so, not "unreadable".
  const stored = await loadEbaySettings(db, merchantId);
  if (stored && !stored.hasSecret) return say('channels.ebay_gap.credentials_needed');
  let account: StoredEbayAccount | null;
  try {
    account = await loadEbayAccount(db, box, merchantId);
  } catch (error) {
    return say('channels.ebay_gap.unreadable', { detail: remoteWords(error) });
  }
  if (!account) return say('channels.ebay_gap.not_set_up');
  const s = account.settings;
  const missing: Message[] = [
    ...(account.secrets.refreshToken === null ? [say('channels.ebay_gap.connection')] : []),
    ...(s.fulfillmentPolicyId ? [] : [say('channels.ebay_gap.shipping_policy')]),
    ...(s.paymentPolicyId ? [] : [say('channels.ebay_gap.payment_policy')]),
    ...(s.returnPolicyId ? [] : [say('channels.ebay_gap.return_policy')]),
    ...(s.merchantLocationKey ? [] : [say('channels.ebay_gap.location')]),
    ...(s.categoryId ? [] : [say('channels.ebay_gap.category')]),
  ];
  if (missing.length === 0) return null;
  return say('channels.ebay_gap.missing', { missing: joinedWords(missing) });
}
