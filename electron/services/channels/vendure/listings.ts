/** Listings on Vendure: Rebound's product for a SKU, creating or updating it, its price, ending it. */

import { say } from '../../../../shared/messages';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ChannelError,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteRef,
} from '../channel';
import { unwrap, type VendureApi } from './client';
import {
  PRODUCT_FIELDS,
  VARIANT_FIELDS,
  type ChannelRecord,
  type ErrorResultShape,
  type Found,
  type ProductRecord,
  type VariantRecord,
} from './queries';

/**
 * The product slug Rebound gives an item: the SKU as Vendure would normalise it (lower case,
 * `-` for anything else), so `RB-000123` is `rb-000123`. When that loses more than case, a short
 * hash of the exact SKU keeps two SKUs from sharing a slug.
 */
export function reboundSlug(sku: string): string {
  const plain = sku
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain !== '' && plain === sku.toLowerCase()) return plain;
  const hash = crypto.createHash('sha256').update(sku).digest('hex').slice(0, 8);
  return plain === '' ? `item-${hash}` : `${plain}-${hash}`;
}

/** The asset tag that names a photo's bytes, so the same photo is uploaded once. */
function photoTag(bytes: Buffer): string {
  return `rebound-photo-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

function language(api: VendureApi): string {
  return api.o.settings.languageCode;
}

async function activeChannel(api: VendureApi): Promise<ChannelRecord> {
  if (!api.channelInfo) {
    const data = await api.session.call<{ activeChannel: ChannelRecord }>(
      'reading the shop’s channel',
      `query ReboundActiveChannel { activeChannel { id code token defaultCurrencyCode availableCurrencyCodes } }`,
    );
    const token = api.o.settings.channelToken;
    // Vendure answers CHANNEL_NOT_FOUND for an unknown token; this guards against a shop (or a
    // proxy) that would serve another channel instead: never publish into the wrong one.
    if (token && data.activeChannel.token !== token) {
      throw new ChannelError(
        'user',
        'wrong_channel',
        `Vendure knows no channel with the token “${token}”: correct the channel token in the Vendure settings.`,
        { text: say('channels.shop_listing.vendure_wrong_channel', { token }) },
      );
    }
    api.channelInfo = data.activeChannel;
  }
  return api.channelInfo;
}

/** The currency Rebound prices in on this shop, and whether it is the channel's default. */
async function shopCurrency(api: VendureApi): Promise<{ code: string; isDefault: boolean }> {
  const channel = await activeChannel(api);
  const code = api.o.settings.currencyCode ?? channel.defaultCurrencyCode;
  if (code !== channel.defaultCurrencyCode && !channel.availableCurrencyCodes.includes(code)) {
    throw new ChannelError(
      'user',
      'currency',
      `The Vendure channel “${channel.code}” does not sell in ${code}: add the currency to the channel or change the Vendure settings.`,
      { text: say('channels.shop_listing.vendure_currency', { channel: channel.code, currency: code }) },
    );
  }
  return { code, isDefault: code === channel.defaultCurrencyCode };
}

async function priceInput(api: VendureApi, priceCents: number): Promise<Record<string, unknown>> {
  if (!Number.isSafeInteger(priceCents) || priceCents < 0) {
    throw new ChannelError('user', 'bad_price', `Not an amount in minor units: ${priceCents}.`);
  }
  const currency = await shopCurrency(api);
  return currency.isDefault
    ? { price: priceCents }
    : { prices: [{ currencyCode: currency.code, price: priceCents }] };
}

function productUrl(api: VendureApi, slug: string): string | null {
  const template = api.o.settings.storefrontProductUrl;
  return template ? template.replace('{slug}', encodeURIComponent(slug)) : null;
}

function toRemote(api: VendureApi, found: Found, currency: string): RemoteListing {
  const { product, variant } = found;
  const available = variant.stockOnHand - variant.stockAllocated;
  const status =
    !product.enabled || !variant.enabled
      ? 'ended'
      : available > 0
        ? 'live'
        : variant.stockAllocated > 0
          ? 'sold'
          : 'ended';
  const price = variant.prices.find((p) => p.currencyCode === currency);
  return {
    sku: variant.sku,
    offerId: variant.id,
    listingId: product.id,
    status,
    url: productUrl(api, product.slug),
    priceCents: price?.price ?? variant.price,
    currency: price ? currency : variant.currencyCode,
  };
}

/** Rebound's product and variant for the SKU: the variant with exactly that SKU under our slug. */
async function findOurs(api: VendureApi, sku: string): Promise<Found | null> {
  const slug = reboundSlug(sku);
  const data = await api.session.call<{
    productVariants: { items: (VariantRecord & { product: ProductRecord })[] };
  }>(
    'looking up the SKU',
    `query ReboundFindVariant($sku: String!) {
      productVariants(options: { filter: { sku: { eq: $sku } }, take: 100 }) {
        items { ${VARIANT_FIELDS} product { ${PRODUCT_FIELDS} } }
      }
    }`,
    { sku },
  );
  const hit = data.productVariants.items.find((v) => v.sku === sku && v.product.slug === slug);
  if (!hit) return null;
  const { product, ...variant } = hit;
  return { product, variant };
}

/** Looks the ref up by the stored variant id first (one call), by SKU when that is gone. */
async function findRef(api: VendureApi, ref: RemoteRef): Promise<Found | null> {
  if (ref.offerId) {
    const data = await api.session.call<{
      productVariant: (VariantRecord & { product: ProductRecord }) | null;
    }>(
      'reading the product',
      `query ReboundGetVariant($id: ID!) {
        productVariant(id: $id) { ${VARIANT_FIELDS} product { ${PRODUCT_FIELDS} } }
      }`,
      { id: ref.offerId },
    );
    const hit = data.productVariant;
    if (hit && hit.sku === ref.sku && hit.product.slug === reboundSlug(ref.sku)) {
      const { product, ...variant } = hit;
      return { product, variant };
    }
  }
  return findOurs(api, ref.sku);
}

export async function findBySku(api: VendureApi, sku: string): Promise<RemoteListing | null> {
  const found = await findOurs(api, sku);
  return found ? toRemote(api, found, (await shopCurrency(api)).code) : null;
}

export async function upsert(api: VendureApi, input: ListingInput): Promise<RemoteListing> {
  const currency = await shopCurrency(api);
  if (input.currency !== currency.code) {
    throw new ChannelError(
      'user',
      'currency',
      `The Vendure shop sells in ${currency.code}, the item is priced in ${input.currency}: set the Vendure currency to match.`,
    );
  }
  const slug = reboundSlug(input.sku);
  let found = await findOurs(api, input.sku);
  let product: ProductRecord | null = found?.product ?? null;
  if (!product) {
    // A product under our slug without our variant: an attempt that stopped after
    // createProduct (adopt it), or someone else's product (refuse rather than mix them).
    product = await productBySlug(api, slug);
    if (product && (product.variants ?? []).some((v) => v.sku !== input.sku)) {
      throw new ChannelError(
        'user',
        'slug_taken',
        `The Vendure product “${slug}” already exists with other SKUs: rename or remove it in Vendure, then publish ${input.sku} again.`,
      );
    }
  }

  const assetIds = await uploadPhotos(api, input);
  const translation = {
    languageCode: language(api),
    name: input.title,
    slug,
    description: input.descriptionHtml,
  };
  const productInput = {
    enabled: true,
    translations: [translation],
    ...(assetIds.length > 0 ? { assetIds, featuredAssetId: assetIds[0] } : {}),
  };
  if (product) {
    const data = await api.session.call<{ updateProduct: ProductRecord }>(
      'updating the product',
      `mutation ReboundUpdateProduct($input: UpdateProductInput!) {
        updateProduct(input: $input) { ${PRODUCT_FIELDS} }
      }`,
      { input: { id: product.id, ...productInput } },
    );
    product = data.updateProduct;
  } else {
    const data = await api.session.call<{ createProduct: ProductRecord }>(
      'creating the product',
      `mutation ReboundCreateProduct($input: CreateProductInput!) {
        createProduct(input: $input) { ${PRODUCT_FIELDS} }
      }`,
      { input: productInput },
    );
    product = data.createProduct;
  }

  const field = api.o.settings.compareAtCustomField;
  const variantInput = {
    enabled: true,
    translations: [{ languageCode: language(api), name: input.title }],
    ...(await priceInput(api, input.priceCents)),
    stockOnHand: input.quantity,
    trackInventory: 'TRUE',
    ...(field ? { customFields: { [field]: input.originalCents } } : {}),
  };
  if (found) {
    await api.session.call(
      'updating the product variant',
      `mutation ReboundUpdateVariant($input: [UpdateProductVariantInput!]!) {
        updateProductVariants(input: $input) { id }
      }`,
      // An open Vendure order already holds the unit: it is sold (the next sales poll says so),
      // so the stock is left alone rather than putting a sold item back on sale.
      {
        input: [
          found.variant.stockAllocated > 0
            ? { id: found.variant.id, ...variantInput, stockOnHand: undefined }
            : { id: found.variant.id, ...variantInput },
        ],
      },
    );
  } else {
    await api.session.call(
      'creating the product variant',
      `mutation ReboundCreateVariant($input: [CreateProductVariantInput!]!) {
        createProductVariants(input: $input) { id }
      }`,
      { input: [{ productId: product.id, sku: input.sku, ...variantInput }] },
    );
  }
  found = await findOurs(api, input.sku);
  if (!found) {
    throw new ChannelError(
      'retryable',
      'not_visible',
      `Vendure saved ${input.sku} but does not show it yet; checking again.`,
    );
  }
  if (found.variant.stockAllocated === 0 && found.variant.stockOnHand < input.quantity) {
    // Stock lives in stock locations; a channel without one keeps none of what was set.
    throw new ChannelError(
      'user',
      'no_stock',
      `Vendure kept no stock for ${input.sku}: give the channel a stock location in Vendure (Settings › Stock locations), then publish again.`,
    );
  }
  return toRemote(api, found, currency.code);
}

async function productBySlug(api: VendureApi, slug: string): Promise<ProductRecord | null> {
  const data = await api.session.call<{ product: ProductRecord | null }>(
    'looking up the product',
    `query ReboundProductBySlug($slug: String!) {
      product(slug: $slug) { ${PRODUCT_FIELDS} variants { id sku } }
    }`,
    { slug },
  );
  return data.product && data.product.slug === slug ? data.product : null;
}

/**
 * The asset ids of the listing photos, in order. Each photo is tagged with a hash of its
 * bytes; photos Vendure already holds (an earlier attempt, a re-publish) are not sent again.
 */
async function uploadPhotos(api: VendureApi, input: ListingInput): Promise<string[]> {
  const photos = input.photos ?? [];
  if (photos.length === 0) return [];
  const loaded = await Promise.all(
    photos.map(async (photo) => {
      const bytes = await fs.promises.readFile(photo.file).catch((error: unknown) => {
        throw new ChannelError(
          'user',
          'photo_missing',
          `The photo ${photo.file} of ${input.sku} cannot be read.`,
          {
            cause: error,
          },
        );
      });
      return { ...photo, bytes, tag: photoTag(bytes) };
    }),
  );
  const tags = [...new Set(loaded.map((p) => p.tag))];
  const known = await api.session.call<{
    assets: { items: { id: string; tags: { value: string }[] }[] };
  }>(
    'looking up the photos',
    `query ReboundFindAssets($tags: [String!]!, $take: Int!) {
      assets(options: { tags: $tags, tagsOperator: OR, take: $take }) { items { id tags { value } } }
    }`,
    { tags, take: Math.max(tags.length * 4, 10) },
  );
  const byTag = new Map<string, string>();
  for (const asset of known.assets.items) {
    for (const tag of asset.tags)
      if (tags.includes(tag.value) && !byTag.has(tag.value)) byTag.set(tag.value, asset.id);
  }
  const missing = loaded.filter(
    (p, i) => !byTag.has(p.tag) && loaded.findIndex((q) => q.tag === p.tag) === i,
  );
  if (missing.length > 0) {
    const data = await api.session.call<{
      createAssets: ({ __typename: 'Asset'; id: string } | ErrorResultShape)[];
    }>(
      'uploading the photos',
      `mutation ReboundCreateAssets($input: [CreateAssetInput!]!) {
        createAssets(input: $input) {
          __typename
          ... on Asset { id }
          ... on ErrorResult { errorCode message }
        }
      }`,
      {
        input: missing.map((p) => ({
          file: null,
          tags: [p.tag],
          translations: [{ languageCode: language(api), name: p.alt || path.basename(p.file) }],
        })),
      },
      {
        files: missing.map((p, i) => ({
          path: `variables.input.${i}.file`,
          bytes: p.bytes,
          name: `${reboundSlug(input.sku)}-${i + 1}.jpg`,
        })),
      },
    );
    data.createAssets.forEach((result, i) => {
      const asset = unwrap(result as { __typename: 'Asset'; id: string }, 'Asset', 'the photo');
      byTag.set(missing[i]!.tag, asset.id);
    });
  }
  return [...new Set(loaded.map((p) => byTag.get(p.tag)!))];
}

export async function updatePrice(
  api: VendureApi,
  ref: RemoteRef,
  priceCents: number,
): Promise<RemoteListing> {
  const found = await findRef(api, ref);
  if (!found) {
    throw new ChannelError(
      'user',
      'not_found',
      `Vendure has no product for ${ref.sku}: publish the item again.`,
    );
  }
  await api.session.call(
    'changing the price',
    `mutation ReboundUpdatePrice($input: [UpdateProductVariantInput!]!) {
      updateProductVariants(input: $input) { id }
    }`,
    { input: [{ id: found.variant.id, ...(await priceInput(api, priceCents)) }] },
  );
  const currency = (await shopCurrency(api)).code;
  return { ...toRemote(api, found, currency), priceCents, currency };
}

/**
 * Hides the product and takes its free stock away. Stock an open Vendure order holds stays,
 * so Vendure's own fulfilment still balances (it subtracts what it allocated when it ships).
 */
export async function end(api: VendureApi, ref: RemoteRef, _reason: EndReason): Promise<void> {
  const found = await findRef(api, ref);
  if (!found) return;
  const { product, variant } = found;
  const stock = Math.max(0, variant.stockAllocated);
  if (variant.stockOnHand !== stock) {
    await api.session.call(
      'taking the stock away',
      `mutation ReboundEndVariant($input: [UpdateProductVariantInput!]!) {
        updateProductVariants(input: $input) { id }
      }`,
      { input: [{ id: variant.id, stockOnHand: stock }] },
    );
  }
  if (product.enabled) {
    await api.session.call(
      'hiding the product',
      `mutation ReboundDisableProduct($input: UpdateProductInput!) {
        updateProduct(input: $input) { id }
      }`,
      { input: { id: product.id, enabled: false } },
    );
  }
}

export async function state(api: VendureApi, ref: RemoteRef): Promise<RemoteListing | null> {
  const found = await findRef(api, ref);
  return found ? toRemote(api, found, (await shopCurrency(api)).code) : null;
}
