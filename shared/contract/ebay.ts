import { z } from 'zod';
import { Id } from './common';
import { method } from './define';
import type { StoredMessage } from '../messages';

/**
 * Connecting a merchant's eBay account: the app's credentials (the cert id is stored sealed,
 * never shown again), the seller's consent (OAuth code), and where the account stands.
 */

export const EBAY_MARKETPLACE_IDS = [
  'EBAY_US',
  'EBAY_GB',
  'EBAY_DE',
  'EBAY_FR',
  'EBAY_IT',
  'EBAY_ES',
  'EBAY_NL',
  'EBAY_AT',
] as const;
export type EbayMarketplace = (typeof EBAY_MARKETPLACE_IDS)[number];

const Text = (max: number) => z.string().trim().min(1).max(max);

export const EbayConfigureInput = z
  .object({
    merchantId: Id,
    appId: Text(200),
    /** Optional when the account exists with the same app id: the stored (sealed) one is kept. */
    certId: Text(200).optional(),
    ruName: Text(200),
    marketplace: z.enum(EBAY_MARKETPLACE_IDS),
    sandbox: z.boolean().default(false),
    /** Points every eBay host at another base (a test server), keeping eBay's paths. */
    baseUrl: z.string().url().optional(),
    /** The seller's business policies, location and category, as publishOffer requires. */
    fulfillmentPolicyId: Text(100).optional(),
    paymentPolicyId: Text(100).optional(),
    returnPolicyId: Text(100).optional(),
    merchantLocationKey: Text(36).optional(),
    categoryId: z.string().trim().regex(/^\d+$/, 'an eBay category id is digits').optional(),
  })
  .strict();

export const EbayConnectInput = z
  .object({
    merchantId: Id,
    code: Text(2000).optional(),
    /** The whole address the seller landed on after agreeing; the code is read from it. */
    landedUrl: Text(4000).optional(),
  })
  .strict()
  .refine((v) => v.code !== undefined || v.landedUrl !== undefined, {
    message: 'give the code or the address eBay showed after you agreed',
  });

export const EbayMerchantInput = z.object({ merchantId: Id }).strict();

export interface EbayStatus {
  readonly merchantId: number;
  readonly configured: boolean;
  readonly connected: boolean;
  readonly marketplace: EbayMarketplace | null;
  readonly sandbox: boolean;
  readonly baseUrl: string | null;
  /** The application's public keys (the cert id is secret and never returned). */
  readonly appId: string | null;
  readonly ruName: string | null;
  /** ISO-8601 UTC; null before the first connection. */
  readonly accessExpiresAt: string | null;
  /** Connected, with the policies, location and category publishing needs. */
  readonly readyToPublish: boolean;
}

/** What pre-flight looks at, in the order the Settings panel shows it. */
export const EBAY_CHECK_KEYS = [
  'connection',
  'fulfillmentPolicy',
  'paymentPolicy',
  'returnPolicy',
  'location',
  'category',
  'conditions',
  'language',
] as const;
export type EbayCheckKey = (typeof EBAY_CHECK_KEYS)[number];

export interface EbayCheckItem {
  readonly key: EbayCheckKey;
  readonly ok: boolean;
  /** A failing blocking item stops publishing; a non-blocking one is a warning. */
  readonly blocking: boolean;
  /** What was found, in plain words (e.g. "Payment policy “PayPal” (6000002)"). */
  readonly message: string;
  /** What to do when it is not ok; null when ok. */
  readonly fix: string | null;
  /** `message` as a message in the reader's language (absent from older servers). */
  readonly text?: StoredMessage;
  /** `fix` as a message in the reader's language; null when ok. */
  readonly fixText?: StoredMessage | null;
}

export interface EbayOption {
  readonly id: string;
  readonly name: string;
}

/** The answer of pre-flight: every piece publishing needs, found or named as missing. */
export interface EbayCheck {
  readonly merchantId: number;
  readonly marketplace: EbayMarketplace | null;
  /** True when no blocking item fails: publishing may start. */
  readonly ready: boolean;
  /** ISO-8601 UTC. */
  readonly checkedAt: string;
  readonly items: readonly EbayCheckItem[];
  /** What the seller has on eBay, for choosing in Settings. */
  readonly options: {
    readonly fulfillmentPolicies: readonly EbayOption[];
    readonly paymentPolicies: readonly EbayOption[];
    readonly returnPolicies: readonly EbayOption[];
    readonly locations: readonly EbayOption[];
  };
  /** eBay condition enums the configured category allows (Metadata API); empty when unknown. */
  readonly allowedConditions: readonly string[];
  /** What the account uses now (the stored choices), null where nothing is chosen. */
  readonly chosen: {
    readonly fulfillmentPolicyId: string | null;
    readonly paymentPolicyId: string | null;
    readonly returnPolicyId: string | null;
    readonly merchantLocationKey: string | null;
    readonly categoryId: string | null;
  };
}

/** Chooses the seller's policies, location and category without re-entering the app's keys. */
export const EbayChooseInput = z
  .object({
    merchantId: Id,
    fulfillmentPolicyId: Text(100).optional(),
    paymentPolicyId: Text(100).optional(),
    returnPolicyId: Text(100).optional(),
    merchantLocationKey: Text(36).optional(),
    categoryId: z.string().trim().regex(/^\d+$/, 'an eBay category id is digits').optional(),
  })
  .strict();

export const ebayContract = {
  'ebay.configure': method<EbayStatus>()(EbayConfigureInput, { writes: true }),
  'ebay.connectUrl': method<{ url: string }>()(EbayMerchantInput),
  'ebay.connect': method<EbayStatus>()(EbayConnectInput, { writes: true }),
  // Everyone may see whether eBay is connected; only an admin changes it.
  'ebay.status': method<EbayStatus>()(EbayMerchantInput),
  /** Pre-flight: reads the seller's policies, locations and the category's conditions from eBay. */
  'ebay.check': method<EbayCheck>()(EbayMerchantInput),
  /** Creates an inventory location on eBay from the merchant's address and selects it. */
  'ebay.createLocation': method<EbayCheck>()(EbayMerchantInput, { writes: true }),
  'ebay.choose': method<EbayCheck>()(EbayChooseInput, { writes: true }),
} as const;
