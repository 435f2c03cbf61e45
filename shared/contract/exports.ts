import { z } from 'zod';
import { AccountCodes } from '../accounting/account-codes';
import { EXPORT_LOCALES } from '../accounting/csv';
import type { VatScheme } from '../accounting/vat';
import { isValidIsoDate } from '../domain/returnWindow';
import { Id, IsoDate } from './common';
import { method } from './define';
import { IsoMonth } from './sales';

/**
 * The bookkeeper's month end: sales exports (CSV, XLSX, accounting journal), the account codes
 * the journal uses, monthly merchant statements (PDF) and the recovery reports.
 *
 * Exports are written by the main side into the data folder's `exports/` folder: the renderer
 * never names a path on disk, it gets back where the file went.
 */

const Day = IsoDate.refine(isValidIsoDate, 'not a real calendar date');

/** An inclusive range of calendar days (UTC, as sales are stamped). */
const Period = {
  from: Day,
  to: Day,
};
const fromBeforeTo = (p: { from?: string | undefined; to?: string | undefined }) =>
  p.from === undefined || p.to === undefined || p.from <= p.to;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'journal'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportSalesInput = z
  .object({
    ...Period,
    format: z.enum(EXPORT_FORMATS),
    merchantId: Id.optional(),
    /** Language of the headers; for CSV also the separator and decimal mark. */
    locale: z.enum(EXPORT_LOCALES).default('en'),
  })
  .strict()
  .refine(fromBeforeTo, { message: '“from” must not be after “to”', path: ['to'] });

export interface ExportResult {
  /** Absolute path of the written file. */
  readonly file: string;
  readonly fileName: string;
  readonly format: ExportFormat;
  /** Sales rows exported (sales, cancellations and refunds). */
  readonly rows: number;
  /** Journal lines written (journal only; equals `rows` otherwise). */
  readonly lines: number;
  readonly bytes: number;
}

/** An export as a window gets it: the browser mode downloads it once, by this id, in this session. */
export interface ExportDownload extends ExportResult {
  readonly downloadId: string | null;
}

export const StatementInput = z.object({ merchantId: Id, month: IsoMonth }).strict();

export interface StatementLine {
  readonly saleId: number;
  readonly kind: 'sale' | 'cancellation' | 'refund';
  readonly reference: string;
  readonly title: string;
  /** YYYY-MM-DD */
  readonly soldOn: string;
  readonly channel: string;
  /** Signed as it counts: reversals negative. */
  readonly priceCents: number;
  readonly feesCents: number;
  readonly originalCents: number;
  /** The VAT scheme the sale was taxed under (margin only with a purchase cost on record). */
  readonly vatScheme: VatScheme;
}

export interface StatementTotals {
  readonly itemsSold: number;
  readonly grossCents: number;
  readonly channelFeesCents: number;
  /** The service fee as charged, VAT included (what the payout is reduced by). */
  readonly serviceFeeCents: number;
  /** serviceFeeCents without its VAT. */
  readonly serviceFeeNetCents: number;
  readonly serviceFeeVatCents: number;
  /** The rate of the fee's VAT (standard scheme: the fee is a service), basis points. */
  readonly serviceFeeVatRateBp: number;
  readonly netPayoutCents: number;
  /** The month's resale rate that chose the fee tier, basis points; null when nothing sold. */
  readonly resaleRateBp: number | null;
  readonly serviceShareBp: number;
  readonly servicePerItemCents: number;
}

export interface Statement {
  readonly merchantId: number;
  readonly merchantName: string;
  readonly merchantAddress: string;
  readonly currency: string;
  readonly month: string;
  readonly lines: readonly StatementLine[];
  readonly totals: StatementTotals;
}

export interface StatementPdfResult extends Statement {
  readonly file: string;
  readonly fileName: string;
  readonly pages: number;
  readonly bytes: number;
}

/** The statement as `statements.pdf` answers it: the file, and its bytes for the window to open. */
export interface StatementPdfDownload extends StatementPdfResult {
  readonly base64: string;
  readonly downloadId: string | null;
}

export const ReportRangeInput = z
  .object({ merchantId: Id.optional(), from: Day.optional(), to: Day.optional() })
  .strict()
  .refine(fromBeforeTo, { message: '“from” must not be after “to”', path: ['to'] });

/** Recovery of one group (a grade, a SKU, a channel, a merchant), in one currency. */
export interface RecoveryGroup {
  readonly key: string;
  readonly label: string;
  readonly currency: string;
  readonly sold: number;
  readonly priceCents: number;
  readonly originalCents: number;
  readonly feesCents: number;
  /** Σ sale price ÷ Σ original price (0–1); null when no original price is known. */
  readonly recoveryRate: number | null;
  /** Σ (sale price − channel fees) ÷ Σ original price; null likewise. */
  readonly netRecoveryRate: number | null;
}

export interface RecoveryReport {
  readonly overall: readonly RecoveryGroup[];
  readonly byGrade: readonly RecoveryGroup[];
  readonly bySku: readonly RecoveryGroup[];
  readonly byChannel: readonly RecoveryGroup[];
  readonly byMerchant: readonly RecoveryGroup[];
}

export interface MonthlyFigures {
  readonly month: string;
  readonly currency: string;
  /** Sales minus cancellations and refunds. */
  readonly itemsSold: number;
  readonly reversals: number;
  /** Signed sums: reversals count against them. */
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly feesCents: number;
  readonly vatCents: number;
  /** price + shipping − fees: what the channels pay out. */
  readonly netCents: number;
}

export interface SkuFigures {
  readonly merchantName: string;
  readonly sku: string;
  readonly title: string;
  readonly currency: string;
  readonly returned: number;
  readonly sold: number;
  /** The merchant's own units sold of the SKU, when known (migration 0060). */
  readonly unitsSold: number | null;
  /** returned ÷ unitsSold; null when units sold are unknown. */
  readonly returnRate: number | null;
  readonly priceCents: number;
  readonly originalCents: number;
  readonly recoveryRate: number | null;
  /** Worth a look: return rate above 10 % or recovery under half the original price. */
  readonly flagged: boolean;
}

export const exportsContract = {
  'exports.sales': method<ExportDownload>()(ExportSalesInput),
  'exports.accounts': method<AccountCodes>()(z.object({}).strict()),
  'exports.setAccounts': method<AccountCodes>()(AccountCodes, { writes: true }),
  'statements.get': method<Statement>()(StatementInput),
  'statements.pdf': method<StatementPdfDownload>()(StatementInput),
} as const;
