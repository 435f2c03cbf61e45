import { z } from 'zod';
import { Id } from './common';
import { method } from './define';
import type { StoredMessage } from '../messages';

/**
 * The merchant's own shops (Shopify, WooCommerce, Vendure): configuring an account (its public
 * settings, and secrets that are sealed at rest and never sent back), testing the connection in
 * plain words, removing it, and the merchant's optional watermark for shop photos.
 *
 * Settings and secrets are checked against the chosen platform's own schema by the main side
 * (electron/services/channels/<platform>/config.ts): here they are only shaped as records.
 */

export const SHOP_PLATFORM_NAMES = ['shopify', 'woocommerce', 'vendure'] as const;
export type ShopPlatformId = (typeof SHOP_PLATFORM_NAMES)[number];

/** Each platform's own name, the same in every language. */
export const SHOP_LABELS: Readonly<Record<ShopPlatformId, string>> = {
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  vendure: 'Vendure',
};

export const ShopPlatformName = z.enum(SHOP_PLATFORM_NAMES);

export const ShopConfigureInput = z
  .object({
    merchantId: Id,
    platform: ShopPlatformName,
    /** The platform's public settings, e.g. WooCommerce `{url, wpUser}`. */
    settings: z.record(z.string(), z.unknown()),
    /**
     * The platform's secrets, e.g. WooCommerce `{consumerKey, consumerSecret, wpAppPassword}`.
     * Absent or empty values keep the stored ones: a form never has to show a secret again.
     */
    secrets: z.record(z.string(), z.string().max(4000)).optional(),
  })
  .strict();

export const ShopMerchantInput = z.object({ merchantId: Id }).strict();
export const ShopsStatusInput = z.object({ merchantId: Id.optional() }).strict();
export const ShopAccountInput = z.object({ merchantId: Id, platform: ShopPlatformName }).strict();

export const WATERMARK_POSITIONS = [
  'bottom-right',
  'bottom-left',
  'top-right',
  'top-left',
  'center',
] as const;
export type WatermarkPosition = (typeof WATERMARK_POSITIONS)[number];

export const WatermarkInput = z
  .object({
    merchantId: Id,
    /** e.g. "Larkfield Outlet"; null or empty: no text. */
    text: z.string().trim().max(80).nullable().optional(),
    /**
     * A PNG logo on this computer: copied into the data folder. Absent keeps the stored logo,
     * null removes it.
     */
    logoPath: z.string().trim().min(1).max(4000).nullable().optional(),
    /** Absent: as stored (at first bottom-right, 0.35). Absent text keeps the stored text too. */
    position: z.enum(WATERMARK_POSITIONS).optional(),
    opacity: z.number().min(0.05).max(1).optional(),
  })
  .strict();

/** The merchant's watermark; null when shop photos go out as they are. */
export interface Watermark {
  readonly text: string | null;
  /** The logo's file inside the data folder (relative to it); null without a logo. */
  readonly logo: string | null;
  readonly position: WatermarkPosition;
  readonly opacity: number;
}

export interface ShopConnectionProblemView {
  /** e.g. `bad_token`, `wrong_url`, `missing_permission`, `insecure_url`, `unreachable`. */
  readonly code: string;
  readonly message: string;
  /** The same as a message in the reader's language; absent in tests stored by older versions. */
  readonly text?: StoredMessage;
}

export interface ShopTestResult {
  readonly merchantId: number;
  readonly platform: ShopPlatformId;
  readonly ok: boolean;
  readonly shopName: string | null;
  readonly problems: readonly ShopConnectionProblemView[];
  /** ISO-8601 UTC. */
  readonly checkedAt: string;
}

/** One configured shop: its public settings (never a secret), and the last connection test. */
export interface ShopAccountView {
  readonly platform: ShopPlatformId;
  readonly settings: Readonly<Record<string, unknown>>;
  /** The names of the secrets stored (e.g. `consumerKey`), never their values. */
  readonly secretsStored: readonly string[];
  /** Set when the stored secrets cannot be opened here (another computer's keychain, a new key). */
  readonly secretsProblem: string | null;
  /** The same as a message in the reader's language, when there is one. */
  readonly secretsProblemText: StoredMessage | null;
  readonly lastTest: ShopTestResult | null;
  /** ISO-8601 UTC. */
  readonly updatedAt: string;
}

export interface MerchantShops {
  readonly merchantId: number;
  readonly merchantName: string;
  readonly shops: readonly ShopAccountView[];
  readonly watermark: Watermark | null;
}

export const shopsContract = {
  'shops.configure': method<MerchantShops>()(ShopConfigureInput, { writes: true }),
  /** Every merchant's shops, or one merchant's. Public settings only. */
  'shops.status': method<MerchantShops[]>()(ShopsStatusInput),
  /** Calls the shop: answers what is wrong in plain words, and keeps the answer for Settings. */
  'shops.test': method<ShopTestResult>()(ShopAccountInput),
  'shops.remove': method<MerchantShops>()(ShopAccountInput, { writes: true }),
  'shops.setWatermark': method<MerchantShops>()(WatermarkInput, { writes: true }),
} as const;
