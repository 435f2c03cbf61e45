import type eBayApi from 'ebay-api';
import { z } from 'zod';
import { EBAY_MARKETPLACE_IDS, type EbayMarketplace } from '../../../../shared/contract/ebay';
import { AppError } from '../../../../shared/errors';
import type { Queryable } from '../../db/queryable';
import { urlAddress } from '../shop';
import type { SecretBox } from './secrets';
import { say } from '../../../../shared/messages';

/**
 * The merchant's eBay account: public settings in `channel_accounts.settings` (JSON), the cert id
 * and tokens sealed by a SecretBox in `channel_accounts.secret`, never in clear.
 */

/** Marketplace → what eBay needs to agree with it: the listing language and the item page host. */
export const MARKETPLACES = {
  EBAY_US: { locale: 'en-US', host: 'www.ebay.com', currency: 'USD' },
  EBAY_GB: { locale: 'en-GB', host: 'www.ebay.co.uk', currency: 'GBP' },
  EBAY_DE: { locale: 'de-DE', host: 'www.ebay.de', currency: 'EUR' },
  EBAY_FR: { locale: 'fr-FR', host: 'www.ebay.fr', currency: 'EUR' },
  EBAY_IT: { locale: 'it-IT', host: 'www.ebay.it', currency: 'EUR' },
  EBAY_ES: { locale: 'es-ES', host: 'www.ebay.es', currency: 'EUR' },
  EBAY_NL: { locale: 'nl-NL', host: 'www.ebay.nl', currency: 'EUR' },
  EBAY_AT: { locale: 'de-AT', host: 'www.ebay.at', currency: 'EUR' },
} as const satisfies Record<EbayMarketplace, { locale: string; host: string; currency: string }>;

export const API_SCOPE = 'https://api.ebay.com/oauth/api_scope';
/** What Rebound asks the seller for, and exactly what every refresh asks again (eBay refuses more). */
export const EBAY_SCOPES: readonly string[] = [
  API_SCOPE,
  `${API_SCOPE}/sell.inventory`,
  `${API_SCOPE}/sell.account`,
  `${API_SCOPE}/sell.fulfillment`,
];

export const EbaySettingsSchema = z
  .object({
    appId: z.string().trim().min(1).max(200),
    ruName: z.string().trim().min(1).max(200),
    marketplace: z.enum(EBAY_MARKETPLACE_IDS),
    sandbox: z.boolean().default(false),
    /** Points every eBay host (api, apiz, apim, the token endpoint) elsewhere, keeping eBay's paths. */
    baseUrl: z.string().url().optional(),
    /**
     * publishOffer needs the seller's business policies, a location and a category; they are
     * the seller's own ids on eBay, so they are settings rather than guesses.
     */
    fulfillmentPolicyId: z.string().trim().min(1).max(100).optional(),
    paymentPolicyId: z.string().trim().min(1).max(100).optional(),
    returnPolicyId: z.string().trim().min(1).max(100).optional(),
    merchantLocationKey: z.string().trim().min(1).max(36).optional(),
    categoryId: z.string().trim().regex(/^\d+$/).optional(),
  })
  .strict();
export type EbaySettings = z.infer<typeof EbaySettingsSchema>;

export const EbaySecretsSchema = z
  .object({
    certId: z.string().min(1),
    accessToken: z.string().min(1).nullable(),
    /** Epoch ms. */
    accessExpiresAt: z.number().int().nullable(),
    refreshToken: z.string().min(1).nullable(),
  })
  .strict();
export type EbaySecrets = z.infer<typeof EbaySecretsSchema>;

export function parseSettings(json: string): EbaySettings {
  const parsed = EbaySettingsSchema.safeParse(JSON.parse(json || '{}'));
  if (!parsed.success) {
    throw new AppError(
      'conflict',
      say('channels.ebay.not_configured'),
      undefined,
      'The eBay account is not configured: run `rebound ebay configure` or set it up in Settings.',
    );
  }
  return parsed.data;
}

export function sealSecrets(box: SecretBox, secrets: EbaySecrets): Buffer {
  return box.seal(Buffer.from(JSON.stringify(EbaySecretsSchema.parse(secrets)), 'utf8'));
}

/** Why an account with settings but no stored credentials cannot be used, in plain words. */
export const EBAY_CREDENTIALS_NEEDED =
  'eBay’s credentials must be entered again: none are stored for this account (they are deleted when eBay’s address changes, so they are never sent to another address). Enter the cert id in Settings → eBay (or `rebound ebay configure --cert-id …`), then connect the seller’s account again.';

export function openSecrets(box: SecretBox, sealed: Buffer | Uint8Array | null): EbaySecrets {
  if (!sealed || sealed.length === 0) {
    throw new AppError(
      'conflict',
      say('channels.ebay_gap.credentials_needed'),
      undefined,
      EBAY_CREDENTIALS_NEEDED,
    );
  }
  return EbaySecretsSchema.parse(JSON.parse(box.open(Buffer.from(sealed)).toString('utf8')));
}

/**
 * Where the cert id and tokens are sent: production or sandbox eBay, or another base with eBay's
 * paths. Credentials stored for one address are deleted when the account moves to another.
 */
export function ebayAddress(settings: Pick<EbaySettings, 'sandbox' | 'baseUrl'>): string {
  const ebay = settings.sandbox ? 'eBay’s sandbox' : 'eBay';
  return settings.baseUrl ? `${ebay} via ${urlAddress(settings.baseUrl)}` : ebay;
}

/** The account's settings and whether a secret is stored, without opening it (null: no account). */
export async function loadEbaySettings(
  db: Queryable,
  merchantId: number,
): Promise<{ readonly id: number; readonly settings: EbaySettings; readonly hasSecret: boolean } | null> {
  const row = await db
    .selectFrom('channel_accounts')
    .select(['id', 'settings', 'secret'])
    .where('merchant_id', '=', merchantId)
    .where('channel', '=', 'ebay')
    .executeTakeFirst();
  if (!row) return null;
  const parsed = EbaySettingsSchema.safeParse(JSON.parse(row.settings || '{}'));
  if (!parsed.success) return null;
  return { id: row.id, settings: parsed.data, hasSecret: row.secret !== null && row.secret.length > 0 };
}

export interface StoredEbayAccount {
  readonly id: number;
  readonly settings: EbaySettings;
  readonly secrets: EbaySecrets;
}

export async function loadEbayAccount(
  db: Queryable,
  box: SecretBox,
  merchantId: number,
): Promise<StoredEbayAccount | null> {
  const row = await db
    .selectFrom('channel_accounts')
    .select(['id', 'settings', 'secret'])
    .where('merchant_id', '=', merchantId)
    .where('channel', '=', 'ebay')
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, settings: parseSettings(row.settings), secrets: openSecrets(box, row.secret) };
}

export async function saveSecrets(
  db: Queryable,
  box: SecretBox,
  accountId: number,
  secrets: EbaySecrets,
  now: string,
) {
  await db
    .updateTable('channel_accounts')
    .set({ secret: sealSecrets(box, secrets), updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

/** The base URL in force: the environment wins so a whole run can be pointed at a test server. */
export function effectiveBaseUrl(
  settings: EbaySettings,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const fromEnv = env.REBOUND_EBAY_BASE_URL?.trim();
  return fromEnv ? fromEnv : (settings.baseUrl ?? null);
}

const EBAY_ORIGIN = /^https:\/\/(?:api|apiz|apim|apix)\.(?:sandbox\.)?ebay\.com(?=\/)/;

/**
 * ebay-api v9 builds every URL itself (`https://{api|apiz|apim}.ebay.com` + path, and a constant
 * token endpoint) with no base-URL option, but REST calls and OAuth2 share one axios instance:
 * one request interceptor that swaps the origin covers every call. Any other host is refused, so
 * a rebased client can never reach real eBay by accident.
 */
export function rebaseEbayApi(api: eBayApi, baseUrl: string): void {
  const origin = baseUrl.replace(/\/$/, '');
  api.req.instance.interceptors.request.use((config) => {
    if (config.url) {
      if (!EBAY_ORIGIN.test(config.url)) {
        throw new Error(`ebay-api tried to call ${config.url}, which is not an eBay REST origin`);
      }
      config.url = config.url.replace(EBAY_ORIGIN, origin);
    }
    return config;
  });
}

/** One ebay-api client for an account. Refresh is ours (see oauth.ts), so the client's is off. */
export async function createEbayClient(
  settings: EbaySettings,
  certId: string,
  timeoutMs = 30_000,
): Promise<eBayApi> {
  // Loaded here, not at the top: ebay-api takes ~0.15 s to load, which every CLI start would pay.
  const { default: EBayApi } = await import('ebay-api');
  const market = MARKETPLACES[settings.marketplace];
  const api = new EBayApi({
    appId: settings.appId,
    certId,
    ruName: settings.ruName,
    sandbox: settings.sandbox,
    marketplaceId: settings.marketplace as never,
    contentLanguage: market.locale as never,
    acceptLanguage: market.locale as never,
    scope: [...EBAY_SCOPES],
    autoRefreshToken: false,
  });
  api.req.instance.defaults.timeout = timeoutMs;
  const base = effectiveBaseUrl(settings);
  if (base) rebaseEbayApi(api, base);
  return api;
}
