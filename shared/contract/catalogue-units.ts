import { z } from 'zod';
import { Id } from './common';
import type { ImportEncoding, ImportRowError, ImportSeparator } from './intake';

/**
 * The merchant's own units sold per SKU (a two-column CSV, `sku;units_sold`), which turns the
 * per-SKU count of returns into a return rate; and the month-by-month selling figures of the
 * Reports screen (days from intake to sale, sell-through).
 */

/** About 10 MB of CSV: a merchant's whole catalogue is a few thousand lines. */
const MAX_CHARS = 14_000_000;

export const ImportUnitsSoldInput = z
  .object({
    merchantId: Id,
    /** The file's bytes: the encoding (UTF-8 with or without BOM, Windows-1252, UTF-16) is detected. */
    base64: z
      .string()
      .max(MAX_CHARS)
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'expected base64')
      .optional(),
    /** Or the file as text already decoded. */
    text: z.string().max(MAX_CHARS).optional(),
  })
  .strict()
  .refine((input) => (input.base64 === undefined) !== (input.text === undefined), {
    message: 'give the file either as base64 or as text',
  });

export interface UnknownSku {
  readonly line: number;
  readonly sku: string;
}

export interface UnitsSoldImportReport {
  readonly encoding: ImportEncoding;
  readonly separator: ImportSeparator;
  /** Data rows read (blank rows and the header not counted). */
  readonly rows: number;
  /** True when the catalogue was changed: a file with any refused row changes nothing. */
  readonly applied: boolean;
  /** Products whose units sold changed (or would have, when not applied). */
  readonly updated: number;
  readonly unchanged: number;
  /** SKUs of the file that the merchant's catalogue does not have: listed, not imported. */
  readonly unknownSkus: readonly UnknownSku[];
  /** Refused rows, by physical line (the header is line 1). */
  readonly errors: readonly ImportRowError[];
}

/** One calendar month of selling. */
export interface PeriodSelling {
  /** YYYY-MM */
  readonly month: string;
  /** Items that were available to sell at some time in the month (see reports.selling). */
  readonly available: number;
  /** Items sold in the month (first sale that nothing reversed). */
  readonly sold: number;
  /** sold ÷ available (0–1); null when nothing was available. */
  readonly sellThrough: number | null;
  /** Mean days from the return's arrival to the sale, over the month's sold items; null when none. */
  readonly meanDaysToSell: number | null;
  readonly medianDaysToSell: number | null;
}
