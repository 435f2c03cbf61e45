import { z } from 'zod';
import { GRADES, type Grade } from '../domain/grades';
import { LANGUAGES } from '../domain/status';
import type { StoredMessage } from '../messages';
import {
  ItemFacts,
  PricingPolicy,
  type ApprovalReason,
  type ComparableStats,
  type PolicyWarningWithMessage,
  type PriceResult,
  type PricingRefusal,
} from '../pricing';
import { Id, NonNegativeCents, Text } from './common';
import { method } from './define';
import type { PriceProposal, PriceStep } from './items';

/**
 * Condition-based pricing and the merchant's approval queue: propose a price from the item's
 * recorded facts, read it with comparables, edit a merchant's policy, and decide (approve,
 * adjust, reject), one item or many.
 */

export const REJECT_REASONS = ['regrade', 'return_to_me', 'destroy'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The latest proposal of an item, read for the approval screen. */
export interface PricingView {
  readonly itemId: number;
  readonly reference: string;
  readonly currency: string;
  readonly version: number;
  readonly price: PriceProposal | null;
  /** The price was computed from facts the desk has since changed: propose again. */
  readonly stale: boolean;
  readonly discountBp: number | null;
  readonly approvalReasons: readonly ApprovalReason[];
  readonly belowFloor: boolean;
  readonly comparables: ComparableStats | null;
}

export const ItemRefInput = z.object({ itemId: Id }).strict();

export const DecisionRef = z
  .object({
    itemId: Id,
    /** The proposal the person looked at: refused if a newer one exists. */
    priceId: Id,
  })
  .strict();

export const AdjustInput = DecisionRef.extend({
  priceCents: NonNegativeCents,
  note: Text(500).optional(),
}).strict();

export const RejectInput = DecisionRef.extend({
  reason: z.enum(REJECT_REASONS),
  note: Text(500).optional(),
}).strict();

export const ApproveManyInput = z.object({ itemIds: z.array(Id).min(1).max(500) }).strict();

export interface BulkResult {
  readonly itemId: number;
  readonly ok: boolean;
  /** Why it was refused, in English (logs, `--json`). */
  readonly message: string | null;
  /** The same, drawn in the reader's language. */
  readonly text: StoredMessage | null;
}

export const PolicyUpdateInput = z
  .object({
    merchantId: Id,
    /** Full policy as the editor holds it; missing fields take their defaults. */
    policy: PricingPolicy,
  })
  .strict();

export interface MerchantPolicy {
  readonly merchantId: number;
  readonly currency: string;
  readonly policy: PricingPolicy;
  /** True while the merchant has no policy of their own and the default applies. */
  readonly isDefault: boolean;
  readonly warnings: readonly PolicyWarningWithMessage[];
}

export const PreviewInput = z
  .object({
    merchantId: Id,
    policy: PricingPolicy,
    facts: ItemFacts,
    originalCents: z.number().int().positive().safe(),
    manualCents: NonNegativeCents.optional(),
    lang: z.enum(LANGUAGES).optional(),
  })
  .strict();

export type PreviewResult =
  | {
      readonly ok: true;
      readonly result: PriceResult;
      readonly warnings: readonly PolicyWarningWithMessage[];
    }
  | {
      readonly ok: false;
      readonly refusal: PricingRefusal;
      readonly warnings: readonly PolicyWarningWithMessage[];
    };

export const ApprovalQueueInput = z
  .object({
    grade: z.enum(GRADES).optional(),
    /** Discount range in basis points (2000 = 20 %), inclusive. */
    minDiscountBp: z.number().int().min(0).max(10_000).optional(),
    maxDiscountBp: z.number().int().min(0).max(10_000).optional(),
    /** Only proposals waiting at least this many days. */
    minAgeDays: z.number().int().min(0).max(3650).optional(),
    /** One merchant's proposals only (an approver's own merchants stay the limit). */
    merchantId: Id.optional(),
  })
  .strict();

/** One row of the approval queue: what the merchant needs to decide without opening the item. */
export interface ApprovalRow {
  readonly itemId: number;
  readonly reference: string;
  readonly merchantId: number;
  readonly merchantName: string;
  readonly currency: string;
  readonly sku: string;
  readonly title: string;
  readonly grade: Grade | null;
  readonly mainPhotoHash: string | null;
  readonly priceId: number;
  readonly originalCents: number;
  readonly proposedCents: number;
  readonly floorCents: number;
  readonly netCents: number;
  readonly discountBp: number;
  /** The trace, for the "why" line; steps keep their params so labels follow the UI language. */
  readonly steps: readonly PriceStep[];
  /** First line of the drafted condition text in the merchant's language, when one exists. */
  readonly why: string | null;
  readonly comparables: { readonly count: number; readonly medianCents: number | null };
  /** When the proposal started waiting (ISO). */
  readonly waitingSince: string;
}

export interface ApprovalQueue {
  readonly rows: readonly ApprovalRow[];
  /** Everything that waits for this profile, before the filters. */
  readonly waiting: number;
  readonly oldestWaitingSince: string | null;
}

export const pricingContract = {
  'approvals.list': method<ApprovalQueue>()(ApprovalQueueInput),
  'pricing.propose': method<PricingView>()(ItemRefInput, { writes: true }),
  'pricing.get': method<PricingView>()(ItemRefInput),
  'pricing.policy.get': method<MerchantPolicy>()(z.object({ merchantId: Id }).strict()),
  'pricing.policy.update': method<MerchantPolicy>()(PolicyUpdateInput, { writes: true }),
  'pricing.preview': method<PreviewResult>()(PreviewInput),
  'approvals.approve': method<PricingView>()(DecisionRef, { writes: true }),
  'approvals.adjust': method<PricingView>()(AdjustInput, { writes: true }),
  'approvals.reject': method<PricingView>()(RejectInput, { writes: true }),
  'approvals.approveMany': method<readonly BulkResult[]>()(ApproveManyInput, { writes: true }),
} as const;
