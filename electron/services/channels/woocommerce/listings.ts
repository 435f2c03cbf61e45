/** Listings on WooCommerce: finding a SKU's product, creating or updating it, its photos, ending it. */

import fs from 'node:fs';
import {
  ChannelError,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteRef,
} from '../channel';
import {
  basicAuth,
  fetchJson,
  isNotFound,
  mapWooError,
  readFailure,
  type WooApi,
  type WooProduct,
} from './client';
import { centsOf, wooPrices } from './format';
import { say } from '../../../../shared/messages';

async function toRemote(api: WooApi, product: WooProduct): Promise<RemoteListing> {
  const stock = product.manage_stock ? (product.stock_quantity ?? 0) : 1;
  const published = product.status === 'publish' && product.stock_status !== 'outofstock' && stock > 0;
  const soldOut = product.status === 'publish' && stock <= 0 && (product.total_sales ?? 0) > 0;
  return {
    sku: product.sku,
    offerId: null,
    listingId: String(product.id),
    status: published ? 'live' : soldOut ? 'sold' : 'ended',
    url: product.permalink || null,
    priceCents: centsOf(product.sale_price || product.regular_price || product.price),
    currency: await api.currency(),
  };
}

async function findProduct(api: WooApi, sku: string): Promise<WooProduct | null> {
  const { data } = await api.call<WooProduct[]>('looking up the product', (c) =>
    c.get('products', { sku, status: 'any', per_page: '10' }),
  );
  // `sku=` takes a comma-separated list: keep only the exact match.
  return (Array.isArray(data) ? data : []).find((p) => p.sku === sku) ?? null;
}

async function getProduct(api: WooApi, id: string): Promise<WooProduct | null> {
  try {
    const { data } = await api.call<WooProduct>('reading the product', (c) =>
      c.get(`products/${Number(id)}`),
    );
    return data;
  } catch (error) {
    if (error instanceof ChannelError && isNotFound(error.cause)) return null;
    throw error;
  }
}

async function productFor(api: WooApi, ref: RemoteRef): Promise<WooProduct | null> {
  if (ref.listingId !== null && /^\d+$/.test(ref.listingId)) {
    const product = await getProduct(api, ref.listingId);
    if (product && product.sku === ref.sku) return product;
  }
  return findProduct(api, ref.sku);
}

export async function findBySku(api: WooApi, sku: string): Promise<RemoteListing | null> {
  const product = await findProduct(api, sku);
  return product ? toRemote(api, product) : null;
}

export async function upsert(api: WooApi, input: ListingInput): Promise<RemoteListing> {
  const merchantCurrency = await api.currency();
  if (input.currency !== merchantCurrency) {
    throw new ChannelError(
      'user',
      'currency',
      `The shop sells in ${merchantCurrency}, the item is priced in ${input.currency}: price it in ${merchantCurrency}.`,
      {
        text: say('channels.shop_listing.currency', {
          shopCurrency: merchantCurrency,
          itemCurrency: input.currency,
        }),
      },
    );
  }
  const existing = await findProduct(api, input.sku);
  const images = await imagesFor(api, input, existing);
  const body = {
    name: input.title,
    type: 'simple',
    status: 'publish',
    catalog_visibility: 'visible',
    description: input.descriptionHtml,
    sku: input.sku,
    ...wooPrices(input.priceCents, input.originalCents),
    manage_stock: true,
    stock_quantity: input.quantity,
    ...(images ? { images } : {}),
  };
  if (existing) return toRemote(api, await updateProduct(api, existing.id, body, 'updating the product'));
  try {
    const { data } = await api.call<WooProduct>('creating the product', (c) => c.post('products', body));
    return toRemote(api, data);
  } catch (error) {
    // Created by an earlier attempt whose answer we never saw: WooCommerce names the product.
    const f = error instanceof ChannelError ? readFailure(error.cause) : null;
    if (f?.code !== 'product_invalid_sku') throw error;
    const id =
      typeof f.data['resource_id'] === 'number'
        ? f.data['resource_id']
        : (await findProduct(api, input.sku))?.id;
    if (id === undefined) throw error;
    return toRemote(api, await updateProduct(api, id, body, 'updating the product'));
  }
}

async function updateProduct(
  api: WooApi,
  id: number,
  body: Record<string, unknown>,
  action: string,
): Promise<WooProduct> {
  const { data } = await api.call<WooProduct>(action, (c) => c.put(`products/${id}`, body));
  return data;
}

/**
 * The product's images as WordPress attachment ids. A product that already holds as many
 * images as we have photos (a retry, a re-publish) keeps them, so a retry uploads nothing again.
 * Without photos the product's images are left as they are.
 */
async function imagesFor(
  api: WooApi,
  input: ListingInput,
  existing: WooProduct | null,
): Promise<{ id: number; alt: string }[] | null> {
  const photos = input.photos ?? [];
  if (photos.length === 0) return null;
  const current = existing?.images ?? [];
  if (current.length === photos.length) {
    return current.map((image, i) => ({ id: image.id, alt: photos[i]!.alt }));
  }
  const { wpUser } = api.o.settings;
  const { wpAppPassword } = api.o.secrets;
  if (!wpUser || !wpAppPassword) {
    throw new ChannelError(
      'user',
      'missing_permission',
      'Photos cannot be uploaded to the shop: WordPress needs a user name and an Application Password (Users → Profile → Application Passwords). Add them in the shop settings.',
      { text: say('channels.shop_listing.no_wp_password') },
    );
  }
  // The client refuses plain http to another machine; the upload must too.
  await api.client();
  const out: { id: number; alt: string }[] = [];
  for (const [i, photo] of photos.entries()) {
    const bytes = await fs.promises.readFile(photo.file);
    const filename = `${input.sku.replace(/[^A-Za-z0-9._-]+/g, '-')}-${i + 1}.jpg`;
    const query = new URLSearchParams({ alt_text: photo.alt, title: `${input.title} (${i + 1})` });
    try {
      const media = (await fetchJson(
        `${api.o.settings.url}/wp-json/wp/v2/media?${query.toString()}`,
        {
          method: 'POST',
          headers: {
            Authorization: basicAuth(wpUser, wpAppPassword),
            'Content-Type': 'image/jpeg',
            'Content-Disposition': `attachment; filename="${filename}"`,
          },
          body: new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
        },
        api.timeoutMs,
      )) as { id?: unknown };
      if (typeof media.id !== 'number') {
        throw new ChannelError('retryable', 'no_media_id', 'WordPress stored a photo without an id.');
      }
      out.push({ id: media.id, alt: photo.alt });
    } catch (error) {
      throw mapWooError(error, `uploading photo ${i + 1} of ${photos.length}`, api.clock.now(), 'WordPress');
    }
  }
  return out;
}

export async function updatePrice(api: WooApi, ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
  const product = await productFor(api, ref);
  if (!product) {
    throw new ChannelError(
      'user',
      'not_found',
      `The shop has no product ${ref.sku}: publish the item again.`,
      { text: say('channels.shop_listing.no_product', { reference: ref.sku }) },
    );
  }
  // The original stays the regular price while it is above the new price.
  const regular = centsOf(product.regular_price);
  const original = regular > 0 ? regular : centsOf(product.price);
  const updated = await updateProduct(api, product.id, wooPrices(priceCents, original), 'changing the price');
  return toRemote(api, updated);
}

/** Stock 0 and draft: out of the shop, kept for its history. Already so, or gone: done. */
export async function end(api: WooApi, ref: RemoteRef, _reason: EndReason): Promise<void> {
  const product = await productFor(api, ref);
  if (!product) return;
  if (product.status === 'draft' && product.manage_stock === true && (product.stock_quantity ?? 0) <= 0)
    return;
  await updateProduct(
    api,
    product.id,
    { status: 'draft', manage_stock: true, stock_quantity: 0 },
    'ending the listing',
  );
}

export async function state(api: WooApi, ref: RemoteRef): Promise<RemoteListing | null> {
  const product = await productFor(api, ref);
  return product ? toRemote(api, product) : null;
}
