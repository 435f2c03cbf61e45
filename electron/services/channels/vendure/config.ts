import { z } from 'zod';

/**
 * The merchant's Vendure shop: public settings in `channel_accounts.settings` (JSON), the
 * administrator's username and password sealed in `channel_accounts.secret`. The bearer token
 * from `login` lives only in the adapter's memory: it is cheap to get again and never stored.
 */

export const VendureSettingsSchema = z
  .object({
    /** The Admin API endpoint, e.g. `https://shop.example.com/admin-api`. */
    adminApiUrl: z
      .string()
      .trim()
      .url()
      .refine((value) => /^https?:\/\//i.test(value), 'The Admin API address must start with https://'),
    /** Sent as `vendure-token` to work in one channel of a multi-channel shop; absent: the default channel. */
    channelToken: z.string().trim().min(1).max(200).optional(),
    /** The language of the product name, slug and description Rebound writes. */
    languageCode: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(?:_[A-Za-z]{2,4})?$/, 'A Vendure language code such as en, de or pt_BR')
      .default('en'),
    /** The currency Rebound prices in; absent: the channel's default currency. */
    currencyCode: z
      .string()
      .trim()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /**
     * Vendure has no compare-at price. A merchant who wants the original price shown struck
     * through adds an `int` custom field on ProductVariant (tests/vendure/README.md) and names it
     * here; without it Rebound writes no original price.
     */
    compareAtCustomField: z
      .string()
      .trim()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A GraphQL field name')
      .optional(),
    /** The storefront's product page, with `{slug}` where the product's slug goes. */
    storefrontProductUrl: z
      .string()
      .trim()
      .url()
      .refine((value) => value.includes('{slug}'), 'The product page address must contain {slug}')
      .optional(),
  })
  .strict();
export type VendureSettings = z.infer<typeof VendureSettingsSchema>;

export const VendureSecretsSchema = z
  .object({
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(500),
  })
  .strict();
export type VendureSecrets = z.infer<typeof VendureSecretsSchema>;

export function parseVendureSettings(value: unknown): VendureSettings {
  const parsed = VendureSettingsSchema.safeParse(
    typeof value === 'string' ? JSON.parse(value || '{}') : value,
  );
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `The Vendure shop is not configured correctly (${first?.path.join('.') || 'settings'}: ${first?.message ?? 'invalid'}): set it up in Settings or with \`rebound shop configure --platform vendure\`.`,
    );
  }
  return parsed.data;
}

export function parseVendureSecrets(value: unknown): VendureSecrets {
  const parsed = VendureSecretsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error('The Vendure shop has no stored username and password: configure it again.');
  }
  return parsed.data;
}

/**
 * Credentials go over the wire in `login`: only over HTTPS, or plain HTTP to this machine
 * (a shop running locally for development or tests).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function insecureUrlReason(adminApiUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(adminApiUrl);
  } catch {
    return `“${adminApiUrl}” is not a web address.`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return `The Vendure address uses ${url.protocol.replace(':', '').toUpperCase()}, so the administrator password would travel in clear: use the https:// address of the Admin API.`;
}
