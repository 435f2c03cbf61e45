/**
 * The eBay check itself (`checkEbay`, behind `ebay.check`): it runs the reads of checkReads.ts and
 * puts the answer together from the items worded in checkItems.ts. Its own file because choosing
 * (choose.ts) and creating a location (location.ts) both end by running it again.
 */
import {
  EBAY_CHECK_KEYS,
  type EbayCheck,
  type EbayCheckItem,
  type EbayCheckKey,
  type EbayOption,
} from '../../../../shared/contract/ebay';
import type { EbayCondition } from '../../../../shared/descriptions/conditions';
import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { loadEbayAccount, type StoredEbayAccount } from './config';
import {
  categoryItem,
  conditionsItem,
  item,
  languageItem,
  locationItem,
  policyItem,
  SETTINGS_FIX,
} from './checkItems';
import { failureMessage, isAuthFailure, POLICY_KINDS, readRemote, type Remote } from './checkReads';
import { secretBoxFor } from './service';

/**
 * eBay pre-flight: before anything is published, every piece publishOffer needs (the connection,
 * the seller's three business policies, a location, a category and the conditions it allows) is
 * looked up on eBay and reported, each with what to do when it is missing. A remote failure
 * fails its own item only, so the seller still sees everything else.
 */

const REMOTE_KEYS: readonly EbayCheckKey[] = [
  'fulfillmentPolicy',
  'paymentPolicy',
  'returnPolicy',
  'location',
  'conditions',
];

/** Pre-flight for one merchant: never throws for what it finds, only for a missing merchant. */
export async function checkEbay(ws: Workspace, clock: Clock, merchantId: number): Promise<EbayCheck> {
  const checkedAt = new Date(clock.now()).toISOString();
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', `No merchant ${merchantId}.`);

  let account: StoredEbayAccount | null = null;
  let unreadable: string | null = null;
  try {
    account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
  } catch (error) {
    unreadable = failureMessage(error);
  }
  const settings = account?.settings ?? null;
  const marketplace = settings?.marketplace ?? null;
  const items = new Map<EbayCheckKey, EbayCheckItem>();
  const options = {
    fulfillmentPolicies: [] as EbayOption[],
    paymentPolicies: [] as EbayOption[],
    returnPolicies: [] as EbayOption[],
    locations: [] as EbayOption[],
  };
  let allowedConditions: EbayCondition[] = [];

  const notChecked = (why: string) => {
    for (const key of REMOTE_KEYS) items.set(key, item(key, false, true, `Not checked: ${why} first.`, null));
  };
  const notCheckedFix = (fix: string) => {
    for (const key of REMOTE_KEYS) items.set(key, { ...items.get(key)!, fix });
  };

  if (!account || !settings) {
    items.set(
      'connection',
      item(
        'connection',
        false,
        true,
        unreadable ?? 'eBay is not configured for this merchant.',
        unreadable
          ? `Enter the app id, cert id and RuName again ${SETTINGS_FIX} (or \`rebound ebay configure\`), then connect.`
          : `Enter the eBay app id, cert id and RuName ${SETTINGS_FIX} (or \`rebound ebay configure\`), then connect.`,
      ),
    );
    notChecked('configure and connect eBay');
    notCheckedFix(`Configure and connect eBay ${SETTINGS_FIX}.`);
  } else if (account.secrets.refreshToken === null) {
    items.set(
      'connection',
      item(
        'connection',
        false,
        true,
        `eBay (${settings.marketplace}) is configured but not connected: the seller has not agreed yet.`,
        `Connect ${SETTINGS_FIX}: the seller signs in on eBay and agrees (or \`rebound ebay connect-url\`).`,
      ),
    );
    notChecked('connect');
    notCheckedFix(`Connect eBay ${SETTINGS_FIX}.`);
  } else {
    let remote: Remote | null = null;
    let authError: unknown;
    try {
      remote = await readRemote(ws, clock, merchantId, settings);
      const all = [
        ...Object.values(remote.policies),
        remote.locations,
        ...(remote.conditions ? [remote.conditions] : []),
      ];
      // One refused token refuses every call: the connection is what to fix, not each item.
      const refused = all.find(
        (r): r is PromiseRejectedResult => r.status === 'rejected' && isAuthFailure(r.reason),
      );
      authError = refused ? refused.reason : null;
    } catch (error) {
      // Building the session failed (unreadable secrets): nothing remote could be asked.
      authError = error;
    }
    if (authError !== null || remote === null) {
      items.set(
        'connection',
        item(
          'connection',
          false,
          true,
          failureMessage(authError),
          `Reconnect eBay ${SETTINGS_FIX}: the seller signs in on eBay and agrees again.`,
        ),
      );
      notChecked('reconnect');
      notCheckedFix(`Reconnect eBay ${SETTINGS_FIX}.`);
    } else {
      items.set(
        'connection',
        item(
          'connection',
          true,
          true,
          `Connected to eBay ${settings.marketplace}${settings.sandbox ? ' (sandbox)' : ''}.`,
          null,
        ),
      );
      for (const kind of POLICY_KINDS) {
        const { item: it, options: found } = policyItem(kind, settings, remote.policies[kind]);
        items.set(it.key, it);
        options[`${kind}Policies`] = found;
      }
      const location = locationItem(merchantId, settings, remote.locations);
      items.set('location', location.item);
      options.locations = location.options;
      const conditions = conditionsItem(settings, remote.conditions);
      items.set('conditions', conditions.item);
      allowedConditions = conditions.allowed;
    }
  }
  items.set('category', categoryItem(settings));
  items.set('language', await languageItem(ws.kysely, merchantId, marketplace));

  const ordered: EbayCheckItem[] = EBAY_CHECK_KEYS.map((key) => items.get(key)!);
  return {
    merchantId,
    marketplace,
    ready: ordered.every((i) => i.ok || !i.blocking),
    checkedAt,
    items: ordered,
    options,
    allowedConditions,
    chosen: {
      fulfillmentPolicyId: settings?.fulfillmentPolicyId ?? null,
      paymentPolicyId: settings?.paymentPolicyId ?? null,
      returnPolicyId: settings?.returnPolicyId ?? null,
      merchantLocationKey: settings?.merchantLocationKey ?? null,
      categoryId: settings?.categoryId ?? null,
    },
  };
}
