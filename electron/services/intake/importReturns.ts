import { sql, type ControlledTransaction } from 'kysely';
import type { z } from 'zod';
import {
  RETURN_FIELDS,
  type ImportPreview,
  type ImportReport,
  type ImportReturnsInput,
  type PreviewImportInput,
  type ReturnField,
} from '../../../shared/contract/intake';
import { gtinVariants } from '../../../shared/domain/ean';
import type { ReturnReason } from '../../../shared/domain/grades';
import { checkReturnWindow, localIsoDate } from '../../../shared/domain/returnWindow';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { equalsAnyCase } from '../db/dialect';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import type { Workspace } from '../workspace';
import { previewFile, RowProblem, runImport, type RowCells } from './importRunner';
import { findNoticeItem, formatReference, insertItem, maxReferenceNumber } from './receive';
import {
  parseAmount,
  parseDate,
  parseReturnReason,
  suggestProductMapping,
  suggestReturnMapping,
} from './values';
import { list, nested, say, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import { gtinProblemText } from './gtin';
import { andList, joinProblems } from './shared';

/**
 * Import of return notices: one row per returned unit, from the merchant's shop or returns
 * portal. Rules (columns, encodings, separators, numbers, dates, idempotency) are written for
 * people in docs/import-returns.md; keep the two in step.
 */

interface MerchantInfo {
  readonly id: number;
  readonly name: string;
  readonly currency: string;
  readonly windowDays: number;
}

const MAX_TEXT = { order: 100, sku: 64, title: 300, brand: 120, model: 120 } as const;

export async function previewImport(input: z.output<typeof PreviewImportInput>): Promise<ImportPreview> {
  if (input.kind === 'products') {
    return previewFile(input, suggestProductMapping, (mapped) =>
      (['sku', 'title', 'original_price'] as const).filter((f) => !mapped.has(f)),
    );
  }
  return previewFile(input, suggestReturnMapping, (mapped) => {
    const missing: ReturnField[] = [];
    if (!mapped.has('order_reference')) missing.push('order_reference');
    if (!mapped.has('sku') && !mapped.has('ean')) missing.push('sku');
    return missing;
  });
}

/** Text of a cell, refused when longer than the column allows (never silently cut). */
function text(
  cells: RowCells<ReturnField>,
  field: ReturnField,
  max: number,
  problems: Message[],
): string | null {
  const value = cells[field] ?? '';
  if (value === '') return null;
  if ([...value].length > max) {
    problems.push(say('intake.row.too_long', { field, count: max }));
    return null;
  }
  return value;
}

export async function importReturns(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ImportReturnsInput>,
): Promise<ImportReport> {
  const merchants = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name', 'currency', 'return_window_days'])
    .execute();
  const byName = new Map<string, MerchantInfo>(
    merchants.map((m) => [
      m.name.toLocaleLowerCase('en'),
      { id: m.id, name: m.name, currency: m.currency, windowDays: m.return_window_days },
    ]),
  );
  const chosen = input.merchantId === undefined ? null : merchants.find((m) => m.id === input.merchantId);
  if (input.merchantId !== undefined && !chosen) {
    throw new AppError('not_found', say('intake.merchant_not_found', { id: String(input.merchantId) }));
  }
  const fixed: MerchantInfo | null = chosen
    ? { id: chosen.id, name: chosen.name, currency: chosen.currency, windowDays: chosen.return_window_days }
    : null;
  const today = localIsoDate();
  let nextReference = 0;
  let productsCreated = 0;

  const outcome = await runImport(
    ws,
    input.base64,
    {
      task: 'import',
      fields: RETURN_FIELDS,
      suggest: suggestReturnMapping,
      mapping: input.mapping,
      checkColumns(mapped) {
        const missing: ('order_reference' | 'sku' | 'merchant')[] = [];
        if (!mapped.has('order_reference')) missing.push('order_reference');
        if (!mapped.has('sku') && !mapped.has('ean')) missing.push('sku');
        if (!fixed && !mapped.has('merchant')) missing.push('merchant');
        if (missing.length > 0) {
          const columns = missing.map((column) => say(`intake.csv.column.${column}`));
          throw new AppError(
            'bad_input',
            say('intake.csv.missing_columns', { columns: nested(andList(columns)) }),
            { missing: columns.map(englishText) },
          );
        }
      },
      async beginBatch(trx) {
        nextReference = (await maxReferenceNumber(trx)) + 1;
      },
      async row(trx, cells) {
        const problems: Message[] = [];

        // Merchant: the one chosen for the file, or the row's by name.
        const merchantName = cells.merchant ?? '';
        let merchant: MerchantInfo | null = fixed;
        if (fixed) {
          if (
            merchantName !== '' &&
            merchantName.toLocaleLowerCase('en') !== fixed.name.toLocaleLowerCase('en')
          ) {
            problems.push(say('intake.row.other_merchant', { row: merchantName, merchant: fixed.name }));
          }
        } else if (merchantName === '') {
          problems.push(say('intake.row.missing_merchant'));
        } else {
          merchant = byName.get(merchantName.toLocaleLowerCase('en')) ?? null;
          if (!merchant) problems.push(say('intake.row.unknown_merchant', { name: merchantName }));
        }

        const orderReference = text(cells, 'order_reference', MAX_TEXT.order, problems);
        if (orderReference === null && (cells.order_reference ?? '') === '') {
          problems.push(say('intake.row.missing_order'));
        }
        let orderLine: number | null = null;
        const lineText = cells.order_line ?? '';
        if (lineText !== '') {
          if (/^\d{1,6}$/.test(lineText) && Number(lineText) >= 1) orderLine = Number(lineText);
          else problems.push(say('intake.row.bad_order_line', { line: lineText }));
        }

        const sku = text(cells, 'sku', MAX_TEXT.sku, problems);
        let ean: string | null = (cells.ean ?? '').replaceAll(/\s/g, '') || null;
        if (ean !== null) {
          const problem = gtinProblemText(ean);
          if (problem) {
            problems.push(/e\+?\d/i.test(ean) ? say('intake.row.ean_as_number', { ean }) : problem);
            ean = null;
          }
        }
        if (sku === null && ean === null && (cells.sku ?? '') === '')
          problems.push(say('intake.row.missing_sku'));
        const title = text(cells, 'title', MAX_TEXT.title, problems);
        const brand = text(cells, 'brand', MAX_TEXT.brand, problems);
        const model = text(cells, 'model', MAX_TEXT.model, problems);

        let priceCents: number | null = null;
        if ((cells.original_price ?? '') !== '') {
          const price = parseAmount(cells.original_price!);
          if (price.ok) priceCents = price.value;
          else problems.push(say('intake.row.original_price', { reason: nested(price.text) }));
        }
        const currency = (cells.currency ?? '').toUpperCase();
        if (currency !== '' && merchant && currency !== merchant.currency) {
          problems.push(
            say('intake.row.currency', {
              currency,
              merchant: merchant.name,
              merchantCurrency: merchant.currency,
            }),
          );
        }

        let returnReason: ReturnReason | null = null;
        let returnNote = '';
        if ((cells.return_reason ?? '') !== '') {
          const parsed = parseReturnReason(cells.return_reason!);
          returnReason = parsed.reason;
          returnNote = parsed.note.slice(0, 1000);
        }
        const dates: Record<'delivered_at' | 'received_at', string | null> = {
          delivered_at: null,
          received_at: null,
        };
        for (const field of ['delivered_at', 'received_at'] as const) {
          const value = cells[field] ?? '';
          if (value === '') continue;
          const parsed = parseDate(value);
          if (parsed.ok) dates[field] = parsed.value;
          else problems.push(say('intake.row.date', { field, reason: nested(parsed.text) }));
        }
        // A notice without an arrival date is taken as arriving the day it is imported.
        const receivedAt = dates.received_at ?? today;
        if (dates.delivered_at !== null && dates.delivered_at > receivedAt) {
          problems.push(
            dates.received_at === null
              ? say('intake.row.delivered_in_future', { delivered: dates.delivered_at })
              : say('intake.row.received_before_delivered', {
                  received: receivedAt,
                  delivered: dates.delivered_at,
                }),
          );
        }
        if (problems.length > 0 || merchant === null || orderReference === null) {
          throw new RowProblem(joinProblems(problems));
        }

        const product = await findOrCreateProduct(trx, actor, merchant, {
          sku,
          ean,
          title,
          brand,
          model,
          priceCents,
        });
        const existing = await findNoticeItem(trx, {
          merchantId: merchant.id,
          orderReference,
          productId: product.id,
          orderLine,
        });
        if (existing) return 'skipped';
        const reference = formatReference(nextReference);
        await insertItem(
          trx,
          actor,
          {
            reference,
            merchantId: merchant.id,
            productId: product.id,
            sku: product.sku,
            orderReference,
            orderLine,
            returnReason,
            returnNote,
            deliveredAt: dates.delivered_at,
            receivedAt,
            window: checkReturnWindow({
              deliveredAt: dates.delivered_at,
              receivedAt,
              merchantWindowDays: merchant.windowDays,
            }),
          },
          'import',
          nowIso(),
        );
        nextReference++;
        // Counted only now: a row that fails after creating its product rolls the product back.
        if (product.created) productsCreated++;
        return 'imported';
      },
    },
    ['imported', 'skipped'] as const,
  );

  const report: ImportReport = {
    encoding: outcome.encoding,
    separator: outcome.separator,
    rows: outcome.rows,
    imported: outcome.counts.imported,
    skipped: outcome.counts.skipped,
    productsCreated,
    errors: outcome.errors,
  };
  await recordEvent(ws.kysely, actor, {
    merchantId: fixed?.id ?? null,
    kind: 'import.returns',
    text: say('intake.imported_returns', {
      imported: report.imported,
      skipped: report.skipped,
      refused: report.errors.length,
    }),
    data: { ...report, errors: report.errors.slice(0, 100) },
  });
  if (report.imported > 0 || productsCreated > 0) ws.changed('items', 'products');
  return report;
}

interface ProductFacts {
  readonly sku: string | null;
  readonly ean: string | null;
  readonly title: string | null;
  readonly brand: string | null;
  readonly model: string | null;
  readonly priceCents: number | null;
}

/**
 * The catalogue product a row refers to: by SKU (exactly, then ignoring case), or by EAN when the
 * row has no SKU. An unknown SKU becomes a new product when the row says what it is (title and
 * original price); the catalogue wins over the row for products it already has.
 */
async function findOrCreateProduct(
  trx: ControlledTransaction<Database>,
  actor: Actor,
  merchant: MerchantInfo,
  facts: ProductFacts,
): Promise<{ id: number; sku: string; created: boolean }> {
  const base = trx.selectFrom('products').select(['id', 'sku']).where('merchant_id', '=', merchant.id);
  if (facts.sku !== null) {
    const found =
      (await base.where('sku', '=', facts.sku).executeTakeFirst()) ??
      (await base.where(equalsAnyCase(trx, sql.ref('sku'), facts.sku)).executeTakeFirst());
    if (found) return { ...found, created: false };
  } else if (facts.ean !== null) {
    const found = await base.where('ean', 'in', gtinVariants(facts.ean)).limit(2).execute();
    if (found.length === 1) return { ...found[0]!, created: false };
    if (found.length > 1) {
      throw new RowProblem(say('intake.row.ean_ambiguous', { ean: facts.ean, merchant: merchant.name }));
    }
    throw new RowProblem(say('intake.row.ean_unknown', { ean: facts.ean, merchant: merchant.name }));
  }
  const sku = facts.sku!;
  if (facts.title === null || facts.priceCents === null) {
    const lacking = [
      facts.title === null ? 'title' : null,
      facts.priceCents === null ? 'original_price' : null,
    ].filter((field) => field !== null);
    throw new RowProblem(
      say('intake.row.unknown_sku', { sku, merchant: merchant.name, fields: list(lacking) }),
    );
  }
  const now = nowIso();
  const row = await trx
    .insertInto('products')
    .values({
      merchant_id: merchant.id,
      sku,
      ean: facts.ean,
      brand: facts.brand,
      model: facts.model,
      title: facts.title,
      description: '',
      ebay_category_id: null,
      original_cents: facts.priceCents,
      accessories: '[]',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(trx, actor, {
    merchantId: merchant.id,
    kind: 'product.created',
    text: say('intake.product_created_by_notice', { sku }),
    data: {
      productId: row.id,
      source: 'import',
      sku,
      ean: facts.ean,
      brand: facts.brand,
      model: facts.model,
      title: facts.title,
      originalCents: facts.priceCents,
    },
    at: now,
  });
  return { id: row.id, sku, created: true };
}
