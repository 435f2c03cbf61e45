import { z } from 'zod';
import { saleVat, type VatScheme } from './vat';

/**
 * The accounting journal: each sale (or its reversal) becomes one balanced double-entry, so an
 * accounting program can import the file without a suspense account.
 *
 * For a sale of gross G = price + shipping with channel fees F and VAT V (split goods/shipping):
 *
 *   Dr receivable         G      what the channel owes for the order
 *   Cr revenue            price − goods VAT
 *   Cr shipping revenue   shipping − shipping VAT
 *   Cr VAT payable        V
 *   Dr channel fees       F      the channel keeps its fee…
 *   Cr receivable         F      …out of what it pays out
 *
 * A cancellation or refund is the same entry with debit and credit swapped, computed from its own
 * amounts, so the journal of a sale and its full refund nets to zero on every account.
 */

const AccountCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'an account code is letters, digits, spaces, dots, dashes');

export const AccountCodes = z
  .object({
    /** Receivable from the channel (or the bank, when the channel pays at once). */
    receivable: AccountCode,
    revenue: AccountCode,
    shippingRevenue: AccountCode,
    vatPayable: AccountCode,
    channelFees: AccountCode,
  })
  .strict();
export type AccountCodes = z.output<typeof AccountCodes>;

/** Defaults close to common small-business charts; every bookkeeper can change them. */
export const DEFAULT_ACCOUNTS: AccountCodes = {
  receivable: '1210',
  revenue: '4000',
  shippingRevenue: '4010',
  vatPayable: '2200',
  channelFees: '6100',
};

export interface JournalSale {
  readonly saleId: number;
  readonly kind: 'sale' | 'cancellation' | 'refund';
  /** YYYY-MM-DD */
  readonly date: string;
  readonly reference: string;
  readonly orderId: string;
  readonly channel: string;
  readonly currency: string;
  /** Amounts as written on the row; their sign is ignored, the kind decides the direction. */
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly feesCents: number;
  readonly vatRateBp: number;
  readonly vatScheme: VatScheme;
  readonly purchaseCents: number | null;
}

export interface JournalLine {
  readonly date: string;
  readonly account: string;
  readonly description: string;
  /** Non-negative; exactly one of debit and credit is non-zero. */
  readonly debitCents: number;
  readonly creditCents: number;
  readonly vatRateBp: number;
  readonly vatCents: number;
  /** The entry's reference: one per sale row, shared by its lines. */
  readonly reference: string;
  readonly currency: string;
}

const KIND_WORD: Readonly<Record<JournalSale['kind'], string>> = {
  sale: 'Sale',
  cancellation: 'Cancellation',
  refund: 'Refund',
};

export function journalLines(sale: JournalSale, accounts: AccountCodes): JournalLine[] {
  const price = Math.abs(sale.priceCents);
  const shipping = Math.abs(sale.shippingCents);
  const fees = Math.abs(sale.feesCents);
  const vat = saleVat({
    priceCents: price,
    shippingCents: shipping,
    rateBp: sale.vatRateBp,
    scheme: sale.vatScheme,
    purchaseCents: sale.purchaseCents,
  });
  const reverse = sale.kind !== 'sale';
  const entryRef = `S${sale.saleId}`;
  const what = `${KIND_WORD[sale.kind]} ${sale.reference} (${sale.channel} order ${sale.orderId})`;
  const lines: JournalLine[] = [];
  const add = (
    account: string,
    side: 'debit' | 'credit',
    cents: number,
    label: string,
    vatRateBp = 0,
    vatCents = 0,
  ) => {
    if (cents === 0 && vatCents === 0) return;
    // A reversal mirrors the sale: what was debited is credited.
    const debit = (side === 'debit') !== reverse;
    lines.push({
      date: sale.date,
      account,
      description: `${what}: ${label}`,
      debitCents: debit ? cents : 0,
      creditCents: debit ? 0 : cents,
      vatRateBp,
      vatCents,
      reference: entryRef,
      currency: sale.currency,
    });
  };
  add(accounts.receivable, 'debit', price + shipping, 'amount due from the channel');
  add(
    accounts.revenue,
    'credit',
    price - vat.goodsVatCents,
    vat.applied === 'margin' ? 'goods, margin scheme' : 'goods',
    sale.vatRateBp,
    vat.goodsVatCents,
  );
  add(
    accounts.shippingRevenue,
    'credit',
    shipping - vat.shippingVatCents,
    'shipping',
    sale.vatRateBp,
    vat.shippingVatCents,
  );
  add(accounts.vatPayable, 'credit', vat.totalVatCents, 'VAT');
  add(accounts.channelFees, 'debit', fees, 'channel fees');
  add(accounts.receivable, 'credit', fees, 'channel fees withheld');
  return lines;
}

/** Debits minus credits: zero for a balanced entry. */
export function imbalance(lines: readonly JournalLine[]): number {
  return lines.reduce((sum, line) => sum + line.debitCents - line.creditCents, 0);
}
