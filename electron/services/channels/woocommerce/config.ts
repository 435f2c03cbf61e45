import type WooCommerceRestApiModule from '@woocommerce/woocommerce-rest-api';
import { z } from 'zod';

export type WooClient = WooCommerceRestApiModule;

let wooCommerceRestApi: Promise<typeof WooCommerceRestApiModule> | undefined;
/**
 * The client class, loaded on first use rather than at the top: the package takes ~0.08 s to
 * load, which every CLI start would pay. It is CommonJS compiled with `exports.default`: bundlers
 * unwrap it, Node's own ESM loader hands over the exports object. Take the class either way.
 */
function loadWooCommerceRestApi(): Promise<typeof WooCommerceRestApiModule> {
  return (wooCommerceRestApi ??= import('@woocommerce/woocommerce-rest-api').then(
    ({ default: module }) =>
      (module as unknown as { default?: typeof WooCommerceRestApiModule }).default ?? module,
  ));
}

/**
 * The merchant's WooCommerce shop: its address and WordPress user name are settings
 * (`channel_accounts.settings`, JSON); the REST API key pair and the WordPress Application
 * Password are secrets, sealed at rest by the account layer.
 *
 * Two credentials because WordPress splits the work (CHANNELS.md): the WooCommerce key only
 * covers `wc/` routes; photos go to the WordPress media library (`/wp/v2/media`), which only
 * takes a WordPress user's Application Password.
 */

export const WooSettingsSchema = z
  .object({
    /** The shop's home page, e.g. `https://shop.example.com` (a WordPress in a folder keeps it). */
    url: z
      .string()
      .trim()
      .url()
      .transform((u) => u.replace(/\/+$/, '')),
    /** The WordPress user the Application Password belongs to; without it, no photo uploads. */
    wpUser: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type WooSettings = z.infer<typeof WooSettingsSchema>;

export const WooSecretsSchema = z
  .object({
    consumerKey: z.string().trim().min(1),
    consumerSecret: z.string().trim().min(1),
    /** WordPress shows it in groups of four (`abcd efgh …`); the spaces do not matter. */
    wpAppPassword: z.string().trim().min(1).optional(),
  })
  .strict();
export type WooSecrets = z.infer<typeof WooSecretsSchema>;

export function parseWooSettings(value: unknown): WooSettings {
  const parsed = WooSettingsSchema.safeParse(typeof value === 'string' ? JSON.parse(value || '{}') : value);
  if (!parsed.success) {
    throw new Error(
      'The WooCommerce shop is not configured: enter the shop’s address (https://…) in Settings or with `rebound shop configure --platform woocommerce`.',
    );
  }
  return parsed.data;
}

export function parseWooSecrets(value: unknown): WooSecrets {
  const parsed = WooSecretsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      'The WooCommerce shop has no usable credentials: enter the consumer key and secret (WooCommerce → Settings → Advanced → REST API) again.',
    );
  }
  return parsed.data;
}

/** Hosts on this machine: the only places plain http is acceptable (local and test shops). */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  );
}

/** Throws unless the shop's address is https, or plain http on this machine (see createWooClient). */
export function assertWooUrl(settings: WooSettings): void {
  const url = new URL(settings.url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalHost(url.hostname))) {
    throw new Error(`Refusing to talk to ${settings.url} without https.`);
  }
}

/**
 * Over https the client sends the key pair as Basic auth; over http it signs each request with
 * OAuth 1.0a (the secret never travels). Plain http is only ever used for a shop on this machine:
 * the account layer's "test connection" refuses it elsewhere, and so does this function.
 */
export async function createWooClient(
  settings: WooSettings,
  secrets: WooSecrets,
  timeoutMs: number,
): Promise<WooClient> {
  assertWooUrl(settings);
  const WooCommerceRestApi = await loadWooCommerceRestApi();
  return new WooCommerceRestApi({
    url: settings.url,
    consumerKey: secrets.consumerKey,
    consumerSecret: secrets.consumerSecret,
    version: 'wc/v3',
    timeout: timeoutMs,
  });
}
