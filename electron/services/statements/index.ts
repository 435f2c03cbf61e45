import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import { parseFeeSchedule, serviceFee, type FeeSchedule } from '../../../shared/accounting/fees';
import type {
  Statement,
  StatementInput,
  StatementLine,
  StatementPdfResult,
} from '../../../shared/contract/exports';
import type { Language } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';
import type { Workspace } from '../workspace';
import { exportsDir } from '../exports';
import { makePrivateDirAsync } from '../paths';
import { statementPdf } from './pdf';

/**
 * The monthly statement a returns service sends each merchant: what sold (and what was
 * cancelled or refunded) in the month, the channels' fees, the service's own fee from the
 * merchant's fee schedule, and the payout.
 *
 * Gross is the sale prices net of reversals. Shipping charged to buyers is not part of it: it
 * pays the postage the service itself buys, so it is neither the merchant's revenue nor the
 * basis of the service's share.
 */

type Input = z.output<typeof StatementInput>;

function monthBounds(month: string): { from: string; to: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

export async function getStatement(ws: Workspace, input: Input): Promise<Statement & { language: Language }> {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name', 'address', 'currency', 'language', 'fee_schedule'])
    .where('id', '=', input.merchantId)
    .executeTakeFirst();
  if (!merchant)
    throw new AppError('not_found', say('exports.no_merchant', { id: String(input.merchantId) }));
  let schedule: FeeSchedule;
  try {
    schedule = parseFeeSchedule(merchant.fee_schedule);
  } catch (error) {
    throw new AppError(
      'conflict',
      say('exports.fee_schedule_invalid', { merchant: merchant.name, detail: (error as Error).message }),
    );
  }
  const { from, to } = monthBounds(input.month);
  const rows = await ws.kysely
    .selectFrom('sales')
    .innerJoin('items', 'items.id', 'sales.item_id')
    .innerJoin('products', 'products.id', 'items.product_id')
    // A reversal is taxed like the sale it reverses, as in the exports (exports/rows.ts).
    .leftJoin('sales as original', 'original.id', 'sales.reverses_sale_id')
    .where('sales.merchant_id', '=', merchant.id)
    .where('sales.sold_at', '>=', from)
    .where('sales.sold_at', '<', to)
    .select([
      'sales.id',
      'sales.kind',
      'sales.sold_at',
      'sales.channel',
      'sales.currency',
      'sales.price_cents',
      'sales.fees_cents',
      'items.reference',
      'products.title',
      'products.original_cents',
      'items.purchase_cents',
      sql<string>`coalesce(original.vat_scheme, sales.vat_scheme)`.as('vat_scheme'),
    ])
    .orderBy('sales.sold_at')
    .orderBy('sales.id')
    .execute();

  const foreign = rows.find((r) => r.currency !== merchant.currency);
  if (foreign)
    throw new AppError(
      'unsupported',
      say('exports.one_currency', {
        merchant: merchant.name,
        currency: merchant.currency,
        sale: String(foreign.id),
        saleCurrency: foreign.currency,
      }),
    );

  const lines = rows.map((r): StatementLine => {
    const sign = r.kind === 'sale' ? 1 : -1;
    return {
      saleId: r.id,
      kind: r.kind,
      reference: r.reference,
      title: r.title,
      soldOn: r.sold_at.slice(0, 10),
      channel: r.channel,
      priceCents: sign * Math.abs(r.price_cents),
      feesCents: sign * Math.abs(r.fees_cents),
      originalCents: sign * r.original_cents,
      // The margin scheme needs the purchase cost on record; without it the sale was taxed under
      // the standard scheme (shared/accounting/vat.ts), and the statement says so.
      vatScheme: r.vat_scheme === 'margin' && r.purchase_cents !== null ? 'margin' : 'standard',
    };
  });
  const sum = (pick: (l: StatementLine) => number) => lines.reduce((a, l) => a + pick(l), 0);
  const itemsSold = sum((l) => (l.kind === 'sale' ? 1 : -1));
  const grossCents = sum((l) => l.priceCents);
  const channelFeesCents = sum((l) => l.feesCents);
  const fee = serviceFee(schedule, {
    priceCents: grossCents,
    originalCents: sum((l) => l.originalCents),
    itemsSold,
  });
  return {
    merchantId: merchant.id,
    merchantName: merchant.name,
    merchantAddress: merchant.address,
    currency: merchant.currency,
    language: merchant.language,
    month: input.month,
    lines,
    totals: {
      itemsSold,
      grossCents,
      channelFeesCents,
      serviceFeeCents: fee.grossCents,
      serviceFeeNetCents: fee.totalCents,
      serviceFeeVatCents: fee.vatCents,
      serviceFeeVatRateBp: fee.vatRateBp,
      netPayoutCents: grossCents - channelFeesCents - fee.grossCents,
      resaleRateBp: fee.resaleRateBp,
      serviceShareBp: fee.shareBp,
      servicePerItemCents: fee.perItemCents,
    },
  };
}

/** Writes the statement PDF (to exports/ unless `file` is given) and returns where it went. */
export async function writeStatementPdf(
  ws: Workspace,
  input: Input,
  options: { readonly file?: string; readonly now?: Date } = {},
): Promise<StatementPdfResult> {
  const statement = await getStatement(ws, input);
  const { bytes, pages } = await statementPdf(statement, options.now ?? new Date());
  const safeName = statement.merchantName.replaceAll(/[^\p{L}\p{N}]+/gu, '-').replaceAll(/^-|-$/g, '');
  const file = path.resolve(
    options.file ??
      path.join(exportsDir(ws), `statement-${safeName || statement.merchantId}-${input.month}.pdf`),
  );
  // The data folder's exports/ is owner-only like the rest of it; a folder named with --out is the user's.
  if (options.file) await fs.promises.mkdir(path.dirname(file), { recursive: true });
  else await makePrivateDirAsync(path.dirname(file));
  await fs.promises.writeFile(`${file}.part`, bytes);
  await fs.promises.rename(`${file}.part`, file);
  const { language: _language, ...plain } = statement;
  return { ...plain, file, fileName: path.basename(file), pages, bytes: bytes.length };
}
