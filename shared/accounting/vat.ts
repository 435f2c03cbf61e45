/**
 * VAT on resold returns. Prices on every channel are VAT-inclusive (consumer prices in the EU),
 * so VAT is the share of a gross amount: gross × rate ÷ (1 + rate), rounded half up to the cent.
 *
 * - **Standard scheme** (the default): a returned item resold is an ordinary supply, so VAT is
 *   due on the whole sale price, and on the shipping charged with it at the same rate (delivery
 *   follows the goods it delivers).
 * - **Margin scheme** (second-hand goods that qualify): VAT is due on the margin only. Rebound
 *   defines the margin as the sale price minus the item's purchase cost (`items.purchase_cents`,
 *   what the reseller paid for the goods), never below zero. The scheme needs the purchase price
 *   on record; when it is unknown the margin cannot be shown to a tax inspector, so the sale is
 *   taxed under the standard scheme instead (`applied: 'standard'`) rather than under-declared.
 *   Shipping stays taxed at the standard rate as a separate charge.
 */

export const VAT_SCHEMES = ['standard', 'margin'] as const;
export type VatScheme = (typeof VAT_SCHEMES)[number];

/** The VAT contained in `grossCents` at `rateBp` basis points (2000 = 20 %), rounded half up. */
export function vatIncluded(grossCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(grossCents)) throw new RangeError(`Not a whole number of cents: ${grossCents}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10000)
    throw new RangeError(`A VAT rate must be 0–10000 basis points, got ${rateBp}`);
  if (grossCents === 0 || rateBp === 0) return 0;
  const sign = grossCents < 0 ? -1 : 1;
  const divisor = 10000 + rateBp;
  // Integer half-up rounding of |gross| × rate ÷ divisor; symmetric for negatives (reversals).
  const vat = Math.floor((2 * Math.abs(grossCents) * rateBp + divisor) / (2 * divisor));
  return sign * vat;
}

export interface VatInput {
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly rateBp: number;
  readonly scheme: VatScheme;
  /** What the goods cost the reseller; null when unknown. */
  readonly purchaseCents: number | null;
}

export interface SaleVat {
  /** The scheme actually applied (margin falls back to standard without a purchase cost). */
  readonly applied: VatScheme;
  /** The amount VAT was computed on for the goods: the price, or the margin. */
  readonly goodsBasisCents: number;
  readonly goodsVatCents: number;
  readonly shippingVatCents: number;
  readonly totalVatCents: number;
}

/** VAT of one sale line (all amounts positive; a reversal negates the result). */
export function saleVat(input: VatInput): SaleVat {
  const margin = input.scheme === 'margin' && input.purchaseCents !== null;
  const goodsBasisCents = margin ? Math.max(0, input.priceCents - input.purchaseCents!) : input.priceCents;
  const goodsVatCents = vatIncluded(goodsBasisCents, input.rateBp);
  const shippingVatCents = vatIncluded(input.shippingCents, input.rateBp);
  return {
    applied: margin ? 'margin' : 'standard',
    goodsBasisCents,
    goodsVatCents,
    shippingVatCents,
    totalVatCents: goodsVatCents + shippingVatCents,
  };
}
