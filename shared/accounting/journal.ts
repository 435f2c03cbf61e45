import type { Language } from '../domain/status';
import type { AccountCodes } from './account-codes';
import { saleVat, type VatScheme } from './vat';
import { VAT_SCHEME_NAMES, channelName, saleKindName } from './words';

export { AccountCodes } from './account-codes';

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

/** The labels of an entry's lines, in the journal's language. */
interface JournalWords {
  /** What the entry is about: "Sale RB-1 (ebay order PM-1)". */
  readonly entry: (sale: JournalSale) => string;
  /** Between the entry and the line's label. */
  readonly colon: string;
  readonly receivable: string;
  readonly goods: string;
  readonly goodsMargin: string;
  readonly shipping: string;
  readonly vat: string;
  readonly fees: string;
  readonly feesWithheld: string;
}

/*
 * English keeps the words (and the channel code) of the files made before the journal was
 * translated, which existing import mappings may match on. French and German name the channel,
 * and put a no-break space (U+00A0) before the French colon: the narrow one the screens use
 * (U+202F) is missing from the Windows-1252 code page older accounting imports convert to.
 */
const ENGLISH_KIND: Readonly<Record<JournalSale['kind'], string>> = {
  sale: 'Sale',
  cancellation: 'Cancellation',
  refund: 'Refund',
};

const JOURNAL_WORDS: Readonly<Record<Language, JournalWords>> = {
  en: {
    entry: (s) => `${ENGLISH_KIND[s.kind]} ${s.reference} (${s.channel} order ${s.orderId})`,
    colon: ': ',
    receivable: 'amount due from the channel',
    goods: 'goods',
    goodsMargin: 'goods, margin scheme',
    shipping: 'shipping',
    vat: 'VAT',
    fees: 'channel fees',
    feesWithheld: 'channel fees withheld',
  },
  fr: {
    entry: (s) =>
      `${saleKindName(s.kind, 'fr')} ${s.reference} (${channelName(s.channel, 'fr')}, commande ${s.orderId})`,
    colon: '\u00a0: ',
    receivable: 'montant dû par le canal',
    goods: 'marchandises',
    goodsMargin: `marchandises, ${VAT_SCHEME_NAMES.fr.margin}`,
    shipping: 'frais de port',
    vat: 'TVA collectée',
    fees: 'frais du canal',
    feesWithheld: 'frais retenus par le canal',
  },
  de: {
    entry: (s) =>
      `${saleKindName(s.kind, 'de')} ${s.reference} (${channelName(s.channel, 'de')}, Bestellung ${s.orderId})`,
    colon: ': ',
    receivable: 'Forderung gegen den Kanal',
    goods: 'Waren',
    goodsMargin: `Waren, ${VAT_SCHEME_NAMES.de.margin}`,
    shipping: 'Versand',
    vat: 'Umsatzsteuer',
    fees: 'Kanalgebühren',
    feesWithheld: 'vom Kanal einbehaltene Gebühren',
  },
};

export function journalLines(
  sale: JournalSale,
  accounts: AccountCodes,
  /** The language of the lines' descriptions. */
  language: Language = 'en',
): JournalLine[] {
  const words = JOURNAL_WORDS[language];
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
  const what = words.entry(sale);
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
      description: `${what}${words.colon}${label}`,
      debitCents: debit ? cents : 0,
      creditCents: debit ? 0 : cents,
      vatRateBp,
      vatCents,
      reference: entryRef,
      currency: sale.currency,
    });
  };
  add(accounts.receivable, 'debit', price + shipping, words.receivable);
  add(
    accounts.revenue,
    'credit',
    price - vat.goodsVatCents,
    vat.applied === 'margin' ? words.goodsMargin : words.goods,
    sale.vatRateBp,
    vat.goodsVatCents,
  );
  add(
    accounts.shippingRevenue,
    'credit',
    shipping - vat.shippingVatCents,
    words.shipping,
    sale.vatRateBp,
    vat.shippingVatCents,
  );
  add(accounts.vatPayable, 'credit', vat.totalVatCents, words.vat);
  add(accounts.channelFees, 'debit', fees, words.fees);
  add(accounts.receivable, 'credit', fees, words.feesWithheld);
  return lines;
}

/** Debits minus credits: zero for a balanced entry. */
export function imbalance(lines: readonly JournalLine[]): number {
  return lines.reduce((sum, line) => sum + line.debitCents - line.creditCents, 0);
}
