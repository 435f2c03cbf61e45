import { createHash } from 'node:crypto';
import {
  SHOP_LABELS,
  ShopAccountInput,
  ShopConfigureInput,
  type MerchantShops,
  type ShopAccountView,
  type ShopTestResult,
} from '../../../shared/contract/shops';
import type { Channel } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { say, type Message } from '../../../shared/messages';
import type { Queryable } from '../db/queryable';
import { isoAt, type Clock } from '../jobs/clock';
import { writeSetting } from '../settings';
import type { Workspace } from '../workspace';
import { ChannelError, type ChannelAdapter, type ListingInput } from './channel';
import { secretBoxFor } from './ebay/service';
import type { ChannelAccount } from './registry';
import { SHOP_PLATFORMS, type ShopAdapterOptions, type ShopPlatform, type ShopPlatformName } from './shop';
import { shopifyPlatform } from './shopify/adapter';
import { vendurePlatform } from './vendure/adapter';
import { getWatermark, watermarkPhotos } from './watermark';
import { woocommercePlatform } from './woocommerce/adapter';
import { storeErrorText } from '../jobs/error-text';

/**
 * The merchant's shop accounts (Shopify, WooCommerce, Vendure): one `channel_accounts` row per
 * merchant and platform, public settings as JSON in `settings`, the secrets sealed by the same
 * SecretBox as eBay's in `secret`. Everything platform-specific goes through `ShopPlatform`
 * (./shop.ts); this file only stores, opens and hands out.
 */

const PLATFORMS: Readonly<Record<ShopPlatformName, ShopPlatform<unknown, unknown>>> = {
  woocommerce: woocommercePlatform as ShopPlatform<unknown, unknown>,
  shopify: shopifyPlatform as ShopPlatform<unknown, unknown>,
  vendure: vendurePlatform as ShopPlatform<unknown, unknown>,
};

export { SHOP_LABELS };

export function isShopChannel(channel: string): channel is ShopPlatformName {
  return (SHOP_PLATFORMS as readonly string[]).includes(channel);
}

export function shopPlatform(name: ShopPlatformName): ShopPlatform<unknown, unknown> {
  return PLATFORMS[name];
}

const lastTestKey = (merchantId: number, platform: ShopPlatformName) =>
  `shops.lastTest.${merchantId}.${platform}`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sealSecrets(ws: Workspace, secrets: unknown): Buffer {
  return secretBoxFor(ws).seal(Buffer.from(JSON.stringify(secrets), 'utf8'));
}

function openSecrets(ws: Workspace, sealed: Buffer | Uint8Array | null): Record<string, unknown> | null {
  if (!sealed || sealed.length === 0) return null;
  return JSON.parse(secretBoxFor(ws).open(Buffer.from(sealed)).toString('utf8')) as Record<string, unknown>;
}

interface AccountRow {
  readonly id: number;
  readonly settings: string;
  readonly secret: Buffer | null;
  readonly updated_at: string;
}

async function accountRow(
  ws: Workspace,
  merchantId: number,
  platform: ShopPlatformName,
): Promise<AccountRow | undefined> {
  return ws.kysely
    .selectFrom('channel_accounts')
    .select(['id', 'settings', 'secret', 'updated_at'])
    .where('merchant_id', '=', merchantId)
    .where('channel', '=', platform)
    .executeTakeFirst();
}

/** A row is a configured shop once it holds settings the platform accepts. */
function configuredSettings(
  platform: ShopPlatformName,
  row: { readonly settings: string } | undefined,
): unknown {
  if (!row || row.settings.trim() === '' || row.settings.trim() === '{}') return null;
  try {
    return PLATFORMS[platform].parseSettings(row.settings);
  } catch {
    return null;
  }
}

/** Why an account with settings but no stored credentials cannot be used, in plain words. */
function noCredentials(platform: ShopPlatformName, settings: unknown): string {
  return `The credentials must be entered again: none are stored for ${PLATFORMS[platform].address(settings)} (they are deleted when the shop’s address changes, so they are never sent to another address).`;
}

/** Empty strings in a form mean "keep what is stored", never "set to empty". */
function givenSecrets(secrets: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(secrets ?? {})) if (value.trim() !== '') out[key] = value;
  return out;
}

/**
 * Stores the merchant's account on a shop platform. Settings and secrets are checked with the
 * platform's own schemas; secrets not given keep the stored ones, so a form never has to show
 * them again. A changed account forgets its last connection test.
 */
export async function configureShop(ws: Workspace, clock: Clock, raw: unknown): Promise<MerchantShops> {
  const input = ShopConfigureInput.parse(raw);
  const platform = PLATFORMS[input.platform];
  const label = SHOP_LABELS[input.platform];
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where('id', '=', input.merchantId)
    .executeTakeFirst();
  if (!merchant)
    throw new AppError('not_found', say('channels.no_merchant', { id: String(input.merchantId) }));
  // Empty strings from a form are "not given" for optional settings too.
  const rawSettings = Object.fromEntries(
    Object.entries(input.settings).filter(([, value]) => value !== '' && value !== null),
  );
  let settings: unknown;
  try {
    settings = platform.parseSettings(rawSettings);
  } catch (error) {
    throw new AppError(
      'bad_input',
      say('channels.shop_settings_invalid', { detail: messageOf(error) }),
      undefined,
      messageOf(error),
    );
  }
  const row = await accountRow(ws, input.merchantId, input.platform);
  const given = givenSecrets(input.secrets);
  // Credentials belong to the address they were given for. Another address (a new shop URL, a
  // new test origin) without new credentials deletes the stored ones, and new ones are never
  // completed with the old address's: nothing given for one address is ever sent to another.
  const previous = configuredSettings(input.platform, row);
  const oldAddress = previous === null ? null : platform.address(previous);
  const newAddress = platform.address(settings);
  const moved = oldAddress !== null && oldAddress !== newAddress;
  let stored: Record<string, unknown> = {};
  if (row?.secret && !moved) {
    try {
      stored = openSecrets(ws, row.secret) ?? {};
    } catch (error) {
      // Unreadable stored secrets (another computer's keychain): only a full set replaces them.
      stored = {};
      if (Object.keys(given).length === 0) throw new AppError('bad_input', messageOf(error));
    }
  }
  // An existing account on a new address, or one whose credentials were already deleted, keeps
  // its settings and stores none until they are entered again.
  const withoutSecrets = Object.keys(given).length === 0 && previous !== null && (moved || !row?.secret);
  let secret: Buffer | null = null;
  if (!withoutSecrets) {
    let secrets: unknown;
    try {
      secrets = platform.parseSecrets({ ...stored, ...given });
    } catch (error) {
      const detail = messageOf(error);
      throw moved
        ? new AppError(
            'bad_input',
            say('channels.shop_address_changed', {
              shop: label,
              before: oldAddress ?? '',
              after: newAddress,
              detail,
            }),
          )
        : row?.secret || Object.keys(given).length > 0
          ? new AppError('bad_input', say('channels.shop_settings_invalid', { detail }), undefined, detail)
          : new AppError('bad_input', say('channels.shop_credentials_missing', { shop: label, detail }));
    }
    secret = sealSecrets(ws, secrets);
  }
  const now = isoAt(clock.now());
  const settingsJson = JSON.stringify(settings);
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('channel_accounts')
      .values({
        merchant_id: input.merchantId,
        channel: input.platform,
        settings: settingsJson,
        secret,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['merchant_id', 'channel'])
          .doUpdateSet({ settings: settingsJson, secret, updated_at: now }),
      )
      .execute();
    await trx
      .deleteFrom('settings')
      .where('key', '=', lastTestKey(input.merchantId, input.platform))
      .execute();
  });
  forgetShopAdapters(ws);
  ws.changed('shops');
  return merchantShops(ws, input.merchantId);
}

/**
 * Forgets the shop: the account row goes (settings, sealed secrets, sales cursor), so no sales
 * sync is queued for it any more, and a waiting one is cancelled. Listing rows stay as history.
 */
export async function removeShop(ws: Workspace, clock: Clock, raw: unknown): Promise<MerchantShops> {
  const input = ShopAccountInput.parse(raw);
  const now = isoAt(clock.now());
  await ws.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('channel_accounts')
      .select('id')
      .where('merchant_id', '=', input.merchantId)
      .where('channel', '=', input.platform)
      .executeTakeFirst();
    if (row) {
      await trx
        .updateTable('jobs')
        .set({
          status: 'cancelled',
          last_error: 'The shop was removed in Settings.',
          last_error_text: storeErrorText(say('channels.shop_removed')),
          updated_at: now,
        })
        .where('kind', '=', 'sync_sales')
        .where('status', '=', 'queued')
        .where('payload', '=', JSON.stringify({ accountId: row.id }))
        .execute();
      await trx.deleteFrom('channel_accounts').where('id', '=', row.id).execute();
    }
    await trx
      .deleteFrom('settings')
      .where('key', '=', lastTestKey(input.merchantId, input.platform))
      .execute();
  });
  forgetShopAdapters(ws);
  ws.changed('shops');
  return merchantShops(ws, input.merchantId);
}

async function lastTest(
  ws: Workspace,
  merchantId: number,
  platform: ShopPlatformName,
): Promise<ShopTestResult | null> {
  const row = await ws.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', lastTestKey(merchantId, platform))
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as ShopTestResult) : null;
}

async function merchantShops(ws: Workspace, merchantId: number): Promise<MerchantShops> {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', say('channels.no_merchant', { id: String(merchantId) }));
  const shops: ShopAccountView[] = [];
  for (const platform of SHOP_PLATFORMS) {
    const row = await accountRow(ws, merchantId, platform);
    const settings = configuredSettings(platform, row);
    if (!row || settings === null) continue;
    let secretsStored: string[] = [];
    let secretsProblem: string | null = null;
    let secretsProblemText: Message | null = null;
    try {
      secretsStored = Object.keys(openSecrets(ws, row.secret) ?? {}).sort();
      if (secretsStored.length === 0) {
        secretsProblem = noCredentials(platform, settings);
        secretsProblemText = say('channels.shop_gap.no_credentials', {
          shop: SHOP_LABELS[platform],
          address: PLATFORMS[platform].address(settings),
        });
      }
    } catch (error) {
      secretsProblem = messageOf(error);
    }
    shops.push({
      platform,
      settings: settings as Record<string, unknown>,
      secretsStored,
      secretsProblem,
      secretsProblemText,
      lastTest: await lastTest(ws, merchantId, platform),
      updatedAt: row.updated_at,
    });
  }
  return {
    merchantId: merchant.id,
    merchantName: merchant.name,
    shops,
    watermark: await getWatermark(ws, merchantId),
  };
}

/** Which shops each merchant (or one merchant) has configured, without a secret in sight. */
export async function shopStatus(ws: Workspace, merchantId?: number): Promise<MerchantShops[]> {
  const ids =
    merchantId === undefined
      ? (await ws.kysely.selectFrom('merchants').select('id').orderBy('name').execute()).map((m) => m.id)
      : [merchantId];
  const out: MerchantShops[] = [];
  for (const id of ids) out.push(await merchantShops(ws, id));
  return out;
}

/** The platforms the merchant has a configured account on, for "publish to the shop". */
export async function configuredShops(db: Queryable, merchantId: number): Promise<ShopPlatformName[]> {
  const rows = await db
    .selectFrom('channel_accounts')
    .select(['channel', 'settings', 'secret'])
    .where('merchant_id', '=', merchantId)
    .where('channel', 'in', [...SHOP_PLATFORMS])
    .execute();
  return rows
    .filter((r) => isShopChannel(r.channel) && r.secret !== null)
    .filter((r) => configuredSettings(r.channel as ShopPlatformName, r) !== null)
    .map((r) => r.channel as ShopPlatformName)
    .sort();
}

/**
 * Why the merchant cannot publish to this shop now (a local look, no network), or null. Used
 * before anything is queued, like eBay's publish gap.
 */
export async function shopPublishGap(
  db: Queryable,
  merchantId: number,
  platform: ShopPlatformName,
): Promise<Message | null> {
  if ((await configuredShops(db, merchantId)).includes(platform)) return null;
  const row = await db
    .selectFrom('channel_accounts')
    .select('settings')
    .where('merchant_id', '=', merchantId)
    .where('channel', '=', platform)
    .executeTakeFirst();
  const settings = configuredSettings(platform, row);
  if (settings !== null) {
    return say('channels.shop_gap.no_credentials', {
      shop: SHOP_LABELS[platform],
      address: PLATFORMS[platform].address(settings),
    });
  }
  return say('channels.shop_gap.not_set_up', { shop: SHOP_LABELS[platform] });
}

/** "The shop" for one merchant: its one configured shop platform, or why there is none to choose. */
export async function resolveShop(
  ws: Workspace,
  merchantId: number,
): Promise<{ readonly platform: ShopPlatformName } | { readonly refused: Message }> {
  const shops = await configuredShops(ws.kysely, merchantId);
  if (shops.length === 1) return { platform: shops[0]! };
  if (shops.length === 0) return { refused: say('channels.shop.none') };
  return {
    refused: say('channels.shop.several', {
      shops: shops.map((s) => SHOP_LABELS[s]).join(', '),
      options: shops.map((s) => `--channel ${s}`).join(' / '),
    }),
  };
}

/** The adapter options of a stored account; throws in plain words when it is not usable. */
async function adapterOptions(
  ws: Workspace,
  clock: Clock,
  merchantId: number,
  platform: ShopPlatformName,
): Promise<ShopAdapterOptions<unknown, unknown>> {
  const label = SHOP_LABELS[platform];
  const row = await accountRow(ws, merchantId, platform);
  const settings = configuredSettings(platform, row);
  if (!row || settings === null) {
    throw new ChannelError(
      'auth',
      'not_configured',
      `${label} is not set up for this merchant: configure the shop in Settings (or with \`rebound shop configure --platform ${platform}\`).`,
      { text: say('channels.shop_gap.not_set_up', { shop: label }) },
    );
  }
  if (!row.secret || row.secret.length === 0) {
    throw new ChannelError(
      'auth',
      'not_configured',
      `${label}: ${noCredentials(platform, settings)} Enter them in Settings (or with \`rebound shop configure --platform ${platform}\`).`,
      {
        text: say('channels.shop_gap.no_credentials', {
          shop: label,
          address: PLATFORMS[platform].address(settings),
        }),
      },
    );
  }
  let secrets: unknown;
  try {
    secrets = PLATFORMS[platform].parseSecrets(openSecrets(ws, row.secret) ?? {});
  } catch (error) {
    throw new ChannelError(
      'auth',
      'not_configured',
      `${messageOf(error)} Configure the shop in Settings again.`,
      { cause: error, text: say('channels.shop_unreadable', { detail: messageOf(error) }) },
    );
  }
  return { ws, merchantId, accountId: row.id, settings, secrets, clock };
}

/** Calls the shop and says in plain words what is wrong; the answer is kept for Settings. */
export async function testShopConnection(ws: Workspace, clock: Clock, raw: unknown): Promise<ShopTestResult> {
  const input = ShopAccountInput.parse(raw);
  const checkedAt = isoAt(clock.now());
  const base = { merchantId: input.merchantId, platform: input.platform, checkedAt };
  let result: ShopTestResult;
  try {
    const options = await adapterOptions(ws, clock, input.merchantId, input.platform);
    const check = await PLATFORMS[input.platform].testConnection(options);
    result = {
      ...base,
      ok: check.ok,
      shopName: check.shopName,
      problems: check.problems.map((p) => ({
        code: p.code,
        message: p.message,
        ...(p.text ? { text: p.text } : {}),
      })),
    };
  } catch (error) {
    const notConfigured = error instanceof ChannelError && error.code === 'not_configured';
    if (notConfigured && !(await accountRow(ws, input.merchantId, input.platform))) {
      throw error instanceof ChannelError && error.text
        ? new AppError('not_found', error.text, undefined, error.message)
        : new AppError('not_found', messageOf(error));
    }
    result = {
      ...base,
      ok: false,
      shopName: null,
      problems: [
        {
          code: notConfigured ? 'not_configured' : 'unexpected',
          message: messageOf(error),
          ...(error instanceof ChannelError && error.text ? { text: error.text } : {}),
        },
      ],
    };
  }
  await writeSetting(ws, lastTestKey(input.merchantId, input.platform), result);
  ws.changed('shops');
  return result;
}

/**
 * The photos a listing carries on this channel: the merchant's shops get the watermarked copies
 * (when the merchant has a watermark); eBay and the practice marketplace always get the listing
 * photos as they are (eBay forbids watermarks).
 */
export async function listingForChannel(
  ws: Workspace,
  channel: Channel,
  merchantId: number,
  input: ListingInput,
): Promise<ListingInput> {
  if (!isShopChannel(channel)) return input;
  const photos = await watermarkPhotos(ws, merchantId, input.photos);
  return photos === input.photos ? input : { ...input, ...(photos ? { photos } : {}) };
}

/**
 * Built adapters, per workspace and account, reused while the stored account is the same (a
 * Shopify token or a Vendure login then serves every job). A changed row builds a new one.
 */
const built = new WeakMap<Workspace, Map<number, { key: string; adapter: Promise<ChannelAdapter> }>>();

export function forgetShopAdapters(ws: Workspace): void {
  built.delete(ws);
}

async function realAdapter(
  ws: Workspace,
  clock: Clock,
  account: ChannelAccount,
  platform: ShopPlatformName,
): Promise<ChannelAdapter> {
  const row = await accountRow(ws, account.merchantId, platform);
  const key = `${row?.settings ?? ''}:${row?.secret ? createHash('sha256').update(row.secret).digest('hex') : ''}`;
  let perWs = built.get(ws);
  if (!perWs) {
    perWs = new Map();
    built.set(ws, perWs);
  }
  const cached = perWs.get(account.id);
  if (cached && cached.key === key) return cached.adapter;
  const adapter = adapterOptions(ws, clock, account.merchantId, platform).then((options) => {
    try {
      return PLATFORMS[platform].create(options);
    } catch (error) {
      if (error instanceof ChannelError) throw error;
      throw new ChannelError('auth', 'not_configured', messageOf(error), { cause: error });
    }
  });
  perWs.set(account.id, { key, adapter });
  // A failed build is not kept: the next job reads the account again.
  adapter.catch(() => {
    if (perWs.get(account.id)?.adapter === adapter) perWs.delete(account.id);
  });
  return adapter;
}

/**
 * The shop's adapter for a stored account. The registry hands adapters out synchronously while
 * the secrets come from the database, so the real adapter is built on first use. Listing photos
 * are swapped for the merchant's watermarked copies on the way in.
 */
export function shopAdapterFor(ws: Workspace, clock: Clock, account: ChannelAccount): ChannelAdapter {
  const channel = account.channel;
  if (!isShopChannel(channel)) throw new Error(`${channel} is not a shop platform.`);
  const get = () => realAdapter(ws, clock, account, channel);
  const prepare = (input: ListingInput) => listingForChannel(ws, channel, account.merchantId, input);
  return {
    channel,
    findBySku: async (sku) => (await get()).findBySku(sku),
    upsert: async (input) => (await get()).upsert(await prepare(input)),
    updatePrice: async (ref, cents) => (await get()).updatePrice(ref, cents),
    end: async (ref, reason) => (await get()).end(ref, reason),
    state: async (ref) => (await get()).state(ref),
    salesSince: async (cursor) => (await get()).salesSince(cursor),
    // No `upsertMany`: none of the shops has a bulk create, and the worker then publishes each
    // listing as its own job (its own retries, its own outcome), which is what a shop needs.
  };
}
