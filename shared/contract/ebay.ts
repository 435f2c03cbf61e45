import { z } from 'zod';
import { Id } from './common';
import { method } from './define';

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
    certId: Text(200),
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
  /** ISO-8601 UTC; null before the first connection. */
  readonly accessExpiresAt: string | null;
  /** Connected, with the policies, location and category publishing needs. */
  readonly readyToPublish: boolean;
}

export const ebayContract = {
  'ebay.configure': method<EbayStatus>()(EbayConfigureInput, { writes: true, roles: ['admin'] }),
  'ebay.connectUrl': method<{ url: string }>()(EbayMerchantInput, { roles: ['admin'] }),
  'ebay.connect': method<EbayStatus>()(EbayConnectInput, { writes: true, roles: ['admin'] }),
  'ebay.status': method<EbayStatus>()(EbayMerchantInput, { roles: ['admin'] }),
} as const;
