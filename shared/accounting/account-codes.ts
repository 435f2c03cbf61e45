import { z } from 'zod';

/**
 * The accounts the journal posts to, as the bookkeeper sets them. Apart from the journal itself
 * (journal.ts), which draws its lines with the translated words, so that the contract, and with
 * it every command's start, does not load the translations.
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
