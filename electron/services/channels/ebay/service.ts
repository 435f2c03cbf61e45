import {
  EbayConfigureInput,
  EbayConnectInput,
  EbayMerchantInput,
  type EbayStatus,
} from '../../../../shared/contract/ebay';
import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { ChannelError, type ChannelAdapter } from '../channel';
import type { ChannelAccount } from '../registry';
import { EbayChannel, marketplaceLanguage } from './adapter';
import {
  createEbayClient,
  ebayAddress,
  EbaySettingsSchema,
  loadEbayAccount,
  loadEbaySettings,
  parseSettings,
  saveSecrets,
  sealSecrets,
  effectiveBaseUrl,
} from './config';
import { codeFrom, connectUrl, EbaySession } from './oauth';
import { FileKeySecretBox, type SecretBox } from './secrets';
import { say } from '../../../../shared/messages';

/**
 * The box used for a workspace's eBay secrets. Plain Node uses the key file; the Electron main
 * process may call `setSecretBox(ws, safeStorageBox)` at start-up to use the OS keychain instead.
 */
const boxes = new WeakMap<Workspace, SecretBox>();
export function secretBoxFor(ws: Workspace): SecretBox {
  let box = boxes.get(ws);
  if (!box) {
    box = new FileKeySecretBox(ws.dataDir);
    boxes.set(ws, box);
  }
  return box;
}
export function setSecretBox(ws: Workspace, box: SecretBox): void {
  boxes.set(ws, box);
}

/**
 * Sessions are cached per account so every job of the account shares one refresh-in-flight and
 * one token; configuring or connecting again drops them.
 */
const sessions = new WeakMap<Workspace, Map<number, Awaited<ReturnType<typeof sessionFor>>>>();

/** Drops the cached sessions (and the settings they hold) after the account's settings change. */
export function forgetEbaySessions(ws: Workspace): void {
  sessions.delete(ws);
}

/**
 * Saves the app's credentials; a new cert id or app keeps no tokens from the previous one. Another
 * eBay (production ↔ sandbox, another base URL) without a new cert id deletes the stored cert id
 * and tokens: they are never sent to an address they were not given for, and the status then
 * asks for them again.
 */
export async function configureEbay(ws: Workspace, clock: Clock, raw: unknown): Promise<EbayStatus> {
  const input = EbayConfigureInput.parse(raw);
  const { merchantId, certId, ...rest } = input;
  const settings = EbaySettingsSchema.parse(rest);
  const now = new Date(clock.now()).toISOString();
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new Error(`No merchant ${merchantId}.`);
  // Without a cert id, the stored one is kept, and with it the seller's tokens: same app, same
  // eBay, same consent. A new app id needs its own cert id, since the stored one belongs to the
  // old app; another eBay keeps nothing (the credentials must be entered again).
  let secret: Buffer | null;
  if (certId === undefined) {
    const stored = await loadEbaySettings(ws.kysely, merchantId);
    if (!stored) {
      throw new AppError('bad_input', say('channels.ebay.cert_needed'));
    }
    if (ebayAddress(stored.settings) !== ebayAddress(settings) || !stored.hasSecret) {
      secret = null;
    } else if (stored.settings.appId !== settings.appId) {
      throw new AppError('bad_input', say('channels.ebay.cert_again'));
    } else {
      const account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
      secret = sealSecrets(secretBoxFor(ws), account!.secrets);
    }
  } else {
    secret = sealSecrets(secretBoxFor(ws), {
      certId,
      accessToken: null,
      accessExpiresAt: null,
      refreshToken: null,
    });
  }
  await ws.kysely
    .insertInto('channel_accounts')
    .values({
      merchant_id: merchantId,
      channel: 'ebay',
      settings: JSON.stringify(settings),
      secret,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['merchant_id', 'channel'])
        .doUpdateSet({ settings: JSON.stringify(settings), secret, updated_at: now }),
    )
    .execute();
  sessions.delete(ws);
  return ebayStatus(ws, { merchantId });
}

/** A fresh client and session for the merchant's account (pre-flight uses it too). */
export async function sessionFor(ws: Workspace, clock: Clock, merchantId: number) {
  const box = secretBoxFor(ws);
  const account = await loadEbayAccount(ws.kysely, box, merchantId);
  if (!account)
    throw new Error('eBay is not configured for this merchant: run `rebound ebay configure` first.');
  const api = await createEbayClient(account.settings, account.secrets.certId);
  const session = new EbaySession(
    api,
    account.secrets,
    (secrets) => saveSecrets(ws.kysely, box, account.id, secrets, new Date(clock.now()).toISOString()),
    clock,
  );
  return { account, api, session };
}

export async function ebayConnectUrl(ws: Workspace, clock: Clock, raw: unknown): Promise<{ url: string }> {
  const { merchantId } = EbayMerchantInput.parse(raw);
  const { account, api } = await sessionFor(ws, clock, merchantId);
  return { url: connectUrl(api, account.settings) };
}

export async function connectEbay(ws: Workspace, clock: Clock, raw: unknown): Promise<EbayStatus> {
  const input = EbayConnectInput.parse(raw);
  try {
    const code = codeFrom(input);
    const { session } = await sessionFor(ws, clock, input.merchantId);
    await session.connect(code);
  } catch (error) {
    // The seller's paste or eBay's answer is what went wrong, not Rebound: say it as such, in
    // the reader's language, rather than as an internal error.
    if (error instanceof ChannelError && error.text) {
      // `conflict`, not `bad_input`: the request was well formed, eBay's answer is what refused it.
      throw new AppError('conflict', error.text, { channelCode: error.code }, error.message);
    }
    throw error;
  }
  sessions.delete(ws);
  return ebayStatus(ws, { merchantId: input.merchantId });
}

export async function ebayStatus(ws: Workspace, raw: unknown): Promise<EbayStatus> {
  const { merchantId } = EbayMerchantInput.parse(raw);
  const stored = await loadEbaySettings(ws.kysely, merchantId);
  if (stored && !stored.hasSecret) {
    // Settings without credentials (deleted when eBay's address changed): not configured until
    // the cert id is entered again; the public settings are shown so the form keeps them.
    const s = stored.settings;
    return {
      merchantId,
      configured: false,
      connected: false,
      marketplace: s.marketplace,
      sandbox: s.sandbox,
      baseUrl: effectiveBaseUrl(s),
      appId: s.appId,
      ruName: s.ruName,
      accessExpiresAt: null,
      readyToPublish: false,
    };
  }
  const account = stored ? await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId) : null;
  if (!account) {
    return {
      merchantId,
      configured: false,
      connected: false,
      marketplace: null,
      sandbox: false,
      baseUrl: null,
      appId: null,
      ruName: null,
      accessExpiresAt: null,
      readyToPublish: false,
    };
  }
  const s = account.settings;
  const connected = account.secrets.refreshToken !== null;
  return {
    merchantId,
    configured: true,
    connected,
    marketplace: s.marketplace,
    sandbox: s.sandbox,
    baseUrl: effectiveBaseUrl(s),
    appId: s.appId,
    ruName: s.ruName,
    accessExpiresAt:
      account.secrets.accessExpiresAt === null
        ? null
        : new Date(account.secrets.accessExpiresAt).toISOString(),
    readyToPublish:
      connected &&
      Boolean(
        s.fulfillmentPolicyId &&
        s.paymentPolicyId &&
        s.returnPolicyId &&
        s.merchantLocationKey &&
        s.categoryId,
      ),
  };
}

export async function ebayAdapterFor(
  ws: Workspace,
  clock: Clock,
  account: ChannelAccount,
): Promise<EbayChannel> {
  parseSettings(account.settings); // a clear error before anything else when it is not configured
  let perWs = sessions.get(ws);
  if (!perWs) {
    perWs = new Map();
    sessions.set(ws, perWs);
  }
  let built = perWs.get(account.id);
  if (!built) {
    built = await sessionFor(ws, clock, account.merchantId);
    perWs.set(account.id, built);
  }
  const { api, session, account: stored } = built;
  return new EbayChannel({
    ws,
    merchantId: account.merchantId,
    accountId: account.id,
    settings: stored.settings,
    api,
    session,
    clock,
  });
}

/**
 * The registry hands adapters out synchronously, but the account's secrets come from the
 * database: this adapter resolves the real one on first use.
 */
export function lazyEbayAdapter(ws: Workspace, clock: Clock, account: ChannelAccount): ChannelAdapter {
  let real: Promise<EbayChannel> | null = null;
  // An unconfigured account or unreadable secrets cannot heal by retrying: the merchant must
  // configure (or reconnect) eBay, which is what `auth` tells the worker and the UI.
  const get = (): Promise<EbayChannel> =>
    (real ??= ebayAdapterFor(ws, clock, account).catch((error: unknown) => {
      if (error instanceof ChannelError) throw error;
      throw new ChannelError(
        'auth',
        'not_configured',
        error instanceof Error ? error.message : String(error),
        {
          cause: error,
          ...(error instanceof AppError && error.text ? { text: error.text } : {}),
        },
      );
    }));
  return {
    channel: 'ebay',
    findBySku: async (sku) => (await get()).findBySku(sku),
    upsert: async (input) => (await get()).upsert(input),
    updatePrice: async (ref, cents) => (await get()).updatePrice(ref, cents),
    end: async (ref, reason) => (await get()).end(ref, reason),
    state: async (ref) => (await get()).state(ref),
    salesSince: async (cursor) => (await get()).salesSince(cursor),
    upsertMany: async (inputs) => (await get()).upsertMany(inputs),
    listingLanguage: listingLanguageOf(account.settings),
  };
}

/** The marketplace's listing language, read from the stored settings without opening secrets. */
function listingLanguageOf(settingsJson: string): string | undefined {
  try {
    return marketplaceLanguage(parseSettings(settingsJson).marketplace) ?? undefined;
  } catch {
    return undefined; // not configured: publishing fails with the reason before any text matters
  }
}
