import { z } from 'zod';

/**
 * The merchant's Shopify shop: public settings in `channel_accounts.settings` (JSON), the access
 * token (or the app's client credentials) sealed in `channel_accounts.secret`, never in clear.
 */

/**
 * The Admin API version Rebound speaks: the newest stable version in the pinned @shopify/dev-mcp
 * (2026-10 is only a release candidate there). The Shopify test server validates against this
 * version's published schema. scripts/fetch-shopify-schema.mjs reads both pins below with a plain
 * pattern: keep them one-line string literals.
 */
export const SHOPIFY_ADMIN_API_VERSION = '2026-07';
/** The npm package whose tarball carries that schema (`dist/data/admin_<version>.json.gz`). */
export const SHOPIFY_DEV_MCP_VERSION = '1.16.0';

/** What Rebound's calls need; "test connection" names what is missing. write_x includes read_x. */
export const SHOPIFY_REQUIRED_SCOPES = ['write_products', 'write_inventory', 'read_orders'] as const;

export const ShopifySettingsSchema = z
  .object({
    /**
     * The shop's `xxx.myshopify.com` address, as the merchant typed it. Kept as typed (a scheme
     * included) so "test connection" can say what is wrong with it instead of failing to parse.
     */
    shopDomain: z.string().trim().min(1).max(255),
    apiVersion: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .default(SHOPIFY_ADMIN_API_VERSION),
    /** Where the one unit is stocked (`gid://shopify/Location/…`); the shop's primary location when absent. */
    locationId: z
      .string()
      .regex(/^gid:\/\/shopify\/Location\/\d+$/)
      .optional(),
    /** Sends every call to this origin instead of the shop, keeping Shopify's paths (tests). */
    baseUrl: z.string().url().optional(),
  })
  .strict();
export type ShopifySettings = z.infer<typeof ShopifySettingsSchema>;

export const ShopifySecretsSchema = z
  .object({
    /** An Admin API access token (`shpat_…`) from the shop's custom app. */
    accessToken: z.string().min(1).optional(),
    /** Or the app's client credentials: Rebound then gets ~24 h tokens itself and renews them. */
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.accessToken !== undefined || (s.clientId !== undefined && s.clientSecret !== undefined), {
    message: 'An Admin API access token, or the app’s client id and secret, is needed.',
  });
export type ShopifySecrets = z.infer<typeof ShopifySecretsSchema>;

export function parseShopifySettings(value: unknown): ShopifySettings {
  const parsed = ShopifySettingsSchema.safeParse(
    typeof value === 'string' ? JSON.parse(value || '{}') : value,
  );
  if (!parsed.success) {
    throw new Error(
      'The Shopify shop is not configured: run `rebound shop configure --platform shopify` or set it up in Settings.',
    );
  }
  return parsed.data;
}

export function parseShopifySecrets(value: unknown): ShopifySecrets {
  const parsed = ShopifySecretsSchema.safeParse(
    typeof value === 'string' ? JSON.parse(value || '{}') : value,
  );
  if (!parsed.success) {
    throw new Error(
      'The Shopify shop has no usable credentials: enter its Admin API access token (or the app’s client id and secret) again.',
    );
  }
  return parsed.data;
}

export type ShopDomainProblem = 'insecure_url' | 'wrong_url';

/**
 * The shop's host from what the merchant typed: `https://` and a trailing slash or path are
 * tolerated; `http://` is refused (Shopify only speaks HTTPS and the token would travel in clear),
 * as is anything that is not a `*.myshopify.com` host (the Admin API lives there, not on the
 * shop's own domain).
 */
export function shopHost(
  input: string,
): { readonly host: string } | { readonly problem: ShopDomainProblem; readonly host: string | null } {
  const trimmed = input.trim();
  if (/^http:\/\//i.test(trimmed)) {
    return {
      problem: 'insecure_url',
      host: trimmed
        .replace(/^http:\/\//i, '')
        .split('/')[0]!
        .toLowerCase(),
    };
  }
  const withoutScheme = trimmed.replace(/^https:\/\//i, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(withoutScheme)) return { problem: 'wrong_url', host: null };
  const host = withoutScheme.split(/[/?#]/)[0]!.toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(host)) return { problem: 'wrong_url', host: host || null };
  return { host };
}

/** The test origin in force: the environment wins, so a whole run can be pointed at a test server. */
export function effectiveShopifyBaseUrl(
  settings: ShopifySettings,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const fromEnv = env['REBOUND_SHOPIFY_BASE_URL']?.trim();
  return fromEnv ? fromEnv : (settings.baseUrl ?? null);
}
