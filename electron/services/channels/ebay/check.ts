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
  remoteWords,
} from './checkItems';
import { isAuthFailure, POLICY_KINDS, readRemote, type Remote } from './checkReads';
import { secretBoxFor } from './service';
import { nested, say, type Message, type MessageParam } from '../../../../shared/messages';

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
  if (!merchant) throw new AppError('not_found', say('channels.no_merchant', { id: String(merchantId) }));

  let account: StoredEbayAccount | null = null;
  let unreadable: MessageParam | null = null;
  try {
    account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
  } catch (error) {
    unreadable = remoteWords(error);
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

  const notChecked = (why: 'configure' | 'connect' | 'reconnect', fix: Message) => {
    const message = say('channels.preflight.not_checked', {
      why: nested(say(`channels.preflight.why.${why}`)),
    });
    for (const key of REMOTE_KEYS) items.set(key, item(key, false, true, message, fix));
  };

  if (!account || !settings) {
    items.set(
      'connection',
      item(
        'connection',
        false,
        true,
        unreadable === null
          ? say('channels.preflight.not_configured')
          : say('channels.internal_words', { words: unreadable }),
        say(unreadable === null ? 'channels.preflight.enter_keys' : 'channels.preflight.enter_keys_again'),
      ),
    );
    notChecked('configure', say('channels.preflight.configure_and_connect'));
  } else if (account.secrets.refreshToken === null) {
    items.set(
      'connection',
      item(
        'connection',
        false,
        true,
        say('channels.preflight.not_connected', { market: settings.marketplace }),
        say('channels.preflight.connect_fix'),
      ),
    );
    notChecked('connect', say('channels.preflight.connect'));
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
          say('channels.internal_words', { words: remoteWords(authError) }),
          say('channels.preflight.reconnect_fix'),
        ),
      );
      notChecked('reconnect', say('channels.preflight.reconnect'));
    } else {
      items.set(
        'connection',
        item(
          'connection',
          true,
          true,
          say(settings.sandbox ? 'channels.preflight.connected_sandbox' : 'channels.preflight.connected', {
            market: settings.marketplace,
          }),
          null,
        ),
      );
      for (const kind of POLICY_KINDS) {
        const { item: it, options: found } = policyItem(kind, settings, remote.policies[kind]);
        items.set(it.key, it);
        options[`${kind}Policies`] = found;
      }
      const location = locationItem(settings, remote.locations);
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
