import { sql } from 'kysely';
import type { z } from 'zod';
import type { ScanInput, ScanLooksLike, ScanResult, ScannedItem } from '../../../shared/contract/intake';
import { gtinCheckDigit, gtinVariants, isValidGtin, looksLikeGtin } from '../../../shared/domain/ean';
import type { Workspace } from '../workspace';
import { productQuery, toProduct } from './products';
import { normalizeReference } from './receive';
import { equalsAnyCase, itemSearchOrderReferenceHas } from '../db/dialect';
import type { Queryable } from '../db/queryable';
import { say, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';

/**
 * Scanners may prefix what they read with an AIM symbology identifier ("]C1" for GS1-128,
 * "]E0" for EAN-13, "]Q1" for QR) and end it with control characters; neither is part of the code.
 */
export function cleanScan(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replaceAll(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .replace(/^\][A-Za-z][0-9A-Za-z]/, '')
      .trim()
  );
}

/** A guess at what unknown text is, so the UI can offer the right next step. */
export function guessKind(text: string): { looksLike: ScanLooksLike; hint: string; hintText: Message } {
  if (/^RB[-\s_]?\d+$/i.test(text)) {
    return hinted(
      'reference',
      say('intake.scan.no_reference', { reference: normalizeReference(text) ?? text }),
    );
  }
  if (isValidGtin(text)) return hinted('ean', say('intake.scan.no_ean'));
  if (looksLikeGtin(text)) {
    // Eight to fourteen digits with a wrong check digit: an order number, or a misread EAN.
    return hinted(
      'order',
      say('intake.scan.bad_check_digit', { digit: String(gtinCheckDigit(text.slice(0, -1))) }),
    );
  }
  if (
    /^\d+$/.test(text) ||
    /^#/.test(text) ||
    /^(order|ord|cmd|commande|bestellung|best|auftrag)\b/i.test(text)
  ) {
    return hinted('order', say('intake.scan.no_order'));
  }
  return hinted('sku', say('intake.scan.no_sku'));
}

/** A guess with its hint, as the desk reads it (`hintText`) and in English beside it. */
function hinted(looksLike: ScanLooksLike, hintText: Message) {
  return { looksLike, hint: englishText(hintText), hintText };
}

function scannedItemsQuery(db: Queryable) {
  return db
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
    .select([
      'items.id',
      'items.reference',
      'items.merchant_id',
      'merchants.name as merchant_name',
      'products.sku',
      'products.title',
      'items.status',
      'items.order_reference',
      'items.order_line',
      'items.received_at',
    ]);
}

type ScannedRow = Awaited<ReturnType<ReturnType<typeof scannedItemsQuery>['executeTakeFirstOrThrow']>>;

function toScanned(row: ScannedRow): ScannedItem {
  return {
    itemId: row.id,
    reference: row.reference,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    sku: row.sku,
    title: row.title,
    status: row.status,
    orderReference: row.order_reference,
    orderLine: row.order_line,
    receivedAt: row.received_at,
  };
}

async function findByOrderReference(
  ws: Workspace,
  text: string,
  merchantId?: number,
): Promise<ScannedItem[]> {
  let query = scannedItemsQuery(ws.kysely).where(sql<boolean>`upper(items.order_reference) = upper(${text})`);
  // The full-text index (trigrams) finds candidates without reading every item; it needs three
  // characters, and the equality above keeps only exact matches.
  if (text.split(/\s+/).every((word) => [...word].length >= 3)) {
    query = query.where('items.id', 'in', (eb) =>
      eb
        .selectFrom('item_search')
        .select('item_search.rowid')
        .where(itemSearchOrderReferenceHas(ws.kysely, text)),
    );
  }
  if (merchantId !== undefined) query = query.where('items.merchant_id', '=', merchantId);
  const rows = await query.orderBy('items.order_line').orderBy('items.id').limit(200).execute();
  return rows.map(toScanned);
}

export async function scan(ws: Workspace, input: z.output<typeof ScanInput>): Promise<ScanResult> {
  const text = cleanScan(input.text);
  if (text.length === 0)
    return { kind: 'unknown', text: input.text, ...hinted('sku', say('intake.scan.empty')) };

  const reference = normalizeReference(text);
  if (reference !== null) {
    const item = await ws.kysely
      .selectFrom('items')
      .select(['id', 'reference', 'status'])
      .where('reference', 'in', [...new Set([reference, text.toUpperCase()])])
      .executeTakeFirst();
    if (item) return { kind: 'item', itemId: item.id, reference: item.reference, status: item.status };
    return { kind: 'unknown', text, ...guessKind(text) };
  }

  const eans = gtinVariants(text);
  if (eans.length > 0) {
    const product = await productResult(
      ws,
      'ean',
      (q) => q.where('products.ean', 'in', eans),
      input.merchantId,
    );
    if (product) return product;
  }

  const notice = await findByOrderReference(ws, text, input.merchantId);
  if (notice.length > 0)
    return { kind: 'notice', orderReference: notice[0]!.orderReference ?? text, items: notice };

  const bySku =
    (await productResult(ws, 'sku', (q) => q.where('products.sku', '=', text), input.merchantId)) ??
    (await productResult(
      ws,
      'sku',
      (q) => q.where(equalsAnyCase(ws.kysely, sql.ref('products.sku'), text)),
      input.merchantId,
    ));
  if (bySku) return bySku;

  return { kind: 'unknown', text, ...guessKind(text) };
}

type ProductFilter = (query: ReturnType<typeof productQuery>) => ReturnType<typeof productQuery>;

async function productResult(
  ws: Workspace,
  matchedBy: 'ean' | 'sku',
  filter: ProductFilter,
  merchantId: number | undefined,
): Promise<ScanResult | null> {
  let query = filter(productQuery(ws.kysely));
  if (merchantId !== undefined) query = query.where('products.merchant_id', '=', merchantId);
  const rows = await query.orderBy('products.merchant_id').orderBy('products.id').limit(20).execute();
  const [first, ...others] = rows.map(toProduct);
  if (!first) return null;
  const open = await scannedItemsQuery(ws.kysely)
    .where('items.product_id', '=', first.id)
    .where('items.status', '=', 'received')
    .orderBy('items.received_at', 'desc')
    .orderBy('items.id', 'desc')
    .limit(20)
    .execute();
  return {
    kind: 'product',
    matchedBy,
    productId: first.id,
    merchantId: first.merchantId,
    product: first,
    alternatives: others,
    openItems: open.map(toScanned),
  };
}
