import { z } from 'zod';
import { CHANNELS, type Channel } from '../domain/status';
import { Id, type Paged } from './common';
import { method } from './define';

/** A calendar month, YYYY-MM. */
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

export const SALE_KINDS = ['sale', 'cancellation', 'refund'] as const;
export type SaleKind = (typeof SALE_KINDS)[number];

export const SalesListInput = z
  .object({
    month: IsoMonth.optional(),
    merchantId: Id.optional(),
    channel: z.enum(CHANNELS).optional(),
    limit: z.number().int().min(1).max(1000).default(500),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export interface SaleRow {
  readonly id: number;
  readonly itemId: number;
  readonly reference: string;
  readonly title: string;
  readonly merchantName: string;
  readonly channel: Channel;
  readonly orderId: string;
  readonly soldAt: string;
  readonly currency: string;
  /**
   * Signed as it counts towards revenue: a sale is positive, a cancellation or refund is the
   * negative of what it gives back, so a column sum is the recovered revenue.
   */
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly feesCents: number;
  readonly feesEstimated: boolean;
  readonly originalCents: number;
  readonly buyerCountry: string | null;
  readonly kind: SaleKind;
}

/** Sums of the selected rows, one line per currency (amounts of different currencies never add up). */
export interface SalesTotals {
  readonly currency: string;
  readonly count: number;
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly feesCents: number;
}

export interface SalesList extends Paged<SaleRow> {
  readonly totals: readonly SalesTotals[];
  /** Months that have at least one sale, newest first: what the month filter offers. */
  readonly months: readonly string[];
}

export const salesContract = {
  'sales.list': method<SalesList>()(SalesListInput),
} as const;
