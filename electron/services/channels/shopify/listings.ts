/** Listings on Shopify: finding a SKU's product, creating or updating it, its price, ending it. */

import { say } from '../../../../shared/messages';
import fs from 'node:fs';
import {
  ChannelError,
  classifyHttpFailure,
  type EndReason,
  type ListingInput,
  type ListingPhoto,
  type RemoteListing,
  type RemoteRef,
} from '../channel';
import { networkError, type ShopifyClient } from './client';
import { centsOf, handleFor, searchValue, shopifyMoney } from './format';
import {
  PRIMARY_LOCATION,
  PRODUCT_BY_HANDLE,
  PRODUCT_BY_ID,
  PRODUCT_SET,
  PRODUCT_STATUS,
  PRODUCTS_BY_SKU,
  SET_QUANTITIES,
  STAGED_UPLOADS,
  STOCK,
  VARIANT_PRICE,
  type ProductNode,
  type UserError,
} from './queries';

/** Shopify's default option for a product without variants of its own. */
const DEFAULT_OPTION = { name: 'Title', value: 'Default Title' } as const;

async function productByHandle(api: ShopifyClient, sku: string): Promise<ProductNode | null> {
  const data = await api.gql<{ shop: { currencyCode: string }; productByIdentifier: ProductNode | null }>(
    'looking up the product',
    PRODUCT_BY_HANDLE,
    { handle: handleFor(sku) },
  );
  api.currency = data.shop.currencyCode;
  const product = data.productByIdentifier;
  if (product && !product.variants.nodes.some((v) => v.sku === sku)) {
    const other = product.variants.nodes[0]?.sku ?? '(none)';
    throw new ChannelError(
      'user',
      'handle_taken',
      `The Shopify product at /products/${product.handle} belongs to SKU ${other}, not ${sku}: rename one of the item references.`,
      { text: say('channels.shop_listing.handle_taken', { handle: product.handle, other, sku }) },
    );
  }
  return product;
}

/** By handle first (immediate); then by SKU (search, which lags a little) for a product whose handle the merchant changed. */
async function findProduct(api: ShopifyClient, sku: string): Promise<ProductNode | null> {
  const byHandle = await productByHandle(api, sku);
  if (byHandle) return byHandle;
  const data = await api.gql<{ shop: { currencyCode: string }; products: { nodes: ProductNode[] } }>(
    'looking up the product by SKU',
    PRODUCTS_BY_SKU,
    { query: `sku:${searchValue(sku)}` },
  );
  api.currency = data.shop.currencyCode;
  return data.products.nodes.find((p) => p.variants.nodes.some((v) => v.sku === sku)) ?? null;
}

async function productById(api: ShopifyClient, id: string): Promise<ProductNode | null> {
  const data = await api.gql<{ shop: { currencyCode: string }; product: ProductNode | null }>(
    'reading the product',
    PRODUCT_BY_ID,
    { id },
  );
  api.currency = data.shop.currencyCode;
  return data.product;
}

async function productFor(api: ShopifyClient, ref: RemoteRef): Promise<ProductNode | null> {
  if (ref.listingId) {
    const product = await productById(api, ref.listingId);
    if (product) return product;
  }
  return findProduct(api, ref.sku);
}

async function shopLocation(api: ShopifyClient): Promise<string> {
  if (api.location) return api.location;
  const data = await api.gql<{ location: { id: string } | null }>(
    'finding the shop’s location',
    PRIMARY_LOCATION,
  );
  if (!data.location) {
    throw new ChannelError(
      'user',
      'no_location',
      'The Shopify shop has no location to stock items at: add one in Shopify.',
      { text: say('channels.shop_listing.no_location') },
    );
  }
  api.location = data.location.id;
  return api.location;
}

function toRemote(api: ShopifyClient, product: ProductNode, sku: string): RemoteListing {
  const variant = product.variants.nodes.find((v) => v.sku === sku) ?? product.variants.nodes[0];
  const live = product.status === 'ACTIVE' && (variant?.inventoryQuantity ?? 0) > 0;
  return {
    sku,
    offerId: variant?.id ?? null,
    listingId: product.id,
    status: live ? 'live' : 'ended',
    url: product.onlineStoreUrl ?? `https://${api.host()}/products/${product.handle}`,
    priceCents: centsOf(variant?.price),
    currency: api.currency ?? '',
  };
}

export async function findBySku(api: ShopifyClient, sku: string): Promise<RemoteListing | null> {
  const product = await findProduct(api, sku);
  return product ? toRemote(api, product, sku) : null;
}

export async function upsert(api: ShopifyClient, input: ListingInput): Promise<RemoteListing> {
  const existing = await findProduct(api, input.sku);
  if (api.currency !== null && api.currency !== input.currency) {
    throw new ChannelError(
      'user',
      'currency',
      `The Shopify shop sells in ${api.currency}, the merchant prices in ${input.currency}: change the shop’s currency or the merchant’s.`,
      {
        text: say('channels.shop_listing.shopify_currency', {
          shopCurrency: api.currency,
          itemCurrency: input.currency,
        }),
      },
    );
  }
  const locationId = await shopLocation(api);
  const variant = existing?.variants.nodes.find((v) => v.sku === input.sku) ?? existing?.variants.nodes[0];
  const photos = input.photos ?? [];
  const media = existing?.media.nodes ?? [];
  // A retry or a re-publish keeps the photos Shopify already holds (same count, alt text and
  // size, none failed) instead of uploading them again; a changed photo sends them all anew.
  const sizes = await Promise.all(
    photos.map((p) =>
      fs.promises.stat(p.file).then(
        (st) => st.size,
        () => -1,
      ),
    ),
  );
  const keepMedia =
    existing !== null &&
    media.length === photos.length &&
    media.every(
      (m, i) =>
        m.status !== 'FAILED' &&
        m.alt === photos[i]!.alt &&
        (m.originalSource?.fileSize ?? sizes[i]) === sizes[i],
    );
  const files = keepMedia ? null : await stagePhotos(api, input.sku, photos);
  const data = await api.gql<{ productSet: { product: ProductNode | null; userErrors: UserError[] } }>(
    'saving the product',
    PRODUCT_SET,
    {
      identifier: existing ? { id: existing.id } : { handle: handleFor(input.sku) },
      input: {
        title: input.title,
        descriptionHtml: input.descriptionHtml,
        status: 'ACTIVE',
        productOptions: [{ name: DEFAULT_OPTION.name, values: [{ name: DEFAULT_OPTION.value }] }],
        variants: [
          {
            ...(variant ? { id: variant.id } : {}),
            optionValues: [{ optionName: DEFAULT_OPTION.name, name: DEFAULT_OPTION.value }],
            sku: input.sku,
            price: shopifyMoney(input.priceCents),
            // Shown struck through next to the price; only meaningful above it.
            compareAtPrice: input.originalCents > input.priceCents ? shopifyMoney(input.originalCents) : null,
            inventoryPolicy: 'DENY',
            inventoryItem: { tracked: true },
            inventoryQuantities: [{ locationId, name: 'available', quantity: input.quantity }],
          },
        ],
        ...(files ? { files } : {}),
      },
    },
  );
  api.userErrors('saving the product', data.productSet.userErrors);
  const product = data.productSet.product;
  if (!product)
    throw new ChannelError(
      'retryable',
      'no_product',
      'Shopify saved the product without returning it; checking again.',
    );
  api.currency ??= input.currency;
  return toRemote(api, product, input.sku);
}

/** Staged uploads: ask Shopify where to put each photo, POST it there, hand back its resourceUrl. */
async function stagePhotos(
  api: ShopifyClient,
  sku: string,
  photos: readonly ListingPhoto[],
): Promise<{ originalSource: string; contentType: 'IMAGE'; alt: string }[]> {
  if (photos.length === 0) return [];
  const files = await Promise.all(
    photos.map(async (photo, i) => {
      try {
        return {
          photo,
          bytes: await fs.promises.readFile(photo.file),
          filename: `${handleFor(sku)}-${i + 1}.jpg`,
        };
      } catch {
        throw new ChannelError(
          'user',
          'photo_missing',
          `The photo ${photo.file} of ${sku} cannot be read: take it again.`,
          { text: say('channels.shop_listing.photo_missing', { file: photo.file, reference: sku }) },
        );
      }
    }),
  );
  const data = await api.gql<{
    stagedUploadsCreate: {
      stagedTargets:
        { url: string; resourceUrl: string; parameters: { name: string; value: string }[] }[] | null;
      userErrors: UserError[];
    };
  }>('preparing the photo upload', STAGED_UPLOADS, {
    input: files.map((f) => ({
      filename: f.filename,
      mimeType: 'image/jpeg',
      resource: 'IMAGE',
      httpMethod: 'POST',
      fileSize: String(f.bytes.length),
    })),
  });
  api.userErrors('preparing the photo upload', data.stagedUploadsCreate.userErrors);
  const targets = data.stagedUploadsCreate.stagedTargets ?? [];
  if (targets.length !== files.length) {
    throw new ChannelError(
      'retryable',
      'staged_targets',
      'Shopify returned fewer upload targets than photos; trying again.',
    );
  }
  const out: { originalSource: string; contentType: 'IMAGE'; alt: string }[] = [];
  for (const [i, target] of targets.entries()) {
    const file = files[i]!;
    const form = new FormData();
    for (const p of target.parameters) form.append(p.name, p.value);
    // The file goes last: the storage service ignores form fields after it.
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'image/jpeg' }), file.filename);
    let res: Response;
    try {
      res = await fetch(target.url, {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(api.timeoutMs),
      });
    } catch (error) {
      throw networkError('uploading a photo', error);
    }
    if (!res.ok) {
      const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      throw classifyHttpFailure(
        res.status,
        `Shopify’s photo storage refused ${file.filename} (HTTP ${res.status}): ${text}`,
        res.headers.get('Retry-After'),
        api.o.clock.now(),
      );
    }
    out.push({ originalSource: target.resourceUrl, contentType: 'IMAGE', alt: file.photo.alt });
  }
  return out;
}

export async function updatePrice(
  api: ShopifyClient,
  ref: RemoteRef,
  priceCents: number,
): Promise<RemoteListing> {
  const product = await productFor(api, ref);
  const variant = product?.variants.nodes.find((v) => v.sku === ref.sku) ?? product?.variants.nodes[0];
  if (!product || !variant) {
    throw new ChannelError(
      'user',
      'not_found',
      `Shopify has no product for ${ref.sku}: publish the item again.`,
      { text: say('channels.shop_listing.no_product', { reference: ref.sku }) },
    );
  }
  const data = await api.gql<{
    productVariantsBulkUpdate: { product: ProductNode | null; userErrors: UserError[] };
  }>('changing the price', VARIANT_PRICE, {
    productId: product.id,
    variants: [{ id: variant.id, price: shopifyMoney(priceCents) }],
  });
  api.userErrors('changing the price', data.productVariantsBulkUpdate.userErrors);
  const updated = data.productVariantsBulkUpdate.product ?? product;
  return { ...toRemote(api, updated, ref.sku), priceCents };
}

/**
 * Stock to 0 (compare-and-swap on the quantity just read, re-read if someone changed it
 * meanwhile), then the product to DRAFT so it leaves the shop. Each step is skipped when already
 * done, so ending twice, or ending what never existed, succeeds.
 */
export async function end(api: ShopifyClient, ref: RemoteRef, reason: EndReason): Promise<void> {
  const product = await productFor(api, ref);
  if (!product) return;
  const locationId = await shopLocation(api);
  for (let attempt = 0; ; attempt += 1) {
    const data = await api.gql<{
      product: {
        id: string;
        status: string;
        variants: {
          nodes: {
            id: string;
            sku: string | null;
            inventoryItem: {
              id: string;
              inventoryLevel: { quantities: { name: string; quantity: number }[] } | null;
            };
          }[];
        };
      } | null;
    }>('reading the stock', STOCK, { id: product.id, locationId });
    const variant =
      data.product?.variants.nodes.find((v) => v.sku === ref.sku) ?? data.product?.variants.nodes[0];
    const level = variant?.inventoryItem.inventoryLevel ?? null;
    const available = level?.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
    if (!variant || level === null || available === 0) break;
    const result = await api.gql<{ inventorySetQuantities: { userErrors: UserError[] } }>(
      'setting the stock to 0',
      SET_QUANTITIES,
      {
        input: {
          name: 'available',
          reason: 'correction',
          referenceDocumentUri: `rebound://listing/${encodeURIComponent(ref.sku)}/end/${reason}`,
          quantities: [
            {
              inventoryItemId: variant.inventoryItem.id,
              locationId,
              quantity: 0,
              changeFromQuantity: available,
            },
          ],
        },
      },
    );
    const errors = result.inventorySetQuantities.userErrors;
    const stale = errors.some(
      (e) => e.code === 'CHANGE_FROM_QUANTITY_STALE' || e.code === 'COMPARE_QUANTITY_STALE',
    );
    if (stale && attempt < 2) continue;
    if (stale) {
      throw new ChannelError(
        'retryable',
        'CHANGE_FROM_QUANTITY_STALE',
        'The stock on Shopify keeps changing; trying again shortly.',
      );
    }
    api.userErrors('setting the stock to 0', errors);
    break;
  }
  if (product.status === 'DRAFT' || product.status === 'ARCHIVED') return;
  const hidden = await api.gql<{ productUpdate: { userErrors: UserError[] } }>(
    'hiding the product',
    PRODUCT_STATUS,
    {
      product: { id: product.id, status: 'DRAFT' },
    },
  );
  api.userErrors('hiding the product', hidden.productUpdate.userErrors);
}

export async function state(api: ShopifyClient, ref: RemoteRef): Promise<RemoteListing | null> {
  const product = await productFor(api, ref);
  return product ? toRemote(api, product, ref.sku) : null;
}
