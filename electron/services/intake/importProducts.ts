import { sql } from 'kysely';
import type { z } from 'zod';
import {
  PRODUCT_FIELDS,
  type ImportProductsInput,
  type ProductField,
  type ProductImportReport,
} from '../../../shared/contract/intake';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { equalsAnyCase } from '../db/dialect';
import { recordEvent } from '../events';
import type { Workspace } from '../workspace';
import { RowProblem, runImport, type RowCells } from './importRunner';
import { diffFields, fieldList, joinProblems, parseJsonList, uniqueNames } from './shared';
import { parseAmount, splitList, suggestProductMapping } from './values';
import { list, nested, say, type Message } from '../../../shared/messages';
import { gtinProblemText } from './gtin';

/**
 * Import of a merchant's product catalogue. A row creates the product its SKU names or updates
 * it with the row's non-empty cells (an empty cell never erases what the catalogue has), so a
 * catalogue can be imported again after changes, and importing the same file twice changes
 * nothing the second time. File rules as for return notices (docs/import-returns.md).
 */

const LIMITS: Readonly<Partial<Record<ProductField, number>>> = {
  sku: 64,
  brand: 120,
  model: 120,
  title: 300,
  description: 5000,
};

export async function importProducts(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ImportProductsInput>,
): Promise<ProductImportReport> {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name', 'currency'])
    .where('id', '=', input.merchantId)
    .executeTakeFirst();
  if (!merchant)
    throw new AppError('not_found', say('intake.merchant_not_found', { id: String(input.merchantId) }));

  const outcome = await runImport(
    ws,
    input.base64,
    {
      task: 'import',
      fields: PRODUCT_FIELDS,
      suggest: suggestProductMapping,
      mapping: input.mapping,
      checkColumns(mapped) {
        if (!mapped.has('sku')) {
          throw new AppError('bad_input', say('intake.csv.no_sku_column'), { missing: ['sku'] });
        }
      },
      async row(trx, cells: RowCells<ProductField>) {
        const problems: Message[] = [];
        const value = (field: ProductField): string | null => {
          const cell = cells[field] ?? '';
          if (cell === '') return null;
          const max = LIMITS[field];
          if (max !== undefined && [...cell].length > max) {
            problems.push(say('intake.row.too_long', { field, count: max }));
            return null;
          }
          return cell;
        };
        const sku = value('sku');
        if (sku === null && (cells.sku ?? '') === '') problems.push(say('intake.row.missing_sku'));
        const ean = (cells.ean ?? '').replaceAll(/\s/g, '') || null;
        if (ean !== null) {
          const problem = gtinProblemText(ean);
          if (problem) problems.push(problem);
        }
        let priceCents: number | null = null;
        if ((cells.original_price ?? '') !== '') {
          const price = parseAmount(cells.original_price!);
          if (price.ok) priceCents = price.value;
          else problems.push(say('intake.row.original_price', { reason: nested(price.text) }));
        }
        const currency = (cells.currency ?? '').toUpperCase();
        if (currency !== '' && currency !== merchant.currency) {
          problems.push(
            say('intake.row.currency', {
              currency,
              merchant: merchant.name,
              merchantCurrency: merchant.currency,
            }),
          );
        }
        const accessories =
          (cells.accessories ?? '') === '' ? null : uniqueNames(splitList(cells.accessories!));
        const given = {
          ean,
          brand: value('brand'),
          model: value('model'),
          title: value('title'),
          description: value('description'),
          originalCents: priceCents,
          accessories,
        };
        if (problems.length > 0) throw new RowProblem(joinProblems(problems));
        if (sku === null) throw new RowProblem(say('intake.row.missing_sku'));

        const existing =
          (await trx
            .selectFrom('products')
            .selectAll()
            .where('merchant_id', '=', merchant.id)
            .where('sku', '=', sku)
            .executeTakeFirst()) ??
          (await trx
            .selectFrom('products')
            .selectAll()
            .where('merchant_id', '=', merchant.id)
            .where(equalsAnyCase(trx, sql.ref('sku'), sku))
            .executeTakeFirst());
        const now = nowIso();
        if (!existing) {
          if (given.title === null || given.originalCents === null) {
            const lacking = [
              given.title === null ? 'title' : null,
              given.originalCents === null ? 'original_price' : null,
            ].filter((field) => field !== null);
            throw new RowProblem(say('intake.row.new_product_needs', { sku, fields: list(lacking) }));
          }
          const row = await trx
            .insertInto('products')
            .values({
              merchant_id: merchant.id,
              sku,
              ean: given.ean,
              brand: given.brand,
              model: given.model,
              title: given.title,
              description: given.description ?? '',
              ebay_category_id: null,
              original_cents: given.originalCents,
              accessories: JSON.stringify(given.accessories ?? []),
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordEvent(trx, actor, {
            merchantId: merchant.id,
            kind: 'product.created',
            text: say('intake.product_created_by_catalogue', { sku }),
            data: { productId: row.id, source: 'import', sku, ...given },
            at: now,
          });
          return 'created';
        }

        const before = {
          ean: existing.ean,
          brand: existing.brand,
          model: existing.model,
          title: existing.title,
          description: existing.description,
          originalCents: existing.original_cents,
          accessories: parseJsonList(existing.accessories),
        };
        const after = {
          ean: given.ean ?? before.ean,
          brand: given.brand ?? before.brand,
          model: given.model ?? before.model,
          title: given.title ?? before.title,
          description: given.description ?? before.description,
          originalCents: given.originalCents ?? before.originalCents,
          accessories: given.accessories ?? before.accessories,
        };
        const changes = diffFields(before, after);
        if (Object.keys(changes).length === 0) return 'unchanged';
        await trx
          .updateTable('products')
          .set({
            ean: after.ean,
            brand: after.brand,
            model: after.model,
            title: after.title,
            description: after.description,
            original_cents: after.originalCents,
            accessories: JSON.stringify(after.accessories),
            updated_at: now,
          })
          .where('id', '=', existing.id)
          .execute();
        await recordEvent(trx, actor, {
          merchantId: merchant.id,
          kind: 'product.updated',
          text: say('intake.product_changed_by_catalogue', {
            sku: existing.sku,
            fields: nested(fieldList('intake.field', Object.keys(changes))),
          }),
          data: { productId: existing.id, source: 'import', changes },
          at: now,
        });
        return 'updated';
      },
    },
    ['created', 'updated', 'unchanged'] as const,
  );

  const report: ProductImportReport = {
    encoding: outcome.encoding,
    separator: outcome.separator,
    rows: outcome.rows,
    created: outcome.counts.created,
    updated: outcome.counts.updated,
    unchanged: outcome.counts.unchanged,
    errors: outcome.errors,
  };
  await recordEvent(ws.kysely, actor, {
    merchantId: merchant.id,
    kind: 'import.products',
    text: say('intake.imported_catalogue', {
      merchant: merchant.name,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      refused: report.errors.length,
    }),
    data: { ...report, errors: report.errors.slice(0, 100) },
  });
  if (report.created > 0 || report.updated > 0) ws.changed('products', 'items');
  return report;
}
