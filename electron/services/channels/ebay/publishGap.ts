/**
 * Publishing's local gate for eBay: what the stored account lacks, read from the database alone.
 * Its own file because it runs inside the publish transaction (through ../registry.ts), where the
 * check's calls to eBay do not belong.
 */
import type { Queryable } from '../../db/queryable';
import { failureMessage } from './checkReads';
import { EBAY_CREDENTIALS_NEEDED, loadEbayAccount, loadEbaySettings, type StoredEbayAccount } from './config';
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
): Promise<string | null> {
  // Settings without credentials (deleted when eBay's address changed): say so, not "unreadable".
  const stored = await loadEbaySettings(db, merchantId);
  if (stored && !stored.hasSecret) return EBAY_CREDENTIALS_NEEDED;
  let account: StoredEbayAccount | null;
  try {
    account = await loadEbayAccount(db, box, merchantId);
  } catch (error) {
    return `The eBay account cannot be read (${failureMessage(error)}): run the eBay check in Settings.`;
  }
  if (!account)
    return 'eBay is not configured for this merchant: set it up and run the eBay check in Settings.';
  const s = account.settings;
  const missing = [
    ...(account.secrets.refreshToken === null ? ['the connection (the seller has not agreed yet)'] : []),
    ...(s.fulfillmentPolicyId ? [] : ['the shipping policy']),
    ...(s.paymentPolicyId ? [] : ['the payment policy']),
    ...(s.returnPolicyId ? [] : ['the return policy']),
    ...(s.merchantLocationKey ? [] : ['the location']),
    ...(s.categoryId ? [] : ['the category']),
  ];
  if (missing.length === 0) return null;
  return `The eBay account is missing ${listWords(missing)}: run the eBay check in Settings.`;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
